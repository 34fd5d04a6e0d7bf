// What the two `jixiao template` test files share: the form they write and how they open it with exceljs.
import ExcelJS from "exceljs";
import { drawForm } from "../../src/domain/layout";

export const YEAR = 2027;
export const DEPT = "芷江侗族自治县工伤保险服务中心";
export const SHEET = `${YEAR}年绩效目标表`;
export const drawing = drawForm({ year: YEAR, deptName: DEPT });
/** 1-based rows of the indicator block. */
export const first = drawing.indicatorRows.first + 1;
export const last = drawing.indicatorRows.last + 1;

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}
