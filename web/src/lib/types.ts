// The contract's shipment and determination, and the API's other shapes
// (docs/api.md). Only fields the UI reads are typed; the server may add more.

export type Decision =
  "not_controlled" | "no_license_required" | "authorized" | "license_required" | "needs_review";

export const DECISIONS: Decision[] = [
  "not_controlled",
  "no_license_required",
  "authorized",
  "license_required",
  "needs_review",
];

export type Mode = "as_enforced" | "as_written";
export const END_USES = [
  "military",
  "wmd",
  "frontier_training",
  "development",
  "production",
  "storage",
] as const;

export interface IcItem {
  kind?: "ic";
  tpp?: number;
  die_area_mm2?: number;
  datacenter?: boolean;
  interconnect_gbs?: number;
  dram_bandwidth_gbs?: number;
  eccn?: string;
  hts?: string;
}
export interface HbmItem {
  kind: "hbm";
  memory_bandwidth_density?: number;
}
export interface ModelItem {
  kind: "model_weights";
  training_ops?: number;
  published?: boolean;
}
export type Item = string | IcItem | HbmItem | ModelItem | Record<string, unknown>;

export interface Consignee {
  name?: string;
  parent?: string;
  hq?: string;
  parent_hq?: string;
  veu?: "UVEU" | "NVEU" | null;
  id?: string;
  parent_id?: string;
}

export interface Shipment {
  id: string;
  date: string;
  type?: "export" | "reexport" | "transfer";
  from?: string;
  destination: string;
  region?: string;
  item: Item;
  units: number;
  consignee?: Consignee;
  end_use?: string[];
}

export interface Reason {
  rule: string;
  citation: string;
  text: string;
  // Not in the contract yet: the values a reason carries, when the server sends them.
  values?: (string | number)[];
}

export interface Debit {
  account: string;
  tpp: number;
  state?: "pending" | "posted";
}

export interface Determination {
  id: string;
  regime: string;
  mode: Mode;
  eccn: string | null;
  tpp: number | null;
  tpp_total: number | null;
  performance_density: number | null;
  tier: 1 | 2 | 3 | null;
  decision: Decision;
  authorization: string | null;
  license_policy: string | null;
  notices: string[];
  debits: Debit[];
  reasons: Reason[];
  errors: { code: string; field: string; message: string }[];
  assumed: { field: string; value: unknown }[];
  other_mode?: {
    mode: Mode;
    decision: Decision;
    authorization: string | null;
    license_policy: string | null;
  };
  // Present when the server screened the parties against restricted-party lists.
  screening?: Screening;
  decision_id?: string;
}

// A determination's restricted-party screening (docs/formats.md, "Screening").
export interface Screening {
  snapshot: string; // the SHA-256 of the list file screened against
  hits: ScreeningHit[];
}

export interface ScreeningHit {
  party: "consignee" | "parent" | string;
  list: string; // EL, SDN, DPL, MEU, UVL, ...
  entity_number: string | null;
  name: string;
  matched_name: string;
  score: number;
  band: "match" | "review" | string;
  license_policy: string | null;
  federal_register_notice: string | null;
  row?: number;
}

export interface DerivationStep {
  rule: string;
  citation: string;
  text: string;
  params: { name: string; value: unknown; effective_on?: string; citation?: string }[];
}

export interface Balance {
  account: string;
  cap: number | null;
  posted: number;
  pending: number;
  available: number | null;
}

export interface Explanation {
  determination: Determination;
  derivation: DerivationStep[];
  balances: Balance[];
}

export interface CatalogItem {
  id: string;
  vendor: string;
  name: string;
  tpp: number;
  die_area_mm2: number | null;
  datacenter: boolean;
  interconnect_gbs: number | null;
  dram_bandwidth_gbs: number | null;
  eccn_2023: string | null;
  source?: string;
}

export interface Regime {
  id: string;
  kind: "regime" | "change" | "program";
  title: string;
  citation: string;
  url: string;
  effective_on: string | null; // null for a program without one date (Part 746)
  compliance_on?: string | null;
}

export interface Country {
  code: string;
  name: string;
  tier: 1 | 2 | 3 | null;
  groups: string[];
  license_required_3a090: boolean;
  embargo: null | { program: string; citation: string; policy: string };
  why: { rule: string; citation: string; text: string }[];
}

export interface CountriesAnswer {
  date: string;
  mode: Mode;
  countries: Country[];
}

export interface Account extends Balance {
  kind: "allocation" | "lpp" | "nveu" | "uveu" | "aia";
  // For an NVEU account: its quarterly cap schedule (not in the first API plan).
  schedule?: { from: string; cap: number }[];
}

export interface Transfer {
  id: string;
  account: string;
  amount: number;
  state: "pending" | "posted" | "voided" | "reversed" | string;
  shipment_id: string;
  on: string;
  recorded_at: string;
  // A posted reservation's licence is in its note ("licence D1234567; ..."), and
  // its grant day in settled_at (midnight UTC).
  note?: string | null;
  reverses?: string | null;
  settled_at?: string | null;
}

export interface DecisionRow {
  decision_id: string;
  recorded_at: string;
  key_id: string;
  shipment_id: string;
  decision: Decision;
  law_hash: string;
  law_reviewed_on: string;
  mode: Mode;
  regime: string;
}

export interface DecisionRecord {
  decision_id: string;
  recorded_at: string;
  key_id: string;
  input: Shipment;
  input_sha256: string;
  law_hash: string;
  law_reviewed_on: string;
  mode: Mode;
  regime: string;
  determination: Determination;
}

export interface ScreenFeature {
  name: string;
  weight: number;
  value: number;
  contribution: number;
}

export interface ScreenHit {
  list: string;
  entity_number: string;
  name: string;
  matched_name: string;
  score: number;
  threshold: number;
  band: "match" | "review";
  features: ScreenFeature[];
  license_requirement?: string;
  license_policy?: string;
  fr_citation?: string;
}

export interface ScreenAnswer {
  results: { id: string | null; hits: ScreenHit[] }[];
  // generated_on is null for a list file that does not state it (the CSV).
  lists: { sha256: string; generated_on: string | null; latest_start_date?: string | null };
}

export interface ApiKeyRow {
  key_id: string;
  role: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

export interface Health {
  status: string;
  version: string;
  law_hash: string;
  law_reviewed_on: string;
  ledger: string;
  role?: string | null;
  key_id?: string | null;
  ui_hash?: string | null;
}
