// The task pane's real markup in jsdom, a fake workbook api and hostile cell text, for the views' tests.
// The body of taskpane.html is used as shipped, so a view that needs an id the page lacks fails here too.
import { readFileSync } from "fs";
import { join } from "path";
import type { PaneApi, PaneResult } from "../../src/taskpane/api-types";
import { zh } from "../../src/taskpane/messages/zh";
import { createStore, initialState, type PaneState, type Store } from "../../src/taskpane/state";
import { createStatus, type Status } from "../../src/taskpane/views/status";

/** Cell text a colleague could type: markup, an entity and a bold tag must all show as typed. */
export const HOSTILE = '<img src=x onerror="window.__xss=1"><b>粗</b>&amp;培训';

const HTML = readFileSync(join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const BODY = /<body>([\s\S]*)<\/body>/.exec(HTML)?.[1] ?? "";

/** Elements made from markup that should have stayed text. */
export function injected(root: ParentNode = document.body): Element[] {
  return Array.from(root.querySelectorAll("img, b, script"));
}

export function ok<T>(value: T): Promise<PaneResult<T>> {
  return Promise.resolve({ ok: true, value });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets pending promise callbacks (the views' awaits) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A workbook that answers every call with an empty success; tests override what they need. */
export function fakeApi(overrides: Partial<PaneApi> = {}): jest.Mocked<PaneApi> {
  const api: PaneApi = {
    insertForm: () => ok({ sheetName: "2027年", notes: [] }),
    setPrintMerges: () => ok(undefined),
    addIndicatorRows: (count) => ok({ added: count }),
    engineReady: () => null,
    check: () => ok({ sheetName: "Sheet1", forms: [], findings: [] }),
    markFindings: () => ok({ sheetName: "Sheet1", forms: [], findings: [] }),
    clearMarks: () => ok({ removed: 0, message: "没有检查标记。" }),
    startLiveCheck: () => ok({ stop: () => undefined }),
    watchSelection: () => ok({ stop: () => undefined }),
    writeRowStandards: () => ok({ moved: false as const, written: 0, skipped: 0, pointsTotal: null, rows: [] }),
    loadLiveCheck: () => false,
    saveLiveCheck: () => ok(undefined),
    selectCell: () => ok(undefined),
    readSelection: () => Promise.resolve({ ok: false, error: { message: "没有选中指标行。", code: "no-selection" } }),
    writeStandards: () => ok({ written: 0, skipped: 0, pointsTotal: null }),
    fillBlankStandards: () => ok({ written: 0, skipped: 0, pointsTotal: null }),
    previewNextYear: () => ok({ fromYear: 2026, toYear: 2027, sheetName: "2027年", edits: [], skipped: [] }),
    makeNextYear: () => ok({ fromYear: 2026, toYear: 2027, sheetName: "2027年", edits: [], skipped: [] }),
    makeSelfEvaluation: () => ok({ sheetName: "2026年自评", notes: [] }),
    capabilities: () => [],
    loadExpectedTotal: () => 90,
    saveExpectedTotal: () => ok(undefined),
    ...overrides,
  };
  for (const key of Object.keys(api) as Array<keyof PaneApi>) {
    (api as unknown as Record<string, unknown>)[key] = jest.fn(api[key] as (...args: never[]) => unknown);
  }
  return api as jest.Mocked<PaneApi>;
}

export interface Pane {
  store: Store;
  status: Status;
}

/** A fresh page holding the pane's markup, one store and its message bars. */
export function mountPane(settings: PaneState["settings"] = { expectedTotal: 90, liveCheck: false }): Pane {
  document.body.innerHTML = BODY;
  const store = createStore(initialState(settings));
  return { store, status: createStatus(zh, store) };
}

export function byIdIn<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node as T;
}

/** The message bars' texts, newest first. */
export function bars(): string[] {
  return Array.from(document.querySelectorAll("#messages .message-text")).map((n) => n.textContent ?? "");
}

/** The operation buttons (data-op) that are enabled now, by id. */
export function enabledOps(): string[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-op]"))
    .filter((b) => !b.disabled)
    .map((b) => b.id);
}

export function click(id: string): void {
  byIdIn(id).click();
}

export function type(id: string, value: string): void {
  const input = byIdIn<HTMLInputElement>(id);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}
