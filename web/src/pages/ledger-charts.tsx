// The ledger as pictures: allocation bars, LPP per party and year, an NVEU's
// installed base against its quarterly cap. Each chart has its table beside it.
import * as Plot from "@observablehq/plot";
import { PlotView } from "../components/plot";
import { countryName, t } from "../i18n";
import { compact, num } from "../lib/format";
import type { Account, Transfer } from "../lib/types";

const PARTS = ["posted", "pending", "available"] as const;
const COLORS = ["#1f4e79", "#e0a526", "#cfd8e3"];

export function AllocationChart({ accounts }: { accounts: Account[] }) {
  const rows = accounts.flatMap((a) => {
    const cc = a.account.split(":")[1];
    const label = `${countryName(cc)} (${cc})`;
    return PARTS.map((part) => ({
      label,
      cc,
      part,
      value: Math.max(0, a[part] ?? 0),
      title: `${cc} ${t(`ledger.${part}`)}: ${num(a[part] ?? 0)} / ${num(a.cap)}`,
    }));
  });
  return (
    <PlotView
      label={t("ledger.allocations")}
      deps={[accounts, t("ledger.posted")]}
      make={() =>
        Plot.plot({
          marginLeft: 150,
          width: 860,
          height: 40 + accounts.length * 30,
          x: { label: "TPP", tickFormat: compact, grid: true },
          y: { label: null },
          color: { domain: PARTS.map((p) => t(`ledger.${p}`)), range: COLORS, legend: true },
          marks: [
            Plot.barX(rows, {
              y: "label",
              x: "value",
              fill: (d) => t(`ledger.${d.part}` as "ledger.posted"),
              order: PARTS.map((p) => t(`ledger.${p}`)),
              title: "title",
            }),
            Plot.ruleX([0]),
          ],
        })
      }
    />
  );
}

export function LppChart({ accounts, cap }: { accounts: Account[]; cap: number }) {
  const rows = accounts.map((a) => {
    const [, party, year] = a.account.split(":");
    return {
      party,
      year,
      used: a.posted + a.pending,
      title: `${party} ${year}: ${num(a.posted + a.pending)} / ${num(cap)}`,
    };
  });
  return (
    <PlotView
      label={t("ledger.lpp")}
      deps={[accounts, t("ledger.posted")]}
      make={() =>
        Plot.plot({
          marginLeft: 170,
          width: 860,
          height: 50 + rows.length * 26,
          x: { label: "TPP", tickFormat: compact, grid: true, domain: [0, cap * 1.05] },
          y: { label: null },
          color: { legend: true, scheme: "tableau10" },
          marks: [
            Plot.barX(rows, {
              y: (d) => `${d.party} · ${d.year}`,
              x: "used",
              fill: "year",
              title: "title",
            }),
            Plot.ruleX([cap], { stroke: "#b3261e", strokeDasharray: "4,3" }),
            Plot.text([cap], {
              x: (d) => d,
              frameAnchor: "top",
              textAnchor: "end",
              dx: -4,
              dy: -2,
              text: () => t("ledger.lpp_cap", { cap: compact(cap) }),
              fill: "#b3261e",
            }),
          ],
        })
      }
    />
  );
}

// A declared installed base (`highfence ledger seed`: no shipment) is what the
// party had before its first recorded shipment, whatever day it was declared.
const isSeed = (x: Transfer) => !x.shipment_id;

// The installed base over time: the declared base from the chart's start (the
// schedule's first quarter, or the first shipment if earlier), then each
// shipment's draw on its date.
export function installedBase(transfers: Transfer[], scheduleFrom?: string) {
  const counted = transfers.filter(
    (x) => x.state === "posted" || x.state === "reversed" || x.state === "pending",
  );
  const shipped = counted.filter((x) => !isSeed(x)).sort((a, b) => a.on.localeCompare(b.on));
  let total = counted.filter(isSeed).reduce((s, x) => s + x.amount, 0);
  const start = [scheduleFrom, shipped[0]?.on].filter((d): d is string => !!d).sort()[0];
  const points = total && start ? [{ on: start, total, declared: true }] : [];
  for (const x of shipped) points.push({ on: x.on, total: (total += x.amount), declared: false });
  return points;
}

// The cap in force each quarter (a step) and the installed base posted to date.
export function NveuChart({ account, transfers }: { account: Account; transfers: Transfer[] }) {
  const schedule = account.schedule ?? [];
  const steps = schedule.map((s) => ({ date: new Date(s.from), cap: s.cap }));
  if (steps.length) {
    const last = steps[steps.length - 1];
    steps.push({ date: new Date(last.date.getTime() + 92 * 864e5), cap: last.cap });
  }
  const base = installedBase(transfers, schedule[0]?.from).map((p) => ({
    ...p,
    date: new Date(p.on),
  }));
  return (
    <PlotView
      label={t("ledger.nveu")}
      deps={[account, transfers, t("ledger.cap")]}
      make={() =>
        Plot.plot({
          width: 860,
          height: 300,
          marginLeft: 60,
          x: { type: "utc", label: null },
          y: { label: "TPP", tickFormat: compact, grid: true },
          color: {
            domain: [t("ledger.cap"), t("ledger.installed")],
            range: ["#b3261e", "#1f4e79"],
            legend: true,
          },
          marks: [
            Plot.line(steps, {
              x: "date",
              y: "cap",
              curve: "step-after",
              stroke: () => t("ledger.cap"),
            }),
            Plot.areaY(base, {
              x: "date",
              y: "total",
              curve: "step-after",
              fill: "#1f4e79",
              fillOpacity: 0.15,
            }),
            Plot.line(base, {
              x: "date",
              y: "total",
              curve: "step-after",
              stroke: () => t("ledger.installed"),
            }),
            Plot.dot(base, {
              x: "date",
              y: "total",
              fill: "#1f4e79",
              title: (d) =>
                `${d.on}: ${num(d.total)}` + (d.declared ? ` (${t("ledger.declared")})` : ""),
            }),
          ],
        })
      }
    />
  );
}
