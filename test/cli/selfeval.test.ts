// jixiao selfeval：由目标表生成自评表工作簿（不覆盖已有文件、经临时文件改名写入）；jixiao check 认得自评表
// （含一张照录的已发布自评表，不报假错误）。在 LibreOffice 中重算、打印见 selfeval-libreoffice.test.ts。

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { readWorkbookGrids } from "../../src/cli/xlsx-read";
import { checkGrid } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { parseJsonFindings, REPO, runCli, tempDir } from "./support";

jest.setTimeout(120_000);

const SEED = join(REPO, "test/fixtures/seed-corrected.csv");
const PUBLISHED = join(REPO, "test/fixtures/selfeval-published-2022.csv");
const TWO_ROW_HEADER = join(REPO, "test/fixtures/selfeval-published-2020-two-row-header.csv");

describe("jixiao selfeval", () => {
  const dir = tempDir("jixiao-selfeval-");
  const out = join(dir, "2026年自评.xlsx");

  test("writes the self-evaluation workbook made from the seed's target table", async () => {
    const r = await runCli(["selfeval", SEED, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2026年自评");
    expect(r.stdout).toContain("7 个指标");
    const sheets = await readWorkbookGrids(readFileSync(out));
    expect(sheets.map((s) => s.name)).toEqual(["2026年自评"]);
    const grid = sheets[0]!.grid;
    // Indicators, their targets as the target table states them, the points and standards carried over.
    expect(grid[6]?.slice(0, 4)).toEqual(["产出指标", "数量指标", "完成全年参保人数", "≥20000人"]);
    expect(grid[12]?.slice(2, 4)).toEqual(["部门预算支出金额", "≤156.91万元"]);
    // Blank: only what is left to fill is reported.
    const { selfEvaluations, forms, findings } = checkGrid(grid, DEFAULT_SETTINGS);
    expect([selfEvaluations.length, forms.length]).toEqual([1, 0]);
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual(["actual-missing", "execution-rate-invalid"]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("refuses to overwrite without --force, and overwrites with it", async () => {
    writeFileSync(out, "mine");
    const r = await runCli(["selfeval", SEED, "-o", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("已存在");
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await runCli(["selfeval", SEED, "-o", out, "--force"]);
    expect(forced.status).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(5000);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("says plainly when the input holds no target table or the arguments are wrong", async () => {
    const letter = join(dir, "letter.csv");
    writeFileSync(letter, "关于报送绩效目标的通知\r\n各单位：请于月底前报送。\r\n");
    const none = await runCli(["selfeval", letter, "-o", join(dir, "x.xlsx")]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("没有找到绩效目标表");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
    expect((await runCli(["selfeval", SEED])).stderr).toContain("-o");
    expect((await runCli(["selfeval", SEED, "-o", join(dir, "x.csv")])).stderr).toContain(".xlsx");
    expect((await runCli(["help", "selfeval"])).stdout).toContain("实际完成值");
  });
});

describe("jixiao check on self-evaluation tables", () => {
  test("a published self-evaluation table (weights in level-1 cells, target and actual side by side): only real findings", async () => {
    const r = await runCli(["check", PUBLISHED, "--format", "json"]);
    const findings = parseJsonFindings(r.stdout);
    // The six indicators the published table left without an actual value, and nothing else: the actual value is
    // never read as a target, "（50分）" is not a category error, the "指标2：" and "……" template rows are skipped.
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([
      "actual-missing@F16",
      "actual-missing@F19",
      "actual-missing@F22",
      "actual-missing@F25",
      "actual-missing@F28",
      "actual-missing@F34",
    ]);
    expect(r.status).toBe(1);
  });

  test("a published table with a two-row header (年度指标值 over 指标性质/指标值/度量单位, ﹦ as the comparison): no findings", async () => {
    // Its scores are below the points where the targets were met: that is the evaluator's judgement, not a deviation.
    const r = await runCli(["check", TWO_ROW_HEADER, "--format", "json"]);
    expect(parseJsonFindings(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
});
