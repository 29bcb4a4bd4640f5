// A determination's restricted-party screening: the list snapshot the parties
// were screened against and each hit (which party, on which list, the entry it
// matched, how strongly, and the entry's own policy and Federal Register
// citations, linked).
import { code, t } from "../i18n";
import { num } from "../lib/format";
import { screeningRows, shortSnapshot } from "../lib/screening";
import type { Screening } from "../lib/types";
import { Citation } from "./common";

export function ScreeningView({ s }: { s: Screening }) {
  const rows = screeningRows(s);
  return (
    <section class="screening" aria-labelledby="screening-h" data-testid="screening">
      <h3 id="screening-h">{t("check.screening")}</h3>
      <p>
        {t("check.screening_snapshot")}{" "}
        <code title={s.snapshot} data-testid="screening-snapshot">
          {shortSnapshot(s.snapshot)}
        </code>
      </p>
      {rows.length === 0 ? (
        <p class="muted">{t("check.screening_none")}</p>
      ) : (
        <table class="grid" data-testid="screening-hits">
          <thead>
            <tr>
              <th scope="col">{t("check.screening.party")}</th>
              <th scope="col">{t("check.screening.list")}</th>
              <th scope="col">{t("check.screening.entry")}</th>
              <th scope="col">{t("check.screening.band")}</th>
              <th scope="col">{t("check.screening.score")}</th>
              <th scope="col">{t("check.screening.policy")}</th>
              <th scope="col">{t("check.screening.fr")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={`${h.party}-${h.list}-${h.row ?? h.name}`} data-party={h.party}>
                <td>{code("screening.party", h.party)}</td>
                <td>
                  {code("screening.list", h.list)} <code>{h.list}</code>
                </td>
                <td>
                  {h.name}
                  {h.entity_number && <small> · {h.entity_number}</small>}
                  {h.matched_name !== h.name && (
                    <small>
                      <br />
                      {t("check.screening.matched", { name: h.matched_name })}
                    </small>
                  )}
                </td>
                <td>
                  <span class={`badge band-${h.band}`}>{code("screen.band", h.band)}</span>
                </td>
                <td class="num">{num(h.score)}</td>
                <td>{h.license_policy ?? t("common.none")}</td>
                <td>
                  {h.federal_register_notice ? (
                    <Citation citation={h.federal_register_notice} />
                  ) : (
                    t("common.none")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
