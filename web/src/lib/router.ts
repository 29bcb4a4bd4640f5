// Hash routing ("#/check?destination=IN..."): the server serves one index.html
// at "/" and never needs to know the UI's pages; every view is a deep link.
import { createStore } from "./store";

export interface Route {
  page: string;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const body = hash.replace(/^#\/?/, "");
  const q = body.indexOf("?");
  const path = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : body.slice(q + 1));
  return { page: path.split("/")[0] || "check", params };
}

export const route = createStore<Route>(parse(location.hash));

window.addEventListener("hashchange", () => route.set(parse(location.hash)));

export function href(page: string, params?: URLSearchParams | Record<string, string>): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  const qs = p.toString();
  return `#/${page}${qs ? `?${qs}` : ""}`;
}

export function navigate(page: string, params?: URLSearchParams | Record<string, string>): void {
  location.hash = href(page, params);
}

// Updates the URL of the current page without a history entry (form state).
export function replaceParams(page: string, params: URLSearchParams): void {
  const next = href(page, params);
  if (location.hash !== next) {
    history.replaceState(null, "", next);
    route.set(parse(next));
  }
}
