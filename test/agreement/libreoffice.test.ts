// The LibreOffice helper the agreement test and the CLI tests stand on.

import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { convertToPdf, parseCsv, recalculate, requireSoffice } from "../support/libreoffice";

jest.setTimeout(120_000);

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"x\ny",,z\n')).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["x\ny", "", "z"],
    ]);
    expect(parseCsv("\ufeff1,2")).toEqual([["1", "2"]]);
    expect(parseCsv("")).toEqual([]);
  });
});

describe("LibreOffice headless", () => {
  it("recalculates every sheet, hidden ones too, and prints to PDF", async () => {
    requireSoffice();
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("表一");
    a.getCell("A1").value = 2;
    a.getCell("B1").value = { formula: "A1*21" };
    a.getCell("C1").value = { formula: 'EXACT("定性","定性")' };
    a.getCell("D1").value = "中文,带逗号";
    const hidden = wb.addWorksheet("_hidden");
    hidden.state = "veryHidden";
    hidden.getCell("A1").value = { formula: "'表一'!B1+1" };

    const book = await recalculate(wb);
    expect(book.sheets.get("表一")?.[0]).toEqual(["2", "42", "TRUE", "中文,带逗号"]);
    expect(book.sheets.get("_hidden")?.[0]).toEqual(["43"]);
    expect(existsSync(book.dir)).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), "jixiao-pdf-"));
    try {
      const input = join(dir, "form.xlsx");
      writeFileSync(input, Buffer.from(await wb.xlsx.writeBuffer()));
      const pdf = await convertToPdf(input, join(dir, "out"));
      expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
