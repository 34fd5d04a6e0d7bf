// Every operation turns what the host throws into a typed error with a Chinese message naming the operation.
import { ScoringMethodSchema } from "../../src/domain/scoring";
import { ExcelOperationError, fromHostError, type Result } from "../../src/excel/errors";
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

/** Operations whose read is bounded (sheetGrid.syncFirstRead). */
const BOUNDED_READS = new Set([
  "checkActiveSheet", "installNativeRules", "writeStandards", "fillBlankStandards", "readSelectionRows", "previewNextFiscalYear", "makeNextFiscalYear", "addIndicatorRows", "setPrintMerges"]);

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
    if (code === "ResponsePayloadSizeLimitExceeded" && BOUNDED_READS.has(_name)) {
      // A first read too big for one response is sent again with fewer rows, the rest in slices.
      expect(r.ok).toBe(true);
      return;
    }
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

describe("fromHostError: each Office error becomes a typed error saying what happened and what to do", () => {
  const office = (code: string, message = "host message") => Object.assign(new Error(message), { code, name: "RichApi.Error" });

  test.each([
    ["InvalidArgument", "host", /参数无效.*请检查/],
    ["ItemNotFound", "host", /已不存在.*请确认/],
    ["GeneralException", "host", /Excel 内部出错.*请保存工作簿后重试/],
    ["InvalidReference", "host", /区域已失效.*请重新选择/],
    ["ActivityLimitReached", "throttled", /忙不过来.*请稍候再试/],
    ["RequestAborted", "throttled", /中断.*请稍候再试/],
    ["EditModeCannotAcquireLock", "host", /正处于编辑状态.*按 Enter 或 Esc 结束单元格编辑/],
    ["InvalidOperationInCellEditMode", "host", /正处于编辑状态.*按 Enter 或 Esc 结束单元格编辑/],
    ["Conflict", "conflict", /共同编辑冲突.*待对方的更改同步/],
    ["AccessDenied", "protected", /撤消工作表保护/],
    ["RequestPayloadSizeLimitExceeded", "payload-too-large", /5 MB/],
    ["ApiNotFound", "unsupported", /不支持/],
    ["NotImplemented", "unsupported", /不支持/],
    // Workbook.getSelectedRange throws when several separate areas are selected (its reference page).
    ["InvalidSelection", "no-selection", /多块不相连的区域.*只选中一块连续/],
    ["ItemAlreadyExists", "host", /已经存在.*再试/],
    ["SomethingNew", "host", /（SomethingNew）.*请重试/],
  ])("%s → %s", (code, expected, message) => {
    const e = fromHostError(office(code), "检查");
    expect(e).toBeInstanceOf(ExcelOperationError);
    expect(e.code).toBe(expected);
    expect(e.message).toMatch(/^检查失败：/);
    expect(e.message).toMatch(message);
    expect(e.detail).toBe("host message");
  });

  test("the specific messages are distinct from each other and from the generic one", () => {
    const codes = [
      "InvalidArgument",
      "ItemNotFound",
      "GeneralException",
      "InvalidReference",
      "ActivityLimitReached",
      "Conflict",
      "EditModeCannotAcquireLock",
      "InvalidSelection",
      "ItemAlreadyExists",
      "Unknown1",
    ];
    const messages = codes.map((c) => fromHostError(office(c), "检查").message);
    expect(new Set(messages).size).toBe(codes.length);
  });

  test.each([
    ["a fetch that failed (no code)", new TypeError("Failed to fetch")],
    ["Firefox's wording", new TypeError("NetworkError when attempting to fetch resource.")],
    ["an error named NetworkError", Object.assign(new Error("offline"), { name: "NetworkError" })],
    ["the NetworkError code", office("NetworkError")],
  ])("Excel on the web losing its connection: %s → network", (_what, e) => {
    const mapped = fromHostError(e, "写入表样");
    expect(mapped.code).toBe("network");
    expect(mapped.message).toMatch(/^写入表样失败：与网页版 Excel 的连接中断了.*请检查网络连接/);
  });

  test("an error without a code that is not a network failure stays a host error", () => {
    const mapped = fromHostError(new Error("something odd"), "检查");
    expect(mapped.code).toBe("host");
    expect(mapped.message).toMatch(/未知/);
  });

  test("an operation error passes through unchanged", () => {
    const own = new ExcelOperationError("no-form", "没有表");
    expect(fromHostError(own, "检查")).toBe(own);
  });

  test("through an operation: a throttled sync becomes the throttled error with the operation's name", async () => {
    const fake = setup();
    seedForm(fake);
    fake.failNextSync({ code: "ActivityLimitReached" });
    const r = await checkActiveSheet();
    expect(r.ok ? null : [r.error.code, r.error.message.startsWith("检查失败：")]).toEqual(["throttled", true]);
  });
});
