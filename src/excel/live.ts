// 边填边查：re-check the active sheet as the user edits. Bursts of change events are coalesced into one
// re-check, only forms whose cells changed run their rules again, the add-in's own writes are ignored, and
// an edit arriving while a re-check runs is never lost (it schedules one more).

import type { Result } from "./errors";
import { fromHostError } from "./errors";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { checkSheetCore, type CachedForm, type CheckReport } from "./check";
import type { IsSetSupported } from "./host";
import { isOwnWriteWindow } from "./ownWrites";
import { OPERATION_NAMES } from "./messages";
import { requireSupport, supportCheck, type HostOptions } from "./run";

export type LiveTrigger = "start" | "changed" | "selection";

export interface LiveReport extends CheckReport {
  /** What started this re-check. */
  trigger: LiveTrigger;
  /** Anchors of the forms whose rules ran again (the others were unchanged). */
  rechecked: string[];
}

export interface LiveCheckOptions extends HostOptions {
  /** Settings, or a function read at each re-check (the pane's expected total can change). */
  settings?: Settings | (() => Settings);
  /** Quiet time after the last event before re-checking (default 300 ms). */
  debounceMs?: number;
  /** Mark the cells of engine-only findings, like checkActiveSheet (default true). */
  mark?: boolean;
  /** Check once right away (default true). */
  initial?: boolean;
}

export interface LiveCheck {
  /** Removes the event handlers and waits for a running re-check to end. */
  stop(): Promise<void>;
}

type AnyHandler = OfficeExtension.EventHandlerResult<unknown>;

/**
 * Starts the live re-check. `onResult` receives each re-check's report (or its typed error, e.g. "no-form").
 * A selection change re-checks only when a value actually changed (Excel on the web raises no onChanged
 * when a value is picked from a validation dropdown, OFFICE-NOTES #3888).
 */
export async function startLiveCheck(
  onResult: (result: Result<LiveReport>) => void,
  options: LiveCheckOptions = {},
): Promise<Result<LiveCheck>> {
  const isSupported: IsSetSupported = supportCheck(options);
  try {
    requireSupport("liveCheck", isSupported);
  } catch (e) {
    return { ok: false, error: fromHostError(e, OPERATION_NAMES.liveCheck) };
  }
  const debounceMs = options.debounceMs ?? 300;
  const mark = (options.mark ?? true) && isSupported("1.6");
  const ownWritesTagged = isSupported("1.14");
  const settingsNow = (): Settings =>
    typeof options.settings === "function" ? options.settings() : (options.settings ?? DEFAULT_SETTINGS);

  let cache = new Map<string, CachedForm>();
  let lastMarked: string[] | undefined;
  let lastAnchors = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: LiveTrigger | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const recheck = async (trigger: LiveTrigger): Promise<void> => {
    try {
      const outcome = await Excel.run((context) =>
        checkSheetCore(context, context.workbook.worksheets.getItem(sheetId), settingsNow(), {
          mark,
          cache,
          ...(lastMarked ? { marksUnchangedIfSame: lastMarked } : {}),
        }),
      );
      cache = outcome.cache;
      lastMarked = outcome.report.marked;
      const anchors = outcome.report.forms.map((f) => f.anchor).join(",");
      const changed = outcome.rechecked.length > 0 || anchors !== lastAnchors;
      lastAnchors = anchors;
      if (stopped) return;
      if (trigger !== "selection" || changed) onResult({ ok: true, value: { ...outcome.report, trigger, rechecked: outcome.rechecked } });
    } catch (e) {
      const error = fromHostError(e, OPERATION_NAMES.liveCheck);
      // The sheet lost its form: forget it; say so once, not at every selection change that follows.
      const lostForm = error.code === "no-form";
      const repeat = lostForm && lastAnchors === "" && trigger === "selection";
      if (lostForm) {
        cache = new Map();
        lastAnchors = "";
        lastMarked = undefined;
      }
      if (!stopped && !repeat) onResult({ ok: false, error });
    }
  };

  const fire = (): void => {
    timer = null;
    if (stopped || pending === null) return;
    if (running) {
      again = true; // the edit arrived while a re-check ran: run once more when it ends
      return;
    }
    const trigger = pending;
    pending = null;
    running = recheck(trigger).finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        pending = pending ?? "changed";
        schedule(pending);
      }
    });
  };

  function schedule(trigger: LiveTrigger): void {
    if (stopped) return;
    // A value change outranks a selection change: it must be reported even when hashes agree.
    pending = pending === "changed" || trigger === "changed" ? "changed" : trigger;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
    if (running) again = true;
  }

  const onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const ours = ownWritesTagged ? args.triggerSource === "ThisLocalAddin" : isOwnWriteWindow();
    if (!ours) schedule("changed");
  };
  const onSelection = async (): Promise<void> => {
    schedule("selection");
  };

  let handlers: AnyHandler[];
  let sheetId = "";
  try {
    handlers = await Excel.run(async (context) => {
      // The sheet active now is the one watched and re-checked (also for a co-author's edits while the
      // user looks at another sheet); the pane restarts the live check when the user turns to another sheet.
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("id");
      const registered: AnyHandler[] = [
        active.onChanged.add(onChanged) as AnyHandler,
        active.onSelectionChanged.add(onSelection) as AnyHandler,
      ];
      await context.sync();
      sheetId = active.id;
      return registered;
    });
  } catch (e) {
    return { ok: false, error: fromHostError(e, OPERATION_NAMES.liveCheck) };
  }

  if (options.initial ?? true) {
    pending = "start";
    fire();
  }

  return {
    ok: true,
    value: {
      async stop(): Promise<void> {
        if (stopped) return;
        stopped = true;
        if (timer !== null) clearTimeout(timer);
        timer = null;
        pending = null;
        if (running) await running.catch(() => undefined);
        // Handlers are removed with the context they were added in (docs: excel-add-ins-events).
        const first = handlers[0];
        if (!first) return;
        await Excel.run(first.context, async (context) => {
          for (const h of handlers) h.remove();
          await context.sync();
        }).catch(() => undefined);
      },
    },
  };
}
