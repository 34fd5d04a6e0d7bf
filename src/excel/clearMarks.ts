// 清除标记：remove every check mark from the active sheet, and nothing else (the form's own dropdowns and
// conditional formats, and the user's formatting, stay). One read, one write only when there are marks.

import type { Result } from "./errors";
import { earlierMarks, queueMarkRead } from "./marks";
import { OPERATION_NAMES } from "./messages";
import { asOwnWrite } from "./ownWrites";
import { refuseIfProtectedIn, runExcel, type HostOptions } from "./run";

export interface MarksCleared {
  sheetName: string;
  /** Marks (conditional formats of this add-in) removed. */
  removed: number;
  /** One plain sentence for the user. */
  message: string;
}

/** 清除标记：删除当前工作表上本加载项写入的全部检查标记。 */
export function clearMarks(options: HostOptions = {}): Promise<Result<MarksCleared>> {
  return runExcel(OPERATION_NAMES.clearMarks, "check", options, async (context, isSupported, { language, messages }) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    sheet.protection.load("protected");
    // Below 1.6 there are no conditional formats, so no marks either.
    const cfs = isSupported("1.6") ? queueMarkRead(sheet) : null;
    await context.sync();
    const marks = cfs ? earlierMarks(cfs) : [];
    if (marks.length > 0) {
      refuseIfProtectedIn({ sheet }, OPERATION_NAMES.clearMarks, language);
      for (const m of marks) m.cf.delete();
      await asOwnWrite(() => context.sync());
    }
    return { sheetName: sheet.name, removed: marks.length, message: messages.marksCleared(marks.length, sheet.name) };
  });
}
