// Shared setup for the Excel-layer tests: a fake Excel installed as the global host, forms seeded into it.

import type { CellValue } from "../../src/domain/grid";
import { resetOwnWrites } from "../../src/excel/ownWrites";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type Scalar } from "../support/fake-excel";
import { formGrid, GOOD_ROWS, type RowInput } from "../support/form-grid";

export interface Host {
  fake: FakeExcel;
  uninstall: () => void;
}

let current: Host | null = null;

/** A fake Excel installed on globalThis (Excel, Office, OfficeExtension); removed by `teardown`. */
export function setup(options: FakeExcelOptions = {}): FakeExcel {
  teardown();
  const fake = createFakeExcel(options);
  current = { fake, uninstall: fake.install(globalThis) };
  resetOwnWrites();
  return fake;
}

export function teardown(): void {
  current?.uninstall();
  current = null;
}

function toScalars(grid: CellValue[][]): Scalar[][] {
  return grid.map((row) => row.map((v) => (v === null || v === undefined ? "" : v)));
}

/** Seeds a filled-in form (test/support/form-grid) into `sheet` at `at` (default A1); returns the grid. */
export function seedForm(fake: FakeExcel, rows: readonly RowInput[] = GOOD_ROWS, at = "A1", sheet = "Sheet1", options: Parameters<typeof formGrid>[1] = {}): CellValue[][] {
  const grid = formGrid(rows, options);
  fake.sheet(sheet).seed(at, toScalars(grid));
  return grid;
}

/** `n` good indicator rows with distinct names (GOOD_ROWS repeated, level-1 kept on each block start). */
export function manyRows(n: number): RowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = GOOD_ROWS[i % GOOD_ROWS.length] as RowInput;
    return { ...base, level3: `${String(base.level3)}${i + 1}` };
  });
}

/** The sheet's conditional formats with this formula. */
export function cfsWithFormula(fake: FakeExcel, sheet: string, formula: string): string[] {
  return fake
    .sheet(sheet)
    .conditionalFormats.filter((cf) => cf.formula === formula)
    .map((cf) => cf.address)
    .sort();
}

/** Awaits `ms` of fake time (jest modern timers) and lets promise chains settle. */
export async function advance(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
}

/**
 * The whole workbook as plain data, without what differs between equal results (ids, the order merges were
 * made in, cells that hold nothing and carry no format): for "unchanged" and "complete" assertions.
 */
export function workbookShape(fake: FakeExcel): unknown {
  const blankDefault = JSON.stringify({ value: "", formula: null, numberFormat: "General" });
  return {
    active: fake.state.sheets.find((s) => s.id === fake.state.activeSheetId)?.name,
    names: [...fake.state.names].map((n) => [n.name, n.formula, n.visible]).sort(),
    sheets: fake.state.sheets.map((s) => {
      const snap = JSON.parse(fake.sheet(s.name).snapshot()) as {
        cells: Array<[number, { value: unknown; formula: unknown; numberFormat: unknown; format: unknown }]>;
        merges: unknown[];
        validations: Array<{ id?: number }>;
        conditionalFormats: Array<{ id?: string; priority: number }>;
        id?: string;
      };
      const defaultFormat = JSON.stringify(fake.sheet(s.name).format("XFD1048576"));
      snap.cells = snap.cells.filter(([, c]) => !(JSON.stringify({ value: c.value, formula: c.formula, numberFormat: c.numberFormat }) === blankDefault && JSON.stringify(c.format) === defaultFormat));
      snap.merges = snap.merges.map((m) => JSON.stringify(m)).sort();
      snap.validations = snap.validations.map(({ id: _id, ...v }) => v).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      snap.conditionalFormats = [...snap.conditionalFormats].sort((a, b) => a.priority - b.priority).map(({ id: _id, priority: _p, ...cf }) => ({ ...cf, priority: 0 }));
      delete snap.id;
      return snap;
    }),
  };
}

/**
 * Runs `command` once cleanly to learn its result and how many operations its syncs run, then once for every
 * operation index with that operation failing, on a fresh workbook made by `prepare` each time. Returns the
 * shapes seen after each failed run, with the shapes before and after the clean run.
 */
export async function failEveryOperation(
  prepare: () => FakeExcel | Promise<FakeExcel>,
  command: () => Promise<unknown>,
): Promise<{ before: string; complete: string; operations: number; after: Array<{ index: number; shape: string }> }> {
  let fake = await prepare();
  const before = JSON.stringify(workbookShape(fake));
  fake.resetCounters();
  await command();
  const operations = fake.operationCount;
  const complete = JSON.stringify(workbookShape(fake));
  const after: Array<{ index: number; shape: string }> = [];
  for (let index = 0; index < operations; index++) {
    fake = await prepare();
    fake.failAtOperation(index, { code: "GeneralException", message: `fails at operation ${index}` });
    await command();
    after.push({ index, shape: JSON.stringify(workbookShape(fake)) });
  }
  return { before, complete, operations, after };
}
