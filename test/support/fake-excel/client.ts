// The request/response machinery of Office.js as the fake models it: proxy objects queue their work, `sync()`
// sends it (one round trip) and only then are loaded properties readable. See "Excel JavaScript object model"
// (docs: excel/excel-add-ins-core-concepts.md, develop/application-specific-api-model.md).

import { FakeNotModelledError, FakeOfficeError, officeError } from "./errors";
import type { WorkbookState } from "./state";
import type { Rect } from "./address";

export type Platform = "web" | "desktop";

export interface HostConfig {
  apiVersion: string;
  platform: Platform;
  latencyMs: number;
  /** Actually wait latencyMs per sync (otherwise the latency is only added to simulatedMs). */
  realDelay: boolean;
  /** Request and response size limit in bytes (Excel on the web: 5 MB); null turns the check off. */
  payloadLimit: number | null;
}

export type ChangeType = "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted" | "Unknown";

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  changeType: ChangeType;
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
}

export interface Registration {
  id: number;
  kind: "worksheetChanged" | "worksheetsChanged" | "selectionChanged" | "worksheetsSelectionChanged" | "worksheetActivated" | "worksheetsActivated";
  sheetId: string | null;
  handler: (args: unknown) => unknown;
  active: boolean;
}

/** What a context needs from the host: implemented in index.ts. */
export interface HostCore {
  readonly config: HostConfig;
  readonly state: WorkbookState;
  supports(version: string): boolean;
  beginSync(): Promise<void>;
  takeFailure(): Error | null;
  /** Called before each operation runs; throws the failure armed for this operation index (failAtOperation). */
  beforeOperation(op: Op): void;
  /** A sync applied these many workbook writes (for the write counter and the undo stack). */
  applied(writes: number): void;
  /** A sync's response carried this many bytes (loaded values). */
  responded(bytes: number): void;
  register(reg: Omit<Registration, "id" | "active">): Registration;
  emitChanges(changes: ChangeRecord[], trigger: "ThisLocalAddin"): void;
  /** A sheet became the active one (Worksheet.activate, or the active sheet deleted or hidden). */
  emitActivated(sheetId: string): void;
  setEventsEnabled(on: boolean): void;
  eventsEnabled(): boolean;
}

export interface Op {
  /** What the op is, for error locations: "Range.values". */
  what: string;
  /** Requirement set version the op needs ("1.9"). */
  since?: string;
  /** Approximate request bytes. */
  payload: number;
  /** The op changes the workbook (a set property or a method like add/delete), as opposed to a read or lookup. */
  write?: boolean;
  run(ctx: FakeRequestContext): void;
}

const SAFE_UNKNOWN = new Set([
  "then",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
  "inspect",
  "jasmineToString",
  "__esModule",
  "toAsymmetricMatcher",
  "hasAttribute",
]);

/**
 * Wraps a fake object so that touching a member the fake does not model fails loudly, instead of yielding
 * undefined (which a cast to the Excel types would hide).
 */
export function strict<T extends object>(obj: T, typeName: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver) as unknown;
      if (SAFE_UNKNOWN.has(prop) || prop.startsWith("_")) return undefined;
      throw new FakeNotModelledError(`The fake Excel does not model ${typeName}.${prop}`);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol" || prop in target || prop.startsWith("_")) return Reflect.set(target, prop, value, receiver);
      throw new FakeNotModelledError(`The fake Excel does not model setting ${typeName}.${String(prop)}`);
    },
  });
}

const utf8 = new TextEncoder();

/** Approximate bytes of a value in the request JSON (UTF-8: a Chinese character is 3 bytes). */
export function payloadOf(value: unknown): number {
  return utf8.encode(JSON.stringify(value) ?? "").length + 40;
}

export class FakeRequestContext {
  readonly _host: HostCore;
  _queue: Op[] = [];
  /** Loaded values wait here until the sync that fetched them has succeeded. */
  _staged: Array<() => void> = [];
  _responseBytes = 0;
  _changes: ChangeRecord[] = [];
  /** Sheets activated by this sync's operations, raised as onActivated after it. */
  _activations: string[] = [];
  _closed = false;
  readonly workbook: unknown;
  readonly runtime: FakeRuntime;
  readonly application: FakeApplication;
  readonly trackedObjects: { add(o: unknown): void; remove(o: unknown): void };

  constructor(host: HostCore, makeWorkbook: (ctx: FakeRequestContext) => unknown) {
    this._host = host;
    this.runtime = strict(new FakeRuntime(this), "Runtime");
    this.application = strict(new FakeApplication(this), "Application");
    const tracked = new Set<unknown>();
    this.trackedObjects = { add: (o) => void tracked.add(o), remove: (o) => void tracked.delete(o) };
    this.workbook = makeWorkbook(this);
  }

  _enqueue(op: Op): void {
    if (this._closed) {
      throw officeError("InvalidRequestContext", op.what, "The request context was used after its Excel.run batch ended.");
    }
    this._queue.push(op);
  }

  async sync(): Promise<void> {
    if (this._closed) throw officeError("InvalidRequestContext", "RequestContext.sync");
    const ops = this._queue;
    this._queue = [];
    this._staged = [];
    this._responseBytes = 0;
    this._changes = [];
    this._activations = [];
    await this._host.beginSync();
    const failure = this._host.takeFailure();
    if (failure) throw failure;
    const limit = this._host.config.payloadLimit;
    const request = ops.reduce((n, op) => n + op.payload, 0);
    if (limit !== null && request > limit) throw officeError("RequestPayloadSizeLimitExceeded", "RequestContext.sync");
    let writes = 0;
    try {
      for (const op of ops) {
        this._host.beforeOperation(op);
        if (op.since && !this._host.supports(op.since)) {
          throw officeError("ApiNotFound", op.what, `${op.what} needs ExcelApi ${op.since}; this Excel has ${this._host.config.apiVersion}.`);
        }
        op.run(this);
        if (op.write) writes++;
      }
      if (limit !== null && this._responseBytes > limit) {
        throw officeError("ResponsePayloadSizeLimitExceeded", "RequestContext.sync");
      }
      this._host.responded(this._responseBytes); // only a response that is delivered
      for (const commit of this._staged) commit();
    } finally {
      // Operations before a failing one stay applied, as in Excel: a batch is not a transaction.
      if (writes > 0) this._host.applied(writes);
      if (this._changes.length > 0) this._host.emitChanges(this._changes, "ThisLocalAddin");
      for (const id of this._activations) this._host.emitActivated(id);
      this._staged = [];
      this._changes = [];
      this._activations = [];
    }
  }
}

export class FakeRuntime {
  constructor(private readonly _ctx: FakeRequestContext) {}
  private _local: boolean | undefined;
  private _loadedEnable: boolean | undefined;
  /** RequestContext.runtime.enableEvents (ExcelApi 1.8): toggles events for this add-in. */
  get enableEvents(): boolean {
    const v = this._local ?? this._loadedEnable;
    if (v === undefined) throw officeError("PropertyNotLoaded", "Runtime.enableEvents");
    return v;
  }
  set enableEvents(on: boolean) {
    this._local = on;
    this._ctx._enqueue({ what: "Runtime.enableEvents", since: "1.8", payload: 40, run: (ctx) => ctx._host.setEventsEnabled(on) });
  }
  load(_props?: unknown): this {
    this._ctx._enqueue({
      what: "Runtime.load",
      since: "1.8",
      payload: 40,
      run: (ctx) => {
        const v = ctx._host.eventsEnabled();
        ctx._staged.push(() => (this._loadedEnable = v));
      },
    });
    return this;
  }
}

export class FakeApplication {
  constructor(private readonly _ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this._ctx._enqueue({ what: "Application.suspendApiCalculationUntilNextSync", since: "1.6", payload: 40, run: () => undefined });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._ctx._enqueue({ what: "Application.suspendScreenUpdatingUntilNextSync", since: "1.9", payload: 40, run: () => undefined });
  }
}

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

/** Property paths asked for by load(); null means "all scalar properties". */
export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const list = (x: string | string[] | undefined): string[] =>
    x === undefined ? [] : (Array.isArray(x) ? x : x.split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
  if (typeof spec === "string" || Array.isArray(spec)) return list(spec);
  return [...list(spec.select), ...list(spec.expand)];
}

export interface PropSpec {
  get(): unknown;
  since?: string;
}

/**
 * Base of every proxy object. Subclasses say which scalar properties they have (`_props`), which child objects
 * (`_navs`) and whether they resolved to nothing (`_isNull`, for *OrNullObject).
 */
export abstract class ClientObject {
  readonly _ctx: FakeRequestContext;
  readonly _type: string;
  _values = new Map<string, unknown>();
  /** undefined until the sync that resolved this object ran. */
  _null: boolean | undefined;

  constructor(ctx: FakeRequestContext, type: string) {
    this._ctx = ctx;
    this._type = type;
  }

  _children = new Map<string, unknown>();
  /** Navigation properties return the same object each time, as Office.js does. */
  _child<T>(name: string, make: () => T): T {
    if (!this._children.has(name)) this._children.set(name, make());
    return this._children.get(name) as T;
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  /** *OrNullObject results: readable after the sync that resolved the object (docs: "OrNullObject methods and properties"). */
  get isNullObject(): boolean {
    const n = this._nullState();
    if (n === undefined) throw officeError("PropertyNotLoaded", `${this._type}.isNullObject`);
    return n;
  }

  _nullState(): boolean | undefined {
    return this._null;
  }

  abstract _props(): Record<string, PropSpec>;
  _navs(): Record<string, () => ClientObject> {
    return {};
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    const props = this._props();
    const scalars: string[] = [];
    const names = paths ?? Object.keys(props);
    for (const path of names) {
      const [head, ...rest] = path.split("/");
      if (!head) continue;
      if (head in props) scalars.push(head);
      else if (head in this._navs()) (this._navs()[head] as () => ClientObject)().load(rest.length > 0 ? rest.join("/") : undefined);
      else throw new FakeNotModelledError(`${this._type} has no property "${head}" the fake models (load("${path}"))`);
    }
    if (scalars.length === 0 && paths !== null) return this;
    this._ctx._enqueue({
      what: `${this._type}.load`,
      payload: 40,
      run: (ctx) => {
        if (this._nullState() === true) {
          ctx._staged.push(() => scalars.forEach((p) => this._values.set(p, null)));
          return;
        }
        const got = new Map<string, unknown>();
        for (const p of scalars) {
          const spec2 = props[p] as PropSpec;
          if (spec2.since && !ctx._host.supports(spec2.since)) {
            if (paths === null) continue;
            throw officeError("ApiNotFound", `${this._type}.${p}`, `${this._type}.${p} needs ExcelApi ${spec2.since}.`);
          }
          const v = spec2.get();
          got.set(p, v);
          ctx._responseBytes += payloadOf(v);
        }
        ctx._staged.push(() => got.forEach((v, p) => this._values.set(p, v)));
      },
    });
    return this;
  }

  /** Reads a loaded (or locally set) property; throws PropertyNotLoaded like Office.js otherwise. */
  _read<T>(name: string): T {
    if (this._values.has(name)) return this._values.get(name) as T;
    if (this._nullState() === true) return null as T;
    throw officeError("PropertyNotLoaded", `${this._type}.${name}`, `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }

  /** Sets a property: Office.js keeps the value locally at once and sends the change at the next sync. */
  _write(name: string, value: unknown, apply: (ctx: FakeRequestContext) => void, since?: string): void {
    this._values.set(name, value);
    this._enqueue(`${this._type}.${name}`, payloadOf(value), apply, since);
  }

  _enqueue(what: string, payload: number, apply: (ctx: FakeRequestContext) => void, since?: string): void {
    this._ctx._enqueue({
      what,
      payload,
      write: !NOT_WRITES.test(what),
      ...(since ? { since } : {}),
      run: (ctx) => {
        // Calls on a null object do nothing: the documented "delete if it exists" idiom,
        // worksheets.getItemOrNullObject(name).delete(), relies on it.
        if (this._nullState() === true) return;
        apply(ctx);
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

/** worksheet.onChanged and friends: add() registers at the next sync and returns a handle whose remove() also waits for a sync. */
export class FakeEventHandlers {
  constructor(
    private readonly _owner: ClientObject,
    private readonly _kind: Registration["kind"],
    private readonly _sheetId: () => string | null,
    private readonly _since: string,
  ) {}

  add(handler: (args: never) => unknown): FakeEventHandlerResult {
    const result = strict(new FakeEventHandlerResult(this._owner._ctx), "EventHandlerResult");
    this._owner._enqueue(
      `${this._owner._type}.${this._kind}.add`,
      40,
      (ctx) => {
        result._registration = ctx._host.register({ kind: this._kind, sheetId: this._sheetId(), handler: handler as (a: unknown) => unknown });
      },
      this._since,
    );
    return result;
  }
}

export class FakeEventHandlerResult {
  _registration: Registration | null = null;
  constructor(readonly context: FakeRequestContext) {}
  remove(): void {
    this.context._enqueue({
      what: "EventHandlerResult.remove",
      payload: 40,
      run: () => {
        if (this._registration) this._registration.active = false;
      },
    });
  }
}

/** Ops queued like writes that leave the workbook's contents alone (lookups, selection, event handlers). */
const NOT_WRITES = /(\.getItemAt|^Range\.select|^Worksheet\.activate|Changed\.add|Activated\.add|^EventHandlerResult\.remove)$/;

export function notModelled(what: string): never {
  throw new FakeNotModelledError(`The fake Excel does not model ${what}`);
}

export { FakeOfficeError };
