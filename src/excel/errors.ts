// Typed errors of the Excel layer: every failure the pane shows, with a message in the user's language
// (Chinese unless Excel runs in English).

import { excelMessages, operationName, type Language } from "./messages";

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
  return name === "NetworkError" || /network ?error|failed to fetch|load failed/i.test(message);
}

/**
 * Map what Excel threw during `operation` to a typed error. `operation` is a key of OPERATION_NAMES or its Chinese
 * name (e.g. "检查"), or any other name, used as it is; `language` picks the message's language (default Chinese).
 */
export function fromHostError(e: unknown, operation: string, language: Language = "zh"): ExcelOperationError {
  if (e instanceof ExcelOperationError) return e;
  const code = officeCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const op = operationName(operation, language);
  const say = excelMessages(language).host;
  if (isNetworkFailure(e, code)) return new ExcelOperationError("network", say.network(op), detail);
  switch (code) {
    case "AccessDenied":
      return new ExcelOperationError("protected", say.protected(op), detail);
    case "InvalidOperationInCellEditMode":
    case "EditModeCannotAcquireLock":
      return new ExcelOperationError("host", say.editMode(op), detail);
    case "ActivityLimitReached":
    case "RequestAborted":
      return new ExcelOperationError("throttled", say.throttled(op), detail);
    case "Conflict":
      return new ExcelOperationError("conflict", say.conflict(op), detail);
    case "InvalidArgument":
      return new ExcelOperationError("host", say.invalidArgument(op), detail);
    case "ItemNotFound":
      return new ExcelOperationError("host", say.itemNotFound(op), detail);
    case "InvalidReference":
      return new ExcelOperationError("host", say.invalidReference(op), detail);
    // Workbook.getSelectedRange throws when several areas are selected (its reference page); Excel.ErrorCodes.invalidSelection.
    case "InvalidSelection":
      return new ExcelOperationError("no-selection", say.invalidSelection(op), detail);
    case "ItemAlreadyExists":
      return new ExcelOperationError("host", say.itemExists(op), detail);
    case "GeneralException":
      return new ExcelOperationError("host", say.general(op), detail);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelOperationError("payload-too-large", say.payloadTooLarge(op), detail);
    case "ApiNotFound":
    case "NotImplemented":
      return new ExcelOperationError("unsupported", say.apiMissing(op), detail);
    default:
      return new ExcelOperationError("host", say.other(op, code), detail);
  }
}

/** Run an Excel operation and turn anything it throws into a typed error. */
export async function attempt<T>(operation: string, run: () => Promise<T>, language: Language = "zh"): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: fromHostError(e, operation, language) };
  }
}
