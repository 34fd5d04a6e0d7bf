// The finding texts per language: the same keys in zh and en (the rule ids), English that is English, and the
// selector that the rules go through.

import { RULE_IDS, type RuleId } from "../../../src/domain/findings";
import { en, findingMessages, zh, type FindingMessages } from "../../../src/domain/messages";
import { readForms } from "../../../src/domain/reader";
import { checkForm, formNotFoundFinding } from "../../../src/domain/rules";
import { DEFAULT_SETTINGS, parseSettings, SettingsSchema } from "../../../src/domain/settings";
import { cjkOutsideQuotes } from "./messages-support";
import { goodForm } from "./support";

// Type level: both modules have exactly FindingMessages' keys, and those are the rule ids.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: [Exactly<keyof typeof en, keyof typeof zh>, Exactly<keyof FindingMessages, RuleId>] = [true, true];

describe("finding messages", () => {
  test("zh and en have exactly the rule ids as keys", () => {
    expect(sameKeys).toEqual([true, true]);
    const ids = [...RULE_IDS].sort();
    expect(Object.keys(zh).sort()).toEqual(ids);
    expect(Object.keys(en).sort()).toEqual(ids);
    for (const id of RULE_IDS) expect([id, typeof en[id]]).toEqual([id, "function"]);
  });

  test("the selector returns the module of each language", () => {
    expect(findingMessages("zh")).toBe(zh);
    expect(findingMessages("en")).toBe(en);
  });

  test("the CJK check tells quoted text from Chinese outside quotes", () => {
    expect(cjkOutsideQuotes('The level-1 category "产出" is not valid: choose “产出指标”.')).toBe("");
    expect(cjkOutsideQuotes("一级指标 is empty.")).toBe("一级指标");
    expect(cjkOutsideQuotes('Rows 8、9 repeat "名称"')).toBe("、");
    expect(cjkOutsideQuotes("Unit （人）")).toBe("（人）");
  });

  // Data for every branch of every message, so the English check covers texts the fixtures may not reach.
  const samples: { [K in RuleId]: Array<Parameters<FindingMessages[K]>[0]> } = {
    "year-invalid": [{ text: "（ 1899 ）年度", value: 1899 }, { text: "", value: null }, { text: "（ 二〇二六 ）年度", value: null }],
    "dept-name-missing": [undefined as never],
    "duties-missing": [undefined as never],
    "goals-missing": [undefined as never],
    "signoff-missing": [{ label: "填表人" }],
    "phone-invalid": [{ text: "无" }],
    "level1-invalid": [
      { value: "", inherited: false, suggestion: null },
      { value: "数量指标", inherited: true, suggestion: null },
      { value: "产出", inherited: false, suggestion: "产出指标" },
      { value: "其他", inherited: false, suggestion: null },
    ],
    "level2-invalid": [
      { value: "", level1: "产出指标", suggestion: null },
      { value: "效益指标", level1: "效益指标", suggestion: null },
      { value: "数量", level1: "产出指标", suggestion: "数量指标" },
      { value: "其他", level1: "乱写", suggestion: null },
    ],
    "level2-mismatch": [{ level1: "产出指标", level2: "社会效益指标", belongsTo: "效益指标" }],
    "row-shifted": [
      {
        moves: [
          { first: "level2", last: "level3", from: "B–C", to: "C–D", by: 1 },
          { first: "explanation", last: "explanation", from: "I", to: "H", by: -1 },
        ],
        realigned: [{ field: "level2", text: "数量指标" }, { field: "target", text: "100" }],
      },
    ],
    "level3-missing": [undefined as never],
    "level3-duplicate": [{ name: "培训人次", rows: [8, 9] }, { name: "培训人次", rows: [1, 2, 3, 4, 5, 6, 7] }],
    "level3-contains-value": [{ name: "村组干部230人", found: "230人" }],
    "value-type-invalid": [
      { text: "", inTarget: "≥" },
      { text: "", inTarget: null },
      { text: "定 量", inTarget: null },
      { text: "大概", inTarget: null },
    ],
    "value-missing": [{ qualitative: true }, { qualitative: false }],
    "value-not-number": [
      { text: "≥95%", split: { comparison: "≥", number: 95, unit: "%" }, valueType: "=", unit: "" },
      { text: "按月安排", split: null, valueType: "≥", unit: "次" },
    ],
    "unit-on-qualitative": [{ unit: "次" }],
    "unit-missing": [undefined as never],
    "percent-out-of-range": [{ value: 120 }],
    "explanation-missing": [undefined as never],
    "explanation-unrelated": [{ name: "培训人次", explanation: "反映道路维修的公里数。" }],
    "explanation-boilerplate": [{ count: 3, rows: [7, 8, 9] }],
    "scoring-missing": [undefined as never],
    "scoring-no-points": [undefined as never],
    "scoring-boilerplate": [{ count: 3, rows: [7, 8, 9] }],
    "timeliness-not-time": [{ name: "资金拨付" }],
    "content-unplaced": [{ text: "另见附件" }],
    "form-not-found": [undefined as never],
    "column-missing": [{ labels: ["评（扣）分标准"] }, { labels: ["指标值类型", "计量单位"] }],
    "category-missing": [{ level1: "成本指标" }],
    "score-total": [
      { total: 85, expected: 90, unreadable: null, fromColumn: false },
      { total: 90, expected: 90, unreadable: [8, 9], fromColumn: true },
    ],
    "goal-mismatch": [{ clause: "全年培训2000人次", figure: "2000人次", indicator: "培训人次", row: 9, target: "1800人次" }],
    "framework-outdated": [
      { part: "cost", level1: "产出指标", level2: "成本指标", rows: [9, 10] },
      { part: "satisfaction", level1: "效益指标", level2: "社会公众或服务对象满意度指标", rows: [14] },
    ],
    "value-unit-conflict": [
      { target: "28.8万元", targetUnit: "万元", unit: "%", from: "unit" },
      { target: "95%", targetUnit: "%", unit: "人", from: "name" },
    ],
    "value-date-serial": [{ serial: 44561, date: "2021-12-31", where: "target" }, { serial: 44561, date: "2021-12-31", where: "unit" }],
    "value-no-comparison": [{ text: "1600元/亩" }],
    "template-text-left": [{ text: "(≥**个)", found: "**" }],
    // 绩效自评
    "actual-missing": [{ indicator: "培训人次" }],
    "deviation-reason-missing": [{ indicator: "培训人次", rate: null }, { indicator: null, rate: 0.85 }],
    "score-out-of-range": [{ score: 16, low: 0, high: 15, grade: null }, { score: 8, low: 9, high: 12, grade: "部分实现目标" }],
    "score-mismatch": [{ indicator: "培训人次", written: 15, computed: 11.25, why: "完成率 90%" }, { indicator: null, written: 10, computed: 8.5, why: "" }],
    "execution-rate-invalid": [
      { problem: "block-missing", written: "", expected: null },
      { problem: "annual-missing", written: "", expected: null },
      { problem: "spent-missing", written: "", expected: null },
      { problem: "spent-over", written: "", expected: null },
      { problem: "rate-wrong", written: "90%", expected: 0.85 },
    ],
    "selfeval-total": [
      { kind: "points", total: 95, expected: 100 },
      { kind: "sum", written: 90, computed: 88.5 },
      { kind: "grade", written: "优", expected: "良", total: 85 },
    ],
  };

  const render = <K extends RuleId>(m: FindingMessages, id: K, d: Parameters<FindingMessages[K]>[0]): string =>
    (m[id] as (x: typeof d) => string)(d);

  test.each(RULE_IDS.map((id) => [id]))("every English branch of %s has no Chinese outside quotes", (id: RuleId) => {
    for (const d of samples[id]) {
      const text = render(en, id, d);
      expect(cjkOutsideQuotes(text)).toBe("");
      expect(text).toMatch(/^[A-Z"]/);
      expect(text).toMatch(/[.?]$/);
      // The Chinese text of the same data differs: a language was really chosen.
      expect(render(zh, id, d)).not.toBe(text);
    }
  });

  test("English keeps the user's text and the form's names as written", () => {
    expect(en["level3-duplicate"]({ name: "培训人次", rows: [8, 9] })).toContain('"培训人次"');
    expect(en["level3-duplicate"]({ name: "培训人次", rows: [8, 9] })).toContain("rows 8, 9");
    expect(en["level3-duplicate"]({ name: "x", rows: [1, 2, 3, 4, 5, 6, 7] })).toContain("rows 1, 2, 3, 4, 5 (7 rows in all)");
    expect(zh["level3-duplicate"]({ name: "x", rows: [1, 2, 3, 4, 5, 6, 7] })).toContain("第 1、2、3、4、5 行等 7 行");
    expect(en["category-missing"]({ level1: "成本指标" })).toContain('"经济成本指标", "社会成本指标", "生态环境成本指标"');
    expect(en["row-shifted"]({ moves: [{ first: "level1", last: "level1", from: "A", to: "B", by: 1 }], realigned: [] })).toContain(
      '"一级指标" (level-1 category) is in column A and belongs 1 column to the right, in column B',
    );
  });
});

describe("language in settings and checks", () => {
  test("settings default to Chinese and accept only zh and en", () => {
    expect(DEFAULT_SETTINGS.language).toBe("zh");
    expect(SettingsSchema.parse({ language: "en" }).language).toBe("en");
    const bad = parseSettings({ language: "fr" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain("zh");
  });

  test("a check in English finds what the Chinese check finds, worded in English", () => {
    const [form] = readForms(goodForm({ rows: { 1: { level3: "", unit: "" }, 3: { level2: "数量" } }, goals: "" }));
    const zhFindings = checkForm(form!, DEFAULT_SETTINGS);
    const enFindings = checkForm(form!, { ...DEFAULT_SETTINGS, language: "en" });
    expect(zhFindings.length).toBeGreaterThan(2);
    expect(enFindings.map((f) => [f.rule, f.cell])).toEqual(zhFindings.map((f) => [f.rule, f.cell]));
    for (const [i, f] of enFindings.entries()) {
      expect(f.message).not.toBe(zhFindings[i]?.message);
      expect(cjkOutsideQuotes(f.message)).toBe("");
    }
    // Settings built by hand without a language check in Chinese.
    expect(checkForm(form!, { expectedTotal: 90 }).map((f) => f.message)).toEqual(zhFindings.map((f) => f.message));
  });

  test("form-not-found speaks the language asked for", () => {
    expect(formNotFoundFinding().message).toMatch(/[\u4e00-\u9fff]/);
    expect(formNotFoundFinding("en").message).toMatch(/^No performance target form/);
  });
});
