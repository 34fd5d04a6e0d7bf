// One Excel.run per operation, with host errors mapped to typed errors and requirement sets checked first.

import type { Settings } from "../domain/settings";
import { ExcelOperationError, attempt, type Result } from "./errors";
import { excelMessages, operationName, type ExcelMessages, type Language } from "./messages";
import { REQUIREMENTS, officeIsSetSupported, type IsSetSupported, type Operation } from "./host";
import type { QueuedSheetRead } from "./sheetGrid";

/** Options every operation accepts, so tests and the pane can say which requirement sets this Excel has. */
export interface HostOptions {
  isSupported?: IsSetSupported;
  /**
   * The language of messages, errors and findings. Default: English when Office runs in a language that is not
   * Chinese (Office.context.displayLanguage), else Chinese.
   */
  language?: Language;
}

/** The requirement check used when the caller passes none: Office's own, or "everything" outside Office (CLI, tests without a host). */
export function supportCheck(options?: HostOptions): IsSetSupported {
  if (options?.isSupported) return options.isSupported;
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office?.context?.requirements) return officeIsSetSupported();
  return () => true;
}

/** Office's display language as ours: English unless it starts with "zh"; null outside Office. */
export function officeLanguage(): Language | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const display = office?.context?.displayLanguage;
  if (typeof display !== "string" || display === "") return null;
  return display.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The language an operation speaks: the caller's, else Office's display language, else Chinese. */
export function languageOf(options?: HostOptions): Language {
  return options?.language ?? officeLanguage() ?? "zh";
}

/** The Excel layer's texts for an operation's options. */
export function messagesOf(options?: HostOptions): ExcelMessages {
  return excelMessages(languageOf(options));
}

/**
 * The settings a check runs with: the caller's (or the defaults) in the operation's language. An explicit
 * `options.language` wins; otherwise Office's display language; otherwise the settings' own language.
 */
export function settingsIn<S extends Settings>(settings: S, options?: HostOptions): S {
  const language = options?.language ?? officeLanguage() ?? settings.language ?? "zh";
  return settings.language === language ? settings : { ...settings, language };
}

/** Throws a plain "this Excel cannot" error when the operation's requirement set is missing. */
export function requireSupport(op: Operation, isSupported: IsSetSupported, language: Language = "zh"): void {
  const req = REQUIREMENTS[op];
  if (!isSupported(req.version)) {
    const say = excelMessages(language);
    throw new ExcelOperationError("unsupported", say.unsupported(say.features[op], req.version));
  }
}

/**
 * Refuse before writing anything when the sheet is protected (message in `language`): Excel would apply the
 * batch's writes up to the first refused one (a batch is not a transaction), leaving a half-done change.
 */
export function refuseIfProtectedIn(read: Pick<QueuedSheetRead, "sheet">, operation: string, language: Language): void {
  if (read.sheet.protection.protected) {
    throw new ExcelOperationError("protected", excelMessages(language).protectedSheet(operationName(operation, language), read.sheet.name));
  }
}

/**
 * Runs `body` in one Excel.run batch. `operation` names the operation in error messages: a key of
 * OPERATION_NAMES or its Chinese name (e.g. "检查"); `op` selects the requirement set checked before anything
 * is sent to Excel. `body` also gets the operation's language and texts.
 */
export function runExcel<T>(
  operation: string,
  op: Operation,
  options: HostOptions | undefined,
  body: (context: Excel.RequestContext, isSupported: IsSetSupported, say: { language: Language; messages: ExcelMessages }) => Promise<T>,
): Promise<Result<T>> {
  const language = languageOf(options);
  return attempt(
    operation,
    async () => {
      const isSupported = supportCheck(options);
      requireSupport(op, isSupported, language);
      return Excel.run((context) => body(context, isSupported, { language, messages: excelMessages(language) }));
    },
    language,
  );
}
