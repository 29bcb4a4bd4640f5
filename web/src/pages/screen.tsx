// Screening: a name (and optional country) against the restricted-party lists;
// each hit shows its score as the sum of its features' contributions.
import { useState } from "preact/hooks";
import { ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { t, useLang } from "../i18n";
import { getJson } from "../lib/api";
import { num } from "../lib/format";
import { shortSnapshot } from "../lib/screening";
import type { ScreenAnswer, ScreenHit } from "../lib/types";
import type { PageProps } from "../main";

export default function ScreenPage(_: PageProps) {
  useLang();
  const [name, setName] = useState("");
  const [country, setCountry] = useState("");
  const [answer, setAnswer] = useState<ScreenAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setAnswer(
        await getJson<ScreenAnswer>("/v1/screen", {
          body: { name, ...(country ? { country } : {}) },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const hits = answer?.results[0]?.hits ?? [];
  return (
    <div class="page screen-page">
      <PageTitle intro={t("screen.intro")}>{t("screen.title")}</PageTitle>
      <form class="toolbar" role="search" onSubmit={submit}>
        <Field label={t("screen.name")} id="screen-name">
          <input
            id="screen-name"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Field label={t("screen.country")} id="screen-country">
          <input
            id="screen-country"
            maxLength={2}
            pattern="[A-Za-z]{2}"
            value={country}
            onInput={(e) => setCountry(e.currentTarget.value.toUpperCase())}
          />
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {t("screen.submit")}
        </button>
      </form>
      <Loading when={busy} />
      <ErrorBox error={error} />
      {answer && (
        <section aria-live="polite">
          <p class="muted">
            {t("screen.lists", {
              date: answer.lists.generated_on ?? answer.lists.latest_start_date ?? "?",
              sha: shortSnapshot(answer.lists.sha256),
            })}
          </p>
          {hits.length === 0 ? (
            <p>{t("screen.no_hits")}</p>
          ) : (
            <ol class="hits" data-testid="hits">
              {hits.map((h) => (
                <Hit key={h.list + h.entity_number} hit={h} />
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

function Hit({ hit }: { hit: ScreenHit }) {
  const max = Math.max(...hit.features.map((f) => f.weight), 0.0001);
  return (
    <li class={`hit band-${hit.band}`}>
      <h2>
        {hit.name} <span class={`badge band-${hit.band}`}>{t(`screen.band.${hit.band}`)}</span>
      </h2>
      <p>
        {t("screen.list")}: {hit.list} · {hit.entity_number} · {t("screen.matched")}:{" "}
        <q>{hit.matched_name}</q>
      </p>
      <p>{t("screen.score", { score: num(hit.score), threshold: num(hit.threshold) })}</p>
      <table class="grid features">
        <thead>
          <tr>
            <th scope="col">{t("screen.feature")}</th>
            <th scope="col">{t("screen.weight")}</th>
            <th scope="col">{t("screen.value")}</th>
            <th scope="col">{t("screen.contribution")}</th>
          </tr>
        </thead>
        <tbody>
          {hit.features.map((f) => (
            <tr key={f.name}>
              <td>
                <code>{f.name}</code>
              </td>
              <td class="num">{num(f.weight)}</td>
              <td class="num">{num(f.value)}</td>
              <td>
                <span
                  class="bar"
                  style={{ width: `${(100 * f.contribution) / max}%` }}
                  aria-hidden="true"
                />{" "}
                {num(f.contribution)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hit.license_requirement && (
        <p>
          {t("screen.requirement")}: {hit.license_requirement}; {hit.license_policy} (
          {hit.fr_citation})
        </p>
      )}
    </li>
  );
}
