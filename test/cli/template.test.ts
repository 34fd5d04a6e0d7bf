// `jixiao template`: the file it writes, read back with exceljs (LibreOffice's rendering: template-libreoffice.test.ts).
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { a1, columnLetter, parseA1 } from "../../src/domain/grid";
import { defaultFiscalYear } from "../../src/domain/fiscal";
import { COLUMN_WIDTHS, FORM_TITLE, TEMPLATE, yearLine } from "../../src/domain/layout";
import { conditionalFormatSpecs, LISTS_SHEET, NAMES, validationSpecs } from "../../src/domain/native";
import { parseJsonFindings, runCli, tempDir } from "./support";
import { DEPT, drawing, first, last, load, sheet, SHEET, YEAR } from "./template-support";

jest.setTimeout(180_000);

const dir = tempDir();
const file = join(dir, "t.xlsx");

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
const conditionalFormatsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

beforeAll(async () => {
  const r = await runCli(["template", "--year", String(YEAR), "--dept", DEPT, "-o", file]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(file);
});

describe("template round trip (read back with exceljs)", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await load(file);
    ws = sheet(wb, SHEET);
  });

  it("holds the form sheet first and visible, the lists sheet very hidden", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SHEET, "visible"],
      [LISTS_SHEET, "veryHidden"],
    ]);
  });

  it("draws the form as the domain describes it: texts, merges, widths and heights", () => {
    expect(ws.getCell("A1").value).toBe(FORM_TITLE);
    expect(ws.getCell("A2").value).toBe(yearLine(YEAR));
    expect(ws.getCell(TEMPLATE.headerRows.deptName + 1, 2).value).toBe(DEPT);
    for (const c of drawing.cells) {
      if (c.value !== "") expect([c.row, c.col, ws.getCell(c.row + 1, c.col + 1).value]).toEqual([c.row, c.col, c.value]);
    }
    const merges = drawing.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
    expect([...ws.model.merges].sort()).toEqual(merges.sort());
    // exceljs omits columns as wide as its default (9); the sheet's default width covers them
    expect(ws.properties.defaultColWidth).toBe(9);
    COLUMN_WIDTHS.forEach((w, i) => expect([i, ws.getColumn(i + 1).width ?? ws.properties.defaultColWidth]).toEqual([i, w]));
    for (const h of drawing.rowHeights) expect(ws.getRow(h.row + 1).height).toBe(h.height);
    expect(ws.getCell(TEMPLATE.gridHeaderRow + 1, 2).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getCell(first, 4).border?.top?.style).toBe("thin");
  });

  it("prints on A4 landscape, one page wide, with the grid header repeated, and freezes the header", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${TEMPLATE.gridHeaderRow + 1}:${TEMPLATE.gridHeaderRow + 1}`);
    expect(ws.pageSetup.printArea).toBe(`A1:J${drawing.lastRow + 1}`);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: drawing.freezeRows });
  });

  it("has the lists and their defined names", () => {
    const lists = sheet(wb, LISTS_SHEET);
    const level1 = wb.definedNames.getRanges(NAMES.level1).ranges;
    expect(level1).toEqual([`'${LISTS_SHEET}'!$A$2:$A$5`]);
    expect([2, 3, 4, 5].map((r) => lists.getCell(r, 1).value)).toEqual(["成本指标", "产出指标", "效益指标", "满意度指标"]);
    expect(wb.definedNames.getRanges("产出指标").ranges).toHaveLength(1);
    expect(wb.definedNames.getRanges(NAMES.valueType).ranges).toHaveLength(1);
  });

  it("puts each dropdown on its whole column range, once, and nowhere else", () => {
    const model = validationsOf(ws);
    const specs = validationSpecs(drawing.indicatorRows);
    expect(specs.map((s) => s.field)).toEqual(["level1", "level2", "valueType"]);
    for (const spec of specs) {
      const [from, to] = spec.range.split(":") as [string, string];
      const col = columnLetter(parseA1(from).col);
      const firstValidation = model[from];
      expect(firstValidation).toMatchObject({
        type: "list",
        formulae: [spec.source.replace(/^=/, "")],
        allowBlank: true,
        showErrorMessage: true,
        showInputMessage: true,
        promptTitle: spec.prompt.title,
        errorStyle: spec.error.style.toLowerCase(),
      });
      // exceljs expands a read range into its cells, all sharing the one object parsed from one <dataValidation>.
      for (let r = parseA1(from).row + 1; r <= parseA1(to).row + 1; r++) expect(model[`${col}${r}`]).toBe(firstValidation);
      expect(model[`${col}${first - 1}`]).toBeUndefined();
      expect(model[`${col}${last + 1}`]).toBeUndefined();
    }
    expect(new Set(Object.values(model)).size).toBe(specs.length);
  });

  it("installs every conditional format over its column of the indicator block, in order", () => {
    const cfs = conditionalFormatsOf(ws);
    const specs = conditionalFormatSpecs(drawing.indicatorRows);
    expect(specs.length).toBeGreaterThanOrEqual(5);
    expect(
      cfs.map((cf) => ({ ref: cf.ref, formula: (cf.rules[0] as { formulae: string[] }).formulae[0], type: cf.rules[0]?.type })),
    ).toEqual(specs.map((s) => ({ ref: s.range, formula: s.formula.replace(/^=/, ""), type: "expression" })));
    for (const s of specs) expect(s.range).toMatch(new RegExp(`^[A-J]${first}:[A-J]${last}$`));
  });
});

describe("template on disk", () => {
  it("refuses to overwrite an existing file without --force", async () => {
    const target = join(dir, "existing.xlsx");
    writeFileSync(target, "keep me");
    const r = await runCli(["template", "-o", target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("已存在，未覆盖");
    expect(readFileSync(target, "utf8")).toBe("keep me");
    const forced = await runCli(["template", "-o", target, "--force"]);
    expect(forced.status).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("says so when the output folder does not exist", async () => {
    const r = await runCli(["template", "-o", join(dir, "没有的文件夹", "t.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/文件夹“.*没有的文件夹”不存在/);
  });

  it("defaults to the fiscal year for today", async () => {
    const target = join(dir, "default-year.xlsx");
    const r = await runCli(["template", "-o", target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${defaultFiscalYear(new Date())} 年度`);
  });

  it("is checked by `jixiao check` as one form (the empty rows and header are reported, not form-not-found)", async () => {
    const r = await runCli(["check", file, "--format", "json"]);
    expect([0, 1]).toContain(r.status);
    const findings = parseJsonFindings(r.stdout);
    expect(findings.some((f) => f.rule === "form-not-found")).toBe(false);
    expect(findings.every((f) => f.sheet === SHEET)).toBe(true);
    expect(findings.some((f) => f.rule === "duties-missing")).toBe(true);
  });
});
