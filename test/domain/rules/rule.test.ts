// The rules' shared helpers: the per-check caches, where findings are placed, which rows a field is checked on.
import { readForms } from "../../../src/domain/reader";
import { createContext, findingAt, formAnchor, headerCell, isBlank, rowsWithColumn } from "../../../src/domain/rules/rule";
import { findingMessages } from "../../../src/domain/messages";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/domain/settings";
import { goodForm } from "./support";

const form = readForms(goodForm())[0]!;

describe("createContext", () => {
  test("messages in the settings' language, Chinese when none is set", () => {
    expect(createContext(form, { ...DEFAULT_SETTINGS, language: "en" }).messages).toEqual(findingMessages("en"));
    const unset = { expectedTotal: 90 } as unknown as Settings;
    expect(createContext(form, unset).messages).toEqual(findingMessages("zh"));
    expect(findingMessages("zh")).not.toEqual(findingMessages("en"));
  });

  test("the caches answer as the functions do, null included, and hand back the same object for the same text", () => {
    const ctx = createContext(form, DEFAULT_SETTINGS);
    expect(ctx.points("完成得10分")).toBe(10);
    expect(ctx.points("酌情扣分")).toBeNull();
    expect(ctx.points("酌情扣分")).toBeNull();
    expect(ctx.points("完成得10分")).toBe(10);
    expect(ctx.valueType("＞＝")).toBe("≥");
    expect(ctx.valueType("大约")).toBeNull();
    expect(ctx.valueType("大约")).toBeNull();
    const terms = ctx.terms("培训人次");
    expect([...terms].sort()).toEqual(["人次", "培训", "训人"].sort());
    expect(ctx.terms("培训人次")).toBe(terms);
    expect(ctx.terms("满意度")).not.toBe(terms);
  });
});

describe("where findings go", () => {
  test("findingAt gives the A1 cell and the 1-based row", () => {
    expect(findingAt("level3-missing", "error", { row: 7, col: 3 }, "x")).toEqual({
      rule: "level3-missing",
      severity: "error",
      cell: "D8",
      row: 8,
      message: "x",
    });
  });

  test("headerCell is the header row's leftmost named column, A when the header names none", () => {
    expect(headerCell(form)).toEqual({ row: 5, col: 1 });
    expect(headerCell({ ...form, columns: { level2: 4, level3: 2 } })).toEqual({ row: 5, col: 2 });
    expect(headerCell({ ...form, columns: {} })).toEqual({ row: 5, col: 0 });
  });

  test("formAnchor is the title's cell, else the header cell", () => {
    expect(formAnchor(form)).toEqual({ row: 0, col: 0 });
    expect(formAnchor({ ...form, title: { text: "", cell: null } })).toEqual({ row: 5, col: 1 });
  });

  test("isBlank: only spaces are blank", () => {
    expect([isBlank(""), isBlank(" \n\u3000"), isBlank(" x ")]).toEqual([true, true, false]);
  });

  test("rowsWithColumn: every row when the header has the field's column, none when it lacks it", () => {
    expect(rowsWithColumn(form, "unit")).toBe(form.rows);
    expect(rowsWithColumn({ ...form, columns: { ...form.columns, unit: undefined } }, "unit")).toEqual([]);
  });
});
