// The Excel layer speaks the operation's language: options.language, else Office's display language (English
// unless it starts with "zh"), else Chinese. Errors, notes and the domain's findings all follow it.
import { checkGrid } from "../../src/domain/rules";
import { ScoringMethodSchema } from "../../src/domain/scoring";
import type { Result } from "../../src/excel/errors";
import { fromHostError } from "../../src/excel/errors";
import { hostCapabilities, REQUIREMENTS, requirementsIn } from "../../src/excel/host";
import {
  addIndicatorRows,
  checkActiveSheet,
  fillBlankStandards,
  insertForm,
  installNativeRules,
  makeNextFiscalYear,
  previewNextFiscalYear,
  readSelectionRows,
  selectCell,
  setPrintMerges,
  startLiveCheck,
  writeStandards,
  type LiveReport,
} from "../../src/excel";
import { enExcel, excelMessages, operationName, zhExcel, type ExcelMessages } from "../../src/excel/messages";
import { languageOf } from "../../src/excel/run";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";
import { seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

/** Chinese outside “…” and "…" (cell text, sheet names and the form's own words stay as written). */
function cjkOutsideQuotes(text: string): string {
  const outside = text.replace(/“[^“”]*”/g, "").replace(/"[^"]*"/g, "");
  return (outside.match(/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/g) ?? []).join("");
}

function rowsWithProblems(): RowInput[] {
  const rows = GOOD_ROWS.map((r) => ({ ...r }));
  rows[1] = { ...rows[1], scoringStandard: "" };
  rows[2] = { ...rows[2], explanation: "考核社会组织年检率情况。", level3: "" };
  return rows;
}

describe("checkActiveSheet in English", () => {
  test("language en: the same findings as in Chinese, worded in English", async () => {
    const fake = setup();
    const grid = seedForm(fake, rowsWithProblems());
    const r = await checkActiveSheet({ language: "en", mark: false });
    if (!r.ok) throw r.error;
    const zh = checkGrid(grid, { expectedTotal: 90 }).findings;
    expect(zh.length).toBeGreaterThan(1);
    expect(r.value.findings.map((f) => [f.rule, f.cell])).toEqual(zh.map((f) => [f.rule, f.cell]));
    for (const f of r.value.findings) {
      expect(cjkOutsideQuotes(f.message)).toBe("");
      expect(f.message).toMatch(/[A-Za-z]{4}/);
    }
    expect(r.value.findings.find((f) => f.rule === "scoring-missing")?.message).toMatch(/^The "评（扣）分标准" \(scoring standard\) is empty/);
  });

  test("without a language: Office's display language decides; an explicit language wins", async () => {
    const english = setup({ displayLanguage: "en-US" });
    seedForm(english, rowsWithProblems());
    const byOffice = await checkActiveSheet({ mark: false });
    const forced = await checkActiveSheet({ mark: false, language: "zh" });
    if (!byOffice.ok || !forced.ok) throw new Error("check failed");
    expect(byOffice.value.findings[0]?.message).toMatch(/^[A-Z]/);
    expect(forced.value.findings[0]?.message).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(cjkOutsideQuotes(forced.value.findings[0]?.message ?? "")).not.toBe("");

    const chinese = setup({ displayLanguage: "zh-TW" });
    seedForm(chinese, rowsWithProblems());
    const zh = await checkActiveSheet({ mark: false });
    if (!zh.ok) throw zh.error;
    expect(cjkOutsideQuotes(zh.value.findings[0]?.message ?? "")).not.toBe("");
  });

  test("settings passed in keep their total; the language comes from the options", async () => {
    const fake = setup();
    seedForm(fake);
    const r = await checkActiveSheet({ mark: false, language: "en", settings: { expectedTotal: 100 } });
    if (!r.ok) throw r.error;
    const total = r.value.findings.find((f) => f.rule === "score-total");
    expect(total?.message).toMatch(/should add up to 100/);
  });

  test("no form on the sheet: the no-form error in English", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", [["nothing here"]]);
    const r = await checkActiveSheet({ language: "en" });
    expect(r.ok ? null : [r.error.code, cjkOutsideQuotes(r.error.message)]).toEqual(["no-form", ""]);
    expect(r.ok ? "" : r.error.message).toMatch(/^No performance target form was found on this sheet/);
  });

  test("live re-checks report English findings when asked", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const reports: Array<Result<LiveReport>> = [];
    const live = await startLiveCheck((r) => reports.push(r), { language: "en", debounceMs: 0 });
    if (!live.ok) throw live.error;
    for (let i = 0; i < 20 && reports.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await live.value.stop();
    const first = reports[0];
    if (!first?.ok) throw new Error("no live report");
    expect(first.value.findings.length).toBeGreaterThan(0);
    for (const f of first.value.findings) expect(cjkOutsideQuotes(f.message)).toBe("");
  });
});

const OPERATIONS: Array<[string, string, () => Promise<Result<unknown>>]> = [
  ["checkActiveSheet", "Check", () => checkActiveSheet({ language: "en" })],
  ["installNativeRules", "Installing dropdowns and conditional formats", () => installNativeRules({ language: "en" })],
  [
    "writeStandards",
    "Writing scoring standards",
    () => writeStandards({ rows: [8] }, ScoringMethodSchema.parse({ kind: "graded", points: 10 }), { overwrite: true, language: "en" }),
  ],
  ["fillBlankStandards", "Filling blank scoring standards", () => fillBlankStandards({ language: "en" })],
  ["readSelectionRows", "Reading the selected indicator rows", () => readSelectionRows({ language: "en" })],
  ["previewNextFiscalYear", "Previewing next year", () => previewNextFiscalYear({ language: "en" })],
  ["makeNextFiscalYear", "Making next year's sheet", () => makeNextFiscalYear({ language: "en" })],
  ["addIndicatorRows", "Adding indicator rows", () => addIndicatorRows(2, { language: "en" })],
  ["setPrintMerges", "Merging level-1 cells", () => setPrintMerges(true, { language: "en" })],
  ["selectCell", "Go to cell", () => selectCell("Sheet1", "D8", { language: "en" })],
  ["insertForm", "Inserting the form", () => insertForm({ language: "en" })],
];

describe.each(OPERATIONS)("%s with language en", (name, operation, run) => {
  test.each(["AccessDenied", "GeneralException", "ActivityLimitReached", "SomethingNew"])("a host error %s is told in English", async (code) => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    fake.user.select("Sheet1", "D8");
    fake.failNextSync({ code });
    const r = await run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.startsWith(`${operation} failed: `)).toBe(true);
    expect(cjkOutsideQuotes(r.error.message)).toBe("");
  });

  test("a protected sheet is refused in English", async () => {
    if (name === "insertForm") return; // inserts into a new sheet instead: see the notes test below
    const fake = setup();
    seedForm(fake, GOOD_ROWS.map((r) => ({ ...r, scoringStandard: "" })), "A1", "Sheet1", { year: 2027 });
    fake.user.select("Sheet1", "D8");
    fake.sheet("Sheet1").state.protected = true;
    const r = await run();
    if (r.ok) {
      const notes = (r.value as { notes?: string[] }).notes ?? [];
      for (const n of notes) expect(cjkOutsideQuotes(n)).toBe("");
      return;
    }
    expect(r.error.code).toBe("protected");
    expect(r.error.message).toMatch(/Unprotect/);
    expect(cjkOutsideQuotes(r.error.message)).toBe("");
  });
});

describe("other texts of the Excel layer", () => {
  test("insertForm's notes in English", async () => {
    const fake = setup();
    fake.sheet("Sheet1").state.protected = true;
    const r = await insertForm({ language: "en", year: 2027 });
    if (!r.ok) throw r.error;
    expect(r.value.notes[0]).toBe(`The current sheet "Sheet1" is protected, so the form was inserted on a new sheet "2027年".`);
  });

  test("an Excel without the requirement set is told in English", async () => {
    const fake = setup({ apiVersion: "1.3" });
    seedForm(fake);
    const r = await checkActiveSheet({ language: "en" });
    expect(r.ok ? "" : r.error.message).toBe(
      "This version of Excel does not support reading and checking the sheet (it needs ExcelApi 1.4). Use Microsoft 365, Office 2021 or later, or Excel on the web.",
    );
  });

  test("a missing year to carry forward is told in English", async () => {
    const fake = setup();
    seedForm(fake);
    fake.sheet("Sheet1").seed("A2", [["（    ）年度"]]);
    const r = await previewNextFiscalYear({ language: "en" });
    expect(r.ok ? null : r.error.code).toBe("no-year");
    expect(r.ok ? "" : cjkOutsideQuotes(r.error.message)).toBe("");
    expect(r.ok ? "" : r.error.message).toMatch(/^The form's year could not be read/);
  });

  test("the reasons of next year's edits are in English; Chinese stays the default", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const en = await previewNextFiscalYear({ language: "en", updateMentions: true });
    if (!en.ok) throw en.error;
    expect(en.value.edits.find((e) => e.cell === "A2")?.reason).toBe("The form's year changed from 2027 to 2028");
    expect(en.value.edits.length).toBeGreaterThan(0);
    for (const e of en.value.edits) expect(cjkOutsideQuotes(e.reason)).toBe("");
    const zh = await previewNextFiscalYear({ language: "zh", updateMentions: true });
    if (!zh.ok) throw zh.error;
    expect(zh.value.edits.find((e) => e.cell === "A2")?.reason).toBe("表格年度由2027年改为2028年");
    expect(zh.value.edits.map((e) => [e.cell, e.after])).toEqual(en.value.edits.map((e) => [e.cell, e.after]));
  });

  test("fromHostError and hostCapabilities take a language; Chinese stays the default", () => {
    const e = Object.assign(new Error("x"), { code: "Conflict" });
    expect(fromHostError(e, "检查").message).toMatch(/^检查失败：/);
    expect(fromHostError(e, "检查", "en").message).toMatch(/^Check failed: someone else is editing/);
    expect(fromHostError(e, "check", "en").message).toMatch(/^Check failed: /);
    expect(fromHostError(e, "写入表样", "en").message).toMatch(/^写入表样 failed: /); // an unknown name is kept
    const caps = hostCapabilities((v) => v === "1.4", "en");
    expect(caps.limitations.length).toBeGreaterThan(0);
    for (const l of caps.limitations) expect(cjkOutsideQuotes(l)).toBe("");
    expect(hostCapabilities((v) => v === "1.4").limitations[0]).toMatch(/^此版本的 Excel 不支持/);
    expect(REQUIREMENTS).toEqual(requirementsIn("zh"));
    expect(requirementsIn("en").liveCheck.version).toBe(REQUIREMENTS.liveCheck.version);
  });

  test("languageOf: the option, else Office's display language, else Chinese", () => {
    expect(languageOf()).toBe("zh"); // no Office installed
    setup({ displayLanguage: "en-GB" });
    expect(languageOf()).toBe("en");
    expect(languageOf({ language: "zh" })).toBe("zh");
    setup({ displayLanguage: "zh-CN" });
    expect(languageOf()).toBe("zh");
    expect(operationName("nativeRules", "en")).toBe("Installing dropdowns and conditional formats");
    expect(operationName("安装下拉列表与条件格式", "en")).toBe("Installing dropdowns and conditional formats");
    expect(operationName("toString", "en")).toBe("toString");
  });

  test("zhExcel and enExcel have the same keys, and English is English outside quotes", () => {
    const keys = (m: ExcelMessages): string[] =>
      Object.entries(m)
        .flatMap(([k, v]) => (typeof v === "object" ? Object.keys(v as object).map((s) => `${k}.${s}`) : [k]))
        .sort();
    expect(keys(enExcel)).toEqual(keys(zhExcel));
    expect(excelMessages("en")).toBe(enExcel);
    expect(excelMessages("zh")).toBe(zhExcel);
    const sample = (m: ExcelMessages): string[] => [
      ...Object.values(m.operations),
      ...Object.values(m.features),
      m.featureUnavailable(m.features.check, "1.4"),
      m.needsApi("1.8"),
      m.noForm(),
      m.unsupported(m.features.check, "1.4"),
      m.badAddress("第一格"),
      m.sheetMissing("2027年"),
      m.noStandardColumn("A1"),
      m.noIndicatorSelected(),
      m.selectionOutsideForm(),
      m.sheetExists("2028年"),
      m.protectedSheet(m.operations.addRows, "2027年"),
      m.marksSkippedProtected(),
      m.sourceProtected("2027年"),
      m.formulaKept("=A1&\"年\""),
      m.rowCount(500),
      m.whichForm(),
      m.selectIndicatorRow("A1", 7, 12),
      m.layoutDiffers("C5"),
      m.insertedHere("Sheet1", 2027),
      m.insertedNewSheet("Sheet1", "2027年", true),
      m.insertedNewSheet("Sheet1", "2027年", false),
      m.noPrintSetup(),
      m.noDataValidation(),
      m.documentSettingsUnavailable(),
      m.settingsSaveFailed(null),
      m.settingsSaveFailed("read-only document"),
      ...Object.values(m.host).map((f: (op: string, code: string | null) => string) => f(m.operations.check, "X")),
    ];
    const english = sample(enExcel);
    const chinese = sample(zhExcel);
    english.forEach((text, i) => {
      expect([i, cjkOutsideQuotes(text)]).toEqual([i, ""]);
      expect(text).not.toBe(chinese[i]);
    });
  });
});
