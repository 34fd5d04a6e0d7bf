// `jixiao template` rendered and recalculated by LibreOffice (mutation runs leave this file out: each run of
// soffice takes seconds, and the exceljs read-back in template.test.ts covers what the command line writes).
import ExcelJS from "exceljs";
import { readFileSync, statSync } from "fs";
import { join } from "path";
import { readWorkbookGrids } from "../../src/cli/xlsx-read";
import type { CellValue } from "../../src/domain/grid";
import type { IndicatorField } from "../../src/domain/form";
import { TEMPLATE } from "../../src/domain/layout";
import { conditionalFormatSpecs, shiftRows, validationSpecs } from "../../src/domain/native";
import { checkGrid } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { convertToPdf, recalculate } from "../support/libreoffice";
import { runCli, tempDir } from "./support";
import { DEPT, drawing, first, last, load, sheet, SHEET, YEAR } from "./template-support";

jest.setTimeout(180_000);

const dir = tempDir();
const file = join(dir, "t.xlsx");

beforeAll(async () => {
  const r = await runCli(["template", "--year", String(YEAR), "--dept", DEPT, "-o", file]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});

describe("LibreOffice renders the template", () => {
  it("prints it to a PDF on A4 landscape", async () => {
    const out = tempDir("jixiao-pdf-");
    const pdf = await convertToPdf(file, out);
    expect(statSync(pdf).size).toBeGreaterThan(2000);
    const text = readFileSync(pdf).toString("latin1");
    expect(text.startsWith("%PDF")).toBe(true);
    // A4 landscape: 842 × 595 points
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 84[12](\.\d+)? 59[45](\.\d+)?\s*\]/);
  });

  type Row = Partial<Record<IndicatorField, string | number>>;
  /** Filled-in rows in the template's indicator block (seven rows), with typical mistakes. */
  const ROWS: Row[] = [
    { level1: "成本指标", level2: "经济成本指标", level3: "部门预算支出金额", valueType: "≤", target: 156.91, unit: "万元", explanation: "部门预算支出金额的控制情况。", scoringStandard: "控制在预算内得20分，每超出10%扣2分，扣完为止。" },
    { level1: "产出指标", level2: "数量指标", level3: "完成全年参保人数", valueType: "≥", target: "20000人", unit: "", explanation: "全年参保人数。", scoringStandard: "完成得10分，否则按比例计分。" },
    { level1: "", level2: "质量指标", level3: "工伤保险待遇发放率", valueType: "=", target: 100, unit: "%", explanation: "待遇发放率。", scoringStandard: "全部发放得10分。" },
    { level1: "", level2: "时效指标", level3: "工伤保险待遇发放率", valueType: "=", target: 100, unit: "%", explanation: "待遇发放率。", scoringStandard: "按时发放得10分。" },
    { level1: "", level2: "社会效益指标", level3: "保障受伤劳动者合法权益", valueType: "定性", target: "效果明显", unit: "次", explanation: "合法权益保障情况。", scoringStandard: "效果明显得15分。" },
    { level1: "效益指标", level2: "可持续影响指标", level3: "", valueType: "定量", target: 1, unit: "项", explanation: "专项基金监管。", scoringStandard: "效果明显得15分。" },
    { level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", valueType: "≥", target: 95, unit: "%", explanation: "", scoringStandard: "" },
  ];

  it("recalculates the workbook's own rules on filled-in rows to the engine's TRUE/FALSE", async () => {
    expect(ROWS).toHaveLength(last - first + 1);
    const wb = await load(file);
    const ws = sheet(wb, SHEET);
    ws.getCell(TEMPLATE.headerRows.duties + 1, 2).value = "负责工伤保险基金征缴和待遇发放。";
    ws.getCell(TEMPLATE.headerRows.goals + 1, 2).value = "完成全年参保人数20000人。";
    ROWS.forEach((row, i) => {
      for (const [field, col] of Object.entries(TEMPLATE.columns) as Array<[IndicatorField, number]>) {
        const v = row[field];
        ws.getCell(first + i, col + 1).value = v === undefined || v === "" ? null : v;
      }
    });
    // 群众满意度's target typed as "95%" beside the unit %: Excel stores 0.95 in the format "0%".
    // A style of its own: cells read from a file share style objects, and setting numFmt would change them all.
    const sharedStyle: Partial<ExcelJS.Style> = ws.getCell(first + 6, TEMPLATE.columns.target + 1).style;
    ws.getCell(first + 6, TEMPLATE.columns.target + 1).style = { ...sharedStyle, numFmt: "0%" };
    ws.getCell(first + 6, TEMPLATE.columns.target + 1).value = 0.95;
    // The engine's verdicts, from the same workbook read the way `jixiao check` reads it.
    const filled = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const grids = await readWorkbookGrids(filled);
    expect(grids.map((g) => g.name)).toEqual([SHEET]);
    const { findings } = checkGrid(grids[0]?.grid as CellValue[][], DEFAULT_SETTINGS);

    // Beside the form (from column L), each conditional format's formula as a cell formula moved to each row,
    // and the size of the dependent 二级指标 dropdown.
    const specs = conditionalFormatSpecs(drawing.indicatorRows);
    const level2Source = validationSpecs(drawing.indicatorRows).find((v) => v.field === "level2")?.source ?? "";
    const firstCol = TEMPLATE.lastCol + 3;
    for (let r = first; r <= last; r++) {
      specs.forEach((s, k) => {
        ws.getCell(r, firstCol + k).value = { formula: shiftRows(s.formula.replace(/^=/, ""), r - first) };
      });
      ws.getCell(r, firstCol + specs.length).value = { formula: `ROWS(${shiftRows(level2Source.replace(/^=/, ""), r - first)})` };
    }
    const { sheets } = await recalculate(wb);
    const values = sheets.get(SHEET);
    if (!values) throw new Error(`LibreOffice gave no ${SHEET}`);

    const native = new Set<string>();
    const engine = new Set<string>();
    for (let r = first; r <= last; r++) {
      specs.forEach((s, k) => {
        const v = values[r - 1]?.[firstCol + k - 1];
        expect(["TRUE", "FALSE"]).toContain(v);
        if (v === "TRUE") native.add(`${s.rule}@${r}`);
        if (findings.some((f) => f.rule === s.rule && f.row === r)) engine.add(`${s.rule}@${r}`);
      });
    }
    expect([...native].sort()).toEqual([...engine].sort());
    // and what a reviewer sees on these rows, spelled out
    const at = (rule: string, i: number) => `${rule}@${first + i}`;
    for (const k of [
      at("value-not-number", 1),
      at("level3-duplicate", 2),
      at("level3-duplicate", 3),
      at("level2-mismatch", 4),
      at("unit-on-qualitative", 4),
      at("level3-missing", 5),
      at("value-type-invalid", 5),
      at("explanation-missing", 6),
      at("scoring-missing", 6),
      at("value-not-number", 6), // the percent-format case, from a format of its own
    ]) {
      expect(native).toContain(k);
    }
    expect(native).not.toContain(at("value-not-number", 0)); // 156.91 in General
    expect([...native].some((k) => k.endsWith(`@${first}`))).toBe(false);
    // 二级指标 dropdown sizes: 成本 3, 产出 3 (rows 2–5 continue it), 效益 4, 满意度 1
    const sizes = Array.from({ length: last - first + 1 }, (_, i) => values[first + i - 1]?.[firstCol + specs.length - 1]);
    expect(sizes).toEqual(["3", "3", "3", "3", "3", "4", "1"]);
  });
});
