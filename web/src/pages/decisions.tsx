// Decisions: search the decision log, open one with the law it used, export.
import { DecisionSelect } from "../components/balances";
import { useState } from "preact/hooks";
import { DecisionBadge, ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { DeterminationView } from "../components/determination";
import { code, t, useLang } from "../i18n";
import { download, getJson } from "../lib/api";
import { timestamp } from "../lib/format";
import { href, replaceParams } from "../lib/router";
import { flatten } from "../lib/shipment-fields";
import type { DecisionRecord, DecisionRow } from "../lib/types";
import { useApi } from "../lib/use-api";
import type { PageProps } from "../main";

const FILTERS = ["shipment_id", "party", "decision", "from", "to"] as const;

export default function DecisionsPage({ params }: PageProps) {
  useLang();
  const open = params.get("id");
  return (
    <div class="page decisions-page">
      <PageTitle intro={t("decisions.intro")}>{t("decisions.title")}</PageTitle>
      {open ? <DecisionDetail id={open} /> : <DecisionSearch params={params} />}
    </div>
  );
}

type Page = { decisions: DecisionRow[]; next: string | null };

function DecisionSearch({ params }: { params: URLSearchParams }) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""]));
  const [extra, setExtra] = useState<DecisionRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const query = { ...filters, limit: "50" };
  const list = useApi(async () => {
    const r = await getJson<Page>("/v1/decisions", { query });
    setExtra([]);
    setCursor(r.next);
    return r;
  }, JSON.stringify(query));
  const more = async () => {
    const r = await getJson<Page>("/v1/decisions", { query: { ...query, cursor } });
    setExtra((x) => [...x, ...r.decisions]);
    setCursor(r.next);
  };
  const rows = [...(list.data?.decisions ?? []), ...extra];
  return (
    <>
      <SearchForm initial={filters} />
      <Loading when={list.loading} />
      <ErrorBox error={list.error} />
      {list.data && rows.length === 0 && <p>{t("decisions.empty")}</p>}
      {rows.length > 0 && <DecisionTable rows={rows} />}
      {cursor && (
        <button type="button" onClick={more}>
          {t("common.more")}
        </button>
      )}
    </>
  );
}

// The filters; searching puts them in the URL, so a search is a link too.
function SearchForm({ initial }: { initial: Record<string, string> }) {
  const [form, setForm] = useState(initial);
  const active = Object.fromEntries(Object.entries(initial).filter(([, v]) => v));
  const input = (f: string, label: string, type = "text") => (
    <Field label={label} id={`dq-${f}`}>
      <input
        id={`dq-${f}`}
        type={type}
        value={form[f]}
        onInput={(e) => setForm({ ...form, [f]: e.currentTarget.value })}
      />
    </Field>
  );
  const submit = (e: Event) => {
    e.preventDefault();
    replaceParams("decisions", new URLSearchParams(Object.entries(form).filter(([, v]) => v)));
  };
  const exportAs = (format: "jsonl" | "csv") =>
    download("/v1/decisions/export", { ...active, format }, `decisions.${format}`);
  return (
    <form class="toolbar" role="search" onSubmit={submit}>
      {input("shipment_id", t("decisions.shipment"))}
      {input("party", t("decisions.party"))}
      <DecisionSelect
        id="dq-decision"
        label={t("common.decision")}
        value={form.decision}
        onChange={(v) => setForm({ ...form, decision: v })}
      />
      {input("from", t("decisions.from"), "date")}
      {input("to", t("decisions.to"), "date")}
      <button type="submit" class="primary">
        {t("common.search")}
      </button>
      <button type="button" onClick={() => exportAs("jsonl")}>
        {t("decisions.export_jsonl")}
      </button>
      <button type="button" onClick={() => exportAs("csv")}>
        {t("decisions.export_csv")}
      </button>
    </form>
  );
}

function DecisionTable({ rows }: { rows: DecisionRow[] }) {
  return (
    <table class="grid" data-testid="decisions">
      <thead>
        <tr>
          <th scope="col">{t("decisions.col.recorded")}</th>
          <th scope="col">{t("decisions.col.shipment")}</th>
          <th scope="col">{t("decisions.col.decision")}</th>
          <th scope="col">{t("decisions.col.regime")}</th>
          <th scope="col">{t("decisions.col.mode")}</th>
          <th scope="col">{t("decisions.col.key")}</th>
          <th scope="col">{t("decisions.col.law")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.decision_id}>
            <td>{timestamp(d.recorded_at)}</td>
            <td>
              <a href={href("decisions", { id: d.decision_id })}>{d.shipment_id}</a>
            </td>
            <td>
              <DecisionBadge decision={d.decision} />
            </td>
            <td>{d.regime}</td>
            <td>{code("mode", d.mode)}</td>
            <td>
              <code>{d.key_id}</code>
            </td>
            <td>
              <code title={d.law_hash}>{d.law_hash.slice(0, 12)}</code> ({d.law_reviewed_on})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DecisionDetail({ id }: { id: string }) {
  const rec = useApi(() => getJson<DecisionRecord>(`/v1/decisions/${encodeURIComponent(id)}`), id);
  const r = rec.data;
  return (
    <section aria-labelledby="dec-h">
      <p>
        <a href={href("decisions")}>← {t("decisions.title")}</a>
      </p>
      <h2 id="dec-h">{t("decisions.detail", { id })}</h2>
      <Loading when={rec.loading} />
      <ErrorBox error={rec.error} />
      {r && (
        <>
          <dl class="facts wide" data-testid="decision-facts">
            <div>
              <dt>{t("decisions.col.recorded")}</dt>
              <dd>{timestamp(r.recorded_at)}</dd>
            </div>
            <div>
              <dt>{t("decisions.col.key")}</dt>
              <dd>
                <code>{r.key_id}</code>
              </dd>
            </div>
            <div>
              <dt>{t("decisions.col.regime")}</dt>
              <dd>
                {r.regime} ({code("mode", r.mode)})
              </dd>
            </div>
            <div>
              <dt>{t("decisions.law_hash")}</dt>
              <dd>
                <code class="hash">{r.law_hash}</code>
              </dd>
            </div>
            <div>
              <dt>{t("decisions.law_reviewed")}</dt>
              <dd>{r.law_reviewed_on}</dd>
            </div>
            <div>
              <dt>{t("decisions.input_sha")}</dt>
              <dd>
                <code class="hash">{r.input_sha256}</code>
              </dd>
            </div>
          </dl>
          <details>
            <summary>{t("decisions.input")}</summary>
            <pre class="json">{JSON.stringify(r.input, null, 2)}</pre>
          </details>
          <p>
            <a href={href("check", new URLSearchParams([...flatten(r.input), ["mode", r.mode]]))}>
              {t("decisions.recheck")}
            </a>
          </p>
          <DeterminationView d={r.determination} date={r.input.date} />
          <button
            type="button"
            onClick={() => download(`/v1/decisions/${encodeURIComponent(id)}`, {}, `${id}.json`)}
          >
            {t("common.export")}
          </button>
        </>
      )}
    </section>
  );
}
