// Every operation turns what the host throws into a typed error with a Chinese message naming the operation.
import { ScoringMethodSchema } from "../../src/domain/scoring";
import type { Result } from "../../src/excel/errors";
import {
  addIndicatorRows,
  checkActiveSheet,
  fillBlankStandards,
  installNativeRules,
  makeNextFiscalYear,
  previewNextFiscalYear,
  readSelectionRows,
  selectCell,
  setPrintMerges,
  writeStandards,
} from "../../src/excel";
import { GOOD_ROWS } from "../support/form-grid";
import { seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

const OPERATIONS: Array<[string, string, () => Promise<Result<unknown>>]> = [
  ["checkActiveSheet", "检查", () => checkActiveSheet()],
  ["installNativeRules", "安装下拉列表与条件格式", () => installNativeRules()],
  ["writeStandards", "写入评分标准", () => writeStandards({ rows: [8] }, ScoringMethodSchema.parse({ kind: "graded", points: 10 }), { overwrite: true })],
  ["fillBlankStandards", "补齐评分标准", () => fillBlankStandards()],
  ["readSelectionRows", "读取选中的指标行", () => readSelectionRows()],
  ["previewNextFiscalYear", "预览下一年度", () => previewNextFiscalYear()],
  ["makeNextFiscalYear", "生成下一年度", () => makeNextFiscalYear()],
  ["addIndicatorRows", "添加指标行", () => addIndicatorRows(2)],
  ["setPrintMerges", "合并一级指标", () => setPrintMerges(true)],
  ["selectCell", "定位单元格", () => selectCell("Sheet1", "D8")],
];

describe.each(OPERATIONS)("%s", (_name, operation, run) => {
  test.each([
    ["AccessDenied", "protected"],
    ["RequestPayloadSizeLimitExceeded", "payload-too-large"],
    ["ResponsePayloadSizeLimitExceeded", "payload-too-large"],
    ["InvalidOperationInCellEditMode", "host"],
    ["GeneralException", "host"],
  ])("%s → %s", async (code, expected) => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    fake.user.select("Sheet1", "D8");
    fake.failNextSync({ code });
    const r = await run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(expected);
    expect(r.error.message.startsWith(`${operation}失败：`)).toBe(true);
  });

  test("a write refused on a protected sheet is the protected error", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS.map((r) => ({ ...r, scoringStandard: "" })), "A1", "Sheet1", { year: 2027 });
    fake.user.select("Sheet1", "D8");
    fake.sheet("Sheet1").state.protected = true;
    const before = fake.sheet("Sheet1").snapshot();
    const r = await run();
    // Reading and selecting are allowed on a protected sheet; the check reports without marking.
    const readsOnly = ["readSelectionRows", "selectCell", "checkActiveSheet"].includes(_name);
    expect(r.ok ? "ok" : r.error.code).toBe(readsOnly ? "ok" : "protected");
    if (!r.ok) expect(r.error.message).toMatch(/撤消工作表保护/);
    if (_name === "checkActiveSheet" && r.ok) expect((r.value as { notes: string[] }).notes.join("")).toMatch(/受保护/);
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
    expect(fake.state.sheets.filter((s) => s.visibility === "Visible")).toHaveLength(1); // no half-made copy
  });
});
