// The order a determination's screening hits are read in: the consignee's
// before its parent's, matches before review-band candidates, then by score
// (highest first) and the list's own row order.
import type { Screening, ScreeningHit } from "./types";

const PARTY_ORDER = ["consignee", "parent"];
const BAND_ORDER = ["match", "review"];

function rank(order: string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

export function screeningRows(s: Screening): ScreeningHit[] {
  return [...s.hits].sort(
    (a, b) =>
      rank(PARTY_ORDER, a.party) - rank(PARTY_ORDER, b.party) ||
      rank(BAND_ORDER, a.band) - rank(BAND_ORDER, b.band) ||
      b.score - a.score ||
      (a.row ?? 0) - (b.row ?? 0),
  );
}

// The snapshot's hash as people quote it: its first 12 hex digits.
export function shortSnapshot(sha: string): string {
  return sha.slice(0, 12);
}
