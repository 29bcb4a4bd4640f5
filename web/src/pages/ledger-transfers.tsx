// An account's transfers, newest first, with the admin actions: post (licence
// granted), void (denied or expired) and reverse (a posted draw undone).
import { useRef, useState } from "preact/hooks";
import { ErrorBox, Field } from "../components/common";
import { code, t } from "../i18n";
import { getJson } from "../lib/api";
import { num, timestamp, today } from "../lib/format";
import type { Transfer } from "../lib/types";

type Action = "post" | "void" | "reverse";

export function TransferTable(props: {
  transfers: Transfer[];
  admin: boolean;
  onChange: () => void;
}) {
  const [action, setAction] = useState<{ kind: Action; transfer: Transfer } | null>(null);
  const rows = [...props.transfers].sort((a, b) => b.recorded_at.localeCompare(a.recorded_at));
  return (
    <>
      <table class="grid" data-testid="transfers">
        <thead>
          <tr>
            <th scope="col">{t("ledger.col.id")}</th>
            <th scope="col">{t("ledger.col.amount")}</th>
            <th scope="col">{t("ledger.col.state")}</th>
            <th scope="col">{t("ledger.col.on")}</th>
            <th scope="col">{t("ledger.col.recorded")}</th>
            <th scope="col">{t("ledger.col.note")}</th>
            {props.admin && <th scope="col">{t("ledger.col.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.id} data-transfer={x.id}>
              <td>
                <code>{x.id}</code>
                {x.reverses && <small> ↩ {x.reverses}</small>}
              </td>
              <td class="num">{num(x.amount)}</td>
              <td>
                <span class={`state state-${x.state}`}>{code("ledger.state", x.state)}</span>
              </td>
              <td>{x.on}</td>
              <td>
                {timestamp(x.recorded_at)}
                {x.settled_at && (
                  <small class="settled">
                    <br />
                    {t("ledger.settled", { at: timestamp(x.settled_at) })}
                  </small>
                )}
              </td>
              <td>{x.note ?? ""}</td>
              {props.admin && (
                <td class="actions">
                  {x.state === "pending" && (
                    <>
                      <button
                        type="button"
                        onClick={() => setAction({ kind: "post", transfer: x })}
                      >
                        {t("ledger.post")}
                      </button>
                      <button
                        type="button"
                        onClick={() => setAction({ kind: "void", transfer: x })}
                      >
                        {t("ledger.void")}
                      </button>
                    </>
                  )}
                  {x.state === "posted" && !x.reverses && (
                    <button
                      type="button"
                      onClick={() => setAction({ kind: "reverse", transfer: x })}
                    >
                      {t("ledger.reverse")}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {action && (
        <ActionDialog
          {...action}
          onClose={(changed) => {
            setAction(null);
            if (changed) props.onChange();
          }}
        />
      )}
    </>
  );
}

function ActionDialog(props: {
  kind: Action;
  transfer: Transfer;
  onClose: (changed: boolean) => void;
}) {
  const [licence, setLicence] = useState("");
  const [granted, setGranted] = useState(today());
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const open = (el: HTMLDialogElement | null) => {
    ref.current = el;
    if (el && !el.open) el.showModal();
  };
  async function submit(e: Event) {
    e.preventDefault();
    const body =
      props.kind === "post"
        ? { licence: licence || undefined, granted, note: note || undefined }
        : props.kind === "void"
          ? { note: note || undefined }
          : { reason: note };
    try {
      await getJson(`/v1/ledger/transfers/${encodeURIComponent(props.transfer.id)}/${props.kind}`, {
        body,
      });
      ref.current?.close();
      props.onClose(true);
    } catch (err) {
      setError(err);
    }
  }
  const title = `${t(`ledger.${props.kind}`)}: ${props.transfer.id}`;
  return (
    <dialog ref={open} aria-labelledby="action-title" onCancel={() => props.onClose(false)}>
      <form onSubmit={submit}>
        <h2 id="action-title">{title}</h2>
        <p>
          {num(props.transfer.amount)} TPP · {props.transfer.account}
        </p>
        {props.kind === "post" && (
          <>
            <Field label={t("ledger.licence")} id="act-licence">
              <input
                id="act-licence"
                value={licence}
                onInput={(e) => setLicence(e.currentTarget.value)}
              />
            </Field>
            <Field label={t("ledger.granted")} id="act-granted">
              <input
                id="act-granted"
                type="date"
                value={granted}
                onInput={(e) => setGranted(e.currentTarget.value)}
              />
            </Field>
          </>
        )}
        <Field
          label={props.kind === "reverse" ? t("ledger.reason") : t("ledger.note")}
          id="act-note"
        >
          <input
            id="act-note"
            value={note}
            required={props.kind === "reverse"}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </Field>
        <ErrorBox error={error} />
        <div class="actions">
          <button type="submit" class="primary">
            {t("ledger.confirm")}
          </button>
          <button type="button" onClick={() => (ref.current?.close(), props.onClose(false))}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
