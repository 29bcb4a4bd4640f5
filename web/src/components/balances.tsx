// Ledger balances as a table (cap, posted, pending, available per account), and
// the decision picker the Batch and Decisions pages filter by.
import type { ComponentChildren } from "preact";
import { code, countryName, t } from "../i18n";
import { num } from "../lib/format";
import { DECISIONS, type Balance } from "../lib/types";
import { Field } from "./common";

function accountLabel(b: Balance): ComponentChildren {
  const [kind, cc] = b.account.split(":");
  return kind === "allocation" ? `${countryName(cc)} (${b.account})` : <code>{b.account}</code>;
}

export function BalanceTable(props: { balances: Balance[]; caption?: string; testid?: string }) {
  return (
    <table class="grid" data-testid={props.testid}>
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t("ledger.account")}</th>
          <th scope="col">{t("ledger.cap")}</th>
          <th scope="col">{t("ledger.posted")}</th>
          <th scope="col">{t("ledger.pending")}</th>
          <th scope="col">{t("ledger.available")}</th>
        </tr>
      </thead>
      <tbody>
        {props.balances.map((b) => (
          <tr key={b.account} data-account={b.account}>
            <th scope="row">{accountLabel(b)}</th>
            <td class="num">{num(b.cap)}</td>
            <td class="num" data-part="posted">
              {num(b.posted)}
            </td>
            <td class="num" data-part="pending">
              {num(b.pending)}
            </td>
            <td class="num" data-part="available">
              {num(b.available)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DecisionSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={props.label} id={props.id}>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t("common.all")}</option>
        {DECISIONS.map((d) => (
          <option key={d} value={d}>
            {code("decision", d)}
          </option>
        ))}
      </select>
    </Field>
  );
}
