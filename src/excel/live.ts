// 边填边查：re-check the sheet the user is on as they edit. Bursts of change events are coalesced into one
// re-check, only forms whose cells changed run their rules again, the add-in's own writes are ignored, and
// an edit arriving while a re-check runs is never lost (it schedules one more).
//
// Where the events come from: with ExcelApi 1.9 the worksheet collection's onChanged/onSelectionChanged hear
// every sheet and name it (worksheetId), so the named sheet is re-checked. Below 1.9 only one sheet can be
// watched: the active one, and the subscriptions move to the sheet the user activates (onActivated, 1.7).
// In both cases a sheet the user turns to is re-checked at once.
//
// Read-only: a re-check never writes to the workbook. Before ExcelApi 1.19 an add-in's write clears the user's
// undo stack, and from 1.19 each write is an undo step of its own (OFFICE-NOTES "Undo"); the workbook's own
// conditional formats stay the live highlighting, and marks come only from an explicit command (markFindings).

import type { Result } from "./errors";
import type { Form } from "../domain/form";
import { cellText, parseA1, shownValue, type CellValue, type Grid } from "../domain/grid";
import { fromHostError } from "./errors";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { checkSheetCore, type CachedForm, type CheckReport } from "./check";
import type { IsSetSupported } from "./host";
import { isOwnWriteWindow, OWN_WRITE_WINDOW_MS } from "./ownWrites";
import { OPERATION_NAMES } from "./messages";
import { languageOf, requireSupport, settingsIn, supportCheck, type HostOptions } from "./run";

/**
 * What started a re-check: "activated" the user turned to the sheet; "verify" a quiet look after the
 * own-write window, for a user's edit that arrived inside it (reported only when values changed).
 */
export type LiveTrigger = "start" | "changed" | "selection" | "activated" | "verify";

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
  /** Check once right away (default true). */
  initial?: boolean;
}

/** A selection of more cells than this is a sweep, not a dropdown pick: its onChanged (if any) is relied on. */
const MAX_SELECTION_CELLS = 200;

/** The cells of a form that carry dropdowns (一级指标, 二级指标, 指标值类型), a few rows past its end. */
function dropdownAreas(form: Form): Area[] {
  const cols = [form.columns.level1, form.columns.level2, form.columns.valueType].filter((c): c is number => typeof c === "number");
  return cols.map((c) => ({ top: form.firstRow, bottom: form.lastRow + 5, left: c, right: c }));
}

/** "B7" or "B7:C9" (the selection event's address) as an area; null for anything else. */
function parseArea(address: string): Area | null {
  const [from = "", to = from] = address.split(":");
  if (!/^[A-Z]+\d+$/.test(from) || !/^[A-Z]+\d+$/.test(to)) return null;
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

function intersect(a: Area, b: Area): Area | null {
  const r = { top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom), left: Math.max(a.left, b.left), right: Math.min(a.right, b.right) };
  return r.top > r.bottom || r.left > r.right ? null : r;
}

/** Whether the cells read for `a` show anything else than the grid remembered. */
function differs(grid: Grid, a: Area, values: CellValue[][], formats: unknown[][]): boolean {
  for (let r = 0; r <= a.bottom - a.top; r++) {
    for (let c = 0; c <= a.right - a.left; c++) {
      const f = formats[r]?.[c];
      const now = cellText(shownValue(values[r]?.[c] ?? null, typeof f === "string" ? f : null));
      if (now !== cellText(grid[a.top + r]?.[a.left + c] ?? null)) return true;
    }
  }
  return false;
}

export interface LiveCheck {
  /** Removes every event handler and waits for a running re-check to end. */
  stop(): Promise<void>;
}

type AnyHandler = OfficeExtension.EventHandlerResult<unknown>;

/** Handlers added in one Excel.run: they are removed with that run's context (docs: excel-add-ins-events). */
interface Subscription {
  handlers: AnyHandler[];
  /** The sheet watched by sheet-level handlers (below ExcelApi 1.9), else null. */
  sheetId: string | null;
}

/** A block of cells (0-based, inclusive). */
interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What the live check remembers of one sheet between re-checks. */
interface SheetMemory {
  cache: Map<string, CachedForm>;
  anchors: string;
  /** The values as last read, and the forms' dropdown cells: what a selection change is compared with. */
  grid: Grid;
  dropdowns: Area[];
  /** The last re-check found no form here (its error was reported). */
  noForm: boolean;
}

// When two triggers for one sheet meet in a burst, the one that must be reported wins.
const RANK: Readonly<Record<LiveTrigger, number>> = { verify: 0, selection: 1, start: 2, activated: 3, changed: 4 };
/** Triggers reported even when nothing changed since the last re-check. */
const ALWAYS_REPORTED: ReadonlySet<LiveTrigger> = new Set(["start", "activated", "changed"]);

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
  const language = languageOf(options);
  try {
    requireSupport("liveCheck", isSupported, language);
  } catch (e) {
    return { ok: false, error: fromHostError(e, OPERATION_NAMES.liveCheck, language) };
  }
  const debounceMs = options.debounceMs ?? 300;
  const ownWritesTagged = isSupported("1.14");
  const collectionEvents = isSupported("1.9");
  const settingsNow = (): Settings =>
    settingsIn(typeof options.settings === "function" ? options.settings() : (options.settings ?? DEFAULT_SETTINGS), options);

  const memory = new Map<string, SheetMemory>();
  const pending = new Map<string, LiveTrigger>();
  const subscriptions: Subscription[] = [];
  let activeSheetId = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  let urgent = false;
  let verifyTimer: ReturnType<typeof setTimeout> | null = null;
  const suspects = new Set<string>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  // Subscription moves (below 1.9) run one after another.
  let moving: Promise<void> = Promise.resolve();

  const memoryOf = (sheetId: string): SheetMemory => {
    let m = memory.get(sheetId);
    if (!m) {
      m = { cache: new Map(), anchors: "", noForm: false, grid: [], dropdowns: [] };
      memory.set(sheetId, m);
    }
    return m;
  };

  const recheck = async (sheetId: string, trigger: LiveTrigger): Promise<void> => {
    const m = memoryOf(sheetId);
    try {
      const outcome = await Excel.run((context) =>
        checkSheetCore(context, () => context.workbook.worksheets.getItem(sheetId), settingsNow(), { mark: false, cache: m.cache }),
      );
      m.cache = outcome.cache;
      m.grid = outcome.grid;
      m.dropdowns = outcome.forms.flatMap(dropdownAreas);
      const anchors = outcome.report.forms.map((f) => f.anchor).join(",");
      const changed = outcome.rechecked.length > 0 || anchors !== m.anchors || m.noForm;
      m.anchors = anchors;
      m.noForm = false;
      if (stopped) return;
      if (ALWAYS_REPORTED.has(trigger) || changed) onResult({ ok: true, value: { ...outcome.report, trigger, rechecked: outcome.rechecked } });
    } catch (e) {
      const error = fromHostError(e, OPERATION_NAMES.liveCheck, language);
      if (error.code !== "no-form") {
        if (!stopped) onResult({ ok: false, error });
        return;
      }
      // The sheet holds no form (any more): forget it, and say so once (again when the user turns to it),
      // not at every event that follows; a sheet the user is not looking at (a co-author's edit elsewhere)
      // is not worth an error at all.
      const repeat = m.noForm && trigger !== "start" && trigger !== "activated";
      const elsewhere = sheetId !== activeSheetId && trigger !== "start";
      memory.set(sheetId, { cache: new Map(), anchors: "", noForm: true, grid: [], dropdowns: [] });
      if (!stopped && !repeat && !elsewhere) onResult({ ok: false, error });
    }
  };

  const fire = (): void => {
    timer = null;
    urgent = false;
    if (stopped || pending.size === 0) return;
    if (running) {
      again = true; // the edit arrived while a re-check ran: run once more when it ends
      return;
    }
    // The sheet the user is on last, so its result is the one the pane shows.
    const batch = [...pending.entries()].sort(([a], [b]) => Number(a === activeSheetId) - Number(b === activeSheetId));
    pending.clear();
    running = (async () => {
      for (const [sheetId, trigger] of batch) {
        if (stopped) return;
        await recheck(sheetId, trigger);
      }
    })().finally(() => {
      running = null;
      if (stopped) return;
      if (again || pending.size > 0) {
        again = false;
        if (pending.size > 0) arm(debounceMs);
      }
    });
  };

  function arm(delayMs: number): void {
    // A sheet the user just turned to is re-checked at once: events right after (the selection that comes
    // with the click) join that re-check instead of postponing it.
    if (timer !== null && urgent) return;
    if (timer !== null) clearTimeout(timer);
    urgent = delayMs === 0;
    timer = setTimeout(fire, delayMs);
  }

  function schedule(sheetId: string, trigger: LiveTrigger, delayMs = debounceMs): void {
    if (stopped || sheetId === "") return;
    const before = pending.get(sheetId);
    pending.set(sheetId, before !== undefined && RANK[before] > RANK[trigger] ? before : trigger);
    arm(delayMs);
    if (running) again = true;
  }

  /**
   * Below ExcelApi 1.14 our writes are recognised only by a time window, so a user's edit inside the window
   * is ignored with them. Once the window has passed, look again at the sheets that had ignored events.
   */
  function verifyAfterWindow(sheetId: string): void {
    suspects.add(sheetId);
    if (verifyTimer !== null) clearTimeout(verifyTimer);
    verifyTimer = setTimeout(function look() {
      verifyTimer = null;
      if (stopped) return;
      if (isOwnWriteWindow()) {
        verifyTimer = setTimeout(look, OWN_WRITE_WINDOW_MS); // another write since: wait for it to pass too
        return;
      }
      for (const id of suspects) schedule(id, "verify");
      suspects.clear();
    }, OWN_WRITE_WINDOW_MS);
  }

  const onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (ownWritesTagged) {
      if (args.triggerSource !== "ThisLocalAddin") schedule(args.worksheetId, "changed");
    } else if (isOwnWriteWindow()) verifyAfterWindow(args.worksheetId);
    else schedule(args.worksheetId, "changed");
  };
  const lastSelection = new Map<string, string>();
  /**
   * A value picked from a dropdown raises no onChanged on Excel on the web (#3888): when the user leaves a
   * dropdown cell of a form, read just the cells left (never the sheet) and re-check only if one changed. Any
   * other selection change reads nothing.
   */
  const onSelection = async (args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    const sheetId = args.worksheetId;
    const left = lastSelection.get(sheetId);
    lastSelection.set(sheetId, args.address);
    const m = memory.get(sheetId);
    if (stopped || left === undefined || left === args.address || !m) return;
    const area = parseArea(left);
    const cells = area ? m.dropdowns.map((d) => intersect(d, area)).filter((a): a is Area => a !== null) : [];
    if (cells.length === 0 || cells.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0) > MAX_SELECTION_CELLS) return;
    try {
      const changed = await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetId);
        const ranges = cells.map((a) => {
          const range = sheet.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
          range.load("values,numberFormat");
          return { a, range };
        });
        await context.sync();
        return ranges.some(({ a, range }) => differs(m.grid, a, range.values as CellValue[][], range.numberFormat as unknown[][]));
      });
      if (changed) schedule(sheetId, "selection");
    } catch {
      schedule(sheetId, "selection"); // could not look: re-check to be safe
    }
  };
  const onActivated = async (args: Excel.WorksheetActivatedEventArgs): Promise<void> => {
    if (stopped || args.worksheetId === activeSheetId) return;
    activeSheetId = args.worksheetId;
    if (collectionEvents) {
      schedule(args.worksheetId, "activated", 0);
      return;
    }
    // Below 1.9: move the sheet-level handlers, then re-check; edits made meanwhile are in that read.
    // Not awaited: the handler returns at once, the move runs after any earlier one.
    moving = moving.then(() => follow(args.worksheetId));
  };

  /** Adds sheet-level handlers on `sheetId` (the active sheet when empty); returns its id. */
  const subscribeSheet = (sheetId: string): Promise<string> =>
    Excel.run(async (context) => {
      const sheet = sheetId === "" ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheetId);
      sheet.load("id");
      const handlers: AnyHandler[] = [sheet.onChanged.add(onChanged) as AnyHandler, sheet.onSelectionChanged.add(onSelection) as AnyHandler];
      await context.sync();
      subscriptions.push({ handlers, sheetId: sheet.id });
      return sheet.id;
    });

  const removeSubscription = async (sub: Subscription): Promise<void> => {
    const index = subscriptions.indexOf(sub);
    if (index >= 0) subscriptions.splice(index, 1);
    const first = sub.handlers[0];
    if (!first) return;
    // Handlers are removed with the context they were added in (docs: excel-add-ins-events).
    await Excel.run(first.context, async (context) => {
      for (const h of sub.handlers) h.remove();
      await context.sync();
    }).catch(() => undefined);
  };

  const follow = async (sheetId: string): Promise<void> => {
    if (stopped || sheetId !== activeSheetId) return; // the user has moved on again: a later move follows
    const old = subscriptions.find((s) => s.sheetId !== null);
    if (old?.sheetId === sheetId) return;
    try {
      await subscribeSheet(sheetId);
    } catch (e) {
      if (!stopped) onResult({ ok: false, error: fromHostError(e, OPERATION_NAMES.liveCheck, language) });
      return;
    }
    if (old) await removeSubscription(old);
    schedule(sheetId, "activated", 0);
  };

  try {
    if (collectionEvents) {
      activeSheetId = await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const active = sheets.getActiveWorksheet();
        active.load("id");
        const handlers: AnyHandler[] = [
          sheets.onChanged.add(onChanged) as AnyHandler,
          sheets.onSelectionChanged.add(onSelection) as AnyHandler,
          sheets.onActivated.add(onActivated) as AnyHandler,
        ];
        await context.sync();
        subscriptions.push({ handlers, sheetId: null });
        return active.id;
      });
    } else {
      await Excel.run(async (context) => {
        const handlers: AnyHandler[] = [context.workbook.worksheets.onActivated.add(onActivated) as AnyHandler];
        await context.sync();
        subscriptions.push({ handlers, sheetId: null });
      });
      activeSheetId = await subscribeSheet("");
    }
  } catch (e) {
    for (const sub of [...subscriptions]) await removeSubscription(sub);
    return { ok: false, error: fromHostError(e, OPERATION_NAMES.liveCheck, language) };
  }

  if (options.initial ?? true) {
    pending.set(activeSheetId, "start");
    fire();
  }

  return {
    ok: true,
    value: {
      async stop(): Promise<void> {
        if (stopped) return;
        stopped = true;
        for (const t of [timer, verifyTimer]) if (t !== null) clearTimeout(t);
        timer = null;
        verifyTimer = null;
        pending.clear();
        await moving.catch(() => undefined);
        if (running) await running.catch(() => undefined);
        for (const sub of [...subscriptions]) await removeSubscription(sub);
      },
    },
  };
}
