// Typed errors of the Excel layer: every failure the pane shows, with a Chinese message.

export type ExcelErrorCode =
  | "unsupported" // this Excel lacks the API the operation needs
  | "protected" // the sheet or workbook is protected
  | "payload-too-large" // Excel on the web: over 5 MB in one request
  | "not-empty" // refusing to overwrite the user's cells
  | "sheet-exists" // the target sheet is already there
  | "no-form" // no form on the sheet
  | "no-selection" // the operation needs selected indicator rows
  | "busy" // the same operation is already running
  | "no-year" // the form states no year to carry forward from
  | "layout-differs" // the form's columns are not where the standard form puts them
  | "sheet-missing" // the sheet named in the request is gone (renamed or deleted)
  | "host"; // any other failure reported by Excel

export class ExcelOperationError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "ExcelOperationError";
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ExcelOperationError };

/** The Office error code, when the value is an OfficeExtension.Error or looks like one. */
function officeCode(e: unknown): string | null {
  if (typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return null;
}

/** Map what Excel threw during `operation` (Chinese, e.g. "写入表样") to a typed error. */
export function fromHostError(e: unknown, operation: string): ExcelOperationError {
  if (e instanceof ExcelOperationError) return e;
  const code = officeCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "AccessDenied":
    case "InvalidOperationInCellEditMode":
      return code === "AccessDenied"
        ? new ExcelOperationError("protected", `${operation}失败：工作表或工作簿受保护。请在“审阅 → 撤消工作表保护”后重试。`, detail)
        : new ExcelOperationError("host", `${operation}失败：有单元格正处于编辑状态。请按 Enter 或 Esc 结束编辑后重试。`, detail);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelOperationError(
        "payload-too-large",
        `${operation}失败：一次要传送的数据超过了网页版 Excel 的 5 MB 上限。请删去表格下方无关的大量内容，或在桌面版 Excel 中操作。`,
        detail,
      );
    case "ApiNotFound":
    case "NotImplemented":
      return new ExcelOperationError("unsupported", `${operation}失败：此版本的 Excel 不支持所需的功能。请升级到 Microsoft 365 或使用网页版 Excel。`, detail);
    default:
      return new ExcelOperationError("host", `${operation}失败：Excel 报告错误（${code ?? "未知"}）。请重试；若仍失败，请保存工作簿后重新打开。`, detail);
  }
}

/** Run an Excel operation and turn anything it throws into a typed error. */
export async function attempt<T>(operation: string, run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: fromHostError(e, operation) };
  }
}
