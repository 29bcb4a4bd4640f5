// Country lists per (date, mode), fetched once each and shared by the pages.
import { getJson } from "./api";
import type { CountriesAnswer, Mode } from "./types";

const cache = new Map<string, Promise<CountriesAnswer>>();

export function countriesOn(date: string, mode: Mode): Promise<CountriesAnswer> {
  const key = `${date}|${mode}`;
  let p = cache.get(key);
  if (!p) {
    p = getJson<CountriesAnswer>("/v1/countries", { query: { date, mode } });
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}
