// 选中单元格：the findings list takes the user to the cell a finding is about.

import { parseA1 } from "../domain/grid";
import { ExcelOperationError, type Result } from "./errors";
import { OPERATION_NAMES } from "./messages";
import { runExcel, type HostOptions } from "./run";

/** Activates `sheetName` and selects `address` ("H9" or "H9:H12"). */
export function selectCell(sheetName: string, address: string, options: HostOptions = {}): Promise<Result<{ sheetName: string; address: string }>> {
  return runExcel(OPERATION_NAMES.select, "check", options, async (context, _isSupported, { messages: say }) => {
    const parts = address.split(":");
    try {
      parts.forEach(parseA1);
    } catch {
      throw new ExcelOperationError("host", say.badAddress(address));
    }
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) {
      throw new ExcelOperationError("sheet-missing", say.sheetMissing(sheetName));
    }
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
    return { sheetName, address };
  });
}
