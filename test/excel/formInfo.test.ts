// Facts about a form several operations need: its span, anchor, points, and a fingerprint that changes with its cells.

import type { CellValue, Grid } from "../../src/domain/grid";
import { readForms } from "../../src/domain/reader";
import { formAnchor, formAtRow, formFingerprint, formSpan, pointsTotal } from "../../src/excel/formInfo";
import { nativeCoverage, nativeFormatsOf, templateBlock } from "../../src/excel/nativeRules";
import { conditionalFormatSpecs, PREFIXED_NAMES } from "../../src/domain/native";
import { formGrid, GOOD_ROWS, type RowInput } from "../support/form-grid";

/** `grid` moved down `rows` and right `cols`. */
function shifted(grid: Grid, rows: number, cols: number): CellValue[][] {
  return [...Array.from({ length: rows }, () => [] as CellValue[]), ...grid.map((r) => [...new Array<CellValue>(cols).fill(null), ...r])];
}

function onlyForm(grid: Grid) {
  const forms = readForms(grid);
  expect(forms).toHaveLength(1);
  return forms[0]!;
}

describe("formSpan and formAnchor", () => {
  test("the standard form: from its title down to the last sign-off line", () => {
    const form = onlyForm(formGrid(GOOD_ROWS));
    expect(formSpan(form)).toEqual({ top: 0, bottom: 15 });
    expect(formAnchor(form)).toBe("A1");
  });

  test("a form placed lower and to the right", () => {
    const form = onlyForm(shifted(formGrid(GOOD_ROWS), 3, 2));
    expect(formSpan(form)).toEqual({ top: 3, bottom: 18 });
    expect(formAnchor(form)).toBe("C4");
  });

  test("without title, year and sign-off lines: the grid header to the last indicator row; anchored at its first column", () => {
    const grid = formGrid(GOOD_ROWS, { signoff: [] }).map((r) => [...r]);
    for (let r = 0; r <= 4; r++) grid[r] = [];
    for (let r = 12; r < grid.length; r++) grid[r] = [];
    const form = onlyForm(grid);
    expect(form.title.cell).toBeNull();
    expect(formSpan(form)).toEqual({ top: form.headerRow, bottom: form.lastRow });
    expect(formAnchor(form)).toBe(`B${form.headerRow + 1}`);
  });

  test("formAtRow: the form whose span holds the row, from its first to its last row only", () => {
    const top = formGrid(GOOD_ROWS);
    const grid = [...top, [], [], ...top];
    const forms = readForms(grid);
    expect(forms).toHaveLength(2);
    const second = top.length + 2;
    expect(formAtRow(forms, 0)).toBe(forms[0]);
    expect(formAtRow(forms, 15)).toBe(forms[0]);
    expect(formAtRow(forms, 16)).toBeUndefined();
    expect(formAtRow(forms, second - 1)).toBeUndefined();
    expect(formAtRow(forms, second)).toBe(forms[1]);
    expect(formAtRow(forms, second + 15)).toBe(forms[1]);
    expect(formAtRow(forms, second + 16)).toBeUndefined();
  });
});

describe("pointsTotal", () => {
  test("the points the standards state, added up", () => {
    expect(pointsTotal(onlyForm(formGrid(GOOD_ROWS)))).toBe(90);
  });

  test("null when no row states any points; rows without points are left out", () => {
    const none = GOOD_ROWS.map((r) => ({ ...r, scoringStandard: "按完成情况评分。" }));
    expect(pointsTotal(onlyForm(formGrid(none)))).toBeNull();
    const one: RowInput[] = none.map((r, i) => (i === 2 ? { ...r, scoringStandard: "达到90%得7.5分，每低1个百分点扣1分。" } : r));
    expect(pointsTotal(onlyForm(formGrid(one)))).toBe(7.5);
  });

  test("a 分值 column wins over the standards, and its sum is rounded to cents", () => {
    const grid = formGrid(GOOD_ROWS).map((r) => [...r]);
    const form0 = onlyForm(grid);
    const col = 10;
    grid[form0.headerRow]![col] = "分值";
    const points = [0.1, 0.2, null, 1.005, 2, 3];
    form0.rows.forEach((r, i) => (grid[r.row]![col] = points[i] ?? null));
    const form = onlyForm(grid);
    expect(form.columns.points).toBe(col);
    expect(pointsTotal(form)).toBe(Math.round((0.1 + 0.2 + 1.005 + 2 + 3) * 100) / 100);
    expect(pointsTotal(form)).toBe(6.31);
  });
});

describe("formFingerprint", () => {
  const grid = formGrid(GOOD_ROWS);
  const form = onlyForm(grid);
  const print = formFingerprint(grid, form);
  const edited = (row: number, col: number, value: CellValue): string => {
    const copy = grid.map((r) => [...r]);
    copy[row]![col] = value;
    return formFingerprint(copy, form);
  };

  test("is FNV-1a (32 bits) over each non-empty cell's row, column and text", () => {
    let h = 0x811c9dc5;
    for (let r = 0; r <= 15; r++) {
      (grid[r] ?? []).forEach((v, c) => {
        const t = v === null || v === undefined ? "" : String(v).replace(/[\s\u00a0\u3000]+/g, " ").trim();
        if (t === "") return;
        for (const ch of `${r},${c}:${t}\u0001`) {
          for (let i = 0; i < ch.length; i++) {
            h ^= ch.charCodeAt(i);
            h = Math.imul(h, 0x01000193) >>> 0;
          }
        }
      });
    }
    expect(print).toBe(`0-15-${h.toString(16)}`);
  });

  test("names the span and is the same for the same cells", () => {
    expect(print).toMatch(/^0-15-[0-9a-f]+$/);
    expect(formFingerprint(grid.map((r) => [...r]), form)).toBe(print);
  });

  test("changes with any cell of the form, the first and last rows and columns included", () => {
    const seen = new Set([print]);
    for (const [row, col, value] of [
      [0, 0, "另一个标题"],
      [15, 5, "单位负责人：王五"],
      [8, 3, "改过的指标"],
      [8, 0, "x"],
      [8, 9, "备注"],
      [8, 14, "表外的字"],
      [6, 5, 121],
    ] as const) {
      const p = edited(row, col, value);
      expect(seen.has(p)).toBe(false);
      seen.add(p);
    }
  });

  test("a text moved to the next cell is a change; a blank cell and an empty text are the same", () => {
    expect(edited(8, 10, "甲")).not.toBe(edited(8, 11, "甲"));
    expect(edited(8, 10, "甲")).not.toBe(edited(9, 10, "甲"));
    expect(edited(8, 10, "")).toBe(print);
    expect(edited(8, 10, null)).toBe(print);
  });

  test("rows outside the span do not count", () => {
    expect(edited(16, 0, "表下的字")).toBe(print);
    expect(edited(20, 3, "表下的字")).toBe(print);
  });
});

describe("templateBlock and nativeCoverage", () => {
  test("a form in the standard columns: its block from the row under the header to its last row", () => {
    const form = onlyForm(formGrid(GOOD_ROWS));
    expect(templateBlock(form)).toEqual({ first: 6, last: 11 });
    const lower = onlyForm(shifted(formGrid(GOOD_ROWS), 4, 0));
    expect(templateBlock(lower)).toEqual({ first: 10, last: 15 });
  });

  test("a form in other columns has no template block, so no native coverage", () => {
    const form = onlyForm(shifted(formGrid(GOOD_ROWS), 0, 1));
    expect(templateBlock(form)).toBeNull();
    expect(nativeCoverage(form, null)).toBeNull();
  });

  test("without native formats there is no coverage", () => {
    const form = onlyForm(formGrid(GOOD_ROWS));
    expect(nativeCoverage(form, null)).toBeNull();
    expect(nativeCoverage(form, { items: [] } as unknown as Excel.ConditionalFormatCollection)).toBeNull();
  });
});

describe("nativeFormatsOf", () => {
  const cfs = (formulas: ReadonlyArray<string | null>, type = "Custom") =>
    ({
      items: formulas.map((formula) => ({ type, customOrNullObject: formula === null ? { isNullObject: true } : { isNullObject: false, rule: { formula } } })),
    }) as unknown as Excel.ConditionalFormatCollection;

  test("finds the block's native formats, in any spelling, and the last row their formulas name", () => {
    const specs = conditionalFormatSpecs({ first: 6, last: 20 });
    // Excel's spelling: no "=", lower case and a space after each comma outside quoted text.
    const respell = (f: string) => f.replace(/^=/, "").split('"').map((part, i) => (i % 2 === 0 ? part.toLowerCase().replace(/,/g, ", ") : part)).join('"');
    const found = nativeFormatsOf(cfs([...specs.map((s) => respell(s.formula)), '=$D7="x"', null]), 6);
    expect(found.items).toHaveLength(specs.length);
    expect(found.last).toBe(20);
    const prefixed = conditionalFormatSpecs({ first: 6, last: 14 }, PREFIXED_NAMES);
    expect(nativeFormatsOf(cfs(prefixed.map((s) => s.formula)), 6)).toEqual({ items: expect.any(Array), last: 14 });
  });

  test("another block's formats, other types and null objects are not this block's", () => {
    const specs = conditionalFormatSpecs({ first: 30, last: 40 });
    expect(nativeFormatsOf(cfs(specs.map((s) => s.formula)), 6)).toEqual({ items: [], last: null });
    expect(nativeFormatsOf(cfs(conditionalFormatSpecs({ first: 6, last: 9 }).map((s) => s.formula), "CellValue"), 6)).toEqual({ items: [], last: null });
    expect(nativeFormatsOf(null, 6)).toEqual({ items: [], last: null });
  });
});
