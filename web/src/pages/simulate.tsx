// Simulator: runs a scenario (GET /v1/simulate) and shows its report. The
// report's yearly series with p5/p50/p95 bands are drawn; the whole report is
// there as JSON, since its shape belongs to the simulator.
import * as Plot from "@observablehq/plot";
import { useState } from "preact/hooks";
import { ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { PlotView } from "../components/plot";
import { t, useLang } from "../i18n";
import { getJson } from "../lib/api";
import type { PageProps } from "../main";

// The scenarios the server ships (scenarios/*.toml); it refuses other names.
const SCENARIOS = [
  "B1",
  "B2",
  "B3",
  "B4",
  "B5",
  "B6",
  "historical",
  "material-rounds",
  "material-rounds-no-surge",
];
type Band = { p5: number; p50: number; p95: number };
type Report = { years?: ({ year: number } & Record<string, unknown>)[] } & Record<string, unknown>;

function isBand(v: unknown): v is Band {
  return typeof v === "object" && v !== null && "p50" in v && "p5" in v && "p95" in v;
}

export default function SimulatePage(_: PageProps) {
  useLang();
  const [q, setQ] = useState({ scenario: "B1", draws: "200", seed: "1" });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setReport(await getJson<Report>("/v1/simulate", { query: q }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const years = Array.isArray(report?.years) ? report!.years : [];
  const series = years.length ? Object.keys(years[0]).filter((k) => isBand(years[0][k])) : [];
  return (
    <div class="page sim-page">
      <PageTitle intro={t("sim.intro")}>{t("sim.title")}</PageTitle>
      <form class="toolbar" onSubmit={run}>
        <Field label={t("sim.scenario")} id="sim-scenario">
          <select
            id="sim-scenario"
            value={q.scenario}
            onChange={(e) => setQ({ ...q, scenario: e.currentTarget.value })}
          >
            {SCENARIOS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sim.draws")} id="sim-draws">
          <input
            id="sim-draws"
            type="number"
            min="1"
            max="2000"
            value={q.draws}
            onInput={(e) => setQ({ ...q, draws: e.currentTarget.value })}
          />
        </Field>
        <Field label={t("sim.seed")} id="sim-seed">
          <input
            id="sim-seed"
            type="number"
            min="0"
            value={q.seed}
            onInput={(e) => setQ({ ...q, seed: e.currentTarget.value })}
          />
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {t("sim.run")}
        </button>
      </form>
      <Loading when={busy} />
      <ErrorBox error={error} />
      {series.map((s) => (
        <SeriesChart key={s} name={s} years={years} />
      ))}
      {report && (
        <details open={series.length === 0}>
          <summary>{t("sim.raw")}</summary>
          <pre class="json" data-testid="sim-report">
            {JSON.stringify(report, null, 2)}
          </pre>
        </details>
      )}
    </div>
  );
}

type Year = { year: number } & Record<string, unknown>;

// One yearly series as its median line in the p5-p95 band.
function SeriesChart({ name: s, years }: { name: string; years: Year[] }) {
  return (
    <figure class="sim-series">
      <figcaption>
        <code>{s}</code>
      </figcaption>
      <PlotView
        label={s}
        deps={[years, s]}
        make={() =>
          Plot.plot({
            width: 760,
            height: 220,
            x: { label: null, tickFormat: "d" },
            y: { grid: true, label: s },
            marks: [
              Plot.areaY(years, {
                x: "year",
                y1: (d) => (d[s] as Band).p5,
                y2: (d) => (d[s] as Band).p95,
                fill: "#1f4e79",
                fillOpacity: 0.15,
              }),
              Plot.line(years, {
                x: "year",
                y: (d) => (d[s] as Band).p50,
                stroke: "#1f4e79",
                marker: "circle",
              }),
            ],
          })
        }
      />
    </figure>
  );
}
