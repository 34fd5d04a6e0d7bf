// Proxy objects of the Excel API subset the add-in uses. Each public member mirrors the Excel type of the same
// name in @types/office-js; the [Api set] of each is checked at sync against the fake's apiVersion.

import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  absoluteAddress,
  cols as colCount,
  contains,
  formatAddress,
  formatRect,
  intersects,
  parseRect,
  rectOf,
  rows as rowCount,
  splitSheet,
  subtract,
} from "./address";
import {
  ClientObject,
  FakeEventHandlers,
  FakeRequestContext,
  LoadSpec,
  PropSpec,
  loadPaths,
  notModelled,
  payloadOf,
  strict,
} from "./client";
import { officeError } from "./errors";
import {
  BorderState,
  CellFormat,
  CellState,
  ConditionalFormatState,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  Scalar,
  SheetState,
  ValidationRuleState,
  WorkbookState,
  cellAt,
  clearValidation,
  cloneSheet,
  displayText,
  ensureCell,
  forEachCell,
  insertRows,
  interpretInput,
  isBlank,
  key,
  mergeAt,
  newSheet,
  usedRect,
  validationAt,
  validationFor,
  validationMixed,
} from "./state";

type Resolver<T> = (ctx: FakeRequestContext) => T | null;

const st = (ctx: FakeRequestContext): WorkbookState => ctx._host.state;

function alive(ctx: FakeRequestContext, sheet: SheetState, what: string): SheetState {
  if (!st(ctx).sheets.includes(sheet)) throw officeError("ItemNotFound", what, "The worksheet no longer exists.");
  return sheet;
}

/** A change to the workbook's structure (sheets added, copied, deleted, renamed, moved, hidden). */
function guardStructure(ctx: FakeRequestContext, what: string): void {
  if (st(ctx).structureProtected) {
    throw officeError("AccessDenied", what, "The workbook's structure is protected: sheets cannot be added, moved, renamed or deleted.");
  }
}

function guardProtected(sheet: SheetState, what: string): void {
  if (sheet.protected) {
    throw officeError("AccessDenied", what, `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
  }
}

/** Value shared by every cell, or null when they differ (docs: Range properties on multi-cell ranges). */
function common<T>(r: Rect, read: (row: number, col: number) => T): T | null {
  let first: T | undefined;
  let same = true;
  forEachCell(r, (row, col) => {
    if (!same) return;
    const v = read(row, col);
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first ?? null) : null;
}

function matrix<T>(r: Rect, read: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(read(row, col));
    out.push(line);
  }
  return out;
}

function checkDims(r: Rect, value: unknown, what: string): (row: number, col: number) => unknown {
  if (!Array.isArray(value)) return () => value; // one value for every cell
  if (value.length !== rowCount(r) || value.some((line) => !Array.isArray(line) || line.length !== colCount(r))) {
    throw officeError(
      "InvalidArgument",
      what,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rowCount(r)}×${colCount(r)}).`,
    );
  }
  return (row, col) => (value[row - r.top] as unknown[])[col - r.left];
}

function valueType(c: CellState | undefined): string {
  if (!c || c.value === "") return "Empty";
  if (typeof c.value === "number") return "Double";
  if (typeof c.value === "boolean") return "Boolean";
  return /^#[A-Z/0!?]+[!?A]?$/.test(c.value) && c.formula ? "Error" : "String";
}

// ====================================================================================================
// Workbook

export class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Workbook");
    this._null = false;
    this.worksheets = strict(new FakeWorksheetCollection(ctx), "WorksheetCollection");
    this.names = strict(new FakeNamedItemCollection(ctx), "NamedItemCollection");
  }
  get application(): unknown {
    return this._ctx.application;
  }
  _props(): Record<string, PropSpec> {
    return {};
  }
  override _navs(): Record<string, () => ClientObject> {
    return { protection: () => this.protection };
  }
  /** Workbook.protection (ExcelApi 1.7): whether the structure is protected. */
  get protection(): FakeWorkbookProtection {
    return this._child("protection", () => strict(new FakeWorkbookProtection(this._ctx), "WorkbookProtection"));
  }
  getSelectedRange(): FakeRange {
    return makeRange(this._ctx, "Workbook.getSelectedRange", (ctx) => {
      const sel = st(ctx).selection;
      const sheet = st(ctx).sheets.find((s) => s.id === sel.sheetId) ?? (st(ctx).sheets[0] as SheetState);
      return { sheet, rect: sel.rect };
    });
  }
  getActiveCell(): FakeRange {
    return makeRange(this._ctx, "Workbook.getActiveCell", (ctx) => {
      const sel = st(ctx).selection;
      const sheet = st(ctx).sheets.find((s) => s.id === sel.sheetId) ?? (st(ctx).sheets[0] as SheetState);
      return { sheet, rect: { top: sel.rect.top, left: sel.rect.left, bottom: sel.rect.top, right: sel.rect.left } };
    }, "1.7");
  }
}

export class FakeClientResult<T> {
  _value: T | undefined;
  _done = false;
  get value(): T {
    if (!this._done) throw officeError("ValueNotLoaded", "ClientResult.value");
    return this._value as T;
  }
}

/** Shared by the collections: `items` is readable after load() and sync(). */
abstract class FakeCollection<T extends ClientObject> extends ClientObject {
  _items: T[] | undefined;
  get items(): T[] {
    if (!this._items) throw officeError("PropertyNotLoaded", `${this._type}.items`);
    return this._items;
  }
  _props(): Record<string, PropSpec> {
    return {};
  }
  abstract _list(ctx: FakeRequestContext): T[];
  override load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    const itemPaths = paths === null ? undefined : paths.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items");
    this._ctx._enqueue({
      what: `${this._type}.load`,
      payload: 40,
      run: (ctx) => {
        const items = this._list(ctx);
        for (const item of items) {
          item._null = false;
          const before = ctx._queue.length;
          item.load(itemPaths && itemPaths.length > 0 ? itemPaths : undefined);
          // the item loads were queued behind this op: run them now, inside this sync
          const queued = ctx._queue.splice(before);
          queued.forEach((op) => op.run(ctx));
        }
        this._bindLoadedItems(items, itemPaths);
        ctx._staged.push(() => (this._items = items));
      },
    });
    return this;
  }
  /** How loaded items are addressed in later batches; by default by their key, as Office.js does when the key is known. */
  _bindLoadedItems(_items: T[], _itemPaths: string[] | undefined): void {}
  _count(what: string, since: string): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._ctx._enqueue({
      what,
      since,
      payload: 40,
      run: (ctx) => {
        const n = this._list(ctx).length;
        ctx._staged.push(() => {
          result._value = n;
          result._done = true;
        });
      },
    });
    return result;
  }
}

// ====================================================================================================
// Worksheets

export class FakeWorkbookProtection extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorkbookProtection");
    this._null = false;
  }
  _props(): Record<string, PropSpec> {
    return { protected: { get: () => st(this._ctx).structureProtected === true, since: "1.7" } };
  }
  get protected(): boolean {
    return this._read("protected");
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorksheetCollection");
    this._null = false;
  }
  /** WorksheetCollection.onChanged (1.9): every sheet's changes; the args name the sheet (worksheetId). */
  get onChanged(): FakeEventHandlers {
    return this._child("onChanged", () => strict(new FakeEventHandlers(this, "worksheetsChanged", () => null, "1.9"), "EventHandlers"));
  }
  /** WorksheetCollection.onSelectionChanged (1.9): selection changes on any sheet. */
  get onSelectionChanged(): FakeEventHandlers {
    return this._child("onSelectionChanged", () => strict(new FakeEventHandlers(this, "worksheetsSelectionChanged", () => null, "1.9"), "EventHandlers"));
  }
  /** WorksheetCollection.onActivated (1.7): args { type: "WorksheetActivated", worksheetId }. */
  get onActivated(): FakeEventHandlers {
    return this._child("onActivated", () => strict(new FakeEventHandlers(this, "worksheetsActivated", () => null, "1.7"), "EventHandlers"));
  }
  _list(ctx: FakeRequestContext): FakeWorksheet[] {
    return st(ctx).sheets.map((s) => boundSheet(ctx, s));
  }
  getItem(key: string): FakeWorksheet {
    return makeSheet(this._ctx, "WorksheetCollection.getItem", (ctx) => {
      const found = findSheet(st(ctx), key);
      if (!found) throw officeError("ItemNotFound", "WorksheetCollection.getItem", `The worksheet "${key}" doesn't exist.`);
      return found;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return makeSheet(this._ctx, "WorksheetCollection.getItemOrNullObject", (ctx) => findSheet(st(ctx), key) ?? null, "1.4");
  }
  getActiveWorksheet(): FakeWorksheet {
    return makeSheet(this._ctx, "WorksheetCollection.getActiveWorksheet", (ctx) => findSheet(st(ctx), st(ctx).activeSheetId) ?? null);
  }
  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    if (visibleOnly) notModelled("WorksheetCollection.getCount(true)");
    return this._count("WorksheetCollection.getCount", "1.4");
  }
  add(name?: string): FakeWorksheet {
    return makeSheet(this._ctx, "WorksheetCollection.add", (ctx) => {
      guardStructure(ctx, "WorksheetCollection.add");
      const state = st(ctx);
      let n = state.sheets.length + 1;
      let finalName = name;
      if (finalName === undefined) {
        while (findSheet(state, `Sheet${n}`)) n++;
        finalName = `Sheet${n}`;
      }
      checkSheetName(state, finalName, null, "WorksheetCollection.add");
      const sheet = newSheet(state, finalName);
      state.sheets.push(sheet);
      return sheet;
    });
  }
}

function findSheet(state: WorkbookState, keyOrName: string): SheetState | undefined {
  const k = keyOrName.toLowerCase();
  return state.sheets.find((s) => s.id === keyOrName || s.name.toLowerCase() === k);
}

function checkSheetName(state: WorkbookState, name: string, self: SheetState | null, what: string): void {
  // Excel: 1–31 characters, none of : \ / ? * [ ], not beginning or ending with an apostrophe, unique ignoring case.
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError("InvalidArgument", what, `"${name}" is not a valid worksheet name.`);
  }
  const other = findSheet(state, name);
  if (other && other !== self && other.name.toLowerCase() === name.toLowerCase()) {
    throw officeError("ItemAlreadyExists", what, `A worksheet named "${name}" already exists.`);
  }
}

function makeSheet(ctx: FakeRequestContext, what: string, resolve: Resolver<SheetState>, since?: string): FakeWorksheet {
  const ws = strict(new FakeWorksheet(ctx), "Worksheet");
  ctx._enqueue({
    what,
    payload: 60,
    ...(since ? { since } : {}),
    write: what === "WorksheetCollection.add" || what === "Worksheet.copy",
    run: (c) => {
      const s = resolve(c);
      ws._sheet = s;
      ws._null = s === null;
    },
  });
  return ws;
}

function boundSheet(ctx: FakeRequestContext, s: SheetState): FakeWorksheet {
  const ws = strict(new FakeWorksheet(ctx), "Worksheet");
  ws._sheet = s;
  ws._null = false;
  return ws;
}

function visibleSheets(state: WorkbookState): SheetState[] {
  return state.sheets.filter((s) => s.visibility === "Visible");
}

export class FakeWorksheet extends ClientObject {
  _sheet: SheetState | null | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Worksheet");
  }
  _s(ctx: FakeRequestContext): SheetState {
    if (!this._sheet) throw officeError("ItemNotFound", "Worksheet");
    return alive(ctx, this._sheet, "Worksheet");
  }
  _props(): Record<string, PropSpec> {
    const s = () => this._s(this._ctx);
    return {
      name: { get: () => s().name },
      id: { get: () => s().id },
      position: { get: () => st(this._ctx).sheets.indexOf(s()) },
      visibility: { get: () => s().visibility },
    };
  }
  override _navs(): Record<string, () => ClientObject> {
    return { protection: () => this.protection, pageLayout: () => this.pageLayout };
  }

  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._write("name", v, (ctx) => {
      const s = this._s(ctx);
      if (s.name !== v) guardStructure(ctx, "Worksheet.name");
      checkSheetName(st(ctx), v, s, "Worksheet.name");
      s.name = v;
    });
  }
  get id(): string {
    return this._read("id");
  }
  get position(): number {
    return this._read("position");
  }
  set position(p: number) {
    this._write("position", p, (ctx) => {
      const s = this._s(ctx);
      guardStructure(ctx, "Worksheet.position");
      const list = st(ctx).sheets;
      if (p < 0 || p >= list.length) throw officeError("InvalidArgument", "Worksheet.position");
      list.splice(list.indexOf(s), 1);
      list.splice(p, 0, s);
    });
  }
  get visibility(): string {
    return this._read("visibility");
  }
  set visibility(v: string) {
    this._write(
      "visibility",
      v,
      (ctx) => {
        const s = this._s(ctx);
        if (s.visibility !== v) guardStructure(ctx, "Worksheet.visibility");
        if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw officeError("InvalidArgument", "Worksheet.visibility");
        const state = st(ctx);
        if (v !== "Visible" && s.visibility === "Visible" && visibleSheets(state).length === 1) {
          throw officeError("InvalidOperation", "Worksheet.visibility", "A workbook must contain at least one visible worksheet.");
        }
        s.visibility = v;
        if (v !== "Visible" && state.activeSheetId === s.id) activateNext(ctx, state);
      },
      "1.2",
    );
  }
  get protection(): FakeWorksheetProtection {
    return this._child("protection", () => strict(new FakeWorksheetProtection(this), "WorksheetProtection"));
  }
  get freezePanes(): FakeWorksheetFreezePanes {
    return this._child("freezePanes", () => strict(new FakeWorksheetFreezePanes(this), "WorksheetFreezePanes"));
  }
  get pageLayout(): FakePageLayout {
    return this._child("pageLayout", () => strict(new FakePageLayout(this), "PageLayout"));
  }
  get onChanged(): FakeEventHandlers {
    return this._child("onChanged", () => strict(new FakeEventHandlers(this, "worksheetChanged", () => this._s(this._ctx).id, "1.7"), "EventHandlers"));
  }
  get onSelectionChanged(): FakeEventHandlers {
    return this._child("onSelectionChanged", () => strict(new FakeEventHandlers(this, "selectionChanged", () => this._s(this._ctx).id, "1.7"), "EventHandlers"));
  }
  /** Worksheet.onActivated (1.7): this sheet became the active one. */
  get onActivated(): FakeEventHandlers {
    return this._child("onActivated", () => strict(new FakeEventHandlers(this, "worksheetActivated", () => this._s(this._ctx).id, "1.7"), "EventHandlers"));
  }

  getRange(address?: string): FakeRange {
    const local = address === undefined ? null : splitSheet(address);
    return makeRange(this._ctx, "Worksheet.getRange", (ctx) => {
      const sheet = this._s(ctx);
      if (local?.sheet && local.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw officeError("InvalidArgument", "Worksheet.getRange", "The address names another worksheet.");
      }
      return { sheet, rect: local ? parseRect(local.local) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return makeRange(this._ctx, "Worksheet.getRangeByIndexes", (ctx) => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw officeError("InvalidArgument", "Worksheet.getRangeByIndexes");
      }
      return { sheet: this._s(ctx), rect: rectOf(startRow, startColumn, rowCount, columnCount) };
    }, "1.7");
  }
  getCell(row: number, column: number): FakeRange {
    return makeRange(this._ctx, "Worksheet.getCell", (ctx) => ({ sheet: this._s(ctx), rect: rectOf(row, column, 1, 1) }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return makeRange(this._ctx, "Worksheet.getUsedRange", (ctx) => {
      const sheet = this._s(ctx);
      // An empty sheet's used range is A1 (docs: Worksheet.getUsedRange).
      return { sheet, rect: usedRect(sheet, valuesOnly === true) ?? rectOf(0, 0, 1, 1) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return makeRange(this._ctx, "Worksheet.getUsedRangeOrNullObject", (ctx) => {
      const sheet = this._s(ctx);
      const r = usedRect(sheet, valuesOnly === true);
      return r ? { sheet, rect: r } : null;
    }, "1.4");
  }
  activate(): void {
    this._enqueue("Worksheet.activate", 40, (ctx) => {
      const s = this._s(ctx);
      if (s.visibility !== "Visible") throw officeError("InvalidOperation", "Worksheet.activate", "A hidden worksheet cannot be activated.");
      if (st(ctx).activeSheetId !== s.id) ctx._activations.push(s.id);
      activate(st(ctx), s);
    });
  }
  delete(): void {
    this._enqueue("Worksheet.delete", 40, (ctx) => {
      const s = this._s(ctx);
      guardStructure(ctx, "Worksheet.delete");
      const state = st(ctx);
      if (s.visibility === "Visible" && visibleSheets(state).length === 1) {
        throw officeError("InvalidOperation", "Worksheet.delete", "A workbook must contain at least one visible worksheet.");
      }
      state.sheets.splice(state.sheets.indexOf(s), 1);
      if (state.activeSheetId === s.id) activateNext(ctx, state);
    });
  }
  /**
   * Worksheet.copy (ExcelApi 1.7). Before/After fail with InvalidArgument (OfficeDev/office-js #775, open);
   * the copy is named "<name> (2)" (then (3)…), as Excel names copies.
   */
  copy(positionType?: string, relativeTo?: FakeWorksheet): FakeWorksheet {
    return makeSheet(this._ctx, "Worksheet.copy", (ctx) => {
      const src = this._s(ctx);
      guardStructure(ctx, "Worksheet.copy");
      const state = st(ctx);
      const pos = positionType ?? "None";
      if (pos === "Before" || pos === "After" || relativeTo !== undefined) {
        throw officeError("InvalidArgument", "Worksheet.copy", "The argument is invalid or missing or has an incorrect format.");
      }
      if (pos !== "None" && pos !== "End" && pos !== "Beginning") throw officeError("InvalidArgument", "Worksheet.copy");
      const base = src.name.replace(/ \(\d+\)$/, "");
      let n = 2;
      while (findSheet(state, `${base} (${n})`)) n++;
      const copy = cloneSheet(src, newSheet(state, "x").id, `${base} (${n})`);
      if (pos === "Beginning") state.sheets.unshift(copy);
      else state.sheets.push(copy);
      return copy;
    }, "1.7");
  }
}

/** The active sheet went away (deleted or hidden): Excel activates the first visible sheet and raises onActivated. */
function activateNext(ctx: FakeRequestContext, state: WorkbookState): void {
  const next = visibleSheets(state).find((x) => x.id !== state.activeSheetId) as SheetState;
  activate(state, next);
  ctx._activations.push(next.id);
}

function activate(state: WorkbookState, s: SheetState): void {
  state.activeSheetId = s.id;
  state.selection = { sheetId: s.id, rect: rectOf(0, 0, 1, 1) };
}

class FakeSheetPart extends ClientObject {
  constructor(readonly _owner: FakeWorksheet, type: string) {
    super(_owner._ctx, type);
  }
  override _nullState(): boolean | undefined {
    return this._owner._nullState();
  }
  _props(): Record<string, PropSpec> {
    return {};
  }
  _s(ctx: FakeRequestContext): SheetState {
    return this._owner._s(ctx);
  }
}

export class FakeWorksheetProtection extends FakeSheetPart {
  constructor(owner: FakeWorksheet) {
    super(owner, "WorksheetProtection");
  }
  override _props(): Record<string, PropSpec> {
    return { protected: { get: () => this._s(this._ctx).protected, since: "1.2" } };
  }
  get protected(): boolean {
    return this._read("protected");
  }
  protect(): void {
    this._enqueue("WorksheetProtection.protect", 40, (ctx) => void (this._s(ctx).protected = true), "1.2");
  }
  unprotect(): void {
    this._enqueue("WorksheetProtection.unprotect", 40, (ctx) => void (this._s(ctx).protected = false), "1.2");
  }
}

export class FakeWorksheetFreezePanes extends FakeSheetPart {
  constructor(owner: FakeWorksheet) {
    super(owner, "WorksheetFreezePanes");
  }
  freezeRows(count?: number): void {
    this._enqueue("WorksheetFreezePanes.freezeRows", 40, (ctx) => void (this._s(ctx).freeze = { rows: count ?? 1, columns: 0 }), "1.7");
  }
  freezeColumns(count?: number): void {
    this._enqueue("WorksheetFreezePanes.freezeColumns", 40, (ctx) => void (this._s(ctx).freeze = { rows: 0, columns: count ?? 1 }), "1.7");
  }
  unfreeze(): void {
    this._enqueue("WorksheetFreezePanes.unfreeze", 40, (ctx) => void (this._s(ctx).freeze = { rows: 0, columns: 0 }), "1.7");
  }
}

/** Worksheet.pageLayout: ExcelApi 1.9 throughout. */
export class FakePageLayout extends FakeSheetPart {
  constructor(owner: FakeWorksheet) {
    super(owner, "PageLayout");
  }
  override _props(): Record<string, PropSpec> {
    const pl = () => this._s(this._ctx).pageLayout;
    return {
      orientation: { get: () => pl().orientation, since: "1.9" },
      paperSize: { get: () => pl().paperSize, since: "1.9" },
      centerHorizontally: { get: () => pl().centerHorizontally, since: "1.9" },
      centerVertically: { get: () => pl().centerVertically, since: "1.9" },
      zoom: { get: () => ({ ...pl().zoom }), since: "1.9" },
    };
  }
  private _set<K extends "orientation" | "paperSize" | "centerHorizontally" | "centerVertically">(k: K, v: SheetState["pageLayout"][K]): void {
    this._write(k, v, (ctx) => {
      const s = this._s(ctx);
      guardProtected(s, `PageLayout.${k}`);
      s.pageLayout[k] = v;
    }, "1.9");
  }
  get orientation(): string {
    return this._read("orientation");
  }
  set orientation(v: string) {
    this._set("orientation", v);
  }
  get paperSize(): string {
    return this._read("paperSize");
  }
  set paperSize(v: string) {
    this._set("paperSize", v);
  }
  get centerHorizontally(): boolean {
    return this._read("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._set("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this._read("centerVertically");
  }
  set centerVertically(v: boolean) {
    this._set("centerVertically", v);
  }
  get zoom(): SheetState["pageLayout"]["zoom"] {
    return this._read("zoom");
  }
  set zoom(v: SheetState["pageLayout"]["zoom"]) {
    this._write("zoom", v, (ctx) => void (this._s(ctx).pageLayout.zoom = { ...v }), "1.9");
  }
  /** Title rows must be whole rows ("$1:$6"), given as an address or a Range. */
  setPrintTitleRows(rows: string | FakeRange): void {
    this._enqueue("PageLayout.setPrintTitleRows", payloadOf(typeof rows === "string" ? rows : "range"), (ctx) => {
      const s = this._s(ctx);
      const r = typeof rows === "string" ? parseRect(splitSheet(rows).local) : rows._t(ctx).rect;
      if (r.left !== 0 || r.right !== MAX_COLS - 1) throw officeError("InvalidArgument", "PageLayout.setPrintTitleRows", "Print title rows must be entire rows.");
      s.pageLayout.printTitleRows = `$${r.top + 1}:$${r.bottom + 1}`;
    }, "1.9");
  }
  setPrintArea(area: string | FakeRange): void {
    this._enqueue("PageLayout.setPrintArea", 60, (ctx) => {
      const s = this._s(ctx);
      const r = typeof area === "string" ? parseRect(splitSheet(area).local) : area._t(ctx).rect;
      s.pageLayout.printArea = absoluteAddress(s.name, r).split("!")[1] ?? null;
    }, "1.9");
  }
}

// ====================================================================================================
// Ranges

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

export function makeRange(ctx: FakeRequestContext, what: string, resolve: Resolver<RangeTarget>, since?: string): FakeRange {
  const r = strict(new FakeRange(ctx), "Range");
  ctx._enqueue({
    what,
    payload: 60,
    ...(since ? { since } : {}),
    run: (c) => {
      const t = resolve(c);
      r._target = t;
      r._null = t === null;
    },
  });
  return r;
}

function sub(from: FakeRange, what: string, f: (t: RangeTarget) => Rect, since?: string): FakeRange {
  return makeRange(from._ctx, what, (ctx) => {
    const t = from._t(ctx);
    const rect = f(t);
    if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS || rect.bottom < rect.top || rect.right < rect.left) {
      throw officeError("InvalidArgument", what);
    }
    return { sheet: t.sheet, rect };
  }, since);
}

export class FakeRange extends ClientObject {
  _target: RangeTarget | null | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Range");
  }
  _t(ctx: FakeRequestContext): RangeTarget {
    if (!this._target) throw officeError("ItemNotFound", "Range", "The range is a null object.");
    alive(ctx, this._target.sheet, "Range");
    return this._target;
  }
  _props(): Record<string, PropSpec> {
    const t = () => this._t(this._ctx);
    const cell = (row: number, col: number) => cellAt(t().sheet, row, col);
    return {
      address: { get: () => formatAddress(t().sheet.name, t().rect) },
      addressLocal: { get: () => formatAddress(t().sheet.name, t().rect) },
      rowIndex: { get: () => t().rect.top },
      columnIndex: { get: () => t().rect.left },
      rowCount: { get: () => rowCount(t().rect) },
      columnCount: { get: () => colCount(t().rect) },
      cellCount: { get: () => rowCount(t().rect) * colCount(t().rect) },
      values: { get: () => matrix(t().rect, (r, c) => cell(r, c)?.value ?? "") },
      text: { get: () => matrix(t().rect, (r, c) => displayText(cell(r, c))) },
      formulas: { get: () => matrix(t().rect, (r, c) => cell(r, c)?.formula ?? cell(r, c)?.value ?? "") },
      numberFormat: { get: () => matrix(t().rect, (r, c) => cell(r, c)?.numberFormat ?? "General") },
      valueTypes: { get: () => matrix(t().rect, (r, c) => valueType(cell(r, c))) },
    };
  }
  override _navs(): Record<string, () => ClientObject> {
    return { format: () => this.format, dataValidation: () => this.dataValidation, worksheet: () => this.worksheet };
  }

  get address(): string {
    return this._read("address");
  }
  get addressLocal(): string {
    return this._read("addressLocal");
  }
  get rowIndex(): number {
    return this._read("rowIndex");
  }
  get columnIndex(): number {
    return this._read("columnIndex");
  }
  get rowCount(): number {
    return this._read("rowCount");
  }
  get columnCount(): number {
    return this._read("columnCount");
  }
  get cellCount(): number {
    return this._read("cellCount");
  }
  get text(): string[][] {
    return this._read("text");
  }
  get valueTypes(): string[][] {
    return this._read("valueTypes");
  }
  get values(): Scalar[][] {
    return this._read("values");
  }
  set values(v: Scalar[][]) {
    this._write("values", v, (ctx) => this._writeCells(ctx, v, "Range.values", false));
  }
  get formulas(): Scalar[][] {
    return this._read("formulas");
  }
  set formulas(v: Scalar[][]) {
    this._write("formulas", v, (ctx) => this._writeCells(ctx, v, "Range.formulas", true));
  }
  get numberFormat(): string[][] {
    return this._read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this._write("numberFormat", v, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "Range.numberFormat");
      const at = checkDims(rect, v, "Range.numberFormat");
      forEachCell(rect, (row, col) => {
        const f = at(row, col);
        if (f === null || f === undefined) return;
        ensureCell(sheet, row, col).numberFormat = String(f);
      });
    });
  }

  _writeCells(ctx: FakeRequestContext, v: unknown, what: string, asFormulas: boolean): void {
    const { sheet, rect } = this._t(ctx);
    guardProtected(sheet, what);
    const at = checkDims(rect, v, what);
    forEachCell(rect, (row, col) => {
      const input = at(row, col);
      if (input === null || input === undefined) return; // null leaves the cell unchanged (docs: Range.values)
      const m = mergeAt(sheet, row, col);
      if (m && (m.top !== row || m.left !== col) && input !== "") {
        throw officeError("InvalidArgument", what, "Only the top-left cell of a merged area can take a value.");
      }
    });
    forEachCell(rect, (row, col) => {
      const input = at(row, col);
      if (input === null || input === undefined) return;
      if (typeof input !== "string" && typeof input !== "number" && typeof input !== "boolean") {
        throw officeError("InvalidArgument", what, "Cell values must be strings, numbers or booleans.");
      }
      // Excel's cell limit: 32,767 characters.
      if (typeof input === "string" && input.length > 32767) throw officeError("InvalidArgument", what, "A cell holds at most 32,767 characters.");
      const c = ensureCell(sheet, row, col);
      const r = interpretInput(input, asFormulas && typeof input === "string" && input.startsWith("=") ? "General" : c.numberFormat);
      c.value = r.value;
      c.formula = r.formula;
      if (r.numberFormat) c.numberFormat = r.numberFormat;
    });
    ctx._changes.push({ sheetId: sheet.id, rect, changeType: "RangeEdited" });
  }

  get format(): FakeRangeFormat {
    return this._child("format", () => strict(new FakeRangeFormat(this), "RangeFormat"));
  }
  get dataValidation(): FakeDataValidation {
    return this._child("dataValidation", () => strict(new FakeDataValidation(this), "DataValidation"));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child("conditionalFormats", () => strict(new FakeConditionalFormatCollection(this), "ConditionalFormatCollection"));
  }
  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => this._makeWorksheet());
  }
  _makeWorksheet(): FakeWorksheet {
    const ws = strict(new FakeWorksheet(this._ctx), "Worksheet");
    this._ctx._enqueue({
      what: "Range.worksheet",
      payload: 40,
      run: (ctx) => {
        ws._sheet = this._target ? this._t(ctx).sheet : null;
        ws._null = ws._sheet === null;
      },
    });
    return ws;
  }

  getCell(row: number, column: number): FakeRange {
    return sub(this, "Range.getCell", (t) => rectOf(t.rect.top + row, t.rect.left + column, 1, 1));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return sub(this, "Range.getOffsetRange", (t) => ({
      top: t.rect.top + rowOffset,
      left: t.rect.left + columnOffset,
      bottom: t.rect.bottom + rowOffset,
      right: t.rect.right + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return sub(this, "Range.getResizedRange", (t) => ({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }), "1.7");
  }
  getEntireRow(): FakeRange {
    return sub(this, "Range.getEntireRow", (t) => ({ top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COLS - 1 }));
  }
  getEntireColumn(): FakeRange {
    return sub(this, "Range.getEntireColumn", (t) => ({ top: 0, bottom: MAX_ROWS - 1, left: t.rect.left, right: t.rect.right }));
  }
  getRow(row: number): FakeRange {
    return sub(this, "Range.getRow", (t) => ({ ...t.rect, top: t.rect.top + row, bottom: t.rect.top + row }));
  }
  getColumn(column: number): FakeRange {
    return sub(this, "Range.getColumn", (t) => ({ ...t.rect, left: t.rect.left + column, right: t.rect.left + column }));
  }
  getLastRow(): FakeRange {
    return sub(this, "Range.getLastRow", (t) => ({ ...t.rect, top: t.rect.bottom }));
  }
  /** Range.getIntersectionOrNullObject (1.4): the cells both ranges hold; a null object when none (or this one is). */
  getIntersectionOrNullObject(other: string | FakeRange): FakeRange {
    const local = typeof other === "string" ? splitSheet(other).local : null;
    return makeRange(this._ctx, "Range.getIntersectionOrNullObject", (ctx) => {
      if (this._nullState() === true) return null;
      const t = this._t(ctx);
      const b = local !== null ? parseRect(local) : (other as FakeRange)._t(ctx).rect;
      const r = { top: Math.max(t.rect.top, b.top), left: Math.max(t.rect.left, b.left), bottom: Math.min(t.rect.bottom, b.bottom), right: Math.min(t.rect.right, b.right) };
      return r.top > r.bottom || r.left > r.right ? null : { sheet: t.sheet, rect: r };
    }, "1.4");
  }
  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
  select(): void {
    this._enqueue("Range.select", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      st(ctx).activeSheetId = sheet.id;
      st(ctx).selection = { sheetId: sheet.id, rect };
    });
  }
  /** Range.merge(across) (1.2): keeps the top-left value of each merged area, as Excel does. */
  merge(across?: boolean): void {
    this._enqueue("Range.merge", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "Range.merge");
      const areas = across ? Array.from({ length: rowCount(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const area of areas) {
        if (rowCount(area) * colCount(area) === 1) continue;
        sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
        forEachCell(area, (row, col) => {
          if (row === area.top && col === area.left) return;
          const c = cellAt(sheet, row, col);
          if (c) {
            c.value = "";
            c.formula = null;
          }
        });
        sheet.merges.push(area);
      }
    }, "1.2");
  }
  unmerge(): void {
    this._enqueue("Range.unmerge", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "Range.unmerge");
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    }, "1.2");
  }
  /** Range.getMergedAreasOrNullObject (1.13), reduced to the address and count of the areas. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = strict(new FakeRangeAreas(this._ctx), "RangeAreas");
    this._ctx._enqueue({
      what: "Range.getMergedAreasOrNullObject",
      since: "1.13",
      payload: 40,
      run: (ctx) => {
        const { sheet, rect } = this._t(ctx);
        const found = sheet.merges.filter((m) => intersects(m, rect));
        areas._found = found.length > 0 ? { sheet, rects: found } : null;
        areas._null = found.length === 0;
      },
    });
    return areas;
  }
  clear(applyTo?: string): void {
    this._enqueue("Range.clear", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "Range.clear");
      const what = applyTo ?? "All";
      const contents = what === "All" || what === "Contents";
      const formats = what === "All" || what === "Formats";
      if (!contents && !formats) return;
      for (const [k, c] of [...sheet.cells]) {
        const row = Math.floor(k / MAX_COLS);
        const col = k % MAX_COLS;
        if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
        if (contents) {
          c.value = "";
          c.formula = null;
        }
        if (formats) {
          c.numberFormat = "General";
          c.format = { ...ensureDefault() };
        }
        if (isBlank(c) && c.numberFormat === "General" && sameFormat(c.format, ensureDefault())) sheet.cells.delete(k);
      }
      if (formats) {
        for (const m of [sheet.hBorders, sheet.vBorders]) {
          for (const k of [...m.keys()]) {
            const row = Math.floor(k / MAX_COLS);
            const col = k % MAX_COLS;
            if (row >= rect.top && row <= rect.bottom + (m === sheet.hBorders ? 1 : 0) && col >= rect.left && col <= rect.right + (m === sheet.vBorders ? 1 : 0)) m.delete(k);
          }
        }
        sheet.merges = sheet.merges.filter((mg) => !contains(rect, mg));
      }
      if (contents) ctx._changes.push({ sheetId: sheet.id, rect, changeType: "RangeEdited" });
    });
  }
  /** Range.insert(shift): the fake models inserting entire rows ("Down"), which is what row insertion inside the grid needs. */
  insert(shift: string): FakeRange {
    const out = strict(new FakeRange(this._ctx), "Range");
    this._enqueue("Range.insert", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "Range.insert");
      if (shift !== "Down" || rect.left !== 0 || rect.right !== MAX_COLS - 1) {
        notModelled(`Range.insert("${shift}") on ${formatRect(rect)}: insert entire rows (range.getEntireRow().insert("Down"))`);
      }
      if (usedRect(sheet, false) && (usedRect(sheet, false) as Rect).bottom + rowCount(rect) >= MAX_ROWS) {
        throw officeError("InvalidOperation", "Range.insert", "Cells would be pushed off the end of the worksheet.");
      }
      insertRows(st(ctx), sheet, rect.top, rowCount(rect));
      out._target = { sheet, rect };
      out._null = false;
      ctx._changes.push({ sheetId: sheet.id, rect, changeType: "RowInserted" });
    });
    return out;
  }
}

function ensureDefault(): CellFormat {
  return { fontName: "等线", fontSize: 11, bold: false, italic: false, fontColor: "#000000", fill: null, horizontal: "General", vertical: "Bottom", wrap: false };
}

function sameFormat(a: CellFormat, b: CellFormat): boolean {
  return (Object.keys(a) as Array<keyof CellFormat>).every((k) => a[k] === b[k]);
}

export class FakeRangeAreas extends ClientObject {
  _found: { sheet: SheetState; rects: Rect[] } | null | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "RangeAreas");
  }
  _props(): Record<string, PropSpec> {
    const f = () => this._found as { sheet: SheetState; rects: Rect[] };
    return {
      address: { get: () => f().rects.map((r) => formatAddress(f().sheet.name, r)).join(",") },
      areaCount: { get: () => f().rects.length },
    };
  }
  get address(): string {
    return this._read("address");
  }
  get areaCount(): number {
    return this._read("areaCount");
  }
}

class FakeRangePart extends ClientObject {
  constructor(readonly _range: FakeRange, type: string) {
    super(_range._ctx, type);
  }
  override _nullState(): boolean | undefined {
    return this._range._nullState();
  }
  _props(): Record<string, PropSpec> {
    return {};
  }
  _t(ctx: FakeRequestContext): RangeTarget {
    return this._range._t(ctx);
  }
  /** A format property set on every cell of the range. */
  _setCells(name: string, v: unknown, apply: (f: CellFormat) => void, since?: string): void {
    this._write(name, v, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, `${this._type}.${name}`);
      forEachCell(rect, (row, col) => apply(ensureCell(sheet, row, col).format));
    }, since);
  }
  _common<T>(read: (f: CellFormat) => T): PropSpec {
    return {
      get: () => {
        const { sheet, rect } = this._t(this._ctx);
        return common(rect, (row, col) => read(cellAt(sheet, row, col)?.format ?? ensureDefault()));
      },
    };
  }
}

export class FakeRangeFormat extends FakeRangePart {
  constructor(range: FakeRange) {
    super(range, "RangeFormat");
  }
  override _props(): Record<string, PropSpec> {
    const t = () => this._t(this._ctx);
    return {
      horizontalAlignment: this._common((f) => f.horizontal),
      verticalAlignment: this._common((f) => f.vertical),
      wrapText: this._common((f) => f.wrap),
      columnWidth: {
        get: () => {
          const { sheet, rect } = t();
          const ws = new Set<number>();
          for (let c = rect.left; c <= rect.right && ws.size < 2; c++) ws.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
          return ws.size === 1 ? [...ws][0] : null;
        },
      },
      rowHeight: {
        get: () => {
          const { sheet, rect } = t();
          const hs = new Set<number>();
          for (let r = rect.top; r <= rect.bottom && hs.size < 2; r++) hs.add(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
          return hs.size === 1 ? [...hs][0] : null;
        },
      },
    };
  }
  override _navs(): Record<string, () => ClientObject> {
    return { font: () => this.font, fill: () => this.fill };
  }
  get font(): FakeRangeFont {
    return this._child("font", () => strict(new FakeRangeFont(this._range), "RangeFont"));
  }
  get fill(): FakeRangeFill {
    return this._child("fill", () => strict(new FakeRangeFill(this._range), "RangeFill"));
  }
  get borders(): FakeRangeBorderCollection {
    return this._child("borders", () => strict(new FakeRangeBorderCollection(this._range), "RangeBorderCollection"));
  }
  get horizontalAlignment(): string {
    return this._read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._setCells("horizontalAlignment", v, (f) => void (f.horizontal = v));
  }
  get verticalAlignment(): string {
    return this._read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._setCells("verticalAlignment", v, (f) => void (f.vertical = v));
  }
  get wrapText(): boolean {
    return this._read("wrapText");
  }
  set wrapText(v: boolean) {
    this._setCells("wrapText", v, (f) => void (f.wrap = v));
  }
  /** Points, not characters (OfficeDev/office-js #187). */
  get columnWidth(): number {
    return this._read("columnWidth");
  }
  set columnWidth(v: number) {
    this._write("columnWidth", v, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "RangeFormat.columnWidth");
      if (!(v >= 0)) throw officeError("InvalidArgument", "RangeFormat.columnWidth");
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._read("rowHeight");
  }
  set rowHeight(v: number) {
    this._write("rowHeight", v, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "RangeFormat.rowHeight");
      if (!(v >= 0 && v <= 409)) throw officeError("InvalidArgument", "RangeFormat.rowHeight", "Row height must be between 0 and 409 points.");
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }
  /** Without a layout engine the fake forgets explicit heights (Excel would measure the text). */
  autofitRows(): void {
    this._enqueue("RangeFormat.autofitRows", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.delete(r);
    }, "1.2");
  }
  autofitColumns(): void {
    this._enqueue("RangeFormat.autofitColumns", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.delete(c);
    }, "1.2");
  }
}

export class FakeRangeFont extends FakeRangePart {
  constructor(range: FakeRange) {
    super(range, "RangeFont");
  }
  override _props(): Record<string, PropSpec> {
    return {
      name: this._common((f) => f.fontName),
      size: this._common((f) => f.fontSize),
      bold: this._common((f) => f.bold),
      italic: this._common((f) => f.italic),
      color: this._common((f) => f.fontColor),
    };
  }
  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._setCells("name", v, (f) => void (f.fontName = v));
  }
  get size(): number {
    return this._read("size");
  }
  set size(v: number) {
    this._setCells("size", v, (f) => void (f.fontSize = v));
  }
  get bold(): boolean {
    return this._read("bold");
  }
  set bold(v: boolean) {
    this._setCells("bold", v, (f) => void (f.bold = v));
  }
  get italic(): boolean {
    return this._read("italic");
  }
  set italic(v: boolean) {
    this._setCells("italic", v, (f) => void (f.italic = v));
  }
  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._setCells("color", v, (f) => void (f.fontColor = normalColor(v)));
  }
}

function normalColor(v: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw officeError("InvalidArgument", "color", `"${v}" is not a #RRGGBB color.`);
  return v.toUpperCase();
}

export class FakeRangeFill extends FakeRangePart {
  constructor(range: FakeRange) {
    super(range, "RangeFill");
  }
  override _props(): Record<string, PropSpec> {
    // An unfilled cell reads as white.
    return { color: this._common((f) => f.fill ?? "#FFFFFF") };
  }
  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._setCells("color", v, (f) => void (f.fill = normalColor(v)));
  }
  clear(): void {
    this._enqueue("RangeFill.clear", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "RangeFill.clear");
      forEachCell(rect, (row, col) => {
        const c = cellAt(sheet, row, col);
        if (c) c.format.fill = null;
      });
    });
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class FakeRangeBorderCollection extends FakeRangePart {
  constructor(range: FakeRange) {
    super(range, "RangeBorderCollection");
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw officeError("InvalidArgument", "RangeBorderCollection.getItem");
    if (index.startsWith("Diagonal")) notModelled(`diagonal borders (${index})`);
    return this._child(index, () => strict(new FakeRangeBorder(this._range, index), "RangeBorder"));
  }
}

/** The cell edges a border index names: [map, key] pairs. */
function edgesOf(sheet: SheetState, rect: Rect, index: string): Array<[Map<number, BorderState>, number]> {
  const out: Array<[Map<number, BorderState>, number]> = [];
  const h = (line: number) => {
    for (let c = rect.left; c <= rect.right; c++) out.push([sheet.hBorders, key(line, c)]);
  };
  const v = (line: number) => {
    for (let r = rect.top; r <= rect.bottom; r++) out.push([sheet.vBorders, key(r, line)]);
  };
  if (index === "EdgeTop") h(rect.top);
  if (index === "EdgeBottom") h(rect.bottom + 1);
  if (index === "EdgeLeft") v(rect.left);
  if (index === "EdgeRight") v(rect.right + 1);
  if (index === "InsideHorizontal") for (let line = rect.top + 1; line <= rect.bottom; line++) h(line);
  if (index === "InsideVertical") for (let line = rect.left + 1; line <= rect.right; line++) v(line);
  return out;
}

const NO_BORDER: BorderState = { style: "None", color: "#000000", weight: "Thin" };

export class FakeRangeBorder extends FakeRangePart {
  constructor(range: FakeRange, readonly _index: string) {
    super(range, "RangeBorder");
  }
  override _props(): Record<string, PropSpec> {
    const read = (k: keyof BorderState) => ({
      get: () => {
        const { sheet, rect } = this._t(this._ctx);
        const values = new Set(edgesOf(sheet, rect, this._index).map(([m, kk]) => (m.get(kk) ?? NO_BORDER)[k]));
        return values.size === 1 ? [...values][0] : null;
      },
    });
    return { style: read("style"), color: read("color"), weight: read("weight") };
  }
  get sideIndex(): string {
    return this._index;
  }
  private _setEdge(k: keyof BorderState, v: string): void {
    this._write(k, v, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, `RangeBorder.${k}`);
      for (const [m, kk] of edgesOf(sheet, rect, this._index)) {
        const b = { ...(m.get(kk) ?? NO_BORDER), ...(k === "style" && v !== "None" && !m.has(kk) ? {} : {}) };
        b[k] = k === "color" ? normalColor(v) : v;
        if (b.style === "None" && k !== "style") b.style = "Continuous"; // setting a colour or weight draws the line
        if (b.style === "None") m.delete(kk);
        else m.set(kk, b);
      }
    });
  }
  get style(): string {
    return this._read("style");
  }
  set style(v: string) {
    this._setEdge("style", v);
  }
  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._setEdge("color", v);
  }
  get weight(): string {
    return this._read("weight");
  }
  set weight(v: string) {
    this._setEdge("weight", v);
  }
}

// ====================================================================================================
// Data validation (ExcelApi 1.8)

interface RuleInput {
  list?: { inCellDropDown?: boolean; source: string | FakeRange };
  custom?: { formula: string };
  [other: string]: unknown;
}

/** Excel's longest formula (characters). */
const MAX_FORMULA_LENGTH = 8192;

function checkFormula(f: unknown, what: string): string {
  if (typeof f !== "string" || !f.startsWith("=") || f.length < 2) throw officeError("InvalidArgument", what, "A rule formula must start with \"=\".");
  if (f.length > MAX_FORMULA_LENGTH) throw officeError("InvalidArgument", what, `The formula is longer than ${MAX_FORMULA_LENGTH} characters.`);
  let depth = 0;
  let inString = false;
  for (const ch of f) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth++;
    else if (!inString && ch === ")" && --depth < 0) break;
  }
  if (depth !== 0 || inString) throw officeError("InvalidArgument", what, `The formula "${f}" is not valid.`);
  return f;
}

export class FakeDataValidation extends FakeRangePart {
  constructor(range: FakeRange) {
    super(range, "DataValidation");
  }
  override _props(): Record<string, PropSpec> {
    const one = () => {
      const { sheet, rect } = this._t(this._ctx);
      return { mixed: validationMixed(sheet, rect), v: validationAt(sheet, rect.top, rect.left) };
    };
    return {
      type: {
        get: () => {
          const { mixed, v } = one();
          if (mixed) return "Inconsistent";
          if (!v?.rule) return "None";
          return v.rule.list ? "List" : v.rule.custom ? "Custom" : (v.rule.other?.kind ?? "None");
        },
        since: "1.8",
      },
      rule: {
        get: () => {
          const { mixed, v } = one();
          return mixed || !v?.rule ? {} : JSON.parse(JSON.stringify(v.rule.other ? JSON.parse(v.rule.other.json) : v.rule));
        },
        since: "1.8",
      },
      prompt: { get: () => ({ ...(one().v?.prompt ?? { message: "", showPrompt: false, title: "" }) }), since: "1.8" },
      errorAlert: { get: () => ({ ...(one().v?.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" }) }), since: "1.8" },
      ignoreBlanks: { get: () => one().v?.ignoreBlanks ?? true, since: "1.8" },
    };
  }
  get type(): string {
    return this._read("type");
  }
  get rule(): RuleInput {
    return this._read("rule");
  }
  set rule(rule: RuleInput) {
    this._write("rule", rule, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "DataValidation.rule");
      const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
      if (kinds.length !== 1) throw officeError("InvalidArgument", "DataValidation.rule", "A rule has exactly one criteria type.");
      // Excel on the web rejects a rule over cells whose existing validation settings differ, e.g. a prompt set on
      // part of the range first (OfficeDev/office-js #2594: set prompt before rule on the whole range).
      if (ctx._host.config.platform === "web" && validationMixed(sheet, rect)) {
        throw officeError("InvalidArgument", "DataValidation.rule", "The argument is invalid or missing or has an incorrect format.");
      }
      let stored: ValidationRuleState;
      if (rule.list) {
        const src = rule.list.source;
        let source: string;
        if (typeof src === "string") {
          source = src;
          // Excel's list formula limit: an explicit list longer than 255 characters is rejected.
          if (src.length > 255) throw officeError("InvalidArgument", "ListDataValidation.source", "The list source is longer than 255 characters (Excel's Formula1 limit).");
          if (src.startsWith("=")) checkFormula(src, "ListDataValidation.source");
        } else {
          const t = src._t(ctx);
          source = `=${absoluteAddress(t.sheet.name, t.rect)}`;
        }
        stored = { list: { inCellDropDown: rule.list.inCellDropDown ?? true, source } };
      } else if (rule.custom) {
        stored = { custom: { formula: checkFormula(rule.custom.formula, "CustomDataValidation.formula") } };
      } else {
        const kind = kinds[0] as string;
        stored = { other: { kind: kind[0]?.toUpperCase() + kind.slice(1), json: JSON.stringify(rule) } };
      }
      validationFor(st(ctx), sheet, rect).rule = stored;
    }, "1.8");
  }
  get prompt(): { message: string; showPrompt: boolean; title: string } {
    return this._read("prompt");
  }
  set prompt(p: { message?: string; showPrompt?: boolean; title?: string }) {
    this._write("prompt", p, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "DataValidation.prompt");
      if ((p.title ?? "").length > 32 || (p.message ?? "").length > 255) {
        throw officeError("InvalidArgument", "DataValidation.prompt", "Excel limits an input title to 32 and a message to 255 characters.");
      }
      const v = validationFor(st(ctx), sheet, rect);
      v.prompt = { ...v.prompt, ...p };
    }, "1.8");
  }
  get errorAlert(): { message: string; showAlert: boolean; style: string; title: string } {
    return this._read("errorAlert");
  }
  set errorAlert(a: { message?: string; showAlert?: boolean; style?: string; title?: string }) {
    this._write("errorAlert", a, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "DataValidation.errorAlert");
      if ((a.title ?? "").length > 32 || (a.message ?? "").length > 255) {
        throw officeError("InvalidArgument", "DataValidation.errorAlert", "Excel limits an alert title to 32 and a message to 255 characters.");
      }
      const v = validationFor(st(ctx), sheet, rect);
      v.errorAlert = { ...v.errorAlert, ...a };
    }, "1.8");
  }
  get ignoreBlanks(): boolean {
    return this._read("ignoreBlanks");
  }
  set ignoreBlanks(b: boolean) {
    this._write("ignoreBlanks", b, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "DataValidation.ignoreBlanks");
      validationFor(st(ctx), sheet, rect).ignoreBlanks = b;
    }, "1.8");
  }
  clear(): void {
    this._enqueue("DataValidation.clear", 40, (ctx) => {
      const { sheet, rect } = this._t(ctx);
      guardProtected(sheet, "DataValidation.clear");
      clearValidation(sheet, rect);
    }, "1.8");
  }
}

// ====================================================================================================
// Conditional formats (ExcelApi 1.6)

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(readonly _range: FakeRange) {
    super(_range._ctx, "ConditionalFormatCollection");
  }
  override _nullState(): boolean | undefined {
    return this._range._nullState();
  }
  _list(ctx: FakeRequestContext): FakeConditionalFormat[] {
    const { sheet, rect } = this._range._t(ctx);
    return sheet.conditionalFormats
      .filter((cf) => cf.rects.some((r) => intersects(r, rect)))
      .sort((a, b) => a.priority - b.priority)
      .map((cf) => {
        const o = strict(new FakeConditionalFormat(ctx), "ConditionalFormat");
        o._cf = { sheet, cf };
        o._null = false;
        return o;
      });
  }
  add(type: string): FakeConditionalFormat {
    const o = strict(new FakeConditionalFormat(this._ctx), "ConditionalFormat");
    this._enqueue("ConditionalFormatCollection.add", 60, (ctx) => {
      const { sheet, rect } = this._range._t(ctx);
      guardProtected(sheet, "ConditionalFormatCollection.add");
      if (type !== "Custom") notModelled(`conditional formats of type ${type}`);
      for (const other of sheet.conditionalFormats) other.priority++;
      const cf: ConditionalFormatState = {
        id: `{FAKE-CF-${st(ctx).nextRuleId++}}`,
        rects: [rect],
        type,
        formula: null,
        fillColor: null,
        fontColor: null,
        bold: null,
        priority: 0,
        stopIfTrue: false,
      };
      sheet.conditionalFormats.push(cf);
      o._cf = { sheet, cf };
      o._null = false;
    }, "1.6");
    return o;
  }
  /**
   * Office.js addresses a loaded collection item by its key (getItem(id)) only when the load result holds the key;
   * otherwise by position (getItemAt(index)), resolved anew when a later request uses it (office.js runtime,
   * ObjectPathFactory.createChildItemObjectPathUsingIndexerOrGetItemAt). ConditionalFormat's key is `id`: a format
   * loaded without it is the one at that position then, after deletions or new formats, possibly another one. The
   * priority's reference text warns of the same: after a priority change, fetch the object again.
   */
  override _bindLoadedItems(items: FakeConditionalFormat[], itemPaths: string[] | undefined): void {
    const keyed = itemPaths === undefined || itemPaths.length === 0 || itemPaths.some((p) => p === "id");
    if (keyed) return;
    items.forEach((item, index) => (item._atIndex = { collection: this, index }));
  }
  getCount(): FakeClientResult<number> {
    return this._count("ConditionalFormatCollection.getCount", "1.6");
  }
  getItemAt(index: number): FakeConditionalFormat {
    const o = strict(new FakeConditionalFormat(this._ctx), "ConditionalFormat");
    this._enqueue("ConditionalFormatCollection.getItemAt", 40, (ctx) => {
      const found = this._list(ctx)[index];
      if (!found) throw officeError("ItemNotFound", "ConditionalFormatCollection.getItemAt");
      o._cf = found._cf;
      o._null = false;
    }, "1.6");
    return o;
  }
  /** Takes the range out of every conditional format that covers it (docs: ConditionalFormatCollection.clearAll). */
  clearAll(): void {
    this._enqueue("ConditionalFormatCollection.clearAll", 40, (ctx) => {
      const { sheet, rect } = this._range._t(ctx);
      guardProtected(sheet, "ConditionalFormatCollection.clearAll");
      for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
    }, "1.6");
  }
}

export class FakeConditionalFormat extends ClientObject {
  _cf: { sheet: SheetState; cf: ConditionalFormatState } | undefined;
  /** Set for an item loaded without its id: it stands for whatever format is at that position when used. */
  _atIndex: { collection: FakeConditionalFormatCollection; index: number } | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "ConditionalFormat");
  }
  /** The format this object stands for now (see FakeConditionalFormatCollection._bindLoadedItems). */
  _where(): { sheet: SheetState; cf: ConditionalFormatState } {
    if (this._atIndex) {
      const found = this._atIndex.collection._list(this._ctx)[this._atIndex.index]?._cf;
      if (!found) throw officeError("ItemNotFound", "ConditionalFormatCollection.getItemAt");
      return found;
    }
    if (!this._cf) throw officeError("ItemNotFound", "ConditionalFormat");
    return this._cf;
  }
  _c(): ConditionalFormatState {
    const where = this._where();
    if (!where.sheet.conditionalFormats.includes(where.cf)) throw officeError("ItemNotFound", "ConditionalFormat", "The conditional format was deleted.");
    return where.cf;
  }
  _props(): Record<string, PropSpec> {
    return {
      id: { get: () => this._c().id },
      type: { get: () => this._c().type },
      priority: { get: () => this._c().priority },
      stopIfTrue: { get: () => this._c().stopIfTrue },
    };
  }
  get id(): string {
    return this._read("id");
  }
  get type(): string {
    return this._read("type");
  }
  get priority(): number {
    return this._read("priority");
  }
  set priority(p: number) {
    this._write("priority", p, () => {
      const cf = this._c();
      const list = this._where().sheet.conditionalFormats.filter((x) => x !== cf).sort((a, b) => a.priority - b.priority);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, cf);
      list.forEach((x, i) => (x.priority = i));
    }, "1.6");
  }
  get stopIfTrue(): boolean {
    return this._read("stopIfTrue");
  }
  set stopIfTrue(b: boolean) {
    this._write("stopIfTrue", b, () => void (this._c().stopIfTrue = b), "1.6");
  }
  override _navs(): Record<string, () => ClientObject> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get custom(): FakeCustomConditionalFormat {
    return this._child("custom", () => strict(new FakeCustomConditionalFormat(this), "CustomConditionalFormat"));
  }
  /** ConditionalFormat.customOrNullObject (1.6): a null object unless the format is of type Custom. */
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._child("customOrNullObject", () => strict(new FakeCustomConditionalFormat(this, true), "CustomConditionalFormat"));
  }
  getRange(): FakeRange {
    return makeRange(this._ctx, "ConditionalFormat.getRange", () => {
      const cf = this._c();
      const first = cf.rects[0] as Rect;
      const box = cf.rects.reduce(
        (b, r) => ({ top: Math.min(b.top, r.top), left: Math.min(b.left, r.left), bottom: Math.max(b.bottom, r.bottom), right: Math.max(b.right, r.right) }),
        first,
      );
      if (cf.rects.length > 1) notModelled("ConditionalFormat.getRange on a format split into several areas (use getRanges)");
      return { sheet: this._where().sheet, rect: box };
    }, "1.6");
  }
  delete(): void {
    this._enqueue("ConditionalFormat.delete", 40, () => {
      const cf = this._c();
      const s = this._where().sheet;
      guardProtected(s, "ConditionalFormat.delete");
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    }, "1.6");
  }
}

class FakeCfPart extends ClientObject {
  /** Reached through customOrNullObject: null when the format is not of type Custom. */
  readonly _orNull: boolean;
  constructor(readonly _owner: FakeConditionalFormat, type: string, orNull = false) {
    super(_owner._ctx, type);
    this._orNull = orNull;
  }
  override _nullState(): boolean | undefined {
    const owner = this._owner._nullState();
    if (owner !== false || !this._orNull) return owner;
    return this._owner._cf ? this._owner._cf.cf.type !== "Custom" : undefined;
  }
  _props(): Record<string, PropSpec> {
    return {};
  }
  _c(): ConditionalFormatState {
    const cf = this._owner._c();
    if (cf.type !== "Custom") throw officeError("InvalidOperation", this._type, "This conditional format is not of type Custom.");
    return cf;
  }
  /** For a write: the format, refused on a protected sheet (reading it is allowed). */
  _w(): ConditionalFormatState {
    const cf = this._c();
    if (this._owner._cf?.sheet.protected) guardProtected(this._owner._cf.sheet, this._type);
    return cf;
  }
}

export class FakeCustomConditionalFormat extends FakeCfPart {
  constructor(owner: FakeConditionalFormat, orNull = false) {
    super(owner, "CustomConditionalFormat", orNull);
  }
  override _navs(): Record<string, () => ClientObject> {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): FakeConditionalFormatRule {
    return this._child("rule", () => strict(new FakeConditionalFormatRule(this._owner, this._orNull), "ConditionalFormatRule"));
  }
  get format(): FakeConditionalRangeFormat {
    return this._child("format", () => strict(new FakeConditionalRangeFormat(this._owner, this._orNull), "ConditionalRangeFormat"));
  }
}

export class FakeConditionalFormatRule extends FakeCfPart {
  constructor(owner: FakeConditionalFormat, orNull = false) {
    super(owner, "ConditionalFormatRule", orNull);
  }
  override _props(): Record<string, PropSpec> {
    return { formula: { get: () => this._c().formula ?? "" } };
  }
  /** Relative references are relative to the top-left cell of the range (OfficeDev/office-js #5194). */
  get formula(): string {
    return this._read("formula");
  }
  set formula(f: string) {
    this._write("formula", f, () => void (this._w().formula = checkFormula(f, "ConditionalFormatRule.formula")), "1.6");
  }
}

export class FakeConditionalRangeFormat extends FakeCfPart {
  constructor(owner: FakeConditionalFormat, orNull = false) {
    super(owner, "ConditionalRangeFormat", orNull);
  }
  override _navs(): Record<string, () => ClientObject> {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeCfColor {
    return this._child("fill", () => strict(new FakeCfColor(this._owner, "ConditionalRangeFill", "fillColor", this._orNull), "ConditionalRangeFill"));
  }
  get font(): FakeCfColor {
    return this._child("font", () => strict(new FakeCfColor(this._owner, "ConditionalRangeFont", "fontColor", this._orNull), "ConditionalRangeFont"));
  }
}

export class FakeCfColor extends FakeCfPart {
  constructor(owner: FakeConditionalFormat, type: string, readonly _field: "fillColor" | "fontColor", orNull = false) {
    super(owner, type, orNull);
  }
  override _props(): Record<string, PropSpec> {
    return { color: { get: () => this._c()[this._field] }, ...(this._field === "fontColor" ? { bold: { get: () => this._c().bold } } : {}) };
  }
  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._write("color", v, () => void (this._w()[this._field] = normalColor(v)), "1.6");
  }
  get bold(): boolean {
    if (this._field !== "fontColor") notModelled("ConditionalRangeFill.bold");
    return this._read("bold");
  }
  set bold(b: boolean) {
    if (this._field !== "fontColor") notModelled("ConditionalRangeFill.bold");
    this._write("bold", b, () => void (this._w().bold = b), "1.6");
  }
}

// ====================================================================================================
// Names (ExcelApi 1.4 for add / getItemOrNullObject)

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "NamedItemCollection");
    this._null = false;
  }
  _list(ctx: FakeRequestContext): FakeNamedItem[] {
    return st(ctx).names.map((n) => namedItem(ctx, n.name));
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    const item = strict(new FakeNamedItem(this._ctx), "NamedItem");
    this._enqueue("NamedItemCollection.add", payloadOf([name, typeof reference === "string" ? reference : "", comment ?? ""]), (ctx) => {
      const state = st(ctx);
      // A name starts with a letter (Unicode letters count), "_" or "\"; it cannot look like a cell reference.
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || name.length > 255) {
        throw officeError("InvalidArgument", "NamedItemCollection.add", `"${name}" is not a valid name.`);
      }
      if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw officeError("ItemAlreadyExists", "NamedItemCollection.add", `The name "${name}" already exists.`);
      }
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = reference._t(ctx);
        formula = `=${absoluteAddress(t.sheet.name, t.rect)}`;
      }
      state.names.push({ name, formula, comment: comment ?? "", visible: true });
      item._name = name;
      item._null = false;
    }, "1.4");
    return item;
  }
  getItem(name: string): FakeNamedItem {
    return this._lookup(name, false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return this._lookup(name, true);
  }
  getCount(): FakeClientResult<number> {
    return this._count("NamedItemCollection.getCount", "1.4");
  }
  private _lookup(name: string, orNull: boolean): FakeNamedItem {
    const item = strict(new FakeNamedItem(this._ctx), "NamedItem");
    this._ctx._enqueue({
      what: orNull ? "NamedItemCollection.getItemOrNullObject" : "NamedItemCollection.getItem",
      payload: 40,
      ...(orNull ? { since: "1.4" } : {}),
      run: (ctx) => {
        const found = st(ctx).names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        if (!found && !orNull) throw officeError("ItemNotFound", "NamedItemCollection.getItem", `The name "${name}" doesn't exist.`);
        item._name = found?.name;
        item._null = !found;
      },
    });
    return item;
  }
}

function namedItem(ctx: FakeRequestContext, name: string): FakeNamedItem {
  const item = strict(new FakeNamedItem(ctx), "NamedItem");
  item._name = name;
  item._null = false;
  return item;
}

export class FakeNamedItem extends ClientObject {
  _name: string | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "NamedItem");
  }
  _n(ctx: FakeRequestContext): WorkbookState["names"][number] {
    const n = st(ctx).names.find((x) => x.name === this._name);
    if (!n) throw officeError("ItemNotFound", "NamedItem");
    return n;
  }
  _props(): Record<string, PropSpec> {
    const n = () => this._n(this._ctx);
    return {
      name: { get: () => n().name },
      formula: { get: () => n().formula, since: "1.7" },
      comment: { get: () => n().comment, since: "1.4" },
      visible: { get: () => n().visible },
      type: { get: () => (/^=('?[^!]+'?)!\$?[A-Z]+\$?\d+/.test(n().formula) ? "Range" : "String") },
    };
  }
  get name(): string {
    return this._read("name");
  }
  get formula(): string {
    return this._read("formula");
  }
  get comment(): string {
    return this._read("comment");
  }
  get visible(): boolean {
    return this._read("visible");
  }
  set visible(v: boolean) {
    this._write("visible", v, (ctx) => void (this._n(ctx).visible = v));
  }
  get type(): string {
    return this._read("type");
  }
  getRange(): FakeRange {
    return makeRange(this._ctx, "NamedItem.getRange", (ctx) => {
      const f = this._n(ctx).formula.slice(1);
      const { sheet, local } = splitSheet(f);
      const s = sheet ? findSheet(st(ctx), sheet) : undefined;
      if (!s) throw officeError("InvalidReference", "NamedItem.getRange", "The name does not refer to a range.");
      return { sheet: s, rect: parseRect(local) };
    }, "1.4");
  }
  delete(): void {
    this._enqueue("NamedItem.delete", 40, (ctx) => {
      const state = st(ctx);
      state.names = state.names.filter((x) => x.name !== this._name);
    }, "1.4");
  }
}
