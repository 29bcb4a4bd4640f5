// The frame around every page: skip link, navigation, language switch, the
// signed-in role and the law version the server runs.
import type { ComponentChildren } from "preact";
import { t, lang, useLang, type MessageKey } from "../i18n";
import { apiKey, role, type Role } from "../lib/api";
import { href } from "../lib/router";
import { useStore } from "../lib/store";
import type { Health } from "../lib/types";

const PAGES: { page: string; label: MessageKey; admin?: boolean }[] = [
  { page: "check", label: "nav.check" },
  { page: "batch", label: "nav.batch" },
  { page: "ledger", label: "nav.ledger" },
  { page: "law", label: "nav.law" },
  { page: "decisions", label: "nav.decisions" },
  { page: "screen", label: "nav.screen" },
  { page: "simulate", label: "nav.simulate" },
  { page: "keys", label: "nav.keys", admin: true },
];

export function Layout(props: {
  page: string;
  health: Health | null;
  children: ComponentChildren;
}) {
  const l = useLang();
  const r = useStore(role);
  return (
    <>
      <a class="skip" href="#main" onClick={skipToMain}>
        {t("app.skip")}
      </a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ▮▮
          </span>
          <span>
            <strong>{t("app.title")}</strong>
            <small>{t("app.tagline")}</small>
          </span>
        </div>
        <nav aria-label={t("nav.label")}>
          <ul>
            {PAGES.filter((p) => !p.admin || r === "admin").map((p) => (
              <li key={p.page}>
                <a href={href(p.page)} aria-current={props.page === p.page ? "page" : undefined}>
                  {t(p.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="session">
          <label for="lang-select" class="visually-hidden">
            {t("lang.label")}
          </label>
          <select
            id="lang-select"
            value={l}
            onChange={(e) => lang.set(e.currentTarget.value as "en" | "zh")}
          >
            <option value="en">{t("lang.en")}</option>
            <option value="zh">{t("lang.zh")}</option>
          </select>
          {r && (
            <span class="role">{t("login.role", { role: t(`role.${r}` as `role.${Role}`) })}</span>
          )}
          <button type="button" class="link" onClick={() => apiKey.set(null)}>
            {t("login.signout")}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="foot">
        {props.health && (
          <span>
            highfence {props.health.version} ·{" "}
            {t("health.law", {
              hash: props.health.law_hash.slice(0, 12),
              date: props.health.law_reviewed_on,
            })}{" "}
            · {props.health.ledger}
          </span>
        )}
      </footer>
    </>
  );
}

function skipToMain(e: Event) {
  e.preventDefault();
  document.getElementById("main")?.focus();
}
