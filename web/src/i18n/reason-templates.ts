// Chinese templates for the engine's reasons, keyed by rule id.
//
// Each entry pairs the engine's English format (its "{}" placeholders in order,
// as in src/determine and src/classify; "{cmp}" marks a comparison phrase) with a
// Chinese template whose "{0}", "{1}", ... name those values. A reason is
// translated by matching its English text against the formats of its rule and
// substituting the captured values;
// values that are themselves English phrases go through PHRASES. A text that
// matches no format is shown in English (see reasons.ts). This is a template
// translation, never a machine translation: every Chinese sentence is here.

export type Template = readonly [rule: string, en: string, zh: string];

export const TEMPLATES: readonly Template[] = [
  // Texts built from the law data's own values (policy names as wire names).
  ["mode.other", "{} the decision would be {} (D27)", "按 {0} 口径，决定将为 {1}（D27）"],
  [
    "policy.allocation",
    "{}'s allocation of {} has {} drawn ({}); {} fits (leaving {}): {}, reserved as pending " +
      "until the licence is granted or denied (an unsettled reservation expires after {} days; " +
      "a licence granted is valid for {} days)",
    "{0} 的配额 {1} 已使用 {2}（{3}）；{4} 可容纳（剩余 {5}）：{6}，在许可证批准或拒绝前预留为待定" +
      "（未结预留 {7} 天后失效；许可证自批准起有效 {8} 天）",
  ],
  [
    "policy.allocation",
    "{}'s allocation of {} has {} drawn ({}) and {} left; {} does not fit: {}, nothing reserved",
    "{0} 的配额 {1} 已使用 {2}（{3}），剩余 {4}；{5} 无法容纳：{6}，不作预留",
  ],
  [
    "regime.transition",
    "{} is after the AI Diffusion rule took effect ({}) but before its compliance date ({}): " +
      "evaluated under {} (D3), drawing on no Diffusion ledger account",
    "{0} 在人工智能扩散规则生效（{1}）之后、合规日期（{2}）之前：按 {3} 评估（D3），不占用扩散规则账户",
  ],
  [
    "regime.non_enforcement",
    "as enforced: from {} BIS does not enforce the AI Diffusion rule; the October 2023 rules " +
      "apply, with the worldwide headquarters rule",
    "按执法口径：自 {0} 起 BIS 不执行人工智能扩散规则；适用 2023 年 10 月规则及全球总部规则",
  ],
  [
    "license.2022",
    "3A090/4A090 items to {} need a licence (the 2022 rule's destinations: {})",
    "运往 {0} 的 3A090/4A090 物项需要许可证（2022 年规则的目的地：{1}）",
  ],
  [
    "classify.none",
    "no advanced-computing rule is in force (the first took effect on {}): no ECCN of these " +
      "rules applies",
    "尚无先进计算规则生效（首个规则于 {0} 生效）：不适用这些规则的 ECCN",
  ],
  [
    "policy.approval",
    "D:1 or D:4 destination outside Macau/D:5: {}",
    "澳门/D:5 以外的 D:1 或 D:4 目的地：{0}",
  ],
  [
    "policy.denial",
    "Macau or D:5 destination or headquarters: {}",
    "目的地或总部位于澳门或 D:5：{0}",
  ],
  [
    "policy.denial",
    "Macau/D:5 destination, or a party headquartered there: {}",
    "目的地为澳门/D:5，或有当事方总部位于该处：{0}",
  ],
  [
    "license.hq",
    "the consignee or its ultimate parent is headquartered in {} (Macau or D:5): from {} a " +
      "licence is needed wherever it is located",
    "收货人或其最终母公司总部位于 {0}（澳门或 D:5）：自 {1} 起无论其位于何处均需许可证",
  ],
  [
    "auth.nveu",
    "NVEU installed base in {} becomes {} + {} = {}, within the {} cap of {}: covered (D9)",
    "{0} 的 NVEU 装机基数变为 {1} + {2} = {3}，在 {4} 上限 {5} 之内：涵盖（D9）",
  ],
  [
    "policy.model",
    "4E091 for an end user headquartered (or with its ultimate parent) outside supplement no. 5 " +
      "paragraph (a): {}",
    "4E091 最终用户（或其最终母公司）总部位于第 5 号补编 (a) 段以外：{0}",
  ],
  [
    "policy.china_band",
    "export from the United States to {} with TPP below {} and DRAM bandwidth below {} GB/s: {}, " +
      "with the exporter's six certifications (U.S. supply, volume limit, third-party testing, " +
      "KYC, remote access)",
    "自美国出口至 {0}，TPP 低于 {1} 且 DRAM 带宽低于 {2} GB/s：{3}，并须出口商的六项认证" +
      "（美国供应、数量限制、第三方测试、客户尽职调查、远程访问）",
  ],
  [
    "license.model.non_enforcement",
    "4E091 is codified but, as enforced from {}, BIS does not enforce the AI Diffusion rule's " +
      "model-weights control (D14): no licence required",
    "4E091 已编入法规，但按执法口径自 {0} 起 BIS 不执行人工智能扩散规则的模型权重管制（D14）：无需许可证",
  ],
  ["input.invalid", "the shipment has errors; nothing was decided", "货运数据有误，未作任何判定"],
  [
    "regime.select",
    "regime {} chosen with --regime, whatever the date; dated changes outside that rule are " +
      "left out",
    "按 --regime 选定法规体系 {0}，不论日期；该规则以外的日期性变更不予适用",
  ],
  [
    "regime.select",
    "{} is before 2022-10-07: no advanced-computing export rule is in force",
    "{0} 早于 2022-10-07：尚无先进计算出口管制规则生效",
  ],
  ["regime.select", "{} on {} ({}): {}", "{1} 适用 {0}（{2}）：{3}"],
  [
    "regime.transition",
    "{} is after the AI Diffusion rule took effect ({}) but before its compliance date ({}): " +
      "evaluated under us-2023-11, drawing on no Diffusion ledger account",
    "{0} 在人工智能扩散规则生效（{1}）之后、合规日期（{2}）之前：按 us-2023-11 评估，不占用扩散规则的任何台账账户",
  ],
  [
    "regime.non_enforcement",
    "as enforced: from {} BIS does not enforce the AI Diffusion rule; the October 2023 rules " +
      "with the worldwide headquarters rule apply",
    "按执法口径：自 {0} 起 BIS 不执行人工智能扩散规则；适用 2023 年 10 月规则及全球总部规则",
  ],
  ["destination.hong_kong", "Hong Kong is treated as China", "香港按中国处理"],
  [
    "destination.united_states",
    "the destination is the United States: not an export, no licence required",
    "目的地为美国：不属于出口，无需许可证",
  ],
  ["tier", "{} is a Tier {} destination{}", "{0} 为第 {1} 层级目的地{2}"],
  [
    "notice.is_informed",
    "from {} BIS has sent non-public is-informed letters for chips to China, Macau and D:5 " +
      "(e.g. the H20): a licence may be required even below the 3A090 thresholds",
    "自 {0} 起 BIS 已就运往中国、澳门和 D:5 的芯片（如 H20）发出非公开的知会函：即使低于 3A090 门槛也可能需要许可证",
  ],
  [
    "notice.aia_filing",
    "the consignee's cumulative AIA TPP reaches {} (from {} to {}): e-mail its certification " +
      "to BIS",
    "收货人在 AIA 下累计 TPP 达到 {0}（由 {1} 增至 {2}）：须将其证明以电子邮件提交 BIS",
  ],
  [
    "end_use.part744",
    "end use {} is prohibited without a licence under part 744: licence required, {}; no licence " +
      "exception or validated end-user authorization applies",
    "最终用途「{0}」依第 744 部分未经许可即被禁止：需要许可证，审查政策为{1}；不适用任何许可例外或经验证最终用户授权",
  ],
  [
    "gp10",
    "BIS's General Prohibition 10 guidance of {} names this Huawei Ascend chip as likely made in " +
      "violation of the EAR: using, selling or transferring it anywhere needs authorization; {}",
    "BIS 于 {0} 发布的第 10 号一般禁令指引认定该华为昇腾芯片很可能违反 EAR 制造：在任何地方使用、销售或转让均须获得授权；{1}",
  ],
  // Classification
  [
    "classify.tpp",
    "{}TPP {} = {} dense TOPS x {}-bit operations ({} {}, catalog `{}`)",
    "{0}TPP {1} = {2} 稠密 TOPS × {3} 位运算（{4} {5}，目录 `{6}`）",
  ],
  ["classify.tpp", "{}TPP {} as stated for the integrated circuit", "{0}集成电路申报的 TPP 为 {1}"],
  [
    "classify.ic.2022",
    "{}TPP {} < {}: not 3A090.a under the 2022 test (short by {})",
    "{0}TPP {1} < {2}：按 2022 年标准不属于 3A090.a（差 {3}）",
  ],
  [
    "classify.ic.2022",
    "{}TPP {} >= {} but interconnect {} GB/s < {} GB/s: not 3A090.a under the 2022 test",
    "{0}TPP {1} >= {2}，但互连带宽 {3} GB/s < {4} GB/s：按 2022 年标准不属于 3A090.a",
  ],
  [
    "classify.ic.2022",
    "{}TPP {} >= {} (margin +{}, {} %) and interconnect {} GB/s >= {} GB/s: 3A090.a",
    "{0}TPP {1} >= {2}（超出 +{3}，{4} %），且互连带宽 {5} GB/s >= {6} GB/s：3A090.a",
  ],
  [
    "classify.ic.note2",
    "{}not designed or marketed for datacenters and TPP {cmp}: outside 3A090 (Note 2 to 3A090)",
    "{0}非为数据中心设计或销售，且 TPP {1}：不属于 3A090（3A090 注 2）",
  ],
  [
    "classify.ic.a1",
    "{}TPP {cmp}, {} % above: 3A090.a.1{}",
    "{0}TPP {1}，高出 {2} %：3A090.a.1{3}",
  ],
  ["classify.ic.a2", "{}TPP {cmp} and density {cmp}: 3A090.a.2", "{0}TPP {1}，密度 {2}：3A090.a.2"],
  [
    "classify.ic.b1",
    "{}TPP {} < {} and density {} < {}; {}: 3A090.b",
    "{0}TPP {1} < {2} 且密度 {3} < {4}；{5}：3A090.b",
  ],
  [
    "classify.ic.b2",
    "{}TPP {} < {} and density {} < {}; {}: 3A090.b",
    "{0}TPP {1} < {2} 且密度 {3} < {4}；{5}：3A090.b",
  ],
  [
    "classify.ic.none",
    "{}TPP {cmp}: below every prong of 3A090.a and .b; not 3A090",
    "{0}TPP {1}：低于 3A090.a 和 .b 的所有条款；不属于 3A090",
  ],
  [
    "classify.ic.none",
    "{}TPP {} with density {}: meets no prong of 3A090.a or .b (.a.2 needs density >= {}; .b.1 " +
      "TPP >= {} and density >= {}; .b.2 density >= {}); not 3A090",
    "{0}TPP {1}，密度 {2}：不满足 3A090.a 或 .b 的任何条款（.a.2 要求密度 >= {3}；.b.1 要求 TPP >= {4} 且密度 >= {5}；" +
      ".b.2 要求密度 >= {6}）；不属于 3A090",
  ],
  [
    "classify.pd",
    "{}performance density = TPP {} / {} mm2 = {}",
    "{0}性能密度 = TPP {1} / {2} mm² = {3}",
  ],
  [
    "classify.computer.tpp",
    "TPP of one computer = sum over its integrated circuits = {}",
    "单台计算机的 TPP = 其各集成电路 TPP 之和 = {0}",
  ],
  [
    "classify.computer",
    "contains an integrated circuit meeting 3A090.{}: {}",
    "含有符合 3A090.{0} 的集成电路：{1}",
  ],
  [
    "classify.computer",
    "contains no integrated circuit meeting 3A090.a or .b: not 4A090",
    "不含符合 3A090.a 或 .b 的集成电路：不属于 4A090",
  ],
  [
    "classify.hbm",
    "high-bandwidth memory is controlled under 3A090.c only from {} under the October 2023 " +
      "rules and under the AI Diffusion rule; not 3A090 here",
    "高带宽存储器仅自 {0} 起依 2023 年 10 月规则及人工智能扩散规则受 3A090.c 管制；此处不属于 3A090",
  ],
  [
    "classify.hbm",
    "memory bandwidth density {} GB/s/mm2 > {}: 3A090.c",
    "存储带宽密度 {0} GB/s/mm² > {1}：3A090.c",
  ],
  [
    "classify.hbm",
    "memory bandwidth density {} GB/s/mm2 is not above {}: not 3A090.c",
    "存储带宽密度 {0} GB/s/mm² 未超过 {1}：不属于 3A090.c",
  ],
  [
    "classify.model",
    "ECCN 4E091 (model weights) exists only under the AI Diffusion rule (effective {}); not " +
      "controlled here",
    "ECCN 4E091（模型权重）仅存在于人工智能扩散规则之下（{0} 生效）；此处不受管制",
  ],
  ["classify.model", "trained with {} operations >= {}: 4E091", "训练运算量 {0} >= {1}：4E091"],
  [
    "classify.model",
    "trained with {} operations < {}: not 4E091",
    "训练运算量 {0} < {1}：不属于 4E091",
  ],
  [
    "classify.model.published",
    "the weights have been published: not controlled (Note 1 to 4E091)",
    "权重已公开发布：不受管制（4E091 注 1）",
  ],
  [
    "classify.model.derived",
    "derived from a published model with {} further operations, not above the higher of {} and " +
      "{} % of the published model's: not controlled (Note 1 to 4E091)",
    "源自已公开模型，追加训练运算量 {0}，未超过 {1} 与已公开模型运算量 {2} % 两者中较高者：不受管制（4E091 注 1）",
  ],
  [
    "classify.missing_figure",
    "a derived model's further training exceeds 2.5e25 operations; whether it exceeds 25 % of " +
      "the published model's needs `item.base_training_ops`",
    "衍生模型的追加训练超过 2.5e25 次运算；是否超过已公开模型的 25 % 需要提供 `item.base_training_ops`",
  ],
  [
    "classify.none",
    "no advanced-computing rule is in force on this date: no ECCN of these rules applies",
    "该日期无先进计算规则生效：不适用这些规则下的任何 ECCN",
  ],
  // Licence requirement
  [
    "license.none",
    "the 2022 rule requires a licence only to {}: {} is not one of them",
    "2022 年规则仅对{0}要求许可证：{1} 不在其列",
  ],
  [
    "license.2022",
    "3A090/4A090 items to {} need a licence",
    "运往 {0} 的 3A090/4A090 物项需要许可证",
  ],
  [
    "license.none",
    "3A090.c needs a licence only to Macau or Country Group D:5: {} is neither",
    "3A090.c 仅在运往澳门或 D:5 国家组时需要许可证：{0} 两者皆非",
  ],
  [
    "license.hbm",
    "3A090.c to {} (Macau or D:5) needs a licence",
    "运往 {0}（澳门或 D:5）的 3A090.c 需要许可证",
  ],
  [
    "license.destination",
    "{} to {} needs a licence: {} is in Country Group D:1, D:4 or D:5 and not A:5 or A:6, or is " +
      "Macau{}",
    "运往 {1} 的 {0} 需要许可证：{2} 属于 D:1、D:4 或 D:5 国家组且不属于 A:5 或 A:6，或为澳门{3}",
  ],
  [
    "license.hq",
    "the consignee or its ultimate parent is headquartered in {} (Macau or D:5): a licence is " +
      "needed wherever it is located",
    "收货人或其最终母公司总部位于 {0}（澳门或 D:5）：无论其位于何处均需要许可证",
  ],
  [
    "license.none",
    "{} is not in D:1, D:4 or D:5 outside A:5/A:6, nor Macau, and no party is headquartered in " +
      "Macau or D:5: no licence required",
    "{0} 不属于 A:5/A:6 以外的 D:1、D:4 或 D:5，也不是澳门，且无任何当事方总部位于澳门或 D:5：无需许可证",
  ],
  [
    "license.worldwide",
    "{} needs a licence to every destination (the AI Diffusion rule's worldwide requirement)",
    "{0} 运往任何目的地均需要许可证（人工智能扩散规则的全球许可要求）",
  ],
  [
    "license.destination",
    "{} to {} (D:1, D:4 or D:5 outside A:5/A:6, or Macau{}) needs a licence",
    "运往 {1}（A:5/A:6 以外的 D:1、D:4 或 D:5，或澳门{2}）的 {0} 需要许可证",
  ],
  [
    "license.hq",
    "{} for an entity headquartered (or with its ultimate parent) in Macau or D:5 needs a " +
      "licence wherever it is located",
    "供总部（或其最终母公司）位于澳门或 D:5 的实体使用的 {0}，无论位于何处均需要许可证",
  ],
  [
    "license.none",
    "{} needs a licence only to D:1, D:4 or D:5 outside A:5/A:6, Macau, or for Macau/D:5-" +
      "headquartered entities: none applies to {}",
    "{0} 仅在运往 A:5/A:6 以外的 D:1、D:4 或 D:5、澳门，或供总部位于澳门/D:5 的实体时需要许可证：对 {1} 均不适用",
  ],
  [
    "license.hbm",
    "3A090.c to Macau or D:5 needs a licence",
    "运往澳门或 D:5 的 3A090.c 需要许可证",
  ],
  [
    "license.hq",
    "3A090.c for an entity headquartered in Macau or D:5 needs a licence",
    "供总部位于澳门或 D:5 的实体使用的 3A090.c 需要许可证",
  ],
  [
    "license.none",
    "3A090.c needs a licence only to Macau/D:5 or for entities headquartered there",
    "3A090.c 仅在运往澳门/D:5 或供总部位于该处的实体时需要许可证",
  ],
  [
    "license.model",
    "4E091 model weights need a licence to every destination",
    "4E091 模型权重运往任何目的地均需要许可证",
  ],
  [
    "license.model.non_enforcement",
    "4E091 is codified but, as enforced from {}, BIS does not enforce the AI Diffusion rule's " +
      "model-weights control (rules.md D14): no licence required",
    "4E091 已编入法规，但按执法口径自 {0} 起 BIS 不执行人工智能扩散规则的模型权重管制（rules.md D14）：无需许可证",
  ],
  [
    "license.model.transition",
    "4E091 took effect on {} but compliance was not required before {}: no licence required",
    "4E091 于 {0} 生效，但 {1} 之前无需合规：无需许可证",
  ],
  [
    "uae.approved",
    "`{}` is {}: no licence required for advanced computing items to the UAE",
    "`{0}` 为{1}：向阿联酋出口先进计算物项无需许可证",
  ],
  // Authorizations
  [
    "auth.aia",
    "AIA for model weights needs an entity headquartered, or with its ultimate parent " +
      "headquartered, in supplement no. 5 paragraph (a), located outside Macau/D:5: not available",
    "模型权重适用 AIA 须为总部（或其最终母公司总部）位于补编第 5 号 (a) 段国家、且位于澳门/D:5 以外的实体：不可用",
  ],
  [
    "auth.aia",
    "model weights to a Tier-1-headquartered entity outside Macau/D:5: AIA available{}",
    "向总部位于第一层级、且位于澳门/D:5 以外的实体提供模型权重：可用 AIA{0}",
  ],
  [
    "auth.aia",
    "AIA covers 3A090.a and 4A090.a items only: not available",
    "AIA 仅涵盖 3A090.a 和 4A090.a 物项：不可用",
  ],
  [
    "auth.aia",
    "AIA needs a consignee located in, and headquartered (with its ultimate parent) in, " +
      "supplement no. 5 paragraph (a): {} (headquarters {}, parent {}): not available",
    "AIA 要求收货人位于补编第 5 号 (a) 段国家，且其本身及最终母公司总部均在该处：{0}（总部 {1}，母公司 {2}）：不可用",
  ],
  [
    "auth.aia",
    "located and headquartered in Tier 1: AIA available (ECCN furnished, one-time consignee " +
      "certification, AIA notice with each shipment)",
    "位于第一层级且总部在第一层级：可用 AIA（须提供 ECCN、收货人一次性证明、每批货物附 AIA 通知）",
  ],
  [
    "auth.uveu.shares",
    "declared installed base after this shipment: {} in all, {} outside Tier 1 (limit {} %), {} " +
      "in {} (limit {} % outside Tier 1), {} outside the U.S.{}: {}",
    "本批货物后申报装机量：合计 {0}，第一层级以外 {1}（上限 {2} %），{4} 境内 {3}（第一层级以外单一国家上限 {5} %），美国境外 {6}{7}：{8}",
  ],
  [
    "auth.uveu",
    "UVEU covers 3A090 and 4A090 items here: not available",
    "此处 UVEU 仅涵盖 3A090 和 4A090 物项：不可用",
  ],
  [
    "auth.uveu",
    "a UVEU must be headquartered (or have its ultimate parent) in Tier 1, with no Macau/D:5 " +
      "headquarters or data center: not available",
    "UVEU 须总部（或最终母公司）位于第一层级，且在澳门/D:5 无总部或数据中心：不可用",
  ],
  [
    "auth.uveu",
    "a VEU may not train 4E091 models outside Tier 1 without authorization: not available",
    "VEU 未经授权不得在第一层级以外训练 4E091 模型：不可用",
  ],
  [
    "auth.uveu",
    "Universal VEU with a Tier 1 headquarters, data center outside Macau/D:5: covered",
    "总部位于第一层级、数据中心位于澳门/D:5 以外的通用 VEU：涵盖",
  ],
  [
    "auth.uveu",
    "Universal VEU with a Tier 1 headquarters, data center outside Macau/D:5: covered; the 25 % " +
      "/ 7 % / 50 % share limits cannot be checked without a declared installed base (D10)",
    "总部位于第一层级、数据中心位于澳门/D:5 以外的通用 VEU：涵盖；未申报装机量，无法核查 25 % / 7 % / 50 % 份额上限（D10）",
  ],
  [
    "auth.nveu",
    "NVEU covers 3A090 and 4A090 items here: not available",
    "此处 NVEU 仅涵盖 3A090 和 4A090 物项：不可用",
  ],
  [
    "auth.nveu",
    "an NVEU may not be headquartered or have a data center in Macau/D:5: not available",
    "NVEU 不得在澳门/D:5 设有总部或数据中心：不可用",
  ],
  [
    "auth.nveu",
    "a VEU may not train 4E091 models outside Tier 1 without authorization: not available",
    "VEU 未经授权不得在第一层级以外训练 4E091 模型：不可用",
  ],
  [
    "auth.nveu",
    "National VEU covers {}; the installed-base cap counts only 3A090.a-level items, so nothing " +
      "is drawn on it",
    "国家 VEU 涵盖 {0}；装机量上限只计 3A090.a 级物项，因此不占用额度",
  ],
  [
    "auth.nveu",
    "NVEU installed base in {} would be {} + {} = {}, above the {} Q{} cap of {}: not covered",
    "NVEU 在 {0} 的装机量将为 {1} + {2} = {3}，超过 {4} 年第 {5} 季度上限 {6}：不涵盖",
  ],
  [
    "auth.nveu",
    "NVEU installed base in {} becomes {} + {} = {}, within the {} Q{} cap of {}: covered",
    "NVEU 在 {0} 的装机量变为 {1} + {2} = {3}，未超过 {4} 年第 {5} 季度上限 {6}：涵盖",
  ],
  [
    "auth.acm",
    "ACM covers 3A090 and 4A090 items: not available",
    "ACM 仅涵盖 3A090 和 4A090 物项：不可用",
  ],
  [
    "auth.acm",
    "ACM excludes Macau/D:5 destinations and consignees headquartered there: not available",
    "ACM 不适用于澳门/D:5 目的地及总部位于该处的收货人：不可用",
  ],
  [
    "auth.acm",
    "development, production or storage by a private-sector end user, for customers outside " +
      "Macau/D:5: ACM available (inventory accounting, records under 762.2(b)(59))",
    "私营最终用户为澳门/D:5 以外客户进行开发、生产或存储：可用 ACM（库存核算，按 762.2(b)(59) 保存记录）",
  ],
  [
    "auth.aca",
    "ACA/NAC exclude 3A090.a items designed or marketed for datacenters (and cover no HBM or " +
      "model weights): not available",
    "ACA/NAC 不适用于为数据中心设计或销售的 3A090.a 物项（亦不涵盖 HBM 或模型权重）：不可用",
  ],
  [
    "auth.aca",
    "not designed for datacenters or 3A090.b, {}: License Exception ACA, no notice (split from " +
      "NAC on {})",
    "非为数据中心设计或属于 3A090.b，{0}：适用许可例外 ACA，无需通知（{1} 起与 NAC 分立）",
  ],
  ["auth.aca", "{}", "{0}"],
  [
    "auth.nac",
    "Macau/D:5 destination or headquarters: NAC available after notifying BIS {} days ahead",
    "目的地或总部位于澳门/D:5：提前 {0} 天通知 BIS 后可用 NAC",
  ],
  [
    "auth.nac",
    "License Exception NAC/ACA excludes 3A090.a items designed or marketed for datacenters: not " +
      "available",
    "许可例外 NAC/ACA 不适用于为数据中心设计或销售的 3A090.a 物项：不可用",
  ],
  [
    "auth.nac",
    "not designed for datacenters or 3A090.b: License Exception NAC after notifying BIS {} days " +
      "before the export",
    "非为数据中心设计或属于 3A090.b：出口前 {0} 天通知 BIS 后适用许可例外 NAC",
  ],
  // The engine passes four values to this three-placeholder format (the last is dropped).
  ["auth.hbm", "memory bandwidth density {} {}: HBM {}", "存储带宽密度 {0} {1}：HBM {2}"],
  [
    "auth.hbm",
    "License Exception HBM needs memory bandwidth density below {} GB/s/mm2: not available",
    "许可例外 HBM 要求存储带宽密度低于 {0} GB/s/mm²：不可用",
  ],
  [
    "auth.hbm",
    "density below {} GB/s/mm2: License Exception HBM applies (qualifying packaging sites only)",
    "密度低于 {0} GB/s/mm²：适用许可例外 HBM（仅限合格封装场所）",
  ],
  [
    "auth.lpp",
    "LPP covers 3A090.a and 4A090.a items only: not available",
    "LPP 仅涵盖 3A090.a 和 4A090.a 物项：不可用",
  ],
  [
    "auth.lpp",
    "LPP covers exports and reexports, not in-country transfers",
    "LPP 涵盖出口和再出口，不涵盖境内转让",
  ],
  [
    "auth.lpp",
    "LPP excludes Macau/D:5 destinations and consignees headquartered there",
    "LPP 不适用于澳门/D:5 目的地及总部位于该处的收货人",
  ],
  [
    "auth.lpp",
    "{} is in D:1 or D:4 outside A:5/A:6, where 740.2(a)(9)(ii) leaves no LPP (D1): not available",
    "{0} 属于 A:5/A:6 以外的 D:1 或 D:4，依 740.2(a)(9)(ii) 不适用 LPP（D1）：不可用",
  ],
  [
    "auth.lpp",
    "{} has drawn {} of its {} LPP cap for {}; {} more would pass it, so the shipment as a whole " +
      "is not eligible (D7); {} unit(s) would still fit",
    "{0} 已使用其 {3} 年 LPP 上限 {2} 中的 {1}；再加 {4} 将超限，故整批货物不符合条件（D7）；仍可容纳 {5} 件",
  ],
  [
    "auth.lpp",
    "{} draws {} + {} = {} of its {} LPP cap for {}: LPP available (certification to BIS within " +
      "{} days{})",
    "{0} 使用 {1} + {2} = {3}，占其 {5} 年 LPP 上限 {4}：可用 LPP（{6} 天内向 BIS 提交证明{7}）",
  ],
  [
    "auth.needs_consignee",
    "{} draws on a ledger account named after the consignee's ultimate parent, and no usable " +
      "name is given",
    "{0} 需占用以收货人最终母公司命名的台账账户，但未提供可用名称",
  ],
  ["auth.chosen", "authorized under {}; also available: {}", "依 {0} 授权；亦可使用：{1}"],
  ["auth.chosen", "authorized under {}", "依 {0} 授权"],
  // Review policy
  ["policy.2022", "licence review: {}", "许可证审查政策：{0}"],
  [
    "policy.model",
    "4E091 for an end user headquartered (or with its ultimate parent) outside supplement no. 5 " +
      "paragraph (a): presumption of denial",
    "供总部（或最终母公司）位于补编第 5 号 (a) 段以外的最终用户使用的 4E091：推定拒绝",
  ],
  [
    "policy.model",
    "4E091 for a Tier-1-headquartered end user: the text states no policy; {} (D6)",
    "供总部位于第一层级的最终用户使用的 4E091：条文未规定政策；{0}（D6）",
  ],
  [
    "policy.allocation",
    "{}'s allocation of {} has {} drawn (posted and pending) and {} left; {} does not fit: " +
      "policy of denial, nothing reserved",
    "{0} 的配额 {1} 已使用 {2}（已过账与待定），剩余 {3}；{4} 超出剩余额度：拒绝政策，不作预留",
  ],
  [
    "policy.allocation",
    "{}'s allocation of {} has {} drawn; {} fits (leaving {}): presumption of approval, reserved " +
      "as pending until the licence is granted or denied",
    "{0} 的配额 {1} 已使用 {2}；{3} 在额度之内（剩余 {4}）：推定批准，作为待定预留，直至许可证获批或被拒",
  ],
  [
    "policy.hbm",
    "3A090.c to or for Macau/D:5: presumption of denial",
    "运往澳门/D:5 或供其使用的 3A090.c：推定拒绝",
  ],
  [
    "policy.hbm",
    "3A090.c to Macau or D:5: presumption of denial",
    "运往澳门或 D:5 的 3A090.c：推定拒绝",
  ],
  [
    "policy.denial",
    "Macau/D:5 destination, or a party headquartered there: presumption of denial",
    "目的地为澳门/D:5，或有当事方总部位于该处：推定拒绝",
  ],
  [
    "policy.denial",
    "Macau or D:5 destination or headquarters: presumption of denial",
    "目的地或总部位于澳门或 D:5：推定拒绝",
  ],
  [
    "policy.approval",
    "{} outside Macau/D:5: presumption of approval",
    "澳门/D:5 以外的 {0}：推定批准",
  ],
  [
    "policy.approval",
    "{}: presumption of approval, drawing on no country allocation",
    "{0}：推定批准，不占用任何国家配额",
  ],
  [
    "policy.approval",
    "D:1 or D:4 destination outside Macau/D:5: presumption of approval",
    "澳门/D:5 以外的 D:1 或 D:4 目的地：推定批准",
  ],
  [
    "policy.china_band",
    "the 2026 review band covers only exports from the United States; this is {} from {}: it " +
      "does not apply",
    "2026 年审查区间仅涵盖自美国的出口；本批为自 {1} 的{0}：不适用",
  ],
  [
    "policy.china_band",
    "an integrated circuit has TPP of {} or more: above the 2026 review band",
    "有集成电路的 TPP 达到或超过 {0}：高于 2026 年审查区间",
  ],
  [
    "policy.china_band",
    "TPP is below {}, but the total DRAM bandwidth is not given: it decides between case-by-case " +
      "review (below {} GB/s) and a presumption of denial; state `item.dram_bandwidth_gbs`",
    "TPP 低于 {0}，但未提供 DRAM 总带宽：它决定适用逐案审查（低于 {1} GB/s）还是推定拒绝；请填写 `item.dram_bandwidth_gbs`",
  ],
  [
    "policy.china_band",
    "total DRAM bandwidth is {} GB/s or more: above the 2026 review band",
    "DRAM 总带宽达到或超过 {0} GB/s：高于 2026 年审查区间",
  ],
  [
    "policy.china_band",
    "export from the United States to {} with TPP below {} and DRAM bandwidth below {} GB/s: {}, " +
      "with the exporter's six certifications (U.S. volume, 50 % cap, third-party testing, KYC)",
    "自美国出口至 {0}，TPP 低于 {1} 且 DRAM 带宽低于 {2} GB/s：{3}，出口商须提交六项证明（美国销量、50 % 上限、第三方测试、了解客户）",
  ],
  ["policy.uae", "licence to the UAE: {}", "向阿联酋出口的许可证：{0}"],
  // Restricted parties: what a screening hit means (docs/screening.md, "In determinations").
  [
    "party.entity_list",
    "{} `{}` matches `{}` on the Entity List ({}): a licence is required for every item " +
      'subject to the EAR, EAR99 included; the entry\'s review policy "{}" reads as {}',
    "{0}“{1}”与实体清单上的“{2}”匹配（{3}）：所有受 EAR 管辖的物项（包括 EAR99）均需要许可证；" +
      "该条目的审查政策“{4}”解读为{5}",
  ],
  [
    "party.policy",
    "a listed party requires a licence whatever the item: {}",
    "当事方被列入名单，无论何种物项均需要许可证：{0}",
  ],
  [
    "party.policy",
    "a listed party requires a licence whatever the item: {} (the stricter of the listing's {} " +
      "and the item's {})",
    "当事方被列入名单，无论何种物项均需要许可证：{0}（取名单的{1}与物项的{2}中较严者）",
  ],
  [
    "party.affiliates",
    "on {} the affiliates rule extends the Entity List to entities owned {} percent or more by " +
      "a listed entity; the consignee's ultimate parent `{}` is taken to own that much (see " +
      "`assumed`)",
    "{0} 关联方规则将实体清单延伸至由被列实体拥有 {1}% 或以上股权的实体；收货人的最终母公司“{2}”" +
      "视为拥有该比例（见 `assumed`）",
  ],
  [
    "party.affiliates",
    "the consignee's ultimate parent `{}` matches `{}` on the Entity List ({}); on {} the Entity " +
      "List does not extend to a listed entity's affiliates: no licence is required for that " +
      "reason, but a listed owner is a red flag to resolve before shipping",
    "收货人的最终母公司“{0}”与实体清单上的“{1}”匹配（{2}）；{3} 实体清单不延伸至被列实体的关联方：" +
      "不因此需要许可证，但所有者被列入名单是装运前须排除的警示信号",
  ],
  [
    "party.denied_persons",
    "the consignee `{}` matches `{}` on the Denied Persons List ({}): a denial order bars " +
      "taking part in any export with it, for every item subject to the EAR, and no licence " +
      "exception applies: licence required, {}",
    "收货人“{0}”与被拒绝人员清单上的“{1}”匹配（{2}）：拒绝令禁止参与与其有关的任何出口，" +
      "适用于所有受 EAR 管辖的物项，且不适用任何许可例外：需要许可证，{3}",
  ],
  [
    "party.denied_persons",
    "the consignee's ultimate parent `{}` matches `{}` on the Denied Persons List ({}): a " +
      "denial order names its persons, so the consignee is not denied by that alone, but " +
      "dealing with it is a red flag to resolve before shipping",
    "收货人的最终母公司“{0}”与被拒绝人员清单上的“{1}”匹配（{2}）：拒绝令只约束其列名人员，" +
      "收货人并不因此被拒绝，但与其交易是装运前须排除的警示信号",
  ],
  [
    "party.entity_list_policy",
    "the entry names no review policy this engine reads: {} is taken",
    "该条目未载明本引擎可读的审查政策：采用{0}",
  ],
  [
    "party.listed",
    "the {} `{}` matches `{}` on the {} ({}): {}",
    "{0}“{1}”与{3}上的“{2}”匹配（{4}）：{5}",
  ],
  [
    "party.not_applicable",
    "{} `{}` matches `{}` on the {} ({}), whose licence requirement covers items subject to " +
      "the EAR exported, reexported or transferred: {}, so no licence is required for it",
    "{0}“{1}”与{3}上的“{2}”匹配（{4}），该名单的许可要求针对出口、再出口或转让的受 EAR 管辖物项：" +
      "{5}，因此无需为此申请许可证",
  ],
  [
    "party.review",
    "`{}` may be `{}` on the {} (score {}: below the match threshold {}, at or above the " +
      "review threshold {}){}: confirm or clear the party",
    "“{0}”可能是{2}上的“{1}”（得分 {3}：低于匹配阈值 {4}，不低于复核阈值 {5}）{6}：请确认或排除该当事方",
  ],
  [
    "auth.party_lists",
    "a listed party requires a licence: no licence exception or validated end-user " +
      "authorization is tried, and nothing is drawn",
    "当事方被列入名单，需要许可证：不尝试任何许可例外或经验证最终用户授权，也不占用任何账户",
  ],
];

// Phrases the engine puts inside reasons as values (nested formats, wire names).
export const PHRASES: readonly (readonly [en: string, zh: string])[] = [
  ["the consignee", "收货人"],
  ["the consignee's ultimate parent", "收货人的最终母公司"],
  ["consignee", "收货人"],
  ["consignee's ultimate parent", "收货人的最终母公司"],
  ["Entity List", "实体清单"],
  [", and {} other candidates", "，另有 {0} 个候选"],
  [", and {} other candidate", "，另有 {0} 个候选"],
  ["the destination is the United States, not an export", "目的地为美国，不属于出口"],
  ["published model weights are not subject to the EAR", "已公开的模型权重不受 EAR 管辖"],
  [
    "OFAC blocks the party's property and bars U.S. persons from dealing with it; not " +
      "evaluated here: resolve before shipping",
    "OFAC 封锁该当事方的财产并禁止美国人与其交易；此处不作评估：装运前须予解决",
  ],
  [
    "a military end user: a licence is required for the items of Supp. No. 2 to part 744 " +
      "(not evaluated here)",
    "军事最终用户：第 744 部分补编第 2 号所列物项需要许可证（此处不作评估）",
  ],
  [
    "no licence exception may be used, and the party's UVL statement is needed before export",
    "不得使用任何许可例外，出口前须取得该当事方的 UVL 声明",
  ],
  [
    "debarred from ITAR transactions by the State Department; resolve before shipping",
    "被国务院禁止参与 ITAR 交易；装运前须予解决",
  ],
  [
    "under State Department nonproliferation sanctions; resolve before shipping",
    "受国务院防扩散制裁；装运前须予解决",
  ],
  [
    "a listed party; resolve the listing before shipping",
    "被列入名单的当事方；装运前须解决该列名问题",
  ],
  [
    "score {}; entry {}; no Federal Register citation on the row",
    "得分 {0}；条目 {1}；该行无联邦公报出处",
  ],
  ["score {}; no Federal Register citation on the row", "得分 {0}；该行无联邦公报出处"],
  ["score {}; entry {}; {}", "得分 {0}；条目 {1}；{2}"],
  ["score {}; {}", "得分 {0}；{1}"],
  ["part {} ({} x {}): ", "第 {0} 部分（{1} × {2}）："],
  [" (Macau or Country Group D:5)", "（澳门或 D:5 国家组）"],
  [" (supplement no. 5 to part 740, paragraph (a))", "（第 740 部分补编第 5 号 (a) 段）"],
  [
    " (neither paragraph (a) of supplement no. 5 nor Macau/D:5)",
    "（既不属于补编第 5 号 (a) 段，也不属于澳门/D:5）",
  ],
  ["; not designed or marketed for datacenters", "；非为数据中心设计或销售"],
  [
    ", if stored in a facility meeting supplement no. 10 to part 748 paras. 14, 15 and 18",
    "，前提是存储于符合第 748 部分补编第 10 号第 14、15、18 段的设施",
  ],
  [" (limit {} % for a U.S.-headquartered UVEU)", "（总部在美国的 UVEU 上限 {0} %）"],
  ["within the limits, UVEU covers it", "未超上限，UVEU 涵盖"],
  ["a share limit would be passed, UVEU does not cover it", "将超过份额上限，UVEU 不涵盖"],
  [
    "no Macau/D:5 destination or headquarters (or a transfer within Macau/D:5): ACA available, " +
      "no notice",
    "目的地及总部均不在澳门/D:5（或在澳门/D:5 境内转让）：可用 ACA，无需通知",
  ],
  [
    "Macau/D:5 destination or headquarters: ACA not available",
    "目的地或总部位于澳门/D:5：不可用 ACA",
  ],
  ["transferred within Macau/D:5", "在澳门/D:5 境内转让"],
  ["no Macau/D:5 destination or headquarters", "目的地及总部均不在澳门/D:5"],
  ["; prior notice: the shipment is {} TPP or more", "；须事先通知：本批货物达到或超过 {0} TPP"],
  ["; also available: ", "；亦可使用："],
  ["military", "军事"],
  ["weapons of mass destruction", "大规模杀伤性武器"],
  ["China and Macau", "中国和澳门"],
  ["China", "中国"],
  [", or is the UAE (91 FR 43034)", "，或为阿联酋（91 FR 43034）"],
  [", or the UAE", "，或阿联酋"],
  [
    "an approved UAE entity (supplement no. 8 to part 740)",
    "经批准的阿联酋实体（第 740 部分补编第 8 号）",
  ],
  [
    "a listed U.S.-headquartered AI company's UAE operation",
    "名单所列总部在美国的人工智能公司的阿联酋业务",
  ],
  ["Tier 1 destination", "第一层级目的地"],
  [
    "consignee or ultimate parent headquartered in Tier 1 (D2)",
    "收货人或最终母公司总部位于第一层级（D2）",
  ],
  ["an export", "出口"],
  ["a reexport or transfer", "再出口或转让"],
  ["available", "可用"],
  ["not available", "不可用"],
  ["3A090.b.1 (TPP {cmp}, density {cmp})", "3A090.b.1（TPP {0}，密度 {1}）"],
  ["3A090.b.2 (TPP {cmp}, density {cmp})", "3A090.b.2（TPP {0}，密度 {1}）"],
  ["{} >= {}, margin +{}", "{0} >= {1}，超出 +{2}"],
  ["{} < {}, short by {}", "{0} < {1}，差 {2}"],
  ["presumption_of_approval", "推定批准"],
  ["presumption_of_denial", "推定拒绝"],
  ["case_by_case", "逐案审查"],
  ["policy_of_denial", "拒绝政策"],
  ["as_written", "按成文法"],
  ["as_enforced", "按执法口径"],
  ["Framework for Artificial Intelligence Diffusion", "人工智能扩散框架"],
  [
    "Implementation of Additional Export Controls: Certain Advanced Computing and Semiconductor " +
      "Manufacturing Items; Supercomputer and Semiconductor End Use; Entity List Modification",
    "实施额外出口管制：若干先进计算与半导体制造物项；超级计算机与半导体最终用途；实体清单修订",
  ],
  [
    "Implementation of Additional Export Controls: Certain Advanced Computing Items; " +
      "Supercomputer and Semiconductor End Use; Updates and Corrections",
    "实施额外出口管制：若干先进计算物项；超级计算机与半导体最终用途；更新与更正",
  ],
];
