// Diagnoses that say what happened: damaged parts, formula errors, encodings and delimiters, bad arguments.
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import { join } from "path";
import { a1 } from "../../src/domain/grid";
import { drawForm, TEMPLATE } from "../../src/domain/layout";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { sheetXml, xlsxBytes } from "../support/hostile-files";
import { encodeGbk } from "./gbk";
import { parseJsonFindings, runCli, tempDir, toCsv } from "./support";

// The first run loads the whole checker (in mutation runs, into this process, on a busy machine).
jest.setTimeout(60_000);

const form = formGrid(GOOD_ROWS);
/** Library phrases that must never reach a reviewer. */
const LIBRARY_TEXT = /Corrupted|Cannot|undefined|Error|zip|central directory|Unexpected/;

async function check(name: string, bytes: Buffer | string) {
  const dir = tempDir();
  writeFileSync(join(dir, name), bytes);
  return runCli(["check", name, "--format", "json"], dir);
}

describe("damaged workbooks are called damaged, in words", () => {
  it("a workbook whose sheet part is missing", async () => {
    const r = await check("a.xlsx", xlsxBytes([{ name: "表", xml: sheetXml(form) }], { omit: ["xl/worksheets/sheet1.xml"] }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("文件已损坏，无法按 .xlsx 格式读取（缺少工作表或共享字符串部件）");
    expect(parseJsonFindings(r.stdout).map((f) => f.rule)).toEqual(["file-unreadable"]);
  });

  it("a workbook whose cells point into a shared-strings part it lacks", async () => {
    const xml = Buffer.from(sheetXml([["x"]]).toString().replace(/<c r="A1"[^]*?<\/c>/, '<c r="A1" t="s"><v>0</v></c>'));
    const r = await check("b.xlsx", xlsxBytes([{ name: "表", xml }]));
    expect(r.stderr).toContain("缺少工作表或共享字符串部件");
  });

  it("a truncated workbook and one whose sheet is not XML, without the library's words", async () => {
    const whole = xlsxBytes([{ name: "表", xml: sheetXml(form) }]);
    const cut = await check("c.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(cut.stderr).toContain("文件已损坏，无法按 .xlsx 格式读取（zip 目录缺失，文件可能没有传完整）");
    const garbage = await check("d.xlsx", xlsxBytes([{ name: "表", xml: Buffer.from("<worksheet><sheetData><row r=") }]));
    expect(garbage.stderr).toContain("文件已损坏，无法按 .xlsx 格式读取（工作表内容不是有效的 XML）");
    for (const r of [cut, garbage]) expect(r.stderr.replace(/\.xlsx|zip 目录|XML/g, "")).not.toMatch(LIBRARY_TEXT);
  });
});

describe("formula cells without a value to check", () => {
  it("reports a formula error and a formula without a saved result as formula-error at the cell, instead of value findings", async () => {
    const drawing = drawForm({ year: 2027, deptName: "某县人力资源服务中心", rows: GOOD_ROWS.map((r) => ({ level1: String(r.level1), level2: String(r.level2) })) });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    form.forEach((row, r) => row.forEach((v, c) => v !== "" && v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
    const first = drawing.indicatorRows.first;
    const col = TEMPLATE.columns.target;
    ws.getCell(first + 2, col + 1).value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
    ws.getCell(first + 3, col + 1).value = { formula: "A1*2" } as ExcelJS.CellValue;
    const r = await check("f.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const findings = parseJsonFindings(r.stdout);
    const errorCell = a1(first + 1, col);
    const noResultCell = a1(first + 2, col);
    expect(findings.filter((f) => f.cell === errorCell || f.cell === noResultCell)).toEqual([
      expect.objectContaining({ cell: errorCell, rule: "formula-error", severity: "error", message: expect.stringContaining("公式出错（显示 #DIV/0!）") as unknown }),
      expect.objectContaining({ cell: noResultCell, rule: "formula-error", message: expect.stringContaining("没有保存计算结果") as unknown }),
    ]);
    expect(r.status).toBe(1);
  });
});

describe("CSV encodings and delimiters decided by the content", () => {
  it("reads UTF-8 with one stray byte as UTF-8, not GB18030", async () => {
    const csv = Buffer.from(toCsv(form), "utf8");
    const at = csv.indexOf(Buffer.from("培训经费支出"));
    const r = await check("stray.csv", Buffer.concat([csv.subarray(0, at), Buffer.from([0xff]), csv.subarray(at)]));
    const findings = parseJsonFindings(r.stdout);
    expect(findings.map((f) => f.rule)).not.toContain("form-not-found");
    expect(r.status).toBe(0);
  });

  it("reads semicolon-separated CSV (Excel where the comma is the decimal sign)", async () => {
    const text = toCsv(form).replace(/,/g, ";");
    const r = await check("semi.csv", text);
    expect(parseJsonFindings(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });

  it("still reads a GBK file as GBK", async () => {
    const bytes = Buffer.from(encodeGbk(`${toCsv(form)}注：本表由单位填报。\r\n`));
    const r = await check("gbk.csv", bytes);
    expect(parseJsonFindings(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe("arguments", () => {
  it("says --total -5 is out of range, not missing", async () => {
    const r = await runCli(["check", "x.csv", "--total", "-5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("--total 应为 1 到 1000 之间的数字（默认 90），收到的是“-5”。\n");
  });
});

describe("zip variants real programs write", () => {
  it("checks a workbook written with ZIP64 records like any other", async () => {
    const r = await check("z64.xlsx", xlsxBytes([{ name: "表", xml: sheetXml(form) }], { zip64: true }));
    expect(r.stderr).toBe("");
    expect(parseJsonFindings(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
});
