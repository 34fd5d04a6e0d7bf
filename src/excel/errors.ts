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
  | "throttled" // Excel refused or aborted the request for now (too many requests): try again shortly
  | "conflict" // a co-author changed the same cells at the same time
  | "network" // Excel on the web lost its connection during the request
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

/**
 * A request of Excel on the web that never got an answer: the browser's fetch fails with a TypeError
 * ("Failed to fetch", "NetworkError when attempting to fetch resource") or an error named NetworkError,
 * without an Office error code.
 */
function isNetworkFailure(e: unknown, code: string | null): boolean {
  if (code === "NetworkError" || code === "ConnectionFailure") return true;
  if (code !== null || typeof e !== "object" || e === null) return false;
  const name = "name" in e ? String((e as { name: unknown }).name) : "";
  const message = "message" in e ? String((e as { message: unknown }).message) : "";
  return name === "NetworkError" || /network ?error|failed to fetch|load failed|networkerror/i.test(message);
}

/** Map what Excel threw during `operation` (Chinese, e.g. "写入表样") to a typed error. */
export function fromHostError(e: unknown, operation: string): ExcelOperationError {
  if (e instanceof ExcelOperationError) return e;
  const code = officeCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const failed = `${operation}失败：`;
  if (isNetworkFailure(e, code)) {
    return new ExcelOperationError(
      "network",
      `${failed}与网页版 Excel 的连接中断了，这次操作没有完成。请检查网络连接，待 Excel 重新连上（页面顶部不再提示离线）后重试。`,
      detail,
    );
  }
  switch (code) {
    case "AccessDenied":
      return new ExcelOperationError("protected", `${failed}工作表或工作簿受保护。请在“审阅 → 撤消工作表保护”后重试。`, detail);
    case "InvalidOperationInCellEditMode":
    case "EditModeCannotAcquireLock":
      return new ExcelOperationError("host", `${failed}有单元格正处于编辑状态，Excel 暂不接受加载项的操作。请按 Enter 或 Esc 结束单元格编辑后重试。`, detail);
    case "ActivityLimitReached":
    case "RequestAborted":
      return new ExcelOperationError(
        "throttled",
        `${failed}Excel 暂时忙不过来，这次请求被拒绝或中断了（短时间内请求过多）。请稍候再试，不要连续快速点击。`,
        detail,
      );
    case "Conflict":
      return new ExcelOperationError(
        "conflict",
        `${failed}有其他人正在同时编辑同一部分内容（共同编辑冲突），这次更改未能保存。请稍等片刻，待对方的更改同步到表格后重试。`,
        detail,
      );
    case "InvalidArgument":
      return new ExcelOperationError(
        "host",
        `${failed}Excel 不接受这次要写入的内容或区域（参数无效），可能是表格的结构与标准表样不同。请检查是否有合并的单元格、插入或删除的列，恢复后重试。`,
        detail,
      );
    case "ItemNotFound":
      return new ExcelOperationError(
        "host",
        `${failed}要操作的工作表或名称已不存在，可能刚被删除或重命名。请确认该工作表还在，切换到它后重试。`,
        detail,
      );
    case "InvalidReference":
      return new ExcelOperationError(
        "host",
        `${failed}要操作的单元格区域已失效，可能在操作过程中有行、列或工作表被删除或改动。请重新选择单元格后重试。`,
        detail,
      );
    case "GeneralException":
      return new ExcelOperationError(
        "host",
        `${failed}Excel 内部出错，这次操作没有完成。请保存工作簿后重试；若仍失败，请关闭并重新打开工作簿再试。`,
        detail,
      );
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
