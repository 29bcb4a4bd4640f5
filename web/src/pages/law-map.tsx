// The world map: countries coloured by AI Diffusion tier or by the 2023 rules'
// licence requirement for 3A090, on one date and mode. d3-geo draws the
// world-atlas outlines (Natural Earth 1:110m) once; a date change only recolours.
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { useMemo } from "preact/hooks";
import { countryName, t } from "../i18n";
import { NUMERIC_TO_ALPHA2 } from "../lib/iso-numeric";
import type { Country } from "../lib/types";

export type ColorBy = "tier" | "license";

export const PALETTE = {
  tier1: "#2e7d4f",
  tier2: "#e0a526",
  tier3: "#b3261e",
  none: "#c9ced6",
  licence: "#b3261e",
  free: "#3b6ea8",
  embargo: "#5b1a18",
  unknown: "#eef0f3",
};

export function colorOf(c: Country | undefined, by: ColorBy): string {
  if (!c) return PALETTE.unknown;
  if (by === "tier")
    return c.tier === 1
      ? PALETTE.tier1
      : c.tier === 2
        ? PALETTE.tier2
        : c.tier === 3
          ? PALETTE.tier3
          : PALETTE.none;
  if (c.embargo) return PALETTE.embargo;
  return c.license_required_3a090 ? PALETTE.licence : PALETTE.free;
}

interface Shape {
  code: string | null;
  d: string;
}

const WIDTH = 960;
const HEIGHT = 470;

function shapes(): Shape[] {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], fc);
  const path = geoPath(projection);
  return fc.features.map((f) => ({
    code: NUMERIC_TO_ALPHA2.get(String(f.id)) ?? (f.properties?.name === "Kosovo" ? "XK" : null),
    d: path(f) ?? "",
  }));
}

interface Props {
  countries: Map<string, Country>;
  colorBy: ColorBy;
  selected: string;
  onPick: (code: string) => void;
  label: string;
}

export function WorldMap({ countries, colorBy, selected, onPick, label }: Props) {
  const all = useMemo(shapes, []);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="world" role="img" aria-label={label}>
      <title>{label}</title>
      {all.map((s, i) => {
        const c = s.code ? countries.get(s.code) : undefined;
        const name = s.code ? countryName(s.code, c?.name) : "";
        const tier = c?.tier ? ` · ${t(`tier.${c.tier}` as "tier.1")}` : "";
        return (
          <path
            key={i}
            d={s.d}
            data-code={s.code ?? ""}
            fill={colorOf(c, colorBy)}
            class={s.code && s.code === selected ? "selected" : undefined}
            onClick={() => s.code && onPick(s.code)}
          >
            {s.code && <title>{`${name} (${s.code})${tier}`}</title>}
          </path>
        );
      })}
    </svg>
  );
}

export function Legend({ colorBy, countries }: { colorBy: ColorBy; countries: Country[] }) {
  const items: [string, string, number][] =
    colorBy === "tier"
      ? [
          [t("tier.1"), PALETTE.tier1, 1],
          [t("tier.2"), PALETTE.tier2, 2],
          [t("tier.3"), PALETTE.tier3, 3],
          [t("tier.none"), PALETTE.none, 0],
        ].map(([l, c, n]) => [
          l as string,
          c as string,
          countries.filter((x) => (x.tier ?? 0) === n).length,
        ])
      : [
          [
            t("law.license_yes"),
            PALETTE.licence,
            countries.filter((x) => !x.embargo && x.license_required_3a090).length,
          ],
          [
            t("law.license_no"),
            PALETTE.free,
            countries.filter((x) => !x.embargo && !x.license_required_3a090).length,
          ],
          [t("law.embargo"), PALETTE.embargo, countries.filter((x) => x.embargo).length],
        ];
  return (
    <ul class="legend" aria-label={t("law.color_by")}>
      {items
        .filter(([, , n]) => n > 0)
        .map(([l, c, n]) => (
          <li key={l}>
            <span class="swatch" style={{ background: c }} aria-hidden="true" />
            {l} ({n})
          </li>
        ))}
    </ul>
  );
}
