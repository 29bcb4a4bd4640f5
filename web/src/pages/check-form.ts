// The Check form's state: flat shipment fields (the names of the CSV columns
// and of the deep link's query), plus how the item is given and which law.
import { flatten, isShipmentField, unflatten } from "../lib/shipment-fields";
import type { Mode, Shipment } from "../lib/types";

export type ItemSource = "catalog" | "ic" | "hbm" | "model";

export interface CheckForm {
  fields: Record<string, string>;
  source: ItemSource;
  mode: Mode;
  record: boolean;
}

const ITEM_FIELDS: Record<ItemSource, string[]> = {
  catalog: ["item"],
  ic: [
    "item.tpp",
    "item.die_area_mm2",
    "item.datacenter",
    "item.interconnect_gbs",
    "item.dram_bandwidth_gbs",
  ],
  hbm: ["item.memory_bandwidth_density"],
  model: ["item.training_ops", "item.published"],
};

export function newShipmentId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15);
  return `UI-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

export function defaultForm(): CheckForm {
  return {
    fields: {
      id: newShipmentId(),
      date: new Date().toISOString().slice(0, 10),
      item: "nvidia-h100-sxm",
      units: "1",
      destination: "",
      type: "export",
      "item.datacenter": "true",
    },
    source: "catalog",
    mode: "as_enforced",
    record: false,
  };
}

function sourceOf(fields: Record<string, string>): ItemSource {
  const kind = fields["item.kind"];
  if (kind === "hbm") return "hbm";
  if (kind === "model_weights") return "model";
  if (fields.item) return "catalog";
  return Object.keys(fields).some((k) => k.startsWith("item.")) ? "ic" : "catalog";
}

// The form a deep link describes, or null when the link names no shipment.
export function formFromParams(params: URLSearchParams): CheckForm | null {
  const fields: Record<string, string> = {};
  for (const [k, v] of params) if (isShipmentField(k)) fields[k] = v;
  if (!fields.destination) return null;
  const base = defaultForm();
  return {
    fields: { ...base.fields, "item.datacenter": "true", ...fields },
    source: sourceOf(fields),
    mode: params.get("mode") === "as_written" ? "as_written" : "as_enforced",
    record: false,
  };
}

export function shipmentOf(form: CheckForm): Shipment {
  const keep = new Set(ITEM_FIELDS[form.source]);
  const entries = Object.entries(form.fields).filter(
    ([k]) => !(k === "item" || k.startsWith("item.")) || keep.has(k),
  );
  if (form.source === "hbm") entries.push(["item.kind", "hbm"]);
  if (form.source === "model") entries.push(["item.kind", "model_weights"]);
  return unflatten(entries) as unknown as Shipment;
}

// The deep link's query: the shipment's flat fields and the mode.
export function paramsOf(form: CheckForm): URLSearchParams {
  const p = new URLSearchParams(flatten(shipmentOf(form)));
  p.set("mode", form.mode);
  return p;
}
