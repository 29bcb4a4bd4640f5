// Ledger: allocations, LPP and NVEU as charts (with their tables), and one
// account's transfers with post, void and reverse for admins.
import { BalanceTable } from "../components/balances";
import { useState } from "preact/hooks";
import { ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { t, useLang } from "../i18n";
import { getJson, role } from "../lib/api";
import { replaceParams } from "../lib/router";
import { useStore } from "../lib/store";
import type { Account, Transfer } from "../lib/types";
import { useApi } from "../lib/use-api";
import type { PageProps } from "../main";
import { AllocationChart, LppChart, NveuChart } from "./ledger-charts";
import { TransferTable } from "./ledger-transfers";

const LPP_CAP = 26900000;

interface Accounts {
  accounts: Account[];
}

export default function LedgerPage({ params }: PageProps) {
  useLang();
  const [tick, setTick] = useState(0);
  const all = useApi(() => getJson<Accounts>("/v1/ledger/accounts"), `all-${tick}`);
  const accounts = all.data?.accounts ?? [];
  const byKind = (k: string) => accounts.filter((a) => a.kind === k);
  const account = params.get("account") ?? "";
  return (
    <div class="page ledger-page">
      <PageTitle intro={t("ledger.intro")}>{t("ledger.title")}</PageTitle>
      <Loading when={all.loading && !all.data} />
      <ErrorBox error={all.error} />
      <section aria-labelledby="alloc-h">
        <h2 id="alloc-h">{t("ledger.allocations")}</h2>
        {byKind("allocation").length ? (
          <>
            <AllocationChart accounts={byKind("allocation")} />
            <details class="as-table">
              <summary>{t("ledger.table")}</summary>
              <BalanceTable balances={byKind("allocation")} testid="allocation-table" />
            </details>
          </>
        ) : (
          <p class="muted">{t("ledger.empty")}</p>
        )}
      </section>
      <section aria-labelledby="lpp-h">
        <h2 id="lpp-h">{t("ledger.lpp")}</h2>
        {byKind("lpp").length ? (
          <LppChart accounts={byKind("lpp")} cap={byKind("lpp")[0].cap ?? LPP_CAP} />
        ) : (
          <p class="muted">{t("ledger.empty")}</p>
        )}
      </section>
      <NveuSection accounts={byKind("nveu")} tick={tick} />
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t("ledger.history")}</h2>
        <Field label={t("ledger.account_pick")} id="ledger-account">
          <select
            id="ledger-account"
            value={account}
            onChange={(e) =>
              replaceParams("ledger", new URLSearchParams({ account: e.currentTarget.value }))
            }
          >
            <option value="">—</option>
            {account && !accounts.some((a) => a.account === account) && (
              <option value={account}>{account}</option>
            )}
            {accounts.map((a) => (
              <option key={a.account} value={a.account}>
                {a.account}
              </option>
            ))}
          </select>
        </Field>
        {account && (
          <History account={account} tick={tick} onChange={() => setTick((n) => n + 1)} />
        )}
      </section>
    </div>
  );
}

function NveuSection({ accounts, tick }: { accounts: Account[]; tick: number }) {
  const [picked, setPicked] = useState("");
  const id = picked || accounts[0]?.account || "";
  const detail = useApi(
    id
      ? () =>
          Promise.all([
            getJson<Account>(`/v1/ledger/accounts/${encodeURIComponent(id)}`),
            getJson<{ transfers: Transfer[] }>(
              `/v1/ledger/accounts/${encodeURIComponent(id)}/history`,
            ),
          ])
      : null,
    `${id}-${tick}`,
  );
  return (
    <section aria-labelledby="nveu-h">
      <h2 id="nveu-h">{t("ledger.nveu")}</h2>
      {accounts.length === 0 ? (
        <p class="muted">{t("ledger.nveu_none")}</p>
      ) : (
        <>
          <Field label={t("ledger.nveu_pick")} id="nveu-pick">
            <select id="nveu-pick" value={id} onChange={(e) => setPicked(e.currentTarget.value)}>
              {accounts.map((a) => (
                <option key={a.account} value={a.account}>
                  {a.account}
                </option>
              ))}
            </select>
          </Field>
          <ErrorBox error={detail.error} />
          {detail.data && (
            <NveuChart account={detail.data[0]} transfers={detail.data[1].transfers} />
          )}
        </>
      )}
    </section>
  );
}

function History({
  account,
  tick,
  onChange,
}: {
  account: string;
  tick: number;
  onChange: () => void;
}) {
  const r = useStore(role);
  const h = useApi(
    () =>
      getJson<{ transfers: Transfer[] }>(
        `/v1/ledger/accounts/${encodeURIComponent(account)}/history`,
      ),
    `${account}-${tick}`,
  );
  return (
    <>
      <Loading when={h.loading && !h.data} />
      <ErrorBox error={h.error} />
      {h.data && (
        <TransferTable transfers={h.data.transfers} admin={r === "admin"} onChange={onChange} />
      )}
    </>
  );
}
