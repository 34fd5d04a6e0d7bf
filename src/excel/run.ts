// One Excel.run per operation, with host errors mapped to typed errors and requirement sets checked first.

import { ExcelOperationError, attempt, type Result } from "./errors";
import { zhExcel } from "./messages";
import { REQUIREMENTS, officeIsSetSupported, type IsSetSupported, type Operation } from "./host";

/** Options every operation accepts, so tests and the pane can say which requirement sets this Excel has. */
export interface HostOptions {
  isSupported?: IsSetSupported;
}

/** The requirement check used when the caller passes none: Office's own, or "everything" outside Office (CLI, tests without a host). */
export function supportCheck(options?: HostOptions): IsSetSupported {
  if (options?.isSupported) return options.isSupported;
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office?.context?.requirements) return officeIsSetSupported();
  return () => true;
}

/** Throws a plain "this Excel cannot" error when the operation's requirement set is missing. */
export function requireSupport(op: Operation, isSupported: IsSetSupported): void {
  const req = REQUIREMENTS[op];
  if (!isSupported(req.version)) {
    throw new ExcelOperationError("unsupported", zhExcel.unsupported(req.feature, req.version));
  }
}

/**
 * Runs `body` in one Excel.run batch. `operation` is the Chinese name used in error messages
 * (e.g. "检查"); `op` selects the requirement set checked before anything is sent to Excel.
 */
export function runExcel<T>(
  operation: string,
  op: Operation,
  options: HostOptions | undefined,
  body: (context: Excel.RequestContext, isSupported: IsSetSupported) => Promise<T>,
): Promise<Result<T>> {
  return attempt(operation, async () => {
    const isSupported = supportCheck(options);
    requireSupport(op, isSupported);
    return Excel.run((context) => body(context, isSupported));
  });
}
