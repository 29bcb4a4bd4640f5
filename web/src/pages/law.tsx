// Law: the regimes and dated changes on a timeline, and the world on a chosen
// date and mode, coloured by tier or by licence requirement; a country's
// groups and the reasons for its standing on click (or from the list).
import { useEffect, useMemo, useState } from "preact/hooks";
import { Citation, ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { CountrySelect } from "../components/country-select";
import { code, countryName, t, useLang } from "../i18n";
import { getJson } from "../lib/api";
import { countriesOn, isDate } from "../lib/countries";
import { today } from "../lib/format";
import { replaceParams } from "../lib/router";
import type { Country, Mode, Regime } from "../lib/types";
import { useApi } from "../lib/use-api";
import { reasonText } from "../i18n/reasons";
import type { PageProps } from "../main";
import { Legend, WorldMap, type ColorBy } from "./law-map";
import { Timeline } from "./law-timeline";

const FIRST = Date.parse("2022-10-07");
const LAST = Date.parse("2027-12-31");
const DAY = 864e5;

export default function LawPage({ params }: PageProps) {
  useLang();
  const date = isDate(params.get("date") ?? "") ? params.get("date")! : today();
  const mode: Mode = params.get("mode") === "as_enforced" ? "as_enforced" : "as_written";
  const colorBy: ColorBy = params.get("color") === "license" ? "license" : "tier";
  const selected = params.get("country") ?? "";
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ date, mode, color: colorBy, country: selected, ...changes });
    if (!next.get("country")) next.delete("country");
    replaceParams("law", next);
  };
  const regimes = useApi(() => getJson<{ regimes: Regime[] }>("/v1/regimes"), "regimes");
  const countries = useApi(() => countriesOn(date, mode), `${date}|${mode}`);
  const list = countries.data?.countries ?? [];
  const byCode = useMemo(() => new Map(list.map((c) => [c.code, c])), [countries.data]);
  const picked = byCode.get(selected);

  const view: View = { date, mode, colorBy, selected, set };
  return (
    <div class="page law-page">
      <PageTitle intro={t("law.intro")}>{t("law.title")}</PageTitle>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t("law.timeline")}</h2>
        <ErrorBox error={regimes.error} />
        {regimes.data && (
          <Timeline regimes={regimes.data.regimes} date={date} label={t("law.timeline")} />
        )}
        <RegimeList regimes={regimes.data?.regimes ?? []} onDate={(d) => set({ date: d })} />
      </section>
      <section aria-labelledby="map-h">
        <h2 id="map-h" data-testid="map-title">
          {t("law.map", { date })}
        </h2>
        <MapControls view={view} countries={list} />
        <Loading when={countries.loading} />
        <ErrorBox error={countries.error} />
        <Legend colorBy={colorBy} countries={list} />
        <div class="map-and-panel">
          <WorldMap
            countries={byCode}
            colorBy={colorBy}
            selected={selected}
            onPick={(c) => set({ country: c })}
            label={t("law.map", { date })}
          />
          <CountryPanel country={picked} date={date} mode={mode} />
        </div>
        <p class="muted">
          {t("law.click_hint")} {t("law.not_on_map")}
        </p>
      </section>
    </div>
  );
}

interface View {
  date: string;
  mode: Mode;
  colorBy: ColorBy;
  selected: string;
  set: (changes: Record<string, string>) => void;
}

function RegimeList({ regimes, onDate }: { regimes: Regime[]; onDate: (d: string) => void }) {
  const sorted = [...regimes].sort((a, b) =>
    (a.effective_on ?? "").localeCompare(b.effective_on ?? ""),
  );
  return (
    <ul class="regimes">
      {sorted.map((r) => (
        <li key={r.id}>
          {r.effective_on !== null ? (
            <button type="button" class="link" onClick={() => onDate(r.effective_on ?? "")}>
              {r.effective_on}
            </button>
          ) : (
            <span>{t("law.program_dates")}</span>
          )}{" "}
          <strong>{r.id}</strong> (
          {t(
            r.kind === "regime"
              ? "law.regime"
              : r.kind === "program"
                ? "law.program"
                : "law.change",
          )}
          ): {r.title} · <Citation citation={r.citation} />{" "}
          <a href={r.url} target="_blank" rel="noopener noreferrer">
            ↗
          </a>
        </li>
      ))}
    </ul>
  );
}

const dayToDate = (day: number) => new Date(FIRST + day * DAY).toISOString().slice(0, 10);

// Date (field and slider), mode, colouring and country; every change goes to the URL.
function MapControls({ view, countries }: { view: View; countries: Country[] }) {
  const { date, mode, colorBy, selected, set } = view;
  const [sliderDate, setSliderDate] = useState(date);
  useEffect(() => setSliderDate(date), [date]);
  return (
    <div class="toolbar">
      <Field label={t("law.date")} id="law-date">
        <input
          id="law-date"
          type="date"
          min="2022-10-07"
          max="2027-12-31"
          value={date}
          onChange={(e) => isDate(e.currentTarget.value) && set({ date: e.currentTarget.value })}
        />
      </Field>
      <Field label={t("law.slider")} id="law-slider" wide>
        <input
          id="law-slider"
          type="range"
          min={0}
          max={Math.round((LAST - FIRST) / DAY)}
          step={1}
          value={Math.round((Date.parse(sliderDate) - FIRST) / DAY)}
          aria-valuetext={sliderDate}
          onInput={(e) => setSliderDate(dayToDate(Number(e.currentTarget.value)))}
          onChange={(e) => set({ date: dayToDate(Number(e.currentTarget.value)) })}
        />
        <output for="law-slider">{sliderDate}</output>
      </Field>
      <Field label={t("common.mode")} id="law-mode">
        <select id="law-mode" value={mode} onChange={(e) => set({ mode: e.currentTarget.value })}>
          <option value="as_written">{code("mode", "as_written")}</option>
          <option value="as_enforced">{code("mode", "as_enforced")}</option>
        </select>
      </Field>
      <Field label={t("law.color_by")} id="law-color">
        <select
          id="law-color"
          value={colorBy}
          onChange={(e) => set({ color: e.currentTarget.value })}
        >
          <option value="tier">{t("law.color_tier")}</option>
          <option value="license">{t("law.color_license")}</option>
        </select>
      </Field>
      <Field label={t("law.country_pick")} id="law-country">
        <CountrySelect
          id="law-country"
          value={selected}
          countries={countries}
          showTier={colorBy === "tier"}
          onChange={(v) => set({ country: v })}
        />
      </Field>
    </div>
  );
}

function CountryPanel({ country, date, mode }: { country?: Country; date: string; mode: Mode }) {
  if (!country) return <aside class="country-panel muted">{t("law.click_hint")}</aside>;
  return (
    <aside class="country-panel" aria-labelledby="country-h" data-testid="country-panel">
      <h3 id="country-h">
        {countryName(country.code, country.name)} ({country.code})
      </h3>
      <p>
        {date} · {code("mode", mode)}
      </p>
      <dl class="facts">
        <div>
          <dt>{t("tier.label")}</dt>
          <dd>{country.tier ? t(`tier.${country.tier}` as "tier.1") : t("tier.none")}</dd>
        </div>
        <div>
          <dt>{t("law.groups")}</dt>
          <dd data-testid="country-groups">{country.groups.join(", ") || t("common.none")}</dd>
        </div>
        <div>
          <dt>3A090</dt>
          <dd>{country.license_required_3a090 ? t("law.license_yes") : t("law.license_no")}</dd>
        </div>
        {country.embargo && (
          <div>
            <dt>{t("law.embargo")}</dt>
            <dd>
              {country.embargo.program} (
              <Citation citation={country.embargo.citation} date={date} />)
            </dd>
          </div>
        )}
      </dl>
      <h4>{t("law.why")}</h4>
      <ul class="plain why">
        {country.why.map((w, i) => (
          <li key={i}>
            <WhyText reason={w} />
            <br />
            <small>
              <code>{w.rule}</code> <Citation citation={w.citation} date={date} />
            </small>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function WhyText({ reason }: { reason: Country["why"][number] }) {
  const local = reasonText(reason, useLang());
  return <span lang={local.translated ? undefined : "en"}>{local.text}</span>;
}
