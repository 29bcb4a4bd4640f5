// Chinese reason templates: each template reads back the values of a text in
// its English format; and, when the CLI is built, every reason the real engine
// writes for a spread of shipments is translated (no English left over).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadTs } from "./load-ts.mjs";

const reasons = await loadTs("i18n/reasons.ts");
const { TEMPLATES } = await loadTs("i18n/reason-templates.ts");

test("each template fills its Chinese text from values read out of its English format", () => {
  for (const [rule, en, zh] of TEMPLATES) {
    const values = [];
    const text = en.replace(/\{(cmp)?\}/g, (_, cmp) => {
      const v = cmp
        ? `${values.length + 10} >= 4800, margin +${values.length}`
        : `V${values.length}X`;
      values.push(v);
      return v;
    });
    const out = reasons.reasonText({ rule, citation: "", text }, "zh");
    assert.equal(out.translated, true, `${rule}: ${en}`);
    const slots = (zh.match(/\{\d+\}/g) ?? []).length;
    for (const v of values.filter((x) => x.startsWith("V")))
      if (slots)
        assert.ok(
          out.text.includes(v) || !zh.includes(`{${values.indexOf(v)}}`),
          `${rule}: ${v} in ${out.text}`,
        );
    assert.doesNotMatch(out.text, /\{\d+\}/, `${rule}: unfilled slot in ${out.text}`);
  }
});

test("a comparison phrase is read whole, commas and all", () => {
  const out = reasons.reasonText(
    {
      rule: "classify.ic.a1",
      citation: "",
      text: "TPP 15832 >= 4800, margin +11032, 229.8 % above: 3A090.a.1",
    },
    "zh",
  );
  assert.equal(out.text, "TPP 15832 >= 4800，超出 +11032，高出 229.8 %：3A090.a.1");
});

test("a text no template matches stays English and says so", () => {
  const out = reasons.reasonText({ rule: "tier", citation: "", text: "something new" }, "zh");
  assert.deepEqual(out, { text: "something new", translated: false });
  assert.equal(
    reasons.reasonText({ rule: "no.such.rule", citation: "", text: "x" }, "zh").translated,
    false,
  );
  assert.equal(reasons.reasonText({ rule: "tier", citation: "", text: "x" }, "en").text, "x");
});

test("values sent by the server are used directly", () => {
  const out = reasons.reasonText(
    { rule: "tier", citation: "", text: "", values: ["MY", 2, " (Macau or Country Group D:5)"] },
    "zh",
  );
  assert.equal(out.text, "MY 为第 2 层级目的地（澳门或 D:5 国家组）");
});

// The engine's own reasons, from the CLI built by `make build`.
const cli =
  process.env.HF_CLI ?? fileURLToPath(new URL("../../../build/highfence", import.meta.url));
const ENGINE_SHIPMENTS = fileURLToPath(
  new URL("../fixtures/engine-shipments.jsonl", import.meta.url),
);

test("every reason the engine writes for the fixture shipments has a Chinese template", (t) => {
  if (!existsSync(cli)) {
    t.skip(`skipped: ${cli} is not built (make build builds it)`);
    return;
  }
  const seen = new Map();
  for (const mode of ["as-written", "as-enforced"]) {
    const run = spawnSync(cli, ["check", "--format", "jsonl", "--mode", mode, ENGINE_SHIPMENTS], {
      encoding: "utf8",
    });
    assert.ok(run.status === 0 || run.status === 2, run.stderr);
    for (const line of run.stdout.split("\n").filter(Boolean))
      for (const r of JSON.parse(line).reasons) seen.set(`${r.rule}\u0000${r.text}`, r);
  }
  const missing = [...seen.values()].filter(
    (r) => !reasons.reasonText(r, "zh").translated && r.rule !== "classify.missing_figure",
  );
  assert.deepEqual(
    missing.map((r) => `${r.rule}: ${r.text}`),
    [],
  );
  const rules = new Set([...seen.values()].map((r) => r.rule));
  assert.ok(rules.size >= 25, `only ${rules.size} rules exercised`);
  t.diagnostic(`${seen.size} distinct reason texts over ${rules.size} rules, all translated`);
  void readFileSync;
});

test("an Entity List reason in Chinese: who, the hit's facts and the policy are phrases too", () => {
  const text =
    "the consignee `Huawei Technologies Co., Ltd.` matches `Huawei Technologies Co., Ltd. " +
    "(Huawei)` on the Entity List (score 0.987; entry 15; 84 FR 22961, 85 FR 51603): a " +
    "licence is required for every item subject to the EAR, EAR99 included; the entry's " +
    'review policy "Presumption of denial." reads as presumption_of_denial';
  const out = reasons.reasonText({ rule: "party.entity_list", citation: "", text }, "zh");
  assert.equal(out.translated, true);
  assert.equal(
    out.text,
    "收货人“Huawei Technologies Co., Ltd.”与实体清单上的“Huawei Technologies Co., Ltd. (Huawei)”" +
      "匹配（得分 0.987；条目 15；84 FR 22961, 85 FR 51603）：所有受 EAR 管辖的物项（包括 EAR99）" +
      "均需要许可证；该条目的审查政策“Presumption of denial.”解读为推定拒绝",
  );
  const parent = reasons.reasonText(
    {
      rule: "party.policy",
      citation: "",
      text:
        "a listed party requires a licence whatever the item: policy_of_denial (the stricter " +
        "of the listing's presumption_of_denial and the item's policy_of_denial)",
    },
    "zh",
  );
  assert.equal(
    parent.text,
    "当事方被列入名单，无论何种物项均需要许可证：拒绝政策（取名单的推定拒绝与物项的拒绝政策中较严者）",
  );
});

test("a review-band candidate and another list's meaning read in Chinese", () => {
  const review = reasons.reasonText(
    {
      rule: "party.review",
      citation: "",
      text:
        "`Huawei Tech Co` may be `Huawei Technologies Co., Ltd. (Huawei)` on the Entity List " +
        "(score 0.71: below the match threshold 0.85, at or above the review threshold 0.6), " +
        "and 2 other candidates: confirm or clear the party",
    },
    "zh",
  );
  assert.equal(
    review.text,
    "“Huawei Tech Co”可能是实体清单上的“Huawei Technologies Co., Ltd. (Huawei)”（得分 0.71：" +
      "低于匹配阈值 0.85，不低于复核阈值 0.6），另有 2 个候选：请确认或排除该当事方",
  );
  const listed = reasons.reasonText(
    {
      rule: "party.listed",
      citation: "",
      text:
        "the consignee's ultimate parent `Acme` matches `ACME LLC` on the Unverified List " +
        "(score 0.9; no Federal Register citation on the row): no licence exception may be " +
        "used, and the party's UVL statement is needed before export",
    },
    "zh",
  );
  assert.equal(
    listed.text,
    "收货人的最终母公司“Acme”与Unverified List上的“ACME LLC”匹配（得分 0.9；该行无联邦公报出处）：" +
      "不得使用任何许可例外，出口前须取得该当事方的 UVL 声明",
  );
});
