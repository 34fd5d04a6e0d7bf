// 规则目录与各规则里的小判断：目录完整、严重程度与 SPEC 一致、结果排序、行数线性。

import { compareFindings, RULE_IDS, type RuleId } from "../../../src/domain/findings";
import { zh } from "../../../src/domain/messages/zh";
import { readForms } from "../../../src/domain/reader";
import { checkForm, checkGrid, formNotFoundFinding, RULES, SELFEVAL_RULES } from "../../../src/domain/rules";
import { isPhoneNumber } from "../../../src/domain/rules/phone-invalid";
import { valueInName } from "../../../src/domain/rules/level3-contains-value";
import { figuresOf, sameQuantity } from "../../../src/domain/rules/goal-mismatch";
import { groupMoves } from "../../../src/domain/rules/row-shifted";
import { meaningfulTerms } from "../../../src/domain/rules/terms";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { formGrid, type RowInput } from "../../support/form-grid";
import { goodForm } from "./support";

const WARNINGS: readonly RuleId[] = [
  "signoff-missing", "phone-invalid", "level3-contains-value", "unit-missing", "percent-out-of-range",
  "explanation-unrelated", "explanation-boilerplate", "scoring-no-points", "scoring-boilerplate",
  "timeliness-not-time", "content-unplaced", "score-total", "goal-mismatch",
  "value-date-serial", "value-no-comparison", "template-text-left",
  "score-mismatch", "selfeval-total",
];

describe("the catalog", () => {
  test("lists every rule id once, in RULE_IDS order", () => {
    expect([...RULES, ...SELFEVAL_RULES].map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  test("self-evaluation rules say they apply to self-evaluation tables", () => {
    for (const r of SELFEVAL_RULES) expect([r.id, r.appliesTo]).toEqual([r.id, ["self-evaluation"]]);
  });

  test("severities are those of SPEC sections 2 and 8", () => {
    for (const r of [...RULES, ...SELFEVAL_RULES]) expect([r.id, r.severity]).toEqual([r.id, WARNINGS.includes(r.id) ? "warning" : "error"]);
  });

  test("every rule has a Chinese message", () => {
    for (const id of RULE_IDS) expect(typeof zh[id]).toBe("function");
  });

  test("form-not-found points at A1 of the file", () => {
    expect(formNotFoundFinding()).toMatchObject({ rule: "form-not-found", severity: "error", cell: "A1", row: 1 });
  });

  test("checkForm returns findings sorted errors first, then by row and column", () => {
    const grid = goodForm({ rows: { 1: { level3: "", unit: "" }, 3: { level2: "数量", explanation: "" } }, goals: "" });
    const [form] = readForms(grid);
    const findings = checkForm(form!, DEFAULT_SETTINGS);
    expect(findings.length).toBeGreaterThan(3);
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(checkGrid(grid, DEFAULT_SETTINGS).findings).toEqual(findings);
  });
});

describe("small judgements inside the rules", () => {
  test.each([
    ["18274514999", true], ["+86 182 7451 4999", true], ["0745-6221234", true], ["(0745)6221234", true],
    ["（0745）6221234", true], ["0745 62212345", true], ["0745-6221234-801", true], ["0745-6221234转801", true],
    ["13812345678/0745-6221234", true], ["13812345678 13912345678", true],
    ["1827451499", false], ["28274514999", false], ["6221234", false], ["0745-62212", false], ["无", false],
  ])("phone %s → %s", (text, ok) => expect(isPhoneNumber(text)).toBe(ok));

  test.each([
    ["村组干部230人", "230人"], ["完成率100%", "100%"], ["≥95", "≥95"], ["培训1.5万人次", "5万人次"],
    ["2026年参保人数", null], ["5G基站建设数量", null], ["群众满意度", null],
  ])("value in %s → %s", (name, found) => {
    const v = valueInName(name);
    if (found === null) expect(v).toBeNull();
    else expect(v).toContain(found);
  });

  test("goal figures skip years and keep units", () => {
    expect(figuresOf("2026年完成参保人数20,000人，满意度95%").map((f) => [f.value, f.unit])).toEqual([
      [20000, "人"],
      [95, "%"],
    ]);
    expect(sameQuantity({ value: 2, unit: "万人" }, { value: 20000, unit: "人" })).toBe(true);
    expect(sameQuantity({ value: 95, unit: "%" }, { value: 90, unit: "" })).toBe(false);
    expect(sameQuantity({ value: 95, unit: "%" }, { value: 95, unit: "人" })).toBeNull();
  });

  test("filler words are not terms", () => {
    expect([...meaningfulTerms("考核群众满意度情况。")].sort()).toEqual(["众满", "意度", "满意", "群众"].sort());
    expect(meaningfulTerms("考核工作完成情况").size).toBe(0);
  });

  test("moves by the same step are reported as one run", () => {
    expect(
      groupMoves([
        { field: "level2", fromCol: 1, toCol: 2 },
        { field: "level3", fromCol: 2, toCol: 3 },
        { field: "explanation", fromCol: 8, toCol: 7 },
      ]),
    ).toEqual([
      { first: "level2", last: "level3", from: "B–C", to: "C–D", by: 1 },
      { first: "explanation", last: "explanation", from: "I", to: "H", by: -1 },
    ]);
  });
});

describe("size", () => {
  test("10,000 rows with one name and one explanation repeated: linear work, short messages", () => {
    const row: RowInput = {
      level1: "产出指标", level2: "数量指标", level3: "培训人次", valueType: "≥", target: 100, unit: "人次",
      explanation: "全年组织培训的人次。", scoringStandard: "未达指标值酌情扣分。",
    };
    const grid = formGrid(Array.from({ length: 10000 }, () => row));
    const t0 = Date.now();
    const { findings } = checkGrid(grid, DEFAULT_SETTINGS);
    const ms = Date.now() - t0;
    expect(findings.filter((f) => f.rule === "level3-duplicate")).toHaveLength(10000);
    expect(findings.filter((f) => f.rule === "explanation-boilerplate")).toHaveLength(10000);
    expect(Math.max(...findings.map((f) => f.message.length))).toBeLessThan(300);
    expect(ms).toBeLessThan(5000); // quadratic work on 10,000 rows would take minutes
  });
});
