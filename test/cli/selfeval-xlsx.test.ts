// The self-evaluation workbook's data validations as written: each kind, at its cell, with its message.
import ExcelJS from "exceljs";
import { join } from "path";
import { selfEvalBytes, targetTablesOf } from "../../src/cli/selfeval";
import { columnLetter } from "../../src/domain/grid";
import { drawSelfEvaluation } from "../../src/domain/selfeval";
import { REPO } from "./support";

jest.setTimeout(60_000);

type Model = Record<string, { type: string; formulae: unknown[]; operator?: string; allowBlank?: boolean; showErrorMessage?: boolean; errorStyle?: string; errorTitle?: string; error?: string }>;

it("writes every validation of the drawing at its cell: lists quoted, custom formulas, decimal bounds", async () => {
  const found = await targetTablesOf(join(REPO, "test/fixtures/seed-corrected.csv"));
  if (!found.ok) throw new Error(found.message);
  // One graded qualitative row and one yes/no row, so that every kind of validation is written.
  const table = found.tables[0]!;
  const indicators = table.indicators.map((ind, i) =>
    i === 3 ? { ...ind, valueType: "定性" as const, method: { kind: "graded" as const, points: 15 } }
    : i === 4 ? { ...ind, target: "是", method: { kind: "direct" as const, points: ind.points ?? 10 } }
    : ind,
  );
  found.tables[0] = { ...table, indicators } as typeof table;
  const { bytes, sheets } = await selfEvalBytes(found.tables);
  expect(sheets).toEqual(["2026年自评"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("2026年自评")!;
  const model = (ws as unknown as { dataValidations: { model: Model } }).dataValidations.model;
  const drawing = drawSelfEvaluation(found.tables[0]!);
  expect(new Set(drawing.validations.map((v) => v.kind))).toEqual(new Set(["list", "custom", "decimal"]));
  const expected: Model = {};
  for (const v of drawing.validations) {
    const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "绩效自评", error: v.message };
    const ref = `${columnLetter(v.col)}${v.row + 1}`;
    if (v.kind === "list") expected[ref] = { type: "list", formulae: [`"${v.source}"`], ...common };
    else if (v.kind === "custom") expected[ref] = { type: "custom", formulae: [v.formula], ...common };
    else expected[ref] = { type: "decimal", operator: "between", formulae: [v.min, v.max], ...common };
  }
  expect(Object.keys(model).sort()).toEqual(Object.keys(expected).sort());
  for (const [ref, v] of Object.entries(expected)) expect(model[ref]).toMatchObject(v);
  // Spelled out for one of each, as a reviewer meets them.
  expect(model.D5).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1e12], error: "请填写金额（万元），不小于0。" });
  expect(Object.values(model).some((m) => m.type === "list" && m.formulae[0] === '"基本达成目标,部分实现目标,实现目标程度较低"')).toBe(true);
});
