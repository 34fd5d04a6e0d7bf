// 杂乱表格用例的运行器：messy/*.ts 每个是一张照实际报表样子做的小表和应读出的内容（见 messy-support.ts）。
// 读出的每一项都要核对：指标行（生效的一级、二级指标及各栏）、是否判为错位、表头字段、年度、签字栏、
// 报告为放不进任何一栏的内容、缺少的列。

import { readdirSync } from "fs";
import { join } from "path";
import { INDICATOR_FIELDS, type Form, type IndicatorRow } from "../../../src/domain/form";
import { a1 } from "../../../src/domain/grid";
import { readForms } from "../../../src/domain/reader";
import type { ExpectedForm, MessyFixture } from "./messy-support";

const ROOT = join(__dirname, "messy");

const cases = readdirSync(ROOT)
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => {
    const mod = require(join(ROOT, f)) as { default?: MessyFixture };
    if (!mod.default) throw new Error(`${f} exports no fixture`);
    return [`${f.replace(/\.ts$/, "")}: ${mod.default.title}`, mod.default] as const;
  });

function readingOf(r: IndicatorRow): string {
  return [r.level1, r.level2, ...INDICATOR_FIELDS.slice(2).map((f) => r.values[f])].join("|");
}

function actualLike(form: Form, expected: ExpectedForm) {
  return {
    ...(expected.headerRow !== undefined ? { headerRow: form.headerRow + 1 } : {}),
    ...(expected.year !== undefined ? { year: form.year.value } : {}),
    ...(expected.yearCell !== undefined ? { yearCell: form.year.cell ? a1(form.year.cell.row, form.year.cell.col) : null } : {}),
    ...(expected.title !== undefined ? { title: form.title.text } : {}),
    ...(expected.header !== undefined
      ? { header: Object.fromEntries(Object.keys(expected.header).map((k) => [k, form.header[k as keyof Form["header"]].text])) }
      : {}),
    rows: form.rows.map((r) => ({
      row: r.row + 1,
      read: readingOf(r),
      shifted: r.realignment !== null,
      ...(expected.rows.some((e) => e.points !== undefined) ? { points: r.points } : {}),
    })),
    ...(expected.signoff !== undefined
      ? { signoff: Object.fromEntries(Object.keys(expected.signoff).map((k) => [k, form.signoff[k as keyof Form["signoff"]].text])) }
      : {}),
    unplaced: form.notes.map((n) => [a1(n.cell.row, n.cell.col), n.text]),
    missingColumns: [...form.missingColumns],
  };
}

function expectedLike(expected: ExpectedForm) {
  const withPoints = expected.rows.some((e) => e.points !== undefined);
  return {
    ...expected,
    rows: expected.rows.map((e) => ({ row: e.row, read: e.read, shifted: e.shifted ?? false, ...(withPoints ? { points: e.points ?? null } : {}) })),
    unplaced: (expected.unplaced ?? []).map(([cell, text]) => [cell, text]),
    missingColumns: [...(expected.missingColumns ?? [])],
  };
}

describe("reading messy tables", () => {
  test("there are fixtures", () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  test.each(cases)("%s", (_name, fixture) => {
    const forms = readForms(fixture.grid);
    expect(forms.map((f, i) => actualLike(f, fixture.forms[i] ?? { rows: [] }))).toEqual(fixture.forms.map(expectedLike));
  });
});
