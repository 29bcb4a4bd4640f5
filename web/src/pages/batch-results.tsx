// The Batch page's results: filters (decision, destination, party), downloads,
// and the virtualised table of input lines joined with their determinations.
import { DecisionSelect } from "../components/balances";
import { useMemo } from "preact/hooks";
import { DecisionBadge, Field } from "../components/common";
import { VirtualTable, type Column } from "../components/virtual-table";
import { code, countryName, t } from "../i18n";
import { saveBlob } from "../lib/api";
import { num } from "../lib/format";
import type { Determination, Shipment } from "../lib/types";
import { itemOf, partyOf, toCsv, toJsonl, type BatchInput } from "./batch-io";

export interface Filters {
  decision: string;
  country: string;
  party: string;
}

interface Props {
  input: BatchInput;
  results: Determination[];
  version: number;
  filters: Filters;
  setFilters: (f: Filters) => void;
}

// Indexes of the rows that pass the filters, recomputed as results stream in.
function useShown({ input, results, version, filters }: Props): number[] {
  return useMemo(() => {
    const party = filters.party.trim().toLowerCase();
    const idx: number[] = [];
    for (let i = 0; i < results.length; i++) {
      const s = input.shipments[i];
      if (filters.decision && results[i].decision !== filters.decision) continue;
      if (filters.country && s?.destination !== filters.country) continue;
      if (party && !partyOf(s).toLowerCase().includes(party)) continue;
      idx.push(i);
    }
    return idx;
  }, [version, results.length, filters, input]);
}

function columns(): Column[] {
  return [
    { key: "line", label: t("batch.col.line"), width: "4.5em" },
    { key: "id", label: t("batch.col.id"), width: "minmax(8em, 1fr)" },
    { key: "date", label: t("batch.col.date"), width: "7em" },
    { key: "destination", label: t("batch.col.destination"), width: "10em" },
    { key: "party", label: t("batch.col.party"), width: "minmax(10em, 1.4fr)" },
    { key: "item", label: t("batch.col.item"), width: "minmax(8em, 1fr)" },
    { key: "units", label: t("batch.col.units"), width: "6em" },
    { key: "decision", label: t("batch.col.decision"), width: "11em" },
    { key: "detail", label: t("batch.col.detail"), width: "minmax(9em, 1fr)" },
    { key: "tpp_total", label: t("batch.col.tpp_total"), width: "9em" },
  ];
}

function cellOf(line: number, d: Determination, s: Shipment | null, col: string) {
  switch (col) {
    case "line":
      return line + 1;
    case "id":
      return d.id;
    case "date":
      return s?.date ?? "";
    case "destination":
      return s?.destination ? `${countryName(s.destination)} (${s.destination})` : "";
    case "party":
      return partyOf(s);
    case "item":
      return itemOf(s);
    case "units":
      return num(s?.units);
    case "decision":
      return <DecisionBadge decision={d.decision} />;
    case "detail":
      if (d.authorization) return d.authorization;
      return d.license_policy ? code("policy", d.license_policy) : (d.errors?.[0]?.field ?? "");
    case "tpp_total":
      return num(d.tpp_total);
  }
  return "";
}

function save(results: Determination[], kind: "jsonl" | "csv") {
  const body = kind === "csv" ? toCsv(results) : toJsonl(results);
  const type = kind === "csv" ? "text/csv" : "application/x-ndjson";
  saveBlob(new Blob([body], { type }), `determinations.${kind}`);
}

export function Results(props: Props) {
  const { input, results } = props;
  const shown = useShown(props);
  const cell = (r: number, col: string) =>
    cellOf(shown[r], results[shown[r]], input.shipments[shown[r]], col);
  return (
    <section aria-label={t("common.results", { n: results.length })}>
      <div class="toolbar filters">
        <FilterBar {...props} />
        <button type="button" onClick={() => save(results, "jsonl")}>
          {t("batch.download_jsonl")}
        </button>
        <button type="button" onClick={() => save(results, "csv")}>
          {t("batch.download_csv")}
        </button>
      </div>
      <p role="status" data-testid="batch-shown">
        {t("batch.shown", { shown: num(shown.length), total: num(results.length) })}
      </p>
      <VirtualTable
        columns={columns()}
        rowCount={shown.length}
        renderCell={cell}
        label={t("batch.title")}
      />
    </section>
  );
}

function FilterBar({ input, filters, setFilters }: Props) {
  const countries = useMemo(
    () =>
      [...new Set(input.shipments.map((s) => s?.destination).filter(Boolean) as string[])].sort(),
    [input],
  );
  return (
    <>
      <DecisionSelect
        id="filter-decision"
        label={t("batch.filter_decision")}
        value={filters.decision}
        onChange={(v) => setFilters({ ...filters, decision: v })}
      />
      <Field label={t("batch.filter_country")} id="filter-country">
        <select
          id="filter-country"
          value={filters.country}
          onChange={(e) => setFilters({ ...filters, country: e.currentTarget.value })}
        >
          <option value="">{t("common.all")}</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {countryName(c)} ({c})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("batch.filter_party")} id="filter-party">
        <input
          id="filter-party"
          type="search"
          value={filters.party}
          onInput={(e) => setFilters({ ...filters, party: e.currentTarget.value })}
        />
      </Field>
    </>
  );
}
