// Batch: a CSV or JSONL file of shipments in, determinations streamed back in
// input order into a virtualised table, filtered and downloadable.
import { useMemo, useRef, useState } from "preact/hooks";
import { DecisionBadge, ErrorBox, Field, PageTitle } from "../components/common";
import { VirtualTable, type Column } from "../components/virtual-table";
import { code, countryName, t, useLang } from "../i18n";
import { lines, request, saveBlob } from "../lib/api";
import { chunkLines, idsSplitAcrossChunks } from "../lib/chunk";
import { num } from "../lib/format";
import { DECISIONS, type Determination, type Mode } from "../lib/types";
import type { PageProps } from "../main";
import {
  itemOf,
  looksLikeCsv,
  partyOf,
  readCsv,
  readJsonl,
  toCsv,
  toJsonl,
  type BatchInput,
} from "./batch-io";

interface Filters {
  decision: string;
  country: string;
  party: string;
}

export default function BatchPage(_: PageProps) {
  useLang();
  const [input, setInput] = useState<BatchInput | null>(null);
  const [mode, setMode] = useState<Mode>("as_enforced");
  const [record, setRecord] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const [version, setVersion] = useState(0);
  const [filters, setFilters] = useState<Filters>({ decision: "", country: "", party: "" });
  const results = useRef<Determination[]>([]);
  const abort = useRef<AbortController | null>(null);

  async function onFile(file: File | undefined) {
    setError(null);
    results.current = [];
    setVersion((v) => v + 1);
    if (!file) return setInput(null);
    const text = await file.text();
    setInput(looksLikeCsv(file.name, text) ? readCsv(text) : readJsonl(text));
  }

  async function run() {
    if (!input) return;
    results.current = [];
    setError(null);
    setRunning(true);
    abort.current = new AbortController();
    let frame = 0;
    const bump = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), setVersion((v) => v + 1)));
    };
    try {
      for (const chunk of chunkLines(input.lines)) {
        const res = await request("/v1/determinations", {
          rawBody: chunk.join("\n") + "\n",
          contentType: "application/x-ndjson",
          query: { mode, dry_run: record ? undefined : "true" },
          signal: abort.current.signal,
        });
        for await (const line of lines(res)) {
          results.current.push(JSON.parse(line) as Determination);
          bump();
        }
      }
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setError(e);
    } finally {
      cancelAnimationFrame(frame);
      setRunning(false);
      setVersion((v) => v + 1);
    }
  }

  const split = useMemo(() => {
    if (!input || input.lines.length <= 10_000) return [];
    return idsSplitAcrossChunks(
      chunkLines(input.lines),
      input.shipments.map((s) => s?.id),
    );
  }, [input]);
  const done = results.current.length;
  const total = input?.lines.length ?? 0;
  return (
    <div class="page batch-page">
      <PageTitle intro={t("batch.intro")}>{t("batch.title")}</PageTitle>
      <form class="toolbar" onSubmit={(e) => (e.preventDefault(), run())}>
        <Field label={t("batch.file")} id="batch-file">
          <input
            id="batch-file"
            type="file"
            accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
            onChange={(e) => onFile(e.currentTarget.files?.[0])}
          />
        </Field>
        <Field label={t("common.mode")} id="batch-mode">
          <select
            id="batch-mode"
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as Mode)}
          >
            <option value="as_enforced">{code("mode", "as_enforced")}</option>
            <option value="as_written">{code("mode", "as_written")}</option>
          </select>
        </Field>
        <div class="field check">
          <input
            id="batch-record"
            type="checkbox"
            checked={record}
            onChange={(e) => setRecord(e.currentTarget.checked)}
          />
          <label for="batch-record">{t("batch.record")}</label>
        </div>
        <button type="submit" class="primary" disabled={!input || running}>
          {t("batch.run")}
        </button>
        {running && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {t("batch.cancel")}
          </button>
        )}
      </form>
      {input && <p data-testid="batch-parsed">{t("batch.parsed", { n: num(total) })}</p>}
      {split.length > 0 && (
        <p class="notice" role="status">
          {t("batch.split_ids", { n: num(split.length), ids: split.slice(0, 5).join(", ") })}
        </p>
      )}
      {input && (done > 0 || running) && (
        <div class="progress">
          <label for="batch-progress">{t("batch.progress")}</label>
          <progress id="batch-progress" max={total} value={done} />
          <span data-testid="batch-progress-text">
            {t("batch.progress_text", { done: num(done), total: num(total) })}
          </span>
        </div>
      )}
      <ErrorBox error={error} />
      {done > 0 && input && (
        <Results
          input={input}
          results={results.current}
          version={version}
          filters={filters}
          setFilters={setFilters}
        />
      )}
    </div>
  );
}

function Results(props: {
  input: BatchInput;
  results: Determination[];
  version: number;
  filters: Filters;
  setFilters: (f: Filters) => void;
}) {
  const { input, results, version, filters, setFilters } = props;
  const countries = useMemo(
    () =>
      [...new Set(input.shipments.map((s) => s?.destination).filter(Boolean) as string[])].sort(),
    [input],
  );
  const shown = useMemo(() => {
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
  const columns: Column[] = [
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
  const cell = (r: number, col: string) => {
    const i = shown[r];
    const d = results[i];
    const s = input.shipments[i];
    switch (col) {
      case "line":
        return i + 1;
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
        return (
          d.authorization ??
          (d.license_policy ? code("policy", d.license_policy) : (d.errors?.[0]?.field ?? ""))
        );
      case "tpp_total":
        return num(d.tpp_total);
    }
    return "";
  };
  const save = (kind: "jsonl" | "csv") =>
    saveBlob(
      new Blob([kind === "csv" ? toCsv(results) : toJsonl(results)], {
        type: kind === "csv" ? "text/csv" : "application/x-ndjson",
      }),
      `determinations.${kind}`,
    );
  return (
    <section aria-label={t("common.results", { n: results.length })}>
      <div class="toolbar filters">
        <Field label={t("batch.filter_decision")} id="filter-decision">
          <select
            id="filter-decision"
            value={filters.decision}
            onChange={(e) => setFilters({ ...filters, decision: e.currentTarget.value })}
          >
            <option value="">{t("common.all")}</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {code("decision", d)}
              </option>
            ))}
          </select>
        </Field>
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
        <button type="button" onClick={() => save("jsonl")}>
          {t("batch.download_jsonl")}
        </button>
        <button type="button" onClick={() => save("csv")}>
          {t("batch.download_csv")}
        </button>
      </div>
      <p role="status" data-testid="batch-shown">
        {t("batch.shown", { shown: num(shown.length), total: num(results.length) })}
      </p>
      <VirtualTable
        columns={columns}
        rowCount={shown.length}
        renderCell={cell}
        label={t("batch.title")}
      />
    </section>
  );
}
