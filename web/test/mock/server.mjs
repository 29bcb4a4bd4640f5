// The mock API server: every route of the API plan (docs/api.md) over the mock
// law, engine, ledger and fixtures, plus the built UI as static files, so the
// browser tests need one origin. Keys: admin-key, officer-key, viewer-key.
import { createServer, request as httpRequest } from "node:http";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { countries, regimes } from "./law.mjs";
import { loadCatalog } from "./catalog.mjs";
import { determine, slug } from "./engine.mjs";
import { MockLedger, seedLedger } from "./ledger.mjs";
import { LISTS, screen, simulate } from "./extras.mjs";
import { screenParties } from "./parties.mjs";
import { SEED_SHIPMENTS } from "./seed.mjs";

const ROLES = { viewer: 0, officer: 1, admin: 2 };
const BATCH_LINES_MAX = 10000;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};
const LAW_HASH = createHash("sha256").update("mock law").digest("hex");

class HttpError extends Error {
  constructor(status, title, detail, field) {
    super(detail);
    Object.assign(this, { status, title, field });
  }
}

export function createMockApi({ dist } = {}) {
  const state = {
    catalog: loadCatalog(),
    ledger: new MockLedger(),
    decisions: [],
    keys: [
      {
        key_id: "k-admin",
        key: "admin-key",
        role: "admin",
        label: "compliance lead",
        created_at: "2026-01-05T09:00:00Z",
        revoked_at: null,
      },
      {
        key_id: "k-officer",
        key: "officer-key",
        role: "officer",
        label: "export desk",
        created_at: "2026-01-05T09:01:00Z",
        revoked_at: null,
      },
      {
        key_id: "k-viewer",
        key: "viewer-key",
        role: "viewer",
        label: "audit",
        created_at: "2026-02-11T14:30:00Z",
        revoked_at: null,
      },
    ],
  };
  seedLedger(state.ledger);
  for (const s of SEED_SHIPMENTS)
    record(state, s, determineOne(state, s, "as_written", false), "k-officer", "as_written");
  const server = createServer((req, res) =>
    handle(state, dist, req, res).catch((e) => fail(res, e)),
  );
  return { server, state };
}

function determineOne(state, s, mode, dry) {
  const screening = screenParties(s);
  return determine(s, { mode, catalog: state.catalog, ledger: state.ledger, dry, screening });
}

function record(state, input, det, keyId, mode) {
  const n = state.decisions.length + 1;
  const decision_id = `dec-${String(n).padStart(6, "0")}`;
  const at = new Date(Date.UTC(2026, 10, 1) + n * 3600e3).toISOString();
  state.decisions.push({
    decision_id,
    recorded_at: at,
    key_id: keyId,
    input,
    input_sha256: createHash("sha256").update(JSON.stringify(input)).digest("hex"),
    law_hash: LAW_HASH,
    law_reviewed_on: "2026-11-28",
    mode,
    regime: det.regime,
    determination: { ...det, decision_id },
  });
  return decision_id;
}

function fail(res, e) {
  const status = e.status ?? 500;
  const body = {
    type: "about:blank",
    title: e.title ?? (status === 500 ? "Internal Server Error" : "Error"),
    status,
    detail: e.message,
  };
  if (e.field) body.field = e.field;
  if (!res.headersSent) res.writeHead(status, { "Content-Type": "application/problem+json" });
  res.end(JSON.stringify(body));
}

function json(res, body, status = 200) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Bad Request", "the body is not JSON", "body");
  }
}

function authorize(state, req, need) {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
  const key = m && state.keys.find((k) => k.key === m[1] && !k.revoked_at);
  if (!key) throw new HttpError(401, "Unauthorized", "a valid API key is required");
  if (ROLES[key.role] < ROLES[need])
    throw new HttpError(403, "Forbidden", `this route needs the ${need} role`);
  return key;
}

async function handle(state, dist, req, res) {
  const url = new URL(req.url, "http://mock");
  const p = url.pathname;
  if (!p.startsWith("/v1/")) return serveStatic(dist, p, res);
  if (p === "/v1/health") {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    const key = m && state.keys.find((k) => k.key === m[1] && !k.revoked_at);
    return json(res, {
      status: "ok",
      version: "mock-0",
      law_hash: LAW_HASH,
      law_reviewed_on: "2026-11-28",
      ledger: "sqlite",
      ...(key ? { role: key.role, key_id: key.key_id } : {}),
    });
  }
  for (const [method, pattern, role, fn] of ROUTES) {
    const match = req.method === method && pattern.exec(p);
    if (match) {
      const key = authorize(state, req, role);
      return fn({ state, req, res, url, key, params: match.slice(1).map(decodeURIComponent) });
    }
  }
  throw new HttpError(404, "Not Found", `no route ${req.method} ${p}`);
}

// The built UI with /v1 forwarded to a real API (HF_WEB_API in the browser tests).
export function createProxy(dist, target) {
  const api = new URL(target);
  const server = createServer((req, res) => {
    if (!req.url.startsWith("/v1/"))
      return serveStatic(dist, new URL(req.url, "http://x").pathname, res).catch((e) =>
        fail(res, e),
      );
    const upstream = httpRequest(
      {
        host: api.hostname,
        port: api.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (e) => fail(res, new HttpError(502, "Bad Gateway", e.message)));
    req.pipe(upstream);
  });
  return { server, state: null };
}

async function serveStatic(dist, path, res) {
  if (!dist) throw new HttpError(404, "Not Found", "no UI here");
  const file = normalize(join(dist, path === "/" ? "index.html" : path));
  if (!file.startsWith(normalize(dist))) throw new HttpError(404, "Not Found", path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    throw new HttpError(404, "Not Found", path);
  }
}

async function determinations({ state, req, res, url, key }) {
  const mode = url.searchParams.get("mode") ?? "as_enforced";
  const dry = url.searchParams.get("dry_run") === "true";
  const text = await readBody(req);
  const ndjson = (req.headers["content-type"] ?? "").includes("ndjson");
  const trimmed = text.trimStart();
  if (!ndjson && trimmed.startsWith("{")) {
    const s = parseJson(text);
    const det = determineOne(state, s, mode, dry);
    if (!dry) det.decision_id = record(state, s, det, key.key_id, mode);
    return json(res, det);
  }
  const lines = ndjson
    ? text.split("\n").filter((l) => l.trim())
    : parseJson(text).map((x) => JSON.stringify(x));
  // The real server's bounds (src/server/limits.h): 10,000 lines, 8 MiB.
  if (lines.length > BATCH_LINES_MAX || Buffer.byteLength(text) > 8 * 1024 * 1024)
    throw new HttpError(
      413,
      "Content Too Large",
      `at most ${BATCH_LINES_MAX} shipments per request`,
    );
  res.writeHead(200, { "Content-Type": "application/x-ndjson" });
  const seen = new Set();
  for (let i = 0; i < lines.length; i++) {
    let s;
    try {
      s = JSON.parse(lines[i]);
    } catch {
      s = null;
    }
    let det;
    if (!s || typeof s !== "object")
      det = {
        id: "",
        decision: "needs_review",
        errors: [{ code: "invalid_json", field: "", message: "the line is not one JSON object" }],
        reasons: [],
        notices: [],
        debits: [],
        assumed: [],
        regime: "none",
        mode,
      };
    else if (seen.has(s.id))
      det = {
        ...determineOne(state, { ...s, id: s.id }, mode, true),
        decision: "needs_review",
        debits: [],
        errors: [
          { code: "duplicate_id", field: "id", message: `id ${s.id} appeared on an earlier line` },
        ],
      };
    else det = determineOne(state, s, mode, dry);
    if (s && typeof s === "object") seen.add(s.id);
    if (!dry && s && det.decision !== "needs_review")
      det.decision_id = record(state, s, det, key.key_id, mode);
    res.write(JSON.stringify(det) + "\n");
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  res.end();
}

async function explain({ state, req, res, url }) {
  const mode = url.searchParams.get("mode") ?? "as_enforced";
  const s = parseJson(await readBody(req));
  const det = determineOne(state, s, mode, true);
  const derivation = det.reasons.map((r) => ({ ...r, params: PARAMS[r.rule] ?? [] }));
  const balances = det.debits.map((d) => state.ledger.summary(state.ledger.account(d.account)));
  json(res, { determination: det, derivation, balances });
}

const PARAMS = {
  "classify.ic.a1": [
    {
      name: "a1_tpp_min",
      value: 4800,
      effective_on: "2023-11-17",
      citation: "ECCN 3A090.a.1, as revised by 88 FR 73458",
    },
  ],
  "auth.lpp": [
    {
      name: "lpp_annual_cap_tpp",
      value: 26900000,
      effective_on: "2025-01-13",
      citation: "15 CFR 740.29(a), (d) and (h), as added by 90 FR 4544",
    },
    {
      name: "lpp_prior_notice_tpp",
      value: 3200000,
      effective_on: "2025-01-13",
      citation: "15 CFR 740.29(g)(3), as added by 90 FR 4544",
    },
  ],
  "policy.allocation": [
    {
      name: "allocation_tpp",
      value: 790000000,
      effective_on: "2025-01-13",
      citation: "15 CFR 742.6(b)(10)(iii)(A)(3), as added by 90 FR 4544",
    },
  ],
};

function decisionsList({ state, res, url }) {
  const q = url.searchParams;
  const party = q.get("party")?.toLowerCase();
  let rows = state.decisions.filter(
    (d) =>
      (!q.get("shipment_id") || d.input.id.includes(q.get("shipment_id"))) &&
      (!q.get("decision") || d.determination.decision === q.get("decision")) &&
      (!q.get("from") || d.recorded_at.slice(0, 10) >= q.get("from")) &&
      (!q.get("to") || d.recorded_at.slice(0, 10) <= q.get("to")) &&
      (!party || slug(d.input.consignee?.parent ?? d.input.consignee?.name).includes(slug(party))),
  );
  rows = rows.slice().reverse();
  const start = Number(q.get("cursor") ?? 0);
  const limit = Math.min(Number(q.get("limit") ?? 50), 500);
  const page = rows.slice(start, start + limit).map((d) => ({
    decision_id: d.decision_id,
    recorded_at: d.recorded_at,
    key_id: d.key_id,
    shipment_id: d.input.id,
    decision: d.determination.decision,
    law_hash: d.law_hash,
    law_reviewed_on: d.law_reviewed_on,
    mode: d.mode,
    regime: d.regime,
  }));
  return { page, next: start + limit < rows.length ? String(start + limit) : null, rows };
}

function decisionsExport(ctx) {
  const { rows } = decisionsList({
    ...ctx,
    url: new URL(ctx.url.href.replace(/limit=\d+/, "") + "&limit=500"),
  });
  const csv = ctx.url.searchParams.get("format") === "csv";
  ctx.res.writeHead(200, {
    "Content-Type": csv ? "text/csv" : "application/x-ndjson",
    "Content-Disposition": `attachment; filename="decisions.${csv ? "csv" : "jsonl"}"`,
  });
  if (csv) {
    ctx.res.write("decision_id,recorded_at,shipment_id,decision,regime,mode,law_hash\n");
    for (const d of rows)
      ctx.res.write(
        [
          d.decision_id,
          d.recorded_at,
          d.input.id,
          d.determination.decision,
          d.regime,
          d.mode,
          d.law_hash,
        ].join(",") + "\n",
      );
  } else for (const d of rows) ctx.res.write(JSON.stringify(d) + "\n");
  ctx.res.end();
}

const transferAction =
  (action) =>
  async ({ state, req, res, params }) => {
    const body = (await readBody(req)) || "{}";
    json(res, state.ledger[action](params[0], parseJson(body)));
  };

const ROUTES = [
  ["POST", /^\/v1\/determinations$/, "officer", determinations],
  ["POST", /^\/v1\/explain$/, "officer", explain],
  [
    "GET",
    /^\/v1\/catalog$/,
    "viewer",
    ({ state, res }) =>
      json(res, { items: state.catalog.map(({ dense_tops, bit_length, ...i }) => i) }),
  ],
  ["GET", /^\/v1\/regimes$/, "viewer", ({ res }) => json(res, { regimes })],
  [
    "GET",
    /^\/v1\/countries$/,
    "viewer",
    ({ res, url }) => {
      const date = url.searchParams.get("date") ?? new Date().toISOString().slice(0, 10);
      const mode = url.searchParams.get("mode") ?? "as_enforced";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new HttpError(400, "Bad Request", "date must be YYYY-MM-DD", "date");
      json(res, { date, mode, countries: countries(date, mode) });
    },
  ],
  [
    "GET",
    /^\/v1\/party-key$/,
    "viewer",
    ({ res, url }) =>
      json(res, {
        keys: url.searchParams.getAll("name").map((name) => ({ name, key: slug(name) })),
      }),
  ],
  [
    "GET",
    /^\/v1\/ledger\/accounts$/,
    "viewer",
    ({ state, res, url }) =>
      json(res, {
        accounts: state.ledger.list(url.searchParams.get("kind"), url.searchParams.get("prefix")),
      }),
  ],
  [
    "GET",
    /^\/v1\/ledger\/accounts\/([^/]+)$/,
    "viewer",
    ({ state, res, params }) => json(res, state.ledger.summary(state.ledger.account(params[0]))),
  ],
  [
    "GET",
    /^\/v1\/ledger\/accounts\/([^/]+)\/history$/,
    "viewer",
    ({ state, res, params }) =>
      json(res, {
        account: params[0],
        transfers: state.ledger.accounts.get(params[0])?.transfers ?? [],
      }),
  ],
  ["POST", /^\/v1\/ledger\/transfers\/(.+)\/post$/, "admin", transferAction("post")],
  ["POST", /^\/v1\/ledger\/transfers\/(.+)\/void$/, "admin", transferAction("void")],
  ["POST", /^\/v1\/ledger\/transfers\/(.+)\/reverse$/, "admin", transferAction("reverse")],
  [
    "GET",
    /^\/v1\/decisions$/,
    "viewer",
    (ctx) => {
      const { page, next } = decisionsList(ctx);
      json(ctx.res, { decisions: page, next });
    },
  ],
  ["GET", /^\/v1\/decisions\/export$/, "viewer", decisionsExport],
  [
    "GET",
    /^\/v1\/decisions\/([^/]+)$/,
    "viewer",
    ({ state, res, params }) => {
      const d = state.decisions.find((x) => x.decision_id === params[0]);
      if (!d) throw new HttpError(404, "Not Found", `no decision ${params[0]}`);
      json(res, d);
    },
  ],
  [
    "POST",
    /^\/v1\/screen$/,
    "officer",
    async ({ req, res }) => {
      const b = parseJson(await readBody(req));
      const names = b.names ?? [{ id: "1", name: b.name, country: b.country }];
      if (!names.every((n) => typeof n.name === "string" && n.name.trim()))
        throw new HttpError(400, "Bad Request", "name is required", "name");
      json(res, {
        results: names.map((n) => ({
          id: n.id ?? "1",
          hits: screen(n.name, n.country).map(({ row, code, ...hit }) => hit),
        })),
        lists: LISTS,
      });
    },
  ],
  [
    "GET",
    /^\/v1\/simulate$/,
    "viewer",
    ({ res, url }) => {
      const q = url.searchParams;
      json(
        res,
        simulate(q.get("scenario") ?? "default", q.get("draws") ?? 200, q.get("seed") ?? 1),
      );
    },
  ],
  [
    "GET",
    /^\/v1\/keys$/,
    "admin",
    ({ state, res }) => json(res, { keys: state.keys.map(({ key, ...k }) => k) }),
  ],
  [
    "POST",
    /^\/v1\/keys$/,
    "admin",
    async ({ state, req, res }) => {
      const b = parseJson(await readBody(req));
      if (!(b.role in ROLES))
        throw new HttpError(400, "Bad Request", "role must be viewer, officer or admin", "role");
      const k = {
        key_id: `k-${state.keys.length + 1}`,
        key: `hf_${createHash("sha256").update(String(Math.random())).digest("hex").slice(0, 32)}`,
        role: b.role,
        label: b.label ?? "",
        created_at: new Date().toISOString(),
        revoked_at: null,
      };
      state.keys.push(k);
      json(res, { key_id: k.key_id, key: k.key }, 201);
    },
  ],
  [
    "DELETE",
    /^\/v1\/keys\/([^/]+)$/,
    "admin",
    ({ state, res, params }) => {
      const k = state.keys.find((x) => x.key_id === params[0]);
      if (!k) throw new HttpError(404, "Not Found", `no key ${params[0]}`);
      k.revoked_at = new Date().toISOString();
      const { key, ...rest } = k;
      json(res, rest);
    },
  ],
];
