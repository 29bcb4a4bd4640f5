// The mock API's ledger: accounts with transfers (pending, posted, void,
// reversed), seeded with realistic balances, and post/void/reverse.
import { nveuSchedule } from "./law.mjs";
import { ALLOCATION_CAP, LPP_CAP } from "./engine.mjs";

export class MockLedger {
  constructor(clock = () => new Date()) {
    this.clock = clock;
    this.accounts = new Map();
    this.seq = 0;
  }

  account(id) {
    let a = this.accounts.get(id);
    if (!a) {
      const kind = id.split(":")[0];
      const cap = kind === "allocation" ? ALLOCATION_CAP : kind === "lpp" ? LPP_CAP : null;
      a = { id, kind, cap, transfers: [] };
      this.accounts.set(id, a);
    }
    return a;
  }

  drawn(id) {
    const a = this.accounts.get(id);
    if (!a) return 0;
    return a.transfers
      .filter((t) => t.state === "posted" || t.state === "pending" || t.state === "reversed")
      .reduce((s, t) => s + t.amount, 0);
  }

  draw(account, amount, state, shipment, extra = {}) {
    const a = this.account(account);
    const t = {
      id: `${shipment.id}/${account}`,
      account,
      amount,
      state,
      shipment_id: shipment.id,
      on: shipment.date,
      recorded_at: this.clock().toISOString(),
      settled_at: null,
      note: null,
      reverses: null,
      ...extra,
    };
    if (a.transfers.some((x) => x.id === t.id)) t.id = `${t.id}#${++this.seq}`;
    a.transfers.push(t);
    return t;
  }

  summary(a) {
    const sum = (st) =>
      a.transfers.filter((t) => st.includes(t.state)).reduce((s, t) => s + t.amount, 0);
    const posted = sum(["posted", "reversed"]);
    const pending = sum(["pending"]);
    let cap = a.cap;
    const out = { account: a.id, kind: a.kind, cap, posted, pending, available: null };
    if (a.kind === "nveu") {
      const today = this.clock().toISOString().slice(0, 10);
      cap = [...nveuSchedule].reverse().find((e) => e.from <= today)?.cap ?? nveuSchedule[0].cap;
      out.cap = cap;
      out.schedule = nveuSchedule;
    }
    if (cap !== null) out.available = cap - posted - pending;
    return out;
  }

  list(kind, prefix) {
    return [...this.accounts.values()]
      .filter((a) => (!kind || a.kind === kind) && (!prefix || a.id.startsWith(prefix)))
      .sort((x, y) => x.id.localeCompare(y.id))
      .map((a) => this.summary(a));
  }

  find(transferId) {
    for (const a of this.accounts.values()) {
      const t = a.transfers.find((x) => x.id === transferId);
      if (t) return t;
    }
    return null;
  }

  // As the server keeps a grant: the note "licence NUMBER; NOTE", and the
  // settlement at the granted day's midnight UTC (today's time without one).
  post(id, { licence, granted, note } = {}) {
    const t = this.mustBe(id, "pending");
    Object.assign(t, {
      state: "posted",
      note: grantNote(licence, note) || t.note,
      settled_at: granted ? `${granted}T00:00:00.000Z` : this.clock().toISOString(),
    });
    return t;
  }

  void(id, { note } = {}) {
    const t = this.mustBe(id, "pending");
    Object.assign(t, {
      state: "voided",
      note: note ?? "denied",
      settled_at: this.clock().toISOString(),
    });
    return t;
  }

  reverse(id, { reason }) {
    const t = this.mustBe(id, "posted");
    t.state = "reversed";
    return this.draw(
      t.account,
      -t.amount,
      "posted",
      { id: `${t.shipment_id}-reversal`, date: this.clock().toISOString().slice(0, 10) },
      { reverses: t.id, note: reason },
    );
  }

  mustBe(id, state) {
    const t = this.find(id);
    if (!t) throw Object.assign(new Error(`no transfer ${id}`), { status: 404 });
    if (t.state !== state)
      throw Object.assign(new Error(`transfer ${id} is ${t.state}, not ${state}`), {
        status: 409,
        field: "state",
      });
    return t;
  }
}

function grantNote(licence, note) {
  return [licence && `licence ${licence}`, note].filter(Boolean).join("; ");
}

// Balances a compliance team would plausibly hold in late 2026.
export function seedLedger(ledger) {
  const alloc = {
    IN: [310000000, 41000000],
    MY: [182500000, 95000000],
    SA: [120000000, 0],
    BR: [64000000, 15832000],
    IL: [220000000, 0],
    VN: [38000000, 12000000],
    MX: [15832000, 0],
    TH: [47496000, 31664000],
    ID: [0, 0],
    PL: [95000000, 0],
  };
  let n = 0;
  for (const [cc, [posted, pending]] of Object.entries(alloc)) {
    const account = `allocation:${cc}`;
    ledger.account(account);
    if (posted)
      ledger.draw(
        account,
        posted,
        "posted",
        { id: `PO-2025-${1000 + ++n}`, date: "2025-08-12" },
        { note: grantNote(`D${1234560 + n}`), settled_at: "2025-09-30T00:00:00.000Z" },
      );
    if (pending)
      ledger.draw(account, pending, "pending", { id: `PO-2026-${2000 + ++n}`, date: "2026-10-02" });
  }
  const lpp = {
    "reliance-jio:2025": 15832000,
    "yotta-data-services:2025": 26900000,
    "yotta-data-services:2026": 7916000,
    "tata-communications:2026": 3166400,
    "g42:2025": 12665600,
    "reliance-jio:2026": 22000000,
  };
  for (const [k, amount] of Object.entries(lpp))
    ledger.draw(`lpp:${k}`, amount, "posted", {
      id: `PO-LPP-${++n}`,
      date: `${k.slice(-4)}-06-15`,
    });
  const nveu = [
    ["2025-02-10", 310000000],
    ["2025-05-20", 420000000],
    ["2025-09-03", 380000000],
    ["2026-01-15", 500000000],
    ["2026-04-22", 260000000],
  ];
  for (const [date, amount] of nveu)
    ledger.draw("nveu:yotta-data-services:IN", amount, "posted", { id: `PO-NVEU-${++n}`, date });
  ledger.draw("aia:microsoft", 180000000, "posted", { id: `PO-AIA-${++n}`, date: "2025-07-01" });
}
