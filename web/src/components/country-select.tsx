// A labelled country list; with `showTier`, each option carries its tier on the
// date and mode the list was fetched for.
import { countryName, t } from "../i18n";
import type { Country } from "../lib/types";

interface Props {
  id: string;
  value: string;
  onChange: (code: string) => void;
  countries: Country[];
  empty?: string;
  showTier?: boolean;
  required?: boolean;
  describedBy?: string;
}

export function CountrySelect(p: Props) {
  const sorted = [...p.countries].sort((a, b) =>
    countryName(a.code, a.name).localeCompare(countryName(b.code, b.name)),
  );
  return (
    <select
      id={p.id}
      value={p.value}
      required={p.required}
      aria-describedby={p.describedBy}
      onChange={(e) => p.onChange(e.currentTarget.value)}
    >
      <option value="">{p.empty ?? "—"}</option>
      {/* Keep a value the list does not hold (a deep link's code) selectable. */}
      {p.value && !p.countries.some((c) => c.code === p.value) && (
        <option value={p.value}>{p.value}</option>
      )}
      {sorted.map((c) => (
        <option key={c.code} value={c.code}>
          {countryName(c.code, c.name)} ({c.code})
          {p.showTier ? ` · ${c.tier ? t(`tier.${c.tier}` as "tier.1") : t("tier.none")}` : ""}
        </option>
      ))}
    </select>
  );
}
