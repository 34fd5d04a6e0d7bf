// 规则用例的小工具：一张合格的标准表（test/support/form-grid.ts 的 GOOD_ROWS），每个用例只改几格。
//
// 合格表的位置（1 起算）：表头第 6 行；指标第 7 行（成本）、8（数量）、9（质量）、10（时效）、11（社会效益）、
// 12（满意度）；部门名称 B3、职责 B4、履职目标 B5、年度 A2；填表人 A15、联系电话 F15、填表日期 A16、单位负责人 F16。

import type { RuleId } from "../../../src/domain/findings";
import { parseA1, type CellValue, type Grid } from "../../../src/domain/grid";
import type { Settings } from "../../../src/domain/settings";
import { formGrid, GOOD_ROWS, type RowInput } from "../../support/form-grid";

export interface RuleFixture {
  /** What the case shows, for the test name. */
  title?: string;
  grid: Grid;
  settings?: Partial<Settings>;
  /** Findings that must appear (row 1-based; cell in A1 form when given; message containing every `says` text). */
  expect: ReadonlyArray<{ rule: RuleId; row: number; cell?: string; says?: readonly string[] }>;
  /** Findings that must not appear (at that row, or anywhere when row is left out). */
  reject: ReadonlyArray<{ rule: RuleId; row?: number }>;
  /** `expect` is the complete set for this grid: any other finding fails the case. */
  complete?: boolean;
}

type Expected = RuleFixture["expect"][number];
type Found = Readonly<{ rule: string; row: number; cell: string }>;

export const matchesExpected = (e: Expected, f: Found): boolean =>
  f.rule === e.rule && f.row === e.row && (e.cell === undefined || f.cell === e.cell);

/** Findings that no `expect` entry of the fixture accounts for. */
export function unlisted<F extends Found>(fixture: Pick<RuleFixture, "expect">, findings: readonly F[]): F[] {
  return findings.filter((f) => !fixture.expect.some((e) => matchesExpected(e, f)));
}

/** 1-based sheet row of GOOD_ROWS[i]. */
export const rowOf = (i: number): number => 7 + i;

export interface GoodFormChanges {
  /** Changes merged into GOOD_ROWS by index. */
  rows?: Readonly<Record<number, RowInput>>;
  /** Indicator rows used instead of GOOD_ROWS (before `rows` is applied). */
  replaceRows?: readonly RowInput[];
  goals?: string;
  duties?: string;
  year?: number;
  signoff?: readonly string[];
  /** Cells set last, by A1 address (the grid grows when needed). */
  cells?: Readonly<Record<string, CellValue>>;
}

/** The good form with a few changes. */
export function goodForm(changes: GoodFormChanges = {}): CellValue[][] {
  const rows = (changes.replaceRows ?? GOOD_ROWS).map((r, i) => ({ ...r, ...(changes.rows?.[i] ?? {}) }));
  const header: Partial<Record<"duties" | "goals", string>> = {};
  if (changes.goals !== undefined) header.goals = changes.goals;
  if (changes.duties !== undefined) header.duties = changes.duties;
  const grid = formGrid(rows, {
    header,
    ...(changes.year !== undefined ? { year: changes.year } : {}),
    ...(changes.signoff !== undefined ? { signoff: changes.signoff } : {}),
  });
  return setCells(grid, changes.cells ?? {});
}

export function setCells(grid: CellValue[][], cells: Readonly<Record<string, CellValue>>): CellValue[][] {
  for (const [address, value] of Object.entries(cells)) {
    const { row, col } = parseA1(address);
    while (grid.length <= row) grid.push([]);
    const line = grid[row] ?? [];
    while (line.length <= col) line.push("");
    line[col] = value;
    grid[row] = line;
  }
  return grid;
}

/** Slide a row's cells `by` columns (negative: left), as a paste from Word does. */
export function shiftRow(grid: CellValue[][], row1: number, by: number): CellValue[][] {
  const line = grid[row1 - 1] ?? [];
  const shifted: CellValue[] = new Array<CellValue>(Math.max(line.length, line.length + by)).fill("");
  line.forEach((v, c) => {
    if (c + by >= 0) shifted[c + by] = v;
  });
  grid[row1 - 1] = shifted;
  return grid;
}
