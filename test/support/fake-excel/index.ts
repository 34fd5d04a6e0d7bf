// A strict fake of the Excel host for tests and for running the task pane in a plain browser.
// No Node APIs: it is bundled for the browser as well.
//
//   const fake = createFakeExcel({ apiVersion: "1.8", platform: "web", latencyMs: 100 });
//   const uninstall = fake.install(globalThis);     // Excel.run, Excel.* enums, Office.*, OfficeExtension
//   await someOperation();                          // code under test, typed against @types/office-js
//   fake.sheet("Sheet1").value("B7"); fake.syncCount; fake.simulatedMs;
//   fake.user.edit("Sheet1", "E7", "≥"); await fake.flushEvents();   // a person typing; handlers run
//   fake.failNextSync({ code: "AccessDenied" }, 1); // the operation's second sync fails
//
// Strict where bugs hide: properties are readable only after load() and sync(); writes apply at sync in
// order; a batch stops at its first failing operation; APIs above `apiVersion` fail with ApiNotFound;
// members the fake does not model throw FakeNotModelledError instead of returning undefined.

import { Rect, formatRect, parseRect, splitSheet, intersects } from "./address";
import { ChangeRecord, FakeRequestContext, HostConfig, HostCore, Platform, Registration, strict } from "./client";
import { FakeErrorCode, FakeOfficeError, FakeNotModelledError, officeError } from "./errors";
import { FakeWorkbook, makeRange } from "./objects";
import {
  BorderState,
  CellFormat,
  ConditionalFormatState,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  PageLayoutState,
  Scalar,
  SheetState,
  ValidationRuleState,
  WorkbookState,
  cellAt,
  defaultFormat,
  displayText,
  ensureCell,
  insertRows,
  interpretInput,
  key,
  newSheet,
  sheetSnapshot,
  usedRect,
  validationAt,
} from "./state";

export { FakeOfficeError, FakeNotModelledError };
export type { WorkbookState, SheetState, Scalar, CellFormat };

export interface FakeExcelOptions {
  /** Simulated round-trip time per sync, added to simulatedMs. */
  latencyMs?: number;
  /** Really wait latencyMs per sync (default: only count it). */
  realDelay?: boolean;
  /** Highest ExcelApi requirement set this Excel supports, e.g. "1.8" (Office 2019). Default "1.17". */
  apiVersion?: string;
  /** "web" turns on Excel-on-the-web behaviour: dropdown picks raise no onChanged; #2594 validation order. */
  platform?: Platform;
  /** Request/response size limit in bytes; default 5 MB (Excel on the web), null for none. */
  payloadLimit?: number | null;
  displayLanguage?: string;
  /** Names of the sheets the workbook starts with; default ["Sheet1"]. */
  sheets?: string[];
  /**
   * Deliver a user's change events this late, and fold the changes of one sheet made meanwhile into one event
   * over their bounding range, without details (some hosts raise onChanged late, OfficeDev/office-js #1502;
   * rapid edits come coalesced, #1760). 0 (default): one event per edit, at once.
   */
  coalesceEventsMs?: number;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ChangedArgs {
  type: "WorksheetChanged";
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  worksheetId: string;
  triggerSource?: "Unknown" | "ThisLocalAddin";
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
  getRange(ctx: Excel.RequestContext): Excel.Range;
  getRangeOrNullObject(ctx: Excel.RequestContext): Excel.Range;
}

export interface SelectionChangedArgs {
  type: "WorksheetSelectionChanged";
  address: string;
  worksheetId: string;
}

/** Excel.WorksheetActivatedEventArgs (ExcelApi 1.7). */
export interface ActivatedArgs {
  type: "WorksheetActivated";
  worksheetId: string;
}

function versionParts(v: string): [number, number] {
  const [a = "0", b = "0"] = v.split(".");
  return [Number(a), Number(b)];
}

export function versionAtLeast(have: string, need: string): boolean {
  const [hm, hn] = versionParts(have);
  const [nm, nn] = versionParts(need);
  return hm > nm || (hm === nm && hn >= nn);
}

/** What tests see of one sheet. Addresses are local ("B7", "A1:J1"); rows and columns 0-based where numeric. */
export class SheetView {
  constructor(private readonly fake: FakeExcel, readonly name: string) {}
  get state(): SheetState {
    const s = this.fake.state.sheets.find((x) => x.name.toLowerCase() === this.name.toLowerCase());
    if (!s) throw new Error(`no sheet named ${this.name}`);
    return s;
  }
  private one(address: string): { row: number; col: number } {
    const r = parseRect(address);
    return { row: r.top, col: r.left };
  }
  value(address: string): Scalar {
    const { row, col } = this.one(address);
    return cellAt(this.state, row, col)?.value ?? "";
  }
  formula(address: string): string | null {
    const { row, col } = this.one(address);
    return cellAt(this.state, row, col)?.formula ?? null;
  }
  text(address: string): string {
    const { row, col } = this.one(address);
    return displayText(cellAt(this.state, row, col));
  }
  numberFormat(address: string): string {
    const { row, col } = this.one(address);
    return cellAt(this.state, row, col)?.numberFormat ?? "General";
  }
  format(address: string): CellFormat {
    const { row, col } = this.one(address);
    return { ...(cellAt(this.state, row, col)?.format ?? defaultFormat()) };
  }
  values(address: string): Scalar[][] {
    const r = parseRect(address);
    const out: Scalar[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: Scalar[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(cellAt(this.state, row, col)?.value ?? "");
      out.push(line);
    }
    return out;
  }
  /** Border of one cell side. */
  border(address: string, side: "top" | "bottom" | "left" | "right"): BorderState | null {
    const { row, col } = this.one(address);
    const s = this.state;
    const b =
      side === "top" ? s.hBorders.get(key(row, col)) :
      side === "bottom" ? s.hBorders.get(key(row + 1, col)) :
      side === "left" ? s.vBorders.get(key(row, col)) : s.vBorders.get(key(row, col + 1));
    return b ? { ...b } : null;
  }
  rowHeight(row: number): number {
    return this.state.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }
  columnWidth(col: number): number {
    return this.state.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
  get merges(): string[] {
    return this.state.merges.map(formatRect).sort();
  }
  get validations(): Array<{ address: string; rule: ValidationRuleState | null; prompt: { message: string; showPrompt: boolean; title: string }; errorAlert: { message: string; showAlert: boolean; style: string; title: string }; ignoreBlanks: boolean }> {
    return this.state.validations.map((v) => ({
      address: v.rects.map(formatRect).join(","),
      rule: v.rule,
      prompt: v.prompt,
      errorAlert: v.errorAlert,
      ignoreBlanks: v.ignoreBlanks,
    }));
  }
  validationAt(address: string): ValidationRuleState | null {
    const { row, col } = this.one(address);
    return validationAt(this.state, row, col)?.rule ?? null;
  }
  get conditionalFormats(): Array<Omit<ConditionalFormatState, "rects"> & { address: string }> {
    return [...this.state.conditionalFormats]
      .sort((a, b) => a.priority - b.priority)
      .map(({ rects, ...rest }) => ({ ...rest, address: rects.map(formatRect).join(",") }));
  }
  get pageLayout(): PageLayoutState {
    return this.state.pageLayout;
  }
  get freeze(): { rows: number; columns: number } {
    return this.state.freeze;
  }
  get visibility(): string {
    return this.state.visibility;
  }
  get protected(): boolean {
    return this.state.protected;
  }
  /** Used range ("A1:J30") of cells with values, or null. */
  usedAddress(valuesOnly = true): string | null {
    const r = usedRect(this.state, valuesOnly);
    return r ? formatRect(r) : null;
  }
  /** Puts values straight into the workbook, as a file opened with them would have: no events, no sync. */
  seed(address: string, values: Scalar[][]): void {
    const r = parseRect(address);
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === "") return;
        const c = ensureCell(this.state, r.top + i, r.left + j);
        c.value = v;
        c.formula = null;
      }),
    );
  }
  /** A deep, JSON-comparable copy for "unchanged" assertions. */
  snapshot(): string {
    return JSON.stringify(sheetSnapshot(this.state));
  }
}

export interface UserEditOptions {
  /** "Remote" for a co-author's edit. */
  source?: "Local" | "Remote";
}

export class FakeExcel {
  readonly config: HostConfig;
  readonly state: WorkbookState;
  readonly settings = new Map<string, unknown>();
  readonly displayLanguage: string;
  syncCount = 0;
  simulatedMs = 0;
  /** Workbook writes the add-in's syncs applied (set properties, add/delete/insert…; not loads, lookups or selection). */
  writeCount = 0;
  /** Bytes of every response so far (loaded values, UTF-8 JSON), and of the largest single one. */
  responseBytes = 0;
  largestResponse = 0;
  /** Operations (reads and writes) the add-in's syncs ran, in order; failAtOperation counts the same way. */
  operationCount = 0;
  /**
   * Excel's undo stack, newest last: one entry per user action, and one per add-in sync that wrote (ExcelApi
   * 1.19 and later). Below 1.19 an add-in write clears the stack (OFFICE-NOTES "Undo": #3788, #3778, #6170).
   */
  readonly undoStack: Array<{ by: "user" | "addin"; what: string }> = [];
  /** Errors thrown by event handlers (Office would only log them). */
  readonly handlerErrors: unknown[] = [];
  private failure: Error | null = null;
  private failureSkip = 0;
  private opFailure: { at: number; error: Error } | null = null;
  private registrations: Registration[] = [];
  private nextRegistration = 1;
  private addinEvents = true;
  private pendingHandlers = 0;
  private readonly coalesceMs: number;
  private coalesced = new Map<string, { rect: Rect; count: number; source: "Local" | "Remote"; first: ChangeRecord }>();
  private coalesceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly core: HostCore;
  readonly user: FakeUser;

  constructor(options: FakeExcelOptions = {}) {
    this.config = {
      apiVersion: options.apiVersion ?? "1.17",
      platform: options.platform ?? "desktop",
      latencyMs: options.latencyMs ?? 0,
      realDelay: options.realDelay ?? false,
      payloadLimit: options.payloadLimit === undefined ? 5 * 1024 * 1024 : options.payloadLimit,
    };
    this.displayLanguage = options.displayLanguage ?? "zh-CN";
    this.coalesceMs = options.coalesceEventsMs ?? 0;
    this.state = { sheets: [], names: [], activeSheetId: "", selection: { sheetId: "", rect: { top: 0, left: 0, bottom: 0, right: 0 } }, nextSheetId: 1, nextRuleId: 1 };
    for (const name of options.sheets ?? ["Sheet1"]) this.state.sheets.push(newSheet(this.state, name));
    const first = this.state.sheets[0];
    if (!first) throw new Error("a workbook needs a sheet");
    this.state.activeSheetId = first.id;
    this.state.selection.sheetId = first.id;
    this.core = this.makeCore();
    this.user = new FakeUser(this);
  }

  private makeCore(): HostCore {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    return {
      config: this.config,
      state: this.state,
      supports: (v) => versionAtLeast(this.config.apiVersion, v),
      async beginSync() {
        fake.syncCount++;
        fake.simulatedMs += fake.config.latencyMs;
        if (fake.config.realDelay && fake.config.latencyMs > 0) await new Promise((r) => setTimeout(r, fake.config.latencyMs));
        else await Promise.resolve();
      },
      takeFailure: () => {
        if (this.failure && this.failureSkip > 0) {
          this.failureSkip--;
          return null;
        }
        const f = this.failure;
        this.failure = null;
        return f;
      },
      beforeOperation: (op) => {
        const n = this.operationCount++;
        if (this.opFailure && n >= this.opFailure.at) {
          const e = this.opFailure.error;
          this.opFailure = null;
          throw e;
        }
        void op;
      },
      responded: (bytes) => {
        this.responseBytes += bytes;
        this.largestResponse = Math.max(this.largestResponse, bytes);
      },
      applied: (writes) => {
        this.writeCount += writes;
        if (versionAtLeast(this.config.apiVersion, "1.19")) this.undoStack.push({ by: "addin", what: `${writes} writes` });
        else this.undoStack.length = 0;
      },
      register: (reg) => {
        const r: Registration = { ...reg, id: this.nextRegistration++, active: true };
        this.registrations.push(r);
        return r;
      },
      emitChanges: (changes, trigger) => changes.forEach((c) => this.emitChange(c, "Local", trigger)),
      emitActivated: (sheetId) => this.emitActivated(sheetId),
      setEventsEnabled: (on) => void (this.addinEvents = on),
      eventsEnabled: () => this.addinEvents,
    };
  }

  sheet(name: string): SheetView {
    return new SheetView(this, name);
  }

  get activeSheet(): SheetView {
    const s = this.state.sheets.find((x) => x.id === this.state.activeSheetId) as SheetState;
    return this.sheet(s.name);
  }

  /** Adds a sheet directly (test setup, no sync). */
  addSheet(name: string): SheetView {
    this.state.sheets.push(newSheet(this.state, name));
    return this.sheet(name);
  }

  /**
   * Like Excel.run: a fresh RequestContext, the batch, then a sync of anything left queued. Also
   * `run(context, batch)` and `run(objectWithContext, batch)`: the batch reuses that context, the documented way
   * to remove an event handler with the context it was added in (docs: excel-add-ins-events.md, "Remove an
   * event handler"; @types/office-js `Excel.run(context: OfficeExtension.ClientRequestContext, batch)`).
   */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(object: { context: unknown }, batch: Batch<T>): Promise<T>;
  run<T>(context: Excel.RequestContext | FakeRequestContext, batch: Batch<T>): Promise<T>;
  async run<T>(a: Batch<T> | { context: unknown } | Excel.RequestContext | FakeRequestContext, b?: Batch<T>): Promise<T> {
    const batch = typeof a === "function" ? a : b;
    if (!batch) throw officeError("InvalidArgument", "Excel.run");
    let ctx: FakeRequestContext;
    if (typeof a === "function") ctx = new FakeRequestContext(this.core, (c) => strict(new FakeWorkbook(c), "Workbook"));
    else {
      const c = a instanceof FakeRequestContext ? a : (a as { context: unknown }).context;
      if (!(c instanceof FakeRequestContext)) throw officeError("InvalidArgument", "Excel.run", "Not an object of this fake.");
      ctx = c;
      ctx._closed = false;
    }
    try {
      // The one cast between the fake and the Office.js types.
      const pending = batch(ctx as unknown as Excel.RequestContext) as unknown;
      if (!(pending instanceof Promise)) throw new FakeOfficeError("RunMustReturnPromise", "The batch function passed to Excel.run must return a promise.");
      const result = await pending;
      if (ctx._queue.length > 0) await ctx.sync();
      return result as T;
    } finally {
      ctx._closed = true;
    }
  }

  /**
   * The next sync fails with this error before anything is applied (a host or network failure). With
   * `skip`, that many syncs succeed first (skip 1: an operation's read passes and its write fails).
   */
  failNextSync(error: Error | { code: FakeErrorCode | string; message?: string }, skip = 0): void {
    this.failure = error instanceof Error ? error : new FakeOfficeError(error.code, error.message);
    this.failureSkip = skip;
  }

  /**
   * The operation with this index (0-based, counted over every sync from now on, reads included) fails with
   * `error` (default: AccessDenied, like a protected range); the operations before it in its sync stay applied,
   * as in Excel, where a batch is not a transaction.
   */
  failAtOperation(index: number, error: Error | { code: FakeErrorCode | string; message?: string } = { code: "AccessDenied" }): void {
    this.operationCount = 0;
    this.opFailure = { at: index, error: error instanceof Error ? error : new FakeOfficeError(error.code, error.message) };
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.simulatedMs = 0;
    this.writeCount = 0;
    this.operationCount = 0;
    this.responseBytes = 0;
    this.largestResponse = 0;
  }

  /** Waits until every event handler call queued so far (and the syncs it awaits) has finished. */
  async flushEvents(): Promise<void> {
    for (let i = 0; i < 100000 && this.pendingHandlers > 0; i++) await Promise.resolve();
    if (this.pendingHandlers > 0) throw new Error("event handlers did not settle (are they waiting for a timer?)");
  }

  get activeRegistrations(): number {
    return this.registrations.filter((r) => r.active).length;
  }

  emitChange(change: ChangeRecord, source: "Local" | "Remote", trigger: "ThisLocalAddin" | "Unknown"): void {
    if (!this.addinEvents) return; // runtime.enableEvents = false (1.8)
    if (this.coalesceMs > 0 && trigger === "Unknown") {
      this.coalesce(change, source);
      return;
    }
    this.deliverChange(change, source, trigger);
  }

  private deliverChange(change: ChangeRecord, source: "Local" | "Remote", trigger: "ThisLocalAddin" | "Unknown"): void {
    if (!this.addinEvents) return;
    const sheet = this.state.sheets.find((s) => s.id === change.sheetId);
    if (!sheet) return;
    const address = formatRect(change.rect);
    for (const reg of this.registrations) {
      if (!reg.active) continue;
      const match = (reg.kind === "worksheetChanged" && reg.sheetId === change.sheetId) || reg.kind === "worksheetsChanged";
      if (!match) continue;
      const args: ChangedArgs = {
        type: "WorksheetChanged",
        address,
        changeType: change.changeType,
        source,
        worksheetId: change.sheetId,
        // triggerSource: ExcelApi 1.14; details: 1.9 and single cells only (@types/office-js WorksheetChangedEventArgs).
        ...(versionAtLeast(this.config.apiVersion, "1.14") ? { triggerSource: trigger } : {}),
        ...(change.details && versionAtLeast(this.config.apiVersion, "1.9") ? { details: change.details } : {}),
        getRange: (ctx) => rangeFor(ctx, change.sheetId, address),
        getRangeOrNullObject: (ctx) => rangeFor(ctx, change.sheetId, address),
      };
      this.deliver(reg, args);
    }
  }

  /** A user's change held back, folded with the others on its sheet until the delay has passed. */
  private coalesce(change: ChangeRecord, source: "Local" | "Remote"): void {
    const held = this.coalesced.get(change.sheetId);
    if (held) {
      const r = held.rect;
      held.rect = { top: Math.min(r.top, change.rect.top), left: Math.min(r.left, change.rect.left), bottom: Math.max(r.bottom, change.rect.bottom), right: Math.max(r.right, change.rect.right) };
      held.count++;
    } else this.coalesced.set(change.sheetId, { rect: change.rect, count: 1, source, first: change });
    this.coalesceTimer ??= setTimeout(() => {
      this.coalesceTimer = null;
      const all = [...this.coalesced.values()];
      this.coalesced.clear();
      for (const h of all) {
        const one = h.count === 1 ? h.first : { sheetId: h.first.sheetId, rect: h.rect, changeType: "RangeEdited" as const };
        this.deliverChange(one, h.source, "Unknown");
      }
    }, this.coalesceMs);
  }

  emitSelection(sheet: SheetState, rect: Rect): void {
    if (!this.addinEvents) return;
    for (const reg of this.registrations) {
      if (!reg.active) continue;
      const match = (reg.kind === "selectionChanged" && reg.sheetId === sheet.id) || reg.kind === "worksheetsSelectionChanged";
      if (!match) continue;
      const args: SelectionChangedArgs = { type: "WorksheetSelectionChanged", address: formatRect(rect), worksheetId: sheet.id };
      this.deliver(reg, args);
    }
  }

  /** onActivated of the sheet and of the worksheet collection (1.7). */
  emitActivated(sheetId: string): void {
    if (!this.addinEvents) return;
    for (const reg of this.registrations) {
      if (!reg.active) continue;
      const match = (reg.kind === "worksheetActivated" && reg.sheetId === sheetId) || reg.kind === "worksheetsActivated";
      if (!match) continue;
      const args: ActivatedArgs = { type: "WorksheetActivated", worksheetId: sheetId };
      this.deliver(reg, args);
    }
  }

  /** Handlers run asynchronously, after the edit that raised the event. */
  private deliver(reg: Registration, args: unknown): void {
    this.pendingHandlers++;
    void Promise.resolve()
      .then(() => reg.handler(args))
      .catch((e: unknown) => void this.handlerErrors.push(e))
      .finally(() => void this.pendingHandlers--);
  }

  /** Sets Excel, Office and OfficeExtension on `target` (globalThis or a browser window); returns an uninstall function. */
  install(target: object = globalThis): () => void {
    const t = target as Record<string, unknown>;
    const before = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
    t.Excel = { run: this.run.bind(this), ...EXCEL_ENUMS };
    t.Office = this.officeNamespace();
    t.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: ERROR_CODES };
    return () => {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete t[k];
        else t[k] = v;
      }
    };
  }

  private officeNamespace(): unknown {
    const platform = this.config.platform === "web" ? "OfficeOnline" : "PC";
    const settings = this.settings;
    return {
      HostType: { Excel: "Excel" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: "Excel", platform };
        if (cb) cb(info);
        return Promise.resolve(info);
      },
      context: {
        host: "Excel",
        platform,
        displayLanguage: this.displayLanguage,
        contentLanguage: this.displayLanguage,
        diagnostics: { host: "Excel", platform, version: "16.0" },
        requirements: {
          /** Office.context.requirements.isSetSupported(name, "1.x"): the version is a string. */
          isSetSupported: (name: string, version?: string | number) => {
            if (name !== "ExcelApi") return false;
            if (version === undefined) return true;
            return versionAtLeast(this.config.apiVersion, String(version));
          },
        },
        document: {
          settings: {
            get: (name: string) => (settings.has(name) ? settings.get(name) : null),
            set: (name: string, value: unknown) => void settings.set(name, JSON.parse(JSON.stringify(value)) as unknown),
            remove: (name: string) => void settings.delete(name),
            saveAsync: (a?: unknown, b?: unknown) => {
              const cb = (typeof a === "function" ? a : b) as ((r: { status: string }) => void) | undefined;
              void Promise.resolve().then(() => cb?.({ status: "succeeded" }));
            },
          },
        },
      },
    };
  }
}

function rangeFor(ctx: Excel.RequestContext, sheetId: string, address: string): Excel.Range {
  return ctx.workbook.worksheets.getItem(sheetId).getRange(address);
}

/** Simulates what a person does in Excel; every method raises the events Excel would. */
export class FakeUser {
  constructor(private readonly fake: FakeExcel) {}

  private sheet(name: string): SheetState {
    return this.fake.sheet(name).state;
  }

  private guard(s: SheetState, address?: string): void {
    if (!s.protected) return;
    // On a protected sheet a person may still type into the cells left unlocked.
    const r = address ? parseRect(address) : null;
    if (r && (s.unlocked ?? []).some((u) => u.top <= r.top && r.bottom <= u.bottom && u.left <= r.left && r.right <= u.right)) return;
    throw new Error(`the sheet ${s.name} is protected: Excel would refuse the edit`);
  }

  /**
   * Types into cells (one value, or a block for each cell typed one after another): Excel converts the text as
   * it does for typing, refuses a value outside a literal dropdown list with a Stop alert, and raises one
   * onChanged per cell.
   */
  edit(sheetName: string, address: string, value: Scalar | Scalar[][], options: UserEditOptions = {}): void {
    const s = this.sheet(sheetName);
    this.guard(s, address);
    const r = parseRect(address);
    const block = Array.isArray(value) ? value : [[value]];
    block.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = r.top + i;
        const col = r.left + j;
        const dv = validationAt(s, row, col);
        const list = dv?.rule?.list?.source;
        if (list && !list.startsWith("=") && dv.errorAlert.showAlert && dv.errorAlert.style === "Stop" && v !== "") {
          const allowed = list.split(",").map((x) => x.trim());
          if (!allowed.includes(String(v))) throw new Error(`Excel refuses "${String(v)}" in ${sheetName}!${formatRect({ top: row, left: col, bottom: row, right: col })}: not in the list`);
        }
        this.setCell(s, row, col, v, options.source ?? "Local", true);
        if ((options.source ?? "Local") === "Local") this.undoable(`edit ${sheetName}!${formatRect({ top: row, left: col, bottom: row, right: col })}`);
      }),
    );
  }

  /** Pastes a block: no validation (docs: a paste bypasses data validation), one onChanged for the block. */
  paste(sheetName: string, address: string, values: Scalar[][], options: UserEditOptions = {}): void {
    const s = this.sheet(sheetName);
    const r = parseRect(address);
    this.guard(s, formatRect({ top: r.top, left: r.left, bottom: r.top + values.length - 1, right: r.left + Math.max(1, ...values.map((l) => l.length)) - 1 }));
    const rect = { top: r.top, left: r.left, bottom: r.top + values.length - 1, right: r.left + Math.max(1, ...values.map((l) => l.length)) - 1 };
    values.forEach((line, i) => line.forEach((v, j) => this.write(s, r.top + i, r.left + j, v)));
    if ((options.source ?? "Local") === "Local") this.undoable(`paste ${sheetName}!${formatRect(rect)}`);
    this.fake.emitChange({ sheetId: s.id, rect, changeType: "RangeEdited" }, options.source ?? "Local", "Unknown");
  }

  /** Clears cells (Delete key): one onChanged. */
  clear(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    this.guard(s, address);
    const r = parseRect(address);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) this.write(s, row, col, "");
    this.undoable(`clear ${sheetName}!${address}`);
    this.fake.emitChange({ sheetId: s.id, rect: r, changeType: "RangeEdited" }, "Local", "Unknown");
  }

  /** Clicks a cell; on another sheet that first activates the sheet (clicking its tab), raising onActivated. */
  select(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    const r = parseRect(address);
    if (this.fake.state.activeSheetId !== s.id) this.activate(sheetName);
    this.fake.state.selection = { sheetId: s.id, rect: r };
    this.fake.emitSelection(s, r);
  }

  /**
   * Clicks a sheet's tab: the sheet becomes the active one and onActivated fires (worksheet and collection,
   * ExcelApi 1.7). Nothing happens when it is active already; a hidden sheet cannot be activated. The fake
   * puts the selection at A1 (Excel would restore the sheet's last selection) and raises no selection event.
   */
  activate(sheetName: string): void {
    const s = this.sheet(sheetName);
    if (s.visibility !== "Visible") throw new Error(`the sheet ${s.name} is hidden: its tab cannot be clicked`);
    if (this.fake.state.activeSheetId === s.id) return;
    this.fake.state.activeSheetId = s.id;
    this.fake.state.selection = { sheetId: s.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    this.fake.emitActivated(s.id);
  }

  /**
   * Picks `value` from the cell's validation dropdown, then the selection moves to `thenSelect` (default: stays).
   * On Excel on the web no onChanged is raised for a pick (OfficeDev/office-js #3888, #4066), only the
   * selection event; elsewhere onChanged fires as for typing.
   */
  pickFromDropdown(sheetName: string, address: string, value: string, thenSelect?: string): void {
    const s = this.sheet(sheetName);
    this.guard(s, address);
    const r = parseRect(address);
    const dv = validationAt(s, r.top, r.left);
    if (!dv?.rule?.list || !dv.rule.list.inCellDropDown) throw new Error(`${sheetName}!${address} has no dropdown`);
    // A dropdown's arrow shows on the selected cell only: the user clicks the cell first.
    const sel = this.fake.state.selection;
    if (sel.sheetId !== s.id || sel.rect.top !== r.top || sel.rect.left !== r.left || sel.rect.bottom !== r.top || sel.rect.right !== r.left) {
      this.select(sheetName, formatRect({ top: r.top, left: r.left, bottom: r.top, right: r.left }));
    }
    this.setCell(s, r.top, r.left, value, "Local", this.fake.config.platform !== "web");
    this.undoable(`pick ${sheetName}!${address}`);
    const next = thenSelect ? parseRect(thenSelect) : r;
    this.fake.state.selection = { sheetId: s.id, rect: next };
    this.fake.emitSelection(s, next);
  }

  /** Inserts entire rows ("8:9") the way Home › Insert does: one onChanged with changeType RowInserted. */
  insertRows(sheetName: string, rowsAddress: string): void {
    const s = this.sheet(sheetName);
    this.guard(s);
    const r = parseRect(rowsAddress);
    insertRows(this.fake.state, s, r.top, r.bottom - r.top + 1);
    this.undoable(`insert rows ${sheetName}!${rowsAddress}`);
    this.fake.emitChange({ sheetId: s.id, rect: { ...r, left: 0, right: 16383 }, changeType: "RowInserted" }, "Local", "Unknown");
  }

  /** A user action is one step on Excel's undo stack. */
  private undoable(what: string): void {
    this.fake.undoStack.push({ by: "user", what });
  }

  private write(s: SheetState, row: number, col: number, v: Scalar): { before: Scalar; after: Scalar } {
    const c = ensureCell(s, row, col);
    const before = c.value;
    const got = interpretInput(v, c.numberFormat);
    c.value = got.value;
    c.formula = got.formula;
    if (got.numberFormat) c.numberFormat = got.numberFormat;
    return { before, after: c.value };
  }

  private setCell(s: SheetState, row: number, col: number, v: Scalar, source: "Local" | "Remote", raise: boolean): void {
    const { before, after } = this.write(s, row, col, v);
    if (!raise) return;
    const t = (x: Scalar) => (x === "" ? "Empty" : typeof x === "number" ? "Double" : typeof x === "boolean" ? "Boolean" : "String");
    this.fake.emitChange(
      {
        sheetId: s.id,
        rect: { top: row, left: col, bottom: row, right: col },
        changeType: "RangeEdited",
        details: { valueBefore: before, valueAfter: after, valueTypeBefore: t(before), valueTypeAfter: t(after) },
      },
      source,
      "Unknown",
    );
  }
}

export function createFakeExcel(options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(options);
}

/** Protects the workbook's structure (test setup): adding, copying, deleting, renaming sheets fails with AccessDenied. */
export function protectStructure(fake: FakeExcel, on = true): void {
  fake.state.structureProtected = on;
}

/**
 * Marks a sheet protected (test setup): every add-in write to it fails with AccessDenied at sync. `unlocked`
 * cells ("B7:J40") stay open to the user's typing, as cells unlocked before protecting the sheet are.
 */
export function protectSheet(fake: FakeExcel, name: string, unlocked: readonly string[] = []): void {
  const s = fake.sheet(name).state;
  s.protected = true;
  s.unlocked = unlocked.map((a) => parseRect(a));
}

export const ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
} as const;

/** The Excel enums the add-in uses, with the values of @types/office-js. */
export const EXCEL_ENUMS = {
  ErrorCodes: ERROR_CODES,
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  WorksheetPositionType: { none: "None", before: "Before", after: "After", beginning: "Beginning", end: "End" },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
  EventType: { worksheetChanged: "WorksheetChanged", worksheetSelectionChanged: "WorksheetSelectionChanged", worksheetActivated: "WorksheetActivated" },
  DataChangeType: {
    unknown: "Unknown",
    rangeEdited: "RangeEdited",
    rowInserted: "RowInserted",
    rowDeleted: "RowDeleted",
    columnInserted: "ColumnInserted",
    columnDeleted: "ColumnDeleted",
    cellInserted: "CellInserted",
    cellDeleted: "CellDeleted",
  },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
    diagonalDown: "DiagonalDown",
    diagonalUp: "DiagonalUp",
  },
  BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", dashDot: "DashDot", dashDotDot: "DashDotDot", dot: "Dot", double: "Double", slantDashDot: "SlantDashDot" },
  BorderWeight: { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  InsertShiftDirection: { down: "Down", right: "Right" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  PaperType: { letter: "Letter", a3: "A3", a4: "A4", a5: "A5" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  DataValidationType: { none: "None", list: "List", custom: "Custom", inconsistent: "Inconsistent", mixedCriteria: "MixedCriteria" },
  RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error" },
} as const;

// Re-exported for tests that need to build addresses.
export { splitSheet, intersects, makeRange };
