// The login box: an API key (kept in sessionStorage) and, optionally, the API
// server's address when it is not the one that served the UI.
import { useState } from "preact/hooks";
import { t, useLang } from "../i18n";
import { apiBase, apiKey, discoverRole, getJson, role } from "../lib/api";
import { ErrorBox, Field } from "./common";

export function Login() {
  useLang();
  const [key, setKey] = useState("");
  const [base, setBase] = useState(apiBase.get());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    apiBase.set(base.trim());
    const candidate = key.trim();
    try {
      await getJson("/v1/catalog", { key: candidate });
      role.set(await discoverRole(candidate));
      apiKey.set(candidate);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <form onSubmit={submit} class="card" aria-labelledby="login-title">
        <h1 id="login-title">{t("login.title")}</h1>
        <Field label={t("login.key")} id="login-key" help={t("login.key_help")}>
          <input
            id="login-key"
            type="password"
            autoComplete="current-password"
            required
            value={key}
            aria-describedby="login-key-help"
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </Field>
        <Field label={t("login.api")} id="login-api" help={t("login.api_help")}>
          <input
            id="login-api"
            type="url"
            placeholder={location.origin}
            value={base}
            aria-describedby="login-api-help"
            onInput={(e) => setBase(e.currentTarget.value)}
          />
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {t("login.submit")}
        </button>
        <ErrorBox error={error} />
      </form>
    </main>
  );
}
