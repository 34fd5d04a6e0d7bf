// Added by the Excel-layer helper (separate file, the fake's own files untouched): Excel.run also takes a
// RequestContext as its first argument, the documented way to remove an event handler with the context it
// was added in (docs: excel-add-ins-events.md, "Remove an event handler":
//   await Excel.run(eventResult.context, async (context) => { eventResult.remove(); await context.sync(); });
// @types/office-js: `Excel.run<T>(context: OfficeExtension.ClientRequestContext, batch)`).
// Applied only when the fake's run does not accept a context already.

import { FakeRequestContext } from "./client";
import { FakeExcel } from "./index";

type Run = (this: FakeExcel, a: unknown, b?: unknown) => Promise<unknown>;

let applied = false;

export function applyRunWithContext(): void {
  if (applied) return;
  applied = true;
  const proto = FakeExcel.prototype as unknown as { run: Run; _runAcceptsContext?: boolean };
  if (proto._runAcceptsContext) return;
  const original = proto.run;
  proto.run = function (this: FakeExcel, a: unknown, b?: unknown): Promise<unknown> {
    if (a instanceof FakeRequestContext) return original.call(this, { context: a }, b);
    return original.call(this, a, b);
  };
  proto._runAcceptsContext = true;
}

applyRunWithContext();
