// A determination as an officer reads it: the decision, what it rests on, what
// it owes and draws, and the derivation with each step's citation.
import { code, t, useLang, type MessageKey } from "../i18n";
import { reasonText } from "../i18n/reasons";
import { num } from "../lib/format";
import { href } from "../lib/router";
import type { Determination, Reason } from "../lib/types";
import { Citation, DecisionBadge } from "./common";
import { ScreeningView } from "./screening";

export function DeterminationView({ d, date }: { d: Determination; date?: string }) {
  useLang();
  return (
    <section class="determination" aria-labelledby="det-title">
      <h2 id="det-title" class="visually-hidden">
        {t("check.answer")}
      </h2>
      <div class="verdict">
        <DecisionBadge decision={d.decision} />
        {d.authorization && (
          <span class="verdict-detail" data-testid="authorization">
            {code("auth", d.authorization)}
          </span>
        )}
        {d.license_policy && (
          <span class="verdict-detail" data-testid="policy">
            {t("check.policy")}: {code("policy", d.license_policy)}
          </span>
        )}
      </div>
      <Facts d={d} />
      {d.other_mode && (
        <p class="other-mode" data-testid="other-mode">
          <strong>{t("check.other_mode")}</strong>{" "}
          {t("check.other_mode_text", {
            mode: code("mode", d.other_mode.mode),
            decision: code("decision", d.other_mode.decision),
          })}
          {d.other_mode.authorization && ` (${d.other_mode.authorization})`}
          {d.other_mode.license_policy && ` (${code("policy", d.other_mode.license_policy)})`}
        </p>
      )}
      {d.errors.length > 0 && (
        <div class="error" role="alert">
          <h3>{t("check.errors")}</h3>
          <ul>
            {d.errors.map((e, i) => (
              <li key={i}>
                <code>{e.field}</code> ({e.code}): {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="det-grid">
        <Notices d={d} />
        <LedgerEffect d={d} />
        {(d.assumed ?? []).length > 0 && (
          <div>
            <h3>{t("check.assumed")}</h3>
            <ul class="plain">
              {d.assumed.map((a) => (
                <li key={a.field}>
                  <code>{a.field}</code> = <code>{JSON.stringify(a.value)}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {d.screening && <ScreeningView s={d.screening} />}
      <Derivation reasons={d.reasons} date={date} />
      {d.decision_id && (
        <p class="logged">
          <a href={href("decisions", { id: d.decision_id })}>
            {t("check.decision_id", { id: d.decision_id })}
          </a>
        </p>
      )}
    </section>
  );
}

function Facts({ d }: { d: Determination }) {
  const rows: [string, string][] = [
    [t("check.regime"), `${d.regime} (${code("mode", d.mode)})`],
    [t("check.eccn"), d.eccn ?? t("common.none")],
    [t("tier.label"), d.tier ? t(`tier.${d.tier}` as "tier.1") : t("tier.none")],
    [t("check.tpp_unit"), num(d.tpp)],
    [t("check.tpp_total"), num(d.tpp_total)],
    [t("check.pd"), num(d.performance_density)],
  ];
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Notices({ d }: { d: Determination }) {
  return (
    <div>
      <h3>{t("check.notices")}</h3>
      {d.notices.length === 0 ? (
        <p class="muted">{t("common.none")}</p>
      ) : (
        <ul class="plain" data-testid="notices">
          {d.notices.map((n) => (
            <li key={n}>
              {code("notice", n)} <code class="code">{n}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LedgerEffect({ d }: { d: Determination }) {
  return (
    <div>
      <h3>{t("check.ledger")}</h3>
      {d.debits.length === 0 ? (
        <p class="muted">{t("check.ledger_none")}</p>
      ) : (
        <ul class="plain" data-testid="debits">
          {d.debits.map((b) => (
            <li key={b.account}>
              <a href={href("ledger", { account: b.account })}>
                <code>{b.account}</code>
              </a>{" "}
              {num(b.tpp)} TPP
              {b.state && ` (${code("ledger.state", b.state)})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// The steps of a derivation fall into phases (which law, classification, the
// licence requirement, authorizations, review policy, notices); consecutive
// steps of one phase are shown under its heading, numbered through.
const PHASES: [RegExp, MessageKey][] = [
  [/^(regime|destination)\./, "phase.law"],
  [/^classify\./, "phase.classify"],
  [/^(tier|license\.|end_use\.|gp10|uae\.)/, "phase.requirement"],
  [/^auth\./, "phase.authorization"],
  [/^policy\./, "phase.policy"],
  [/^notice\./, "phase.notice"],
  [/^party\./, "phase.parties"],
];

function phaseOf(rule: string): MessageKey {
  return PHASES.find(([re]) => re.test(rule))?.[1] ?? "phase.other";
}

export function Derivation({ reasons, date }: { reasons: Reason[]; date?: string }) {
  const l = useLang();
  const groups: { phase: MessageKey; start: number; items: Reason[] }[] = [];
  reasons.forEach((r, i) => {
    const phase = phaseOf(r.rule);
    const last = groups[groups.length - 1];
    if (last && last.phase === phase) last.items.push(r);
    else groups.push({ phase, start: i + 1, items: [r] });
  });
  return (
    <div class="derivation" data-testid="reasons">
      <h3>{t("check.reasons")}</h3>
      {groups.map((g) => (
        <section key={g.start} class="phase" aria-label={t(g.phase)}>
          <h4>{t(g.phase)}</h4>
          <ol start={g.start}>
            {g.items.map((r, i) => (
              <ReasonItem key={i} reason={r} lang={l} date={date} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function ReasonItem({ reason, lang, date }: { reason: Reason; lang: string; date?: string }) {
  const local = reasonText(reason, lang);
  return (
    <li class="reason">
      <p class="reason-text" lang={local.translated ? undefined : "en"}>
        {local.text}
        {!local.translated && (
          <span class="untranslated" title={t("check.reason_untranslated")}>
            {" "}
            (EN)
          </span>
        )}
      </p>
      <p class="reason-meta">
        <code class="rule">{reason.rule}</code> <Citation citation={reason.citation} date={date} />
      </p>
    </li>
  );
}
