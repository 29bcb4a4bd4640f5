// Shipments the mock logs at start-up, so the decision log has history.
export const SEED_SHIPMENTS = [
  {
    id: "PO-2025-0004",
    date: "2025-07-01",
    destination: "IN",
    item: "nvidia-h100-sxm",
    units: 1000,
    consignee: { name: "Reliance Jio Infocomm Ltd.", parent: "Reliance Jio", hq: "IN" },
  },
  {
    id: "PO-2025-0017",
    date: "2025-08-19",
    destination: "MY",
    item: "nvidia-h200-sxm",
    units: 4000,
    consignee: { name: "Johor Data Campus Sdn Bhd", hq: "MY" },
  },
  {
    id: "PO-2025-0021",
    date: "2025-09-02",
    destination: "DE",
    item: "nvidia-b200",
    units: 512,
    consignee: { name: "Frankfurt AI Cloud GmbH", hq: "DE" },
  },
  {
    id: "PO-2025-0033",
    date: "2025-10-14",
    destination: "CN",
    item: "nvidia-h20",
    units: 2000,
    consignee: { name: "Shenzhen Deep Compute Co., Ltd.", hq: "CN" },
  },
  {
    id: "PO-2026-0102",
    date: "2026-02-03",
    destination: "KH",
    item: "amd-mi300x",
    units: 64,
    consignee: { name: "Phnom Penh Cloud Co.", hq: "KH" },
  },
];
