// The item part of the Check form: a searchable catalog list, or the figures
// of a custom chip, an HBM stack or model weights.
import { useMemo, useState } from "preact/hooks";
import { Field } from "../components/common";
import { t } from "../i18n";
import { getJson } from "../lib/api";
import { num } from "../lib/format";
import type { CatalogItem } from "../lib/types";
import { useApi } from "../lib/use-api";
import type { CheckForm, ItemSource } from "./check-form";

interface Props {
  form: CheckForm;
  setField: (name: string, value: string) => void;
  setSource: (s: ItemSource) => void;
}

const SOURCES: ItemSource[] = ["catalog", "ic", "hbm", "model"];
const SOURCE_LABEL = {
  catalog: "check.item_catalog",
  ic: "check.item_ic",
  hbm: "check.item_hbm",
  model: "check.item_model",
} as const;

export function ItemFieldset({ form, setField, setSource }: Props) {
  return (
    <fieldset class="item-fieldset">
      <legend>{t("check.item")}</legend>
      <div role="radiogroup" aria-label={t("check.item_source")} class="segmented">
        {SOURCES.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="item-source"
              value={s}
              checked={form.source === s}
              onChange={() => setSource(s)}
            />
            {t(SOURCE_LABEL[s])}
          </label>
        ))}
      </div>
      {form.source === "catalog" && <CatalogPicker form={form} setField={setField} />}
      {form.source === "ic" && <IcFigures form={form} setField={setField} />}
      {form.source === "hbm" && (
        <NumberField
          form={form}
          setField={setField}
          name="item.memory_bandwidth_density"
          label={t("check.hbm_density")}
          step="0.001"
        />
      )}
      {form.source === "model" && (
        <div class="row">
          <Field label={t("check.training_ops")} id="f-training-ops">
            <input
              id="f-training-ops"
              inputMode="decimal"
              pattern="[0-9.eE+]+"
              value={form.fields["item.training_ops"] ?? ""}
              onInput={(e) => setField("item.training_ops", e.currentTarget.value)}
            />
          </Field>
          <Checkbox
            form={form}
            setField={setField}
            name="item.published"
            label={t("check.published")}
          />
        </div>
      )}
    </fieldset>
  );
}

function CatalogPicker({ form, setField }: Omit<Props, "setSource">) {
  const catalog = useApi(() => getJson<{ items: CatalogItem[] }>("/v1/catalog"), "catalog");
  const [query, setQuery] = useState("");
  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = catalog.data?.items ?? [];
    return q ? all.filter((i) => `${i.id} ${i.vendor} ${i.name}`.toLowerCase().includes(q)) : all;
  }, [catalog.data, query]);
  const picked = catalog.data?.items.find((i) => i.id === form.fields.item);
  return (
    <div class="catalog">
      <Field label={t("check.catalog_search")} id="f-catalog-search">
        <input
          id="f-catalog-search"
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </Field>
      <Field label={t("check.catalog_pick")} id="f-item">
        <select
          id="f-item"
          size={6}
          value={form.fields.item ?? ""}
          onChange={(e) => setField("item", e.currentTarget.value)}
        >
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.vendor} {i.name} · TPP {num(i.tpp)}
              {i.eccn_2023 ? ` · ${i.eccn_2023}` : ""}
            </option>
          ))}
        </select>
      </Field>
      {items.length === 0 && !catalog.loading && <p class="muted">{t("check.catalog_none")}</p>}
      {picked && (
        <p class="picked" data-testid="picked-item">
          <code>{picked.id}</code>: TPP {num(picked.tpp)}
          {picked.die_area_mm2 ? `, ${num(picked.die_area_mm2)} mm²` : ""}
          {picked.interconnect_gbs ? `, ${num(picked.interconnect_gbs)} GB/s` : ""}
          {picked.datacenter ? "" : `, ${t("check.datacenter")}: ${t("common.no")}`}
        </p>
      )}
    </div>
  );
}

function IcFigures({ form, setField }: Omit<Props, "setSource">) {
  return (
    <div class="row">
      <NumberField form={form} setField={setField} name="item.tpp" label={t("check.tpp")} />
      <NumberField
        form={form}
        setField={setField}
        name="item.die_area_mm2"
        label={t("check.die_area")}
      />
      <NumberField
        form={form}
        setField={setField}
        name="item.interconnect_gbs"
        label={t("check.interconnect")}
      />
      <NumberField
        form={form}
        setField={setField}
        name="item.dram_bandwidth_gbs"
        label={t("check.dram")}
      />
      <Checkbox
        form={form}
        setField={setField}
        name="item.datacenter"
        label={t("check.datacenter")}
      />
    </div>
  );
}

function NumberField(
  props: Omit<Props, "setSource"> & { name: string; label: string; step?: string },
) {
  const id = `f-${props.name.replace(/\W/g, "-")}`;
  return (
    <Field label={props.label} id={id}>
      <input
        id={id}
        type="number"
        min="0"
        step={props.step ?? "0.001"}
        value={props.form.fields[props.name] ?? ""}
        onInput={(e) => props.setField(props.name, e.currentTarget.value)}
      />
    </Field>
  );
}

function Checkbox(props: Omit<Props, "setSource"> & { name: string; label: string }) {
  const id = `f-${props.name.replace(/\W/g, "-")}`;
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={props.form.fields[props.name] === "true"}
        onChange={(e) => props.setField(props.name, e.currentTarget.checked ? "true" : "false")}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}
