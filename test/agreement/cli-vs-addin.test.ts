// The same workbook gets the same verdict from `jixiao check` (the .xlsx read by exceljs) and from the add-in's
// check (Range.values and Range.numberFormat in the fake Excel host): numbers in a percent format ("95%" typed
// into 指标值 is 0.95 in "0%") are read as the text the user sees by both, through grid.ts's shownValue.

import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import { join } from "path";
import { checkFile } from "../../src/cli/check-file";
import { a1, type CellValue } from "../../src/domain/grid";
import { TEMPLATE } from "../../src/domain/layout";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { checkActiveSheet } from "../../src/excel/check";
import { tempDir } from "../cli/support";
import { seedForm, setup, teardown } from "../excel/helpers";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";

afterEach(teardown);

/** 指标值 of GOOD_ROWS by index, with the number format it is written in. */
const TARGETS: ReadonlyArray<{ index: number; value: number | string; format: string }> = [
  { index: 1, value: 0.95, format: "0%" }, // "95%" typed over 1200
  { index: 2, value: 0.9, format: "0.00%" }, // shows 90.00%
  { index: 3, value: 1, format: '0"%"' }, // a quoted %: the number 1, shown as 1%
  { index: 5, value: 0.9, format: "0.0%;[Red]-0.0%" },
];

const ROWS: RowInput[] = GOOD_ROWS.map((r) => ({ ...r }));
const SHEET = "2027年";

/** The form as an office saves it: the level-1 cells merged over their blocks, the targets with their formats. */
async function writeWorkbook(file: string, grid: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  grid.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const t of TARGETS) {
    const cell = ws.getCell(TEMPLATE.firstIndicatorRow + t.index + 1, TEMPLATE.columns.target + 1);
    cell.value = t.value;
    cell.numFmt = t.format;
  }
  // 产出指标 over its three rows (GOOD_ROWS 1..3), as offices merge a level-1 block.
  const col = TEMPLATE.columns.level1 + 1;
  ws.mergeCells(TEMPLATE.firstIndicatorRow + 2, col, TEMPLATE.firstIndicatorRow + 4, col);
  writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("jixiao check and the add-in agree on numbers in percent formats", () => {
  it("reports the same findings, value-not-number on each percent-formatted target and on nothing else", async () => {
    const fake = setup();
    const grid = seedForm(fake, ROWS);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      for (const t of TARGETS) {
        const cell = ws.getRange(a1(TEMPLATE.firstIndicatorRow + t.index, TEMPLATE.columns.target));
        cell.numberFormat = [[t.format]];
        cell.values = [[t.value]];
      }
      await context.sync();
    });
    const addin = await checkActiveSheet({ mark: false });
    if (!addin.ok) throw addin.error;

    const file = join(tempDir(), "percent.xlsx");
    await writeWorkbook(file, grid);
    const cli = await checkFile(file, DEFAULT_SETTINGS);
    if (cli.kind !== "checked") throw new Error(cli.reason);
    expect(cli.sheets.map((s) => s.sheet)).toEqual([SHEET]);

    const cliFindings = cli.sheets[0]?.findings ?? [];
    expect(cliFindings).toEqual(addin.value.findings);
    const percentCells = TARGETS.filter((t) => t.format !== '0"%"').map((t) => a1(TEMPLATE.firstIndicatorRow + t.index, TEMPLATE.columns.target));
    const flagged = cliFindings.filter((f) => f.rule === "value-not-number").map((f) => f.cell);
    expect(flagged.sort()).toEqual(percentCells.sort());
    const messages = cliFindings.filter((f) => f.rule === "value-not-number").map((f) => f.message);
    for (const shown of ["95%", "90.00%", "90.0%"]) expect(messages.some((m) => m.includes(shown))).toBe(true);
  });
});
