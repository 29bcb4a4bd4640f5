// The HTTP API client: base URL, bearer key, problem+json errors, JSONL streams.
// Routes and shapes follow docs/api.md (the server's OpenAPI document is the authority).
import { createStore, readStorage, writeStorage } from "./store";

export type Role = "viewer" | "officer" | "admin";

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  errors?: { field: string; code: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

const KEY_ITEM = "hf.key";
const BASE_ITEM = "hf.api";

// The key lives in sessionStorage: it survives reloads of this tab and is gone
// when the tab closes, so a shared workstation does not keep it.
export const apiKey = createStore<string | null>(readStorage("session", KEY_ITEM));
export const role = createStore<Role | null>(null);
// The API base URL: empty means the origin that served the UI (`highfence serve`).
export const apiBase = createStore<string>(readStorage("local", BASE_ITEM) ?? "");

apiKey.subscribe((k) => {
  writeStorage("session", KEY_ITEM, k);
  if (!k) role.set(null);
});
apiBase.subscribe((b) => writeStorage("local", BASE_ITEM, b || null));

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return apiBase.get().replace(/\/$/, "") + path + (qs ? `?${qs}` : "");
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
  // A key to try instead of the stored one (the login box checks a key before keeping it).
  key?: string;
}

export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const key = opts.key ?? apiKey.get();
  if (key) headers.Authorization = `Bearer ${key}`;
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] = "application/json";
  }
  if (opts.contentType) headers["Content-Type"] = opts.contentType;
  const res = await fetch(buildUrl(path, opts.query), {
    method: opts.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    signal: opts.signal,
  });
  if (!res.ok) throw await toError(res, opts.key === undefined);
  return res;
}

async function toError(res: Response, storedKey: boolean): Promise<ApiError> {
  let problem: Problem = { status: res.status, title: res.statusText };
  try {
    const text = await res.text();
    problem = text ? { status: res.status, ...JSON.parse(text) } : problem;
  } catch {
    /* not JSON: keep the status line */
  }
  // The stored key no longer works (revoked, or the server restarted with new keys).
  if (res.status === 401 && storedKey) apiKey.set(null);
  return new ApiError(res.status, problem);
}

export async function getJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  return (await res.json()) as T;
}

// Yields the lines of a streamed body as they arrive (JSONL answers).
export async function* lines(res: Response): AsyncGenerator<string> {
  if (!res.body) {
    for (const line of (await res.text()).split("\n")) if (line.trim()) yield line;
    return;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = rest.indexOf("\n")) >= 0) {
      const line = rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      if (line.trim()) yield line;
    }
  }
  rest += decoder.decode();
  if (rest.trim()) yield rest;
}

// Downloads an authenticated response as a file (a plain link cannot carry the key).
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const res = await request(path, { query });
  saveBlob(await res.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The role of the key in use: from /v1/health when the server reports it,
// otherwise by asking for the key list (admin only) and the decision log (viewer).
export async function discoverRole(key?: string): Promise<Role> {
  const health = await getJson<{ role?: Role }>("/v1/health", { key });
  if (health.role) return health.role;
  try {
    await request("/v1/keys", { key });
    return "admin";
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
  }
  return "officer";
}
