// Small shared pieces: errors, decision badges, citations, headings.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { code, t } from "../i18n";
import { ApiError } from "../lib/api";
import { citationParts } from "../lib/cfr";
import type { Decision } from "../lib/types";

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  let title = t("common.error");
  let detail = String(error);
  let fields: { field: string; message: string }[] = [];
  if (error instanceof ApiError) {
    title = `${t("common.error")} ${error.status}: ${error.problem.title ?? ""}`;
    detail = error.problem.detail ?? "";
    fields = error.problem.errors ?? [];
    if (error.problem.field) fields = [{ field: error.problem.field, message: detail }, ...fields];
  } else if (error instanceof Error) detail = error.message;
  return (
    <div class="error" role="alert">
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field + f.message}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ when }: { when: boolean }) {
  return when ? (
    <p class="loading" role="status">
      {t("common.loading")}
    </p>
  ) : null;
}

export function DecisionBadge({ decision }: { decision: Decision | string }) {
  return <span class={`badge decision-${decision}`}>{code("decision", decision)}</span>;
}

export function Citation({ citation, date }: { citation: string; date?: string }) {
  return (
    <span class="citation">
      {citationParts(citation, date).map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

// The page heading; focused on arrival so keyboard and screen-reader users
// land at the top of the new page.
export function PageTitle({ children, intro }: { children: ComponentChildren; intro?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return (
    <header class="page-head">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {intro && <p class="intro">{intro}</p>}
    </header>
  );
}

export function Field(props: {
  label: string;
  id: string;
  help?: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={props.wide ? "field wide" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.help && (
        <small id={`${props.id}-help`} class="help">
          {props.help}
        </small>
      )}
    </div>
  );
}
