// 种子表（第一个验收用例）：SPEC 第 6 节列出的每一处问题都要按规则编号和行号报出；改正后的表不得有错误。

import { readFileSync } from "fs";
import { parseCsv } from "../../src/cli/csv";
import type { Finding, RuleId } from "../../src/domain/findings";
import { checkGrid } from "../../src/domain/rules";
import { pointsOf } from "../../src/domain/scoring";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { gridToCsv, SEED_FILES } from "../fixtures/csv-write";
import { markdownToGrid } from "../support/markdown-grid";

function check(csvPath: string) {
  return checkGrid(parseCsv(readFileSync(csvPath, "utf8")), DEFAULT_SETTINGS);
}

const at = (findings: readonly Finding[], rule: RuleId): number[] =>
  findings.filter((f) => f.rule === rule).map((f) => f.row).sort((a, b) => a - b);

// Seed rows (1-based): 7 完成全年参保人数, 8 质量 工伤保险待遇发放率, 9 时效 工伤保险待遇发放率,
// 10 社会效益指标 (tail one column right), 11 可持续影响指标 (slid left), 12 群众满意度, 13 成本指标 (slid left).
describe("the seed form as filled in", () => {
  // Read in each test, not while tests are collected: mutation testing counts only code run inside a test.
  let forms: ReturnType<typeof check>["forms"];
  let findings: ReturnType<typeof check>["findings"];
  beforeEach(() => ({ forms, findings } = check(SEED_FILES.seed.csv)));

  test("the CSV fixtures are the markdown converted (RFC 4180)", () => {
    for (const { md, csv } of Object.values(SEED_FILES)) {
      expect(readFileSync(csv, "utf8")).toBe(gridToCsv(markdownToGrid(readFileSync(md, "utf8"))));
    }
  });

  test("one form with seven indicator rows", () => {
    expect(forms).toHaveLength(1);
    expect(forms[0]?.rows.map((r) => r.row + 1)).toEqual([7, 8, 9, 10, 11, 12, 13]);
  });

  test("完成全年参保人数's explanation talks about 社会组织年检率", () => {
    expect(at(findings, "explanation-unrelated")).toContain(7);
    expect(findings.find((f) => f.rule === "explanation-unrelated" && f.row === 7)?.cell).toBe("H7");
  });

  test("the 质量 and 时效 rows carry the same 工伤保险待遇发放率", () => {
    expect(at(findings, "level3-duplicate")).toEqual([8, 9]);
  });

  test("the 时效 one says nothing about time", () => {
    expect(at(findings, "timeliness-not-time")).toEqual([9]);
  });

  test("both their explanations talk about 特困人员集中供养率", () => {
    expect(at(findings, "explanation-unrelated")).toEqual([7, 8, 9]);
  });

  test("社会效益指标 continues the 产出指标 block and belongs under 效益指标", () => {
    const mismatch = findings.find((f) => f.rule === "level2-mismatch" && f.row === 10);
    expect(mismatch?.cell).toBe("C10");
    expect(mismatch?.message).toContain("效益指标");
  });

  test("the 可持续影响指标 and 成本指标 rows are shifted, and so is the 社会效益 row's tail", () => {
    expect(at(findings, "row-shifted")).toEqual([10, 11, 13]);
    const cost = findings.find((f) => f.rule === "row-shifted" && f.row === 13);
    expect(cost?.message).toContain("部门预算支出金额");
  });

  test("its points add up to 90, so no score-total", () => {
    const standards = forms[0]?.rows.map((r) => pointsOf(r.values.scoringStandard));
    expect(standards).toEqual([10, 10, 10, 15, 15, 10, 20]);
    expect(at(findings, "score-total")).toEqual([]);
  });

  test("nothing else is wrong with it", () => {
    const allowed = new Set<RuleId>([
      "explanation-unrelated", "level3-duplicate", "timeliness-not-time", "level2-mismatch", "row-shifted",
    ]);
    expect(findings.filter((f) => !allowed.has(f.rule)).map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    // 可持续影响指标 also sits under the 产出指标 block; the only other error the seed may have.
    expect(at(findings, "level2-mismatch")).toEqual([10, 11]);
  });

  test("every finding names a cell in the grid and says in Chinese what to do", () => {
    for (const f of findings) {
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      expect(f.cell.endsWith(String(f.row))).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message).toMatch(/请/);
    }
  });
});

describe("the corrected seed", () => {
  // Read in each test, not while tests are collected: mutation testing counts only code run inside a test.
  let forms: ReturnType<typeof check>["forms"];
  let findings: ReturnType<typeof check>["findings"];
  beforeEach(() => ({ forms, findings } = check(SEED_FILES.corrected.csv)));

  test("is read as one form with the same seven indicators", () => {
    expect(forms).toHaveLength(1);
    expect(forms[0]?.rows).toHaveLength(7);
  });

  test("has no error", () => {
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
  });

  test("and no warning either", () => {
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
  });
});
