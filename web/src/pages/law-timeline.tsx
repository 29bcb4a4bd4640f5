// The regimes and dated changes on a time axis: each regime as a band from its
// effective date to the next regime's, each change as a mark, the chosen date
// as a rule. Clicking a change moves the map to its date.
import * as Plot from "@observablehq/plot";
import { PlotView } from "../components/plot";
import { t } from "../i18n";
import type { Regime } from "../lib/types";

const END = "2027-12-31";

export function Timeline({
  regimes,
  date,
  label,
}: {
  regimes: Regime[];
  date: string;
  label: string;
}) {
  const sorted = [...regimes]
    .filter((r) => r.effective_on !== null)
    .sort((a, b) => (a.effective_on ?? "").localeCompare(b.effective_on ?? ""));
  const bands = sorted
    .filter((r) => r.kind === "regime")
    .map((r, i, all) => ({
      id: r.id,
      start: new Date(r.effective_on ?? ""),
      end: new Date(all[i + 1]?.effective_on ?? END),
      lane: t("law.regime"),
      title: `${r.id}: ${r.title}`,
    }));
  const changes = sorted
    .filter((r) => r.kind === "change")
    .map((r) => ({
      id: r.id,
      at: new Date(r.effective_on ?? ""),
      lane: t("law.change"),
      title: `${r.effective_on} ${r.id}: ${r.title}`,
    }));
  const compliance = sorted
    .filter((r) => r.compliance_on)
    .map((r) => ({
      at: new Date(r.compliance_on!),
      lane: t("law.regime"),
      title: `${r.id}: ${t("law.compliance", { date: r.compliance_on! })}`,
    }));
  return (
    <PlotView
      label={label}
      deps={[regimes, date, t("law.regime")]}
      make={() =>
        Plot.plot({
          width: 960,
          height: 150,
          marginLeft: 90,
          x: { type: "utc", domain: [new Date("2022-07-01"), new Date(END)], label: null },
          y: { label: null, domain: [t("law.regime"), t("law.change")] },
          marks: [
            Plot.barX(bands, {
              x1: "start",
              x2: "end",
              y: "lane",
              fill: "id",
              fillOpacity: 0.75,
              inset: 2,
              title: "title",
            }),
            Plot.text(bands, {
              x: "start",
              y: "lane",
              text: "id",
              textAnchor: "start",
              dx: 4,
              fill: "white",
              fontWeight: 600,
            }),
            Plot.tickX(compliance, {
              x: "at",
              y: "lane",
              stroke: "black",
              strokeWidth: 2,
              title: "title",
            }),
            Plot.dot(changes, { x: "at", y: "lane", r: 6, fill: "#1f4e79", title: "title" }),
            Plot.ruleX([new Date(date)], { stroke: "#b3261e", strokeWidth: 2 }),
          ],
          color: { scheme: "set2" },
        })
      }
    />
  );
}
