// Check: one shipment in, one determination out, with its derivation. The URL
// carries the shipment, so a determination can be sent as a link.
import { useEffect, useState } from "preact/hooks";
import { ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { CountrySelect } from "../components/country-select";
import { DeterminationView } from "../components/determination";
import { ExplainPanel } from "./check-explain";
import { code, countryName, t, useLang } from "../i18n";
import { getJson } from "../lib/api";
import { countriesOn, isDate } from "../lib/countries";
import { replaceParams } from "../lib/router";
import { END_USES, type Country, type Determination, type Mode } from "../lib/types";
import { useApi } from "../lib/use-api";
import type { PageProps } from "../main";
import { defaultForm, formFromParams, paramsOf, shipmentOf, type CheckForm } from "./check-form";
import { ItemFieldset } from "./check-item";

export default function CheckPage({ params }: PageProps) {
  useLang();
  const [form, setForm] = useState<CheckForm>(() => formFromParams(params) ?? defaultForm());
  const [result, setResult] = useState<{ d: Determination; date: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const countries = useApi(
    isDate(form.fields.date ?? "") ? () => countriesOn(form.fields.date, form.mode) : null,
    `${form.fields.date}|${form.mode}`,
  );
  const list = countries.data?.countries ?? [];

  const setField = (name: string, value: string) =>
    setForm((f) => ({ ...f, fields: { ...f.fields, [name]: value } }));

  async function run(f: CheckForm) {
    setBusy(true);
    setError(null);
    replaceParams("check", paramsOf(f));
    try {
      const d = await getJson<Determination>("/v1/determinations", {
        body: shipmentOf(f),
        query: { mode: f.mode, dry_run: f.record ? undefined : "true" },
      });
      setResult({ d, date: f.fields.date });
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  // A deep link runs its check on arrival, as a preview (never recorded).
  useEffect(() => {
    if (formFromParams(params)) run(form);
  }, []);

  return (
    <div class="page check-page">
      <PageTitle intro={t("check.intro")}>{t("check.title")}</PageTitle>
      <form class="check-form" onSubmit={(e) => (e.preventDefault(), run(form))}>
        <ItemFieldset
          form={form}
          setField={setField}
          setSource={(source) => setForm({ ...form, source })}
        />
        <ShipmentFieldset form={form} setField={setField} countries={list} />
        <ConsigneeFieldset form={form} setField={setField} countries={list} />
        <LawFieldset form={form} setForm={setForm} setField={setField} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t("check.submit")}
          </button>
          <CopyLink />
        </div>
      </form>
      <div aria-live="polite" aria-busy={busy}>
        <Loading when={busy} />
        <ErrorBox error={error} />
        {result && <DeterminationView d={result.d} date={result.date} />}
        {result && <ExplainPanel form={form} key={JSON.stringify(shipmentOf(form))} />}
      </div>
    </div>
  );
}

interface Part {
  form: CheckForm;
  setField: (name: string, value: string) => void;
  countries: Country[];
}

function ShipmentFieldset({ form, setField, countries }: Part) {
  const f = form.fields;
  const dest = countries.find((c) => c.code === f.destination);
  return (
    <fieldset>
      <legend>
        {t("check.date")}, {t("check.destination")}
      </legend>
      <div class="row">
        <Field label={t("check.units")} id="f-units">
          <input
            id="f-units"
            type="number"
            min="1"
            max="1000000000"
            step="1"
            required
            value={f.units ?? ""}
            onInput={(e) => setField("units", e.currentTarget.value)}
          />
        </Field>
        <Field label={t("check.date")} id="f-date">
          <input
            id="f-date"
            type="date"
            required
            value={f.date ?? ""}
            onInput={(e) => setField("date", e.currentTarget.value)}
          />
        </Field>
        <Field label={t("check.destination")} id="f-destination">
          <CountrySelect
            id="f-destination"
            value={f.destination ?? ""}
            countries={countries}
            showTier
            required
            describedBy="destination-tier"
            onChange={(v) => setField("destination", v)}
          />
        </Field>
      </div>
      <TierHint dest={dest} date={f.date} mode={form.mode} />
      <MoreShipmentFields form={form} setField={setField} countries={countries} />
    </fieldset>
  );
}

// The destination's tier, groups and embargo on the form's date and mode.
function TierHint({ dest, date, mode }: { dest?: Country; date: string; mode: Mode }) {
  return (
    <p id="destination-tier" class="tier-hint" data-testid="destination-tier" aria-live="polite">
      {dest &&
        t("check.destination_tier", {
          country: countryName(dest.code, dest.name),
          tier: dest.tier ? t(`tier.${dest.tier}` as "tier.1") : t("tier.none"),
          date: date,
          mode: code("mode", mode),
        })}
      {dest?.groups.length ? ` · ${dest.groups.join(", ")}` : ""}
      {dest?.embargo ? ` · ${t("law.embargo")}: ${dest.embargo.program}` : ""}
    </p>
  );
}

function MoreShipmentFields({ form, setField, countries }: Part) {
  const f = form.fields;
  return (
    <details class="more">
      <summary>{t("check.more")}</summary>
      <div class="row">
        <Field label={t("check.id")} id="f-id">
          <input
            id="f-id"
            maxLength={128}
            value={f.id ?? ""}
            onInput={(e) => setField("id", e.currentTarget.value)}
          />
        </Field>
        <Field label={t("check.type")} id="f-type">
          <select
            id="f-type"
            value={f.type ?? "export"}
            onChange={(e) => setField("type", e.currentTarget.value)}
          >
            <option value="export">{t("check.type.export")}</option>
            <option value="reexport">{t("check.type.reexport")}</option>
            <option value="transfer">{t("check.type.transfer")}</option>
          </select>
        </Field>
        <Field label={t("check.from")} id="f-from">
          <CountrySelect
            id="f-from"
            value={f.from ?? ""}
            countries={countries}
            empty="US"
            onChange={(v) => setField("from", v)}
          />
        </Field>
      </div>
    </details>
  );
}

function ConsigneeFieldset({ form, setField, countries }: Part) {
  const f = form.fields;
  const text = (name: string, label: string) => {
    const id = `f-${name.replace(/\W/g, "-")}`;
    return (
      <Field label={label} id={id}>
        <input
          id={id}
          value={f[name] ?? ""}
          autoComplete="off"
          onInput={(e) => setField(name, e.currentTarget.value)}
        />
      </Field>
    );
  };
  const country = (name: string, label: string) => {
    const id = `f-${name.replace(/\W/g, "-")}`;
    return (
      <Field label={label} id={id}>
        <CountrySelect
          id={id}
          value={f[name] ?? ""}
          countries={countries}
          empty="—"
          onChange={(v) => setField(name, v)}
        />
      </Field>
    );
  };
  return (
    <fieldset>
      <legend>{t("check.consignee")}</legend>
      <div class="row">
        {text("consignee.name", t("check.consignee_name"))}
        {country("consignee.hq", t("check.consignee_hq"))}
        {text("consignee.parent", t("check.parent"))}
        {country("consignee.parent_hq", t("check.parent_hq"))}
        <Field label={t("check.veu")} id="f-veu">
          <select
            id="f-veu"
            value={f["consignee.veu"] ?? ""}
            onChange={(e) => setField("consignee.veu", e.currentTarget.value)}
          >
            <option value="">{t("check.veu_none")}</option>
            <option value="UVEU">UVEU</option>
            <option value="NVEU">NVEU</option>
          </select>
        </Field>
      </div>
      <details class="more">
        <summary>{t("check.more")}</summary>
        <div class="row">
          {text("consignee.id", t("check.consignee_id"))}
          {text("consignee.parent_id", t("check.parent_id"))}
        </div>
      </details>
      <EndUses form={form} setField={setField} />
    </fieldset>
  );
}

function EndUses({ form, setField }: Omit<Part, "countries">) {
  const chosen = new Set((form.fields.end_use ?? "").split(";").filter(Boolean));
  const toggle = (u: string, on: boolean) => {
    on ? chosen.add(u) : chosen.delete(u);
    setField("end_use", END_USES.filter((x) => chosen.has(x)).join(";"));
  };
  return (
    <fieldset class="inline">
      <legend>{t("check.end_use")}</legend>
      {END_USES.map((u) => (
        <label key={u} class="check">
          <input
            type="checkbox"
            checked={chosen.has(u)}
            onChange={(e) => toggle(u, e.currentTarget.checked)}
          />
          {t(`check.end_use.${u}`)}
        </label>
      ))}
    </fieldset>
  );
}

function LawFieldset(props: {
  form: CheckForm;
  setForm: (f: CheckForm) => void;
  setField: (name: string, value: string) => void;
}) {
  const { form, setForm } = props;
  return (
    <fieldset>
      <legend>{t("check.mode")}</legend>
      <div class="segmented" role="radiogroup" aria-label={t("check.mode")}>
        {(["as_enforced", "as_written"] as Mode[]).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="mode"
              value={m}
              checked={form.mode === m}
              onChange={() => setForm({ ...form, mode: m })}
            />
            {code("mode", m)}
          </label>
        ))}
      </div>
      <div class="field check">
        <input
          id="f-record"
          type="checkbox"
          checked={form.record}
          aria-describedby="f-record-help"
          onChange={(e) => setForm({ ...form, record: e.currentTarget.checked })}
        />
        <label for="f-record">{t("check.record")}</label>
        <small id="f-record-help" class="help">
          {t("check.record_help")}
        </small>
      </div>
    </fieldset>
  );
}

function CopyLink() {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(location.href);
          setCopied(true);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? t("common.copied") : t("common.copy_link")}
    </button>
  );
}
