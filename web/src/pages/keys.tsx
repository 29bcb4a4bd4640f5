// Keys (admins): the API keys with their roles; create one (shown once), revoke.
import { useState } from "preact/hooks";
import { ErrorBox, Field, Loading, PageTitle } from "../components/common";
import { t, useLang } from "../i18n";
import { getJson, request, role, type Role } from "../lib/api";
import { timestamp } from "../lib/format";
import { useStore } from "../lib/store";
import type { ApiKeyRow } from "../lib/types";
import { useApi } from "../lib/use-api";
import type { PageProps } from "../main";

const ROLES: Role[] = ["viewer", "officer", "admin"];

export default function KeysPage(_: PageProps) {
  useLang();
  const r = useStore(role);
  const [tick, setTick] = useState(0);
  const keys = useApi(() => getJson<{ keys: ApiKeyRow[] }>("/v1/keys"), `keys-${tick}`);
  const [form, setForm] = useState({ role: "officer" as Role, label: "" });
  const [created, setCreated] = useState<{ key_id: string; key: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      setCreated(await getJson<{ key_id: string; key: string }>("/v1/keys", { body: form }));
      setTick((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  }
  async function revoke(id: string) {
    try {
      await request(`/v1/keys/${encodeURIComponent(id)}`, { method: "DELETE" });
      setTick((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div class="page keys-page">
      <PageTitle intro={t("keys.intro")}>{t("keys.title")}</PageTitle>
      {r !== "admin" && <p class="muted">{t("keys.admin_only")}</p>}
      <form class="toolbar" onSubmit={create}>
        <Field label={t("keys.role")} id="key-role">
          <select
            id="key-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}
          >
            {ROLES.map((x) => (
              <option key={x} value={x}>
                {t(`role.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("keys.label")} id="key-label">
          <input
            id="key-label"
            required
            value={form.label}
            onInput={(e) => setForm({ ...form, label: e.currentTarget.value })}
          />
        </Field>
        <button type="submit" class="primary">
          {t("keys.create")}
        </button>
      </form>
      {created && (
        <div class="notice" role="status" data-testid="new-key">
          <p>{t("keys.created", { id: created.key_id })}</p>
          <code class="hash">{created.key}</code>
        </div>
      )}
      <ErrorBox error={error ?? keys.error} />
      <Loading when={keys.loading && !keys.data} />
      {keys.data && <KeyTable keys={keys.data.keys} onRevoke={revoke} />}
    </div>
  );
}

function KeyTable({ keys, onRevoke }: { keys: ApiKeyRow[]; onRevoke: (id: string) => void }) {
  return (
    <table class="grid" data-testid="keys">
      <thead>
        <tr>
          <th scope="col">{t("keys.col.id")}</th>
          <th scope="col">{t("keys.role")}</th>
          <th scope="col">{t("keys.label")}</th>
          <th scope="col">{t("keys.col.created")}</th>
          <th scope="col">{t("keys.col.status")}</th>
          <th scope="col">
            <span class="visually-hidden">{t("keys.revoke")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.key_id}>
            <td>
              <code>{k.key_id}</code>
            </td>
            <td>{ROLES.includes(k.role as Role) ? t(`role.${k.role as Role}`) : k.role}</td>
            <td>{k.label}</td>
            <td>{timestamp(k.created_at)}</td>
            <td>
              {k.revoked_at
                ? t("keys.revoked", { date: timestamp(k.revoked_at) })
                : t("keys.active")}
            </td>
            <td>
              {!k.revoked_at && (
                <button
                  type="button"
                  onClick={() => onRevoke(k.key_id)}
                  aria-label={`${t("keys.revoke")} ${k.key_id}`}
                >
                  {t("keys.revoke")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
