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

export interface SelectionWatch {
  /** Removes the handlers (with the context they were added in). */
  stop(): Promise<void>;
}

/**
 * Calls `onSelection` whenever the user selects other cells or turns to another sheet (ExcelApi 1.9: the
 * worksheet collection's onSelectionChanged and onActivated; bursts of events within `debounceMs` make one
 * call). The caller reads the selection in its handler, once per call. Below 1.9 returns "unsupported": the
 * pane then reads the selection when asked.
 */
export function watchSelection(onSelection: () => void, options: HostOptions & { debounceMs?: number } = {}): Promise<Result<SelectionWatch>> {
  return runExcel(OPERATION_NAMES.readSelection, "scoring", options, async (context, isSupported, { messages: say }) => {
    if (!isSupported("1.9")) throw new ExcelOperationError("unsupported", say.unsupported(say.operations.readSelection, "1.9"));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fire = async (): Promise<void> => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        onSelection();
      }, options.debounceMs ?? 120);
    };
    const sheets = context.workbook.worksheets;
    const handlers = [sheets.onSelectionChanged.add(fire), sheets.onActivated.add(fire)];
    await context.sync();
    const first = handlers[0] as OfficeExtension.EventHandlerResult<unknown>;
    return {
      async stop() {
        if (timer) clearTimeout(timer);
        await Excel.run(first.context, async (ctx) => {
          for (const h of handlers) h.remove();
          await ctx.sync();
        });
      },
    };
  });
}
