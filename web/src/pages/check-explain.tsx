// The law parameters behind a determination (POST /v1/explain), on request:
// each step's parameters with the date they took effect, and the balances read.
import { BalanceTable } from "../components/balances";
import { useState } from "preact/hooks";
import { Citation, ErrorBox, Loading } from "../components/common";
import { t } from "../i18n";
import { getJson } from "../lib/api";
import { num } from "../lib/format";
import type { Explanation } from "../lib/types";
import { shipmentOf, type CheckForm } from "./check-form";

export function ExplainPanel({ form }: { form: CheckForm }) {
  const [data, setData] = useState<Explanation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function load(open: boolean) {
    if (!open || data || busy) return;
    setBusy(true);
    try {
      setData(
        await getJson<Explanation>("/v1/explain", {
          body: shipmentOf(form),
          query: { mode: form.mode, dry_run: "true" },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const steps = (data?.derivation ?? []).filter((s) => s.params.length > 0);
  return (
    <details class="explain" onToggle={(e) => load((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t("check.explain")}</summary>
      <Loading when={busy} />
      <ErrorBox error={error} />
      {steps.length > 0 && (
        <table class="grid">
          <caption>{t("check.params")}</caption>
          <thead>
            <tr>
              <th scope="col">rule</th>
              <th scope="col">{t("check.params")}</th>
              <th scope="col">{t("common.date")}</th>
              <th scope="col">citation</th>
            </tr>
          </thead>
          <tbody>
            {steps.flatMap((s) =>
              s.params.map((p, i) => (
                <tr key={`${s.rule}-${p.name}-${i}`}>
                  <td>
                    <code>{s.rule}</code>
                  </td>
                  <td>
                    <code>{p.name}</code> ={" "}
                    {typeof p.value === "number" ? num(p.value) : JSON.stringify(p.value)}
                  </td>
                  <td>{p.effective_on ? t("check.effective", { date: p.effective_on }) : ""}</td>
                  <td>
                    {p.citation && <Citation citation={p.citation} date={form.fields.date} />}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {data && data.balances.length > 0 && (
        <BalanceTable balances={data.balances} caption={t("check.balances")} />
      )}
    </details>
  );
}
