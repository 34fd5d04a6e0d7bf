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
