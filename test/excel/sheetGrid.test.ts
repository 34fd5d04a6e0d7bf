// Reading a sheet as a grid anchored at A1: whole or bounded (first rows, then slices of the forms' columns),
// numbers and formulas told apart, a first read too big for one response sent again smaller.

import type { CellValue } from "../../src/domain/grid";
import {
  isFormulaCell,
  isNumberCell,
  queueSheetRead,
  readRestOfSheet,
  sheetFormulasOf,
  sheetGridOf,
  syncFirstRead,
  WINDOW_ROWS,
  type QueuedSheetRead,
} from "../../src/excel/sheetGrid";
import { ensureCell } from "../support/fake-excel/state";
import { manyRows, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

/** Reads Sheet1 (bounded to `bounded` rows when given) and hands the read to `body` after the sync(s). */
async function read<T>(body: (r: QueuedSheetRead) => T, options: { formulas?: boolean; bounded?: number; progress?: Array<[number, number]> } = {}): Promise<T> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const r = queueSheetRead(sheet, options.formulas ?? false, options.bounded ?? false);
    await context.sync();
    await readRestOfSheet(context, r, options.progress ? (done, total) => options.progress?.push([done, total]) : undefined);
    return body(r);
  });
}

describe("a whole read", () => {
  test("the grid starts at A1 whatever the used range's corner; the name comes with it", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("C4", [["甲", 1], ["", "乙"]]);
    const { grid, name } = await read((r) => ({ grid: sheetGridOf(r), name: r.sheet.name }));
    expect(name).toBe("Sheet1");
    expect(grid).toHaveLength(5);
    expect(grid.slice(0, 3)).toEqual([[], [], []]);
    expect(grid[3]).toEqual([null, null, "甲", 1]);
    expect(grid[4]).toEqual([null, null, "", "乙"]);
  });

  test("a used range at A1 is not padded", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", [["甲", "乙"]]);
    expect(await read((r) => sheetGridOf(r))).toEqual([["甲", "乙"]]);
  });

  test("an empty sheet: an empty grid, no number, no formula", async () => {
    setup();
    const out = await read((r) => [sheetGridOf(r), sheetFormulasOf(r), isNumberCell(r, 0, 0), isFormulaCell(r, 0, 0)], { formulas: true });
    expect(out).toEqual([[], [], false, false]);
  });

  test("numbers in a percent format read as the percent shown", async () => {
    const fake = setup();
    fake.user.edit("Sheet1", "B2", "95%");
    fake.sheet("Sheet1").seed("C2", [[0.95]]);
    const grid = await read((r) => sheetGridOf(r));
    expect(grid[1]).toEqual([null, "95%", 0.95]);
  });

  test("numbers, formulas and text that only looks like a formula", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("B2", [[12, "十二"]]);
    fake.user.edit("Sheet1", "B3", "=1+1");
    fake.user.edit("Sheet1", "C3", "'=不是公式");
    const out = await read(
      (r) => ({
        numbers: [isNumberCell(r, 1, 1), isNumberCell(r, 1, 2), isNumberCell(r, 2, 1), isNumberCell(r, 9, 9), isNumberCell(r, 1, 9)],
        formulas: [isFormulaCell(r, 2, 1), isFormulaCell(r, 2, 2), isFormulaCell(r, 1, 1), isFormulaCell(r, 9, 9)],
        formulaGrid: sheetFormulasOf(r)[2],
      }),
      { formulas: true },
    );
    expect(out.numbers).toEqual([true, false, false, false, false]);
    expect(out.formulas).toEqual([true, false, false, false]);
    expect(out.formulaGrid).toEqual([null, "=1+1", "=不是公式"]);
  });

  test("without formulas loaded no cell is a formula and the formula grid is empty rows", async () => {
    const fake = setup();
    fake.user.edit("Sheet1", "A1", "=1+1");
    fake.sheet("Sheet1").seed("A2", [["x"]]);
    const out = await read((r) => [isFormulaCell(r, 0, 0), sheetFormulasOf(r)]);
    expect(out).toEqual([false, []]);
  });
});

describe("a bounded read", () => {
  test("the same grid as a whole read, in the first rows and then slices, with progress", async () => {
    const fake = setup();
    seedForm(fake, manyRows(60));
    const whole = await read((r) => sheetGridOf(r));
    fake.resetCounters();
    const progress: Array<[number, number]> = [];
    const bounded = await read((r) => sheetGridOf(r), { bounded: 10, progress });
    expect(bounded).toEqual(whole);
    expect(fake.syncCount).toBe(2);
    expect(progress).toEqual([
      [10, whole.length],
      [whole.length, whole.length],
    ]);
  });

  test("a sheet within the first rows: no second round trip; progress says all is read", async () => {
    const fake = setup();
    seedForm(fake);
    fake.resetCounters();
    const progress: Array<[number, number]> = [];
    const grid = await read((r) => sheetGridOf(r), { progress });
    expect(fake.syncCount).toBe(1);
    expect(grid.length).toBeGreaterThan(10);
    expect(progress).toEqual([]);
    fake.resetCounters();
    const progress2: Array<[number, number]> = [];
    await read((r) => sheetGridOf(r), { bounded: WINDOW_ROWS, progress: progress2 });
    expect(fake.syncCount).toBe(1);
    expect(progress2).toEqual([[grid.length, grid.length]]);
  });

  test("the grid is refused before the rest is read", async () => {
    const fake = setup();
    seedForm(fake);
    await Excel.run(async (context) => {
      const r = queueSheetRead(context.workbook.worksheets.getItem("Sheet1"), false, 5);
      await context.sync();
      expect(() => sheetGridOf(r)).toThrow(/readRestOfSheet/);
      await readRestOfSheet(context, r);
      expect(sheetGridOf(r).length).toBeGreaterThan(5);
      const syncs = fake.syncCount;
      await readRestOfSheet(context, r); // a second call reads nothing more
      expect(fake.syncCount).toBe(syncs);
    });
  });

  test("an empty sheet: nothing more to read", async () => {
    const fake = setup();
    const progress: Array<[number, number]> = [];
    const grid = await read((r) => sheetGridOf(r), { bounded: 5, progress });
    expect(grid).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(progress).toEqual([]);
  });

  test("a used range that starts below the first rows is read whole in slices", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("B30", [["甲"], ["乙"]]);
    const progress: Array<[number, number]> = [];
    const grid = await read((r) => sheetGridOf(r), { bounded: 10, progress });
    expect(grid[29]).toEqual([null, "甲"]);
    expect(grid[30]).toEqual([null, "乙"]);
    expect(progress).toEqual([[0, 2], [2, 2]]);
  });

  test("below the first rows: the forms' columns and three more either side, within the used range", async () => {
    const fake = setup();
    const grid0 = seedForm(fake, manyRows(40));
    const bottom = grid0.length - 1;
    // The form's columns are B..J (1..9): columns up to M (12) come along, N (13) does not.
    fake.sheet("Sheet1").seed(`M${bottom + 1}`, [["右边三列内", "右边四列"]]);
    fake.sheet("Sheet1").seed("N3", [["首几行里"]]);
    const grid = await read((r) => sheetGridOf(r), { bounded: 10 });
    expect(grid[bottom]?.[12]).toBe("右边三列内");
    expect(grid[bottom]?.[13] ?? null).toBeNull();
    expect(grid[2]?.[13]).toBe("首几行里");
    expect(grid[bottom]?.[0]).toBe(grid0[bottom]?.[0] ?? "");
  });

  test("numbers and formulas in a later slice are found there", async () => {
    const fake = setup();
    seedForm(fake, manyRows(40));
    fake.sheet("Sheet1").seed("K40", [[7]]);
    fake.user.edit("Sheet1", "K41", "=2*3");
    const out = await read((r) => [isNumberCell(r, 39, 10), isFormulaCell(r, 40, 10), isNumberCell(r, 2, 10), sheetFormulasOf(r)[40]?.[10]], { formulas: true, bounded: 10 });
    expect(out).toEqual([true, true, false, "=2*3"]);
  });

  test("slices are sized from what the rows read so far weigh (about 2 MB a slice), never fewer than 50 rows", async () => {
    const sliceSteps = async (chars: number): Promise<{ steps: number[]; grid: CellValue[][] }> => {
      const fake = setup();
      const rows = manyRows(160).map((r, i) => ({ ...r, explanation: `${i}`.padEnd(chars, "释") }));
      const grid = seedForm(fake, rows);
      const progress: Array<[number, number]> = [];
      await read((r) => sheetGridOf(r), { bounded: 10, progress });
      return { steps: progress.slice(1).map(([done], i) => done - (progress[i]?.[0] ?? 0)), grid };
    };
    /** UTF-8 bytes of values and formats as the layer estimates them: three a character, eight a number. */
    const perRow = (rows: CellValue[][]): number =>
      (rows.flat().reduce<number>((n, v) => n + (typeof v === "number" ? 8 : String(v ?? "").length * 3 + 3), 0) / rows.length) * 2;
    // 10,000 characters a row: the first slice is sized from the first ten rows (four of them long), the next
    // from the long rows (about 34 would make 2 MB: 50 is the least).
    const heavy = await sliceSteps(10_000);
    expect(heavy.steps[0]).toBe(Math.floor((2 * 1024 * 1024) / perRow(heavy.grid.slice(0, 10))));
    expect(heavy.steps.slice(1, -1)).toEqual(new Array<number>(heavy.steps.length - 2).fill(50));
    expect(heavy.steps.length).toBeGreaterThan(2);
    // Short rows: the rest in one slice.
    expect((await sliceSteps(10)).steps).toHaveLength(1);
  });
});

describe("reads at their edges", () => {
  test("only cells with values make the used range: a formatted cell far below adds no rows", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", [["甲"]]);
    ensureCell(fake.sheet("Sheet1").state, 49, 2).format.fill = "#FFFF00";
    expect(await read((r) => sheetGridOf(r))).toEqual([["甲"]]);
    expect(await read((r) => sheetGridOf(r), { bounded: 10 })).toEqual([["甲"]]);
  });

  test("bounded: true reads the first WINDOW_ROWS rows in the one sync", async () => {
    const fake = setup();
    seedForm(fake);
    fake.resetCounters();
    const grid = await Excel.run(async (context) => {
      const r = queueSheetRead(context.workbook.worksheets.getItem("Sheet1"), false, true);
      await context.sync();
      await readRestOfSheet(context, r);
      return sheetGridOf(r);
    });
    expect(fake.syncCount).toBe(1);
    expect(grid.length).toBeGreaterThan(10);
  });

  test("one row past the first rows, and the first row of a later slice, are read and found", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", Array.from({ length: 11 }, (_, i) => [i + 1]));
    const out = await read((r) => [sheetGridOf(r).length, sheetGridOf(r)[10], isNumberCell(r, 10, 0), isNumberCell(r, 9, 0), isNumberCell(r, 11, 0)], { bounded: 10 });
    expect(out).toEqual([11, [11], true, true, false]);
  });

  test("a form to the right: below the first rows its columns and three either side, not the whole width", async () => {
    const fake = setup();
    const grid0 = seedForm(fake, manyRows(40), "E1");
    const bottom = grid0.length - 1;
    // The form's columns are F..N (5..13): Q (16) comes along, R (17) and T (19) do not; B (1) is left of the band.
    fake.sheet("Sheet1").seed(`Q${bottom + 1}`, [["三列内", "四列外", "", "远处"]]);
    fake.sheet("Sheet1").seed(`B${bottom + 1}`, [["左边"]]);
    fake.sheet("Sheet1").seed("A1", [["左上"]]);
    const grid = await read((r) => sheetGridOf(r), { bounded: 10 });
    expect(grid[bottom]?.[16]).toBe("三列内");
    expect(grid[bottom]?.[17] ?? null).toBeNull();
    expect(grid[bottom]?.[19] ?? null).toBeNull();
    expect(grid[bottom]?.[1] ?? null).toBeNull();
    expect(grid[bottom]?.[4]).toBe(grid0[bottom]?.[0] ?? "");
  });

  test("later slices are sized from the rows read so far", async () => {
    const fake = setup();
    const rows = manyRows(400).map((r, i) => ({ ...r, explanation: `${i}`.padEnd(3000, "释") }));
    const grid = seedForm(fake, rows);
    const progress: Array<[number, number]> = [];
    await read((r) => sheetGridOf(r), { bounded: 10, progress });
    const starts = progress.map(([done]) => done);
    const perRow = (from: number, to: number): number =>
      (grid.slice(from, to).flat().reduce<number>((n, v) => n + (typeof v === "number" ? 8 : String(v ?? "").length * 3 + 3), 0) / (to - from)) * 2;
    const first = perRow(0, 10);
    expect(starts[1]! - starts[0]!).toBe(Math.floor((2 * 1024 * 1024) / first));
    const second = Math.max(first, perRow(starts[0]!, starts[1]!));
    expect(starts[2]! - starts[1]!).toBe(Math.floor((2 * 1024 * 1024) / second));
    expect(starts[2]! - starts[1]!).toBeGreaterThan(50);
  });

  test("without formulas asked for, none are sent", async () => {
    const bytes = async (formulas: boolean): Promise<number> => {
      const fake = setup();
      seedForm(fake, manyRows(30));
      fake.resetCounters();
      await read((r) => sheetGridOf(r), { bounded: 10, formulas });
      return fake.responseBytes;
    };
    expect(await bytes(false)).toBeLessThan(await bytes(true));
  });
});

describe("syncFirstRead", () => {
  test("a first read too big for one response is queued again with 50 rows; any other failure is thrown", async () => {
    const fake = setup();
    seedForm(fake);
    const windows: number[] = [];
    const grid = await Excel.run(async (context) => {
      fake.failNextSync({ code: "ResponsePayloadSizeLimitExceeded" });
      const r = await syncFirstRead(context, (rows) => {
        windows.push(rows);
        return queueSheetRead(context.workbook.worksheets.getItem("Sheet1"), false, rows);
      });
      await readRestOfSheet(context, r);
      return sheetGridOf(r);
    });
    expect(windows).toEqual([WINDOW_ROWS, 50]);
    expect(grid.length).toBeGreaterThan(10);
    expect(WINDOW_ROWS).toBe(1200);

    const tries: number[] = [];
    fake.failNextSync({ code: "GeneralException" });
    await expect(
      Excel.run(async (context) => {
        await syncFirstRead(context, (rows) => {
          tries.push(rows);
          return queueSheetRead(context.workbook.worksheets.getItem("Sheet1"), false, rows);
        });
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(tries).toEqual([WINDOW_ROWS]);
  });
});
