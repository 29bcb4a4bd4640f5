// Batch: a CSV or JSONL file of shipments in, determinations streamed back in
// input order into a virtualised table, filtered and downloadable.
import { useMemo, useRef, useState } from "preact/hooks";
import { ErrorBox, Field, PageTitle } from "../components/common";
import { code, t, useLang } from "../i18n";
import { lines, request } from "../lib/api";
import { chunkLines, idsSplitAcrossChunks } from "../lib/chunk";
import { num } from "../lib/format";
import type { Determination, Mode } from "../lib/types";
import type { PageProps } from "../main";
import { looksLikeCsv, readCsv, readJsonl, type BatchInput } from "./batch-io";
import { Results, type Filters } from "./batch-results";

// Sends the batch as consecutive requests and collects the streamed answers;
// the page re-renders at most once a frame while lines arrive.
function useBatchRun() {
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const [version, setVersion] = useState(0);
  const results = useRef<Determination[]>([]);
  const abort = useRef<AbortController | null>(null);
  const reset = () => {
    results.current = [];
    setError(null);
    setVersion((v) => v + 1);
  };
  async function run(input: BatchInput, mode: Mode, record: boolean) {
    reset();
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
  return { run, reset, stop: () => abort.current?.abort(), results, error, running, version };
}

export default function BatchPage(_: PageProps) {
  useLang();
  const [input, setInput] = useState<BatchInput | null>(null);
  const [mode, setMode] = useState<Mode>("as_enforced");
  const [record, setRecord] = useState(false);
  const [filters, setFilters] = useState<Filters>({ decision: "", country: "", party: "" });
  const batch = useBatchRun();
  const [fileError, setFileError] = useState<unknown>(null);

  async function onFile(file: File | undefined) {
    batch.reset();
    setFileError(null);
    setInput(null);
    if (!file) return;
    const text = await file.text();
    try {
      setInput(looksLikeCsv(file.name, text) ? readCsv(text) : readJsonl(text));
    } catch (e) {
      setFileError(e);
    }
  }

  const done = batch.results.current.length;
  const total = input?.lines.length ?? 0;
  return (
    <div class="page batch-page">
      <PageTitle intro={t("batch.intro")}>{t("batch.title")}</PageTitle>
      <form
        class="toolbar"
        onSubmit={(e) => (e.preventDefault(), input && batch.run(input, mode, record))}
      >
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
        <button type="submit" class="primary" disabled={!input || batch.running}>
          {t("batch.run")}
        </button>
        {batch.running && (
          <button type="button" onClick={batch.stop}>
            {t("batch.cancel")}
          </button>
        )}
      </form>
      {input && <InputSummary input={input} />}
      {input && (done > 0 || batch.running) && <Progress done={done} total={total} />}
      <ErrorBox error={fileError ?? batch.error} />
      {done > 0 && input && (
        <Results
          input={input}
          results={batch.results.current}
          version={batch.version}
          filters={filters}
          setFilters={setFilters}
        />
      )}
    </div>
  );
}

// How many shipments were read, and ids that repeat across two requests.
function InputSummary({ input }: { input: BatchInput }) {
  const split = useMemo(() => {
    if (input.lines.length <= 10_000) return [];
    return idsSplitAcrossChunks(
      chunkLines(input.lines),
      input.shipments.map((s) => s?.id),
    );
  }, [input]);
  return (
    <>
      <p data-testid="batch-parsed">{t("batch.parsed", { n: num(input.lines.length) })}</p>
      {split.length > 0 && (
        <p class="notice" role="status">
          {t("batch.split_ids", { n: num(split.length), ids: split.slice(0, 5).join(", ") })}
        </p>
      )}
    </>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  return (
    <div class="progress">
      <label for="batch-progress">{t("batch.progress")}</label>
      <progress id="batch-progress" max={total} value={done} />
      <span data-testid="batch-progress-text">
        {t("batch.progress_text", { done: num(done), total: num(total) })}
      </span>
    </div>
  );
}
