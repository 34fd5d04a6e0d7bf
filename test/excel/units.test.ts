// The Excel layer's small helpers, at their edges: literal text, mark formulas and areas, the own-write window,
// the language and requirement checks, host errors that are and are not network failures.

import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { ExcelOperationError, attempt, fromHostError } from "../../src/excel/errors";
import { hostCapabilities, MINIMUM_VERSION, REQUIREMENTS, requirementsIn } from "../../src/excel/host";
import { formulaKey, hasFormula, sameFormula } from "../../src/excel/formulaKey";
import { markFindings } from "../../src/excel/check";
import { MARK_FILL, MARK_FONT, MARK_FORMULA, earlierMarks, markAreaOf, markAreas, markFormula, queueMarkRead, queueMarkWrite } from "../../src/excel/marks";
import { GOOD_ROWS } from "../support/form-grid";
import { OWN_WRITE_WINDOW_MS, asOwnWrite, isOwnWriteWindow, resetOwnWrites } from "../../src/excel/ownWrites";
import { languageOf, messagesOf, officeLanguage, refuseIfProtectedIn, requireSupport, settingsIn, supportCheck } from "../../src/excel/run";
import { asLiteralText, queueTextWrites } from "../../src/excel/textCells";
import { seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

describe("asLiteralText", () => {
  test.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+5", "'+5"],
    ["-5", "'-5"],
    ["@name", "'@name"],
    [" =1", "' =1"], // Excel trims before it decides
    ["12", "'12"],
    ["95%", "'95%"],
    ["1.5", "'1.5"],
    ["12.", "'12."],
    [".5", "'.5"],
    [".55", "'.55"],
    ["1e10", "'1e10"],
    ["1e5", "'1e5"],
    ["2E-3%", "'2E-3%"],
    ["-3.2e+4", "'-3.2e+4"],
    ["2026-10-12", "'2026-10-12"],
    ["10/12", "'10/12"],
    ["2026.10.12", "'2026.10.12"],
    ["1.2.3", "'1.2.3"],
    ["'abc", "''abc"],
  ])("%s is written as %s", (text, written) => {
    expect(asLiteralText(text)).toBe(written);
  });

  test.each([
    ["abc"],
    ["12人次"],
    ["≥95%"],
    ["x=1"],
    ["1e"],
    ["e5"],
    ["12345/1"],
    ["1/123"],
    ["2026/10/12345"],
    ["1..2"],
    ["%"],
    [""],
  ])("%s stays as it is", (text) => {
    expect(asLiteralText(text)).toBe(text);
  });
});

describe("queueTextWrites", () => {
  test("one write per column from its first to last cell; cells in between keep their values", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("B2", [["keep"], ["keep"], ["keep"], ["keep"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      queueTextWrites(sheet, [
        { row: 4, col: 1, text: "95%" },
        { row: 1, col: 1, text: "甲" },
        { row: 2, col: 3, text: "=1" },
      ]);
      await context.sync();
    });
    const s = fake.sheet("Sheet1");
    expect([s.value("B2"), s.value("B3"), s.value("B4"), s.value("B5"), s.value("D3")]).toEqual(["甲", "keep", "keep", "95%", "=1"]);
  });
});

describe("marks", () => {
  test("markFormula names its area; markAreaOf reads it back, in any spelling Excel gives", () => {
    expect(markFormula("H7")).toBe('=ISTEXT("绩效目标表助手：检查标记 H7")');
    expect(markAreaOf(markFormula("H7:H9"))).toBe("H7:H9");
    expect(markAreaOf(markFormula("AB12"))).toBe("AB12");
    expect(markAreaOf(' =  istext("绩效目标表助手：检查标记 H7") ')).toBe("H7");
    expect(markAreaOf(MARK_FORMULA)).toBe("");
  });

  test.each([
    ['=NOT(ISTEXT("绩效目标表助手：检查标记 H7"))'],
    ['=ISTEXT("绩效目标表助手：检查标记 H7")+1'],
    ['=ISTEXT("绩效目标表助手：检查标记 h7")'],
    ['=ISTEXT("绩效目标表助手：检查标记 H7:")'],
    ['=ISTEXT("绩效目标表助手：检查标记 7")'],
    ['=ISTEXT("绩效目标表助手：检查标记 H")'],
    ['=ISTEXT("绩效目标表助手：检查标记H7")'],
    ['=ISTEXT("绩效目标表助手：检查标记 H7 H8")'],
    ['=ISTEXT("别人的规则")'],
    ["=$D7=\"\""],
  ])("%s is not a mark", (formula) => {
    expect(markAreaOf(formula)).toBeNull();
  });

  test("markAreas joins vertical runs, columns and rows in number order, duplicates once", () => {
    expect(markAreas(["H10", "H9", "H11", "K3", "C5", "H3", "H9", "C6", "K4", "K6"])).toEqual(["C5:C6", "H3", "H9:H11", "K3:K4", "K6"]);
    expect(markAreas(["B2"])).toEqual(["B2"]);
    expect(markAreas([])).toEqual([]);
  });
});

describe("queueMarkWrite", () => {
  async function write(cells: readonly string[]): Promise<number> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const cfs = queueMarkRead(sheet);
      await context.sync();
      const n = queueMarkWrite(sheet, earlierMarks(cfs), cells);
      await context.sync();
      return n;
    });
  }

  test("counts every format added and deleted; a mark already right is left and not counted", async () => {
    const fake = setup();
    expect(await write(["H7", "H8", "J9"])).toBe(2);
    expect(fake.sheet("Sheet1").conditionalFormats.map((c) => [c.address, c.formula, c.fillColor, c.fontColor]).sort()).toEqual([
      ["H7:H8", markFormula("H7:H8"), MARK_FILL, MARK_FONT],
      ["J9", markFormula("J9"), MARK_FILL, MARK_FONT],
    ]);
    expect(await write(["H7", "H8", "J9"])).toBe(0);
    expect(await write(["H7", "H8"])).toBe(1); // J9 deleted
    expect(await write(["H7"])).toBe(2); // H7:H8 deleted, H7 added
    expect(await write([])).toBe(1);
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual([]);
  });

  test("two marks on the same area: one is kept, the other deleted", async () => {
    const fake = setup();
    await write(["H7"]);
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("H7").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = markFormula("H7");
      await context.sync();
    });
    expect(await write(["H7"])).toBe(1);
    expect(fake.sheet("Sheet1").conditionalFormats).toHaveLength(1);
  });

  test("the check's marks are written inside the own-write window, deletions too", async () => {
    const fake = setup();
    const rows = GOOD_ROWS.map((r, i) => (i === 2 ? { ...r, explanation: "考核社会组织年检率情况。" } : r));
    seedForm(fake, rows);
    resetOwnWrites();
    const marked = await markFindings();
    if (!marked.ok) throw marked.error;
    expect(marked.value.marked.length).toBeGreaterThan(0);
    expect(isOwnWriteWindow()).toBe(true);
    seedForm(fake, GOOD_ROWS);
    resetOwnWrites();
    const cleared = await markFindings();
    if (!cleared.ok) throw cleared.error;
    expect(cleared.value.marked).toEqual([]);
    expect(isOwnWriteWindow()).toBe(true);
  });
});

describe("the own-write window", () => {
  beforeEach(resetOwnWrites);

  test("open while a write runs, and for OWN_WRITE_WINDOW_MS after it ends", async () => {
    expect(isOwnWriteWindow(0)).toBe(false);
    let during: boolean | null = null;
    const value = await asOwnWrite(async () => {
      during = isOwnWriteWindow(1e12);
      return 7;
    }, () => 5000);
    expect(value).toBe(7);
    expect(during).toBe(true);
    expect(isOwnWriteWindow(5000)).toBe(true);
    expect(isOwnWriteWindow(5000 + OWN_WRITE_WINDOW_MS - 1)).toBe(true);
    expect(isOwnWriteWindow(5000 + OWN_WRITE_WINDOW_MS)).toBe(false);
    resetOwnWrites();
    expect(isOwnWriteWindow(5001)).toBe(false);
  });

  test("a write that fails still closes: the window ends like any other", async () => {
    await expect(asOwnWrite(() => Promise.reject(new Error("refused")), () => 100)).rejects.toThrow("refused");
    expect(isOwnWriteWindow(100 + OWN_WRITE_WINDOW_MS)).toBe(false);
    expect(isOwnWriteWindow(100 + OWN_WRITE_WINDOW_MS - 1)).toBe(true);
  });

  test("the window is one second", () => {
    expect(OWN_WRITE_WINDOW_MS).toBe(1000);
  });
});

describe("languages and requirement checks", () => {
  const withOffice = (office: unknown, body: () => void) => {
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    g.Office = office;
    try {
      body();
    } finally {
      g.Office = before;
    }
  };

  test.each([
    ["zh-CN", "zh"],
    ["ZH-TW", "zh"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["", null],
    [undefined, null],
    [42, null],
  ])("Office display language %s → %s", (display, language) => {
    withOffice({ context: { displayLanguage: display } }, () => {
      expect(officeLanguage()).toBe(language);
      expect(languageOf()).toBe(language ?? "zh");
      expect(languageOf({ language: "en" })).toBe("en");
      expect(languageOf({ language: "zh" })).toBe("zh");
    });
  });

  test("no Office at all: no language, Chinese messages, everything supported", () => {
    withOffice(undefined, () => {
      expect(officeLanguage()).toBeNull();
      expect(messagesOf().noForm()).toMatch(/[\u4e00-\u9fff]/);
      expect(messagesOf({ language: "en" }).noForm()).toMatch(/^No performance target form/);
      expect(supportCheck()("9.99")).toBe(true);
      expect(supportCheck({})("9.99")).toBe(true);
    });
    withOffice({ context: {} }, () => expect(supportCheck()("9.99")).toBe(true));
    withOffice({}, () => {
      expect(supportCheck()("9.99")).toBe(true);
      expect(officeLanguage()).toBeNull();
    });
  });

  test("inside Office the check asks Office's requirement sets; the caller's check wins", () => {
    const asked: Array<[string, string]> = [];
    const office = { context: { requirements: { isSetSupported: (name: string, v: string) => (asked.push([name, v]), v === "1.8") } } };
    withOffice(office, () => {
      const check = supportCheck();
      expect([check("1.8"), check("1.9")]).toEqual([true, false]);
      expect(asked).toEqual([["ExcelApi", "1.8"], ["ExcelApi", "1.9"]]);
      expect(supportCheck({ isSupported: () => true })("1.9")).toBe(true);
    });
  });

  test("settingsIn: the same object when the language is already right, else a copy in the asked language", () => {
    withOffice(undefined, () => {
      const zh = { ...DEFAULT_SETTINGS, language: "zh" as const };
      expect(settingsIn(zh)).toBe(zh);
      expect(settingsIn(zh, { language: "zh" })).toBe(zh);
      const en = settingsIn(zh, { language: "en" });
      expect(en).toEqual({ ...zh, language: "en" });
      expect(zh.language).toBe("zh");
      const bare = { ...DEFAULT_SETTINGS };
      delete (bare as { language?: unknown }).language;
      expect(settingsIn(bare).language).toBe("zh");
      expect(settingsIn({ ...DEFAULT_SETTINGS, language: "en" as const }).language).toBe("en");
    });
    withOffice({ context: { displayLanguage: "en-GB" } }, () => {
      expect(settingsIn({ ...DEFAULT_SETTINGS, language: "zh" as const }).language).toBe("en");
      expect(settingsIn({ ...DEFAULT_SETTINGS, language: "en" as const }, { language: "zh" }).language).toBe("zh");
    });
  });

  test("requireSupport: a plain 'unsupported' naming the feature and the version, in the asked language", () => {
    expect(() => requireSupport("printSetup", (v) => v !== "1.9")).toThrow(ExcelOperationError);
    expect(() => requireSupport("printSetup", (v) => v === "1.9")).not.toThrow();
    try {
      requireSupport("liveCheck", () => false, "en");
      throw new Error("no error");
    } catch (e) {
      expect((e as ExcelOperationError).code).toBe("unsupported");
      expect((e as Error).message).toMatch(/1\.8/);
      expect((e as Error).message).toMatch(/^[\x20-\x7e“”"]+$/);
    }
    try {
      requireSupport("ownWrites", () => false);
      throw new Error("no error");
    } catch (e) {
      expect((e as Error).message).toMatch(/1\.14/);
      expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("refuseIfProtectedIn names the operation and the sheet", () => {
    const sheet = { protection: { protected: true }, name: "2027年" } as unknown as Excel.Worksheet;
    expect(() => refuseIfProtectedIn({ sheet }, "addRows", "zh")).toThrow(/^添加指标行失败：工作表“2027年”受保护/);
    expect(() => refuseIfProtectedIn({ sheet: { ...sheet, protection: { protected: false } } as unknown as Excel.Worksheet }, "addRows", "zh")).not.toThrow();
    try {
      refuseIfProtectedIn({ sheet }, "addRows", "en");
    } catch (e) {
      expect((e as ExcelOperationError).code).toBe("protected");
      expect((e as Error).message).toMatch(/2027年/);
      expect((e as Error).message).not.toMatch(/受保护/);
    }
  });

  test("each operation's requirement set, and the minimum", () => {
    expect(Object.fromEntries(Object.entries(REQUIREMENTS).map(([op, r]) => [op, r.version]))).toEqual({
      insertForm: "1.4",
      nativeRules: "1.8",
      printSetup: "1.9",
      printMerges: "1.2",
      addRows: "1.8",
      check: "1.4",
      liveCheck: "1.8",
      ownWrites: "1.14",
      scoring: "1.4",
      nextFiscalYear: "1.7",
    });
    expect(MINIMUM_VERSION).toBe("1.8");
    for (const r of Object.values(requirementsIn("en"))) expect(r.feature).toMatch(/^[\x20-\x7e“”"]+$/);
    for (const r of Object.values(REQUIREMENTS)) expect(r.feature).toMatch(/[\u4e00-\u9fff]/);
  });

  test("hostCapabilities: one sentence per missing feature, none when all is there", () => {
    const have = new Set(["1.2", "1.4", "1.7", "1.8"]);
    const caps = hostCapabilities((v) => have.has(v));
    expect(Object.entries(caps.supported).filter(([, ok]) => !ok).map(([op]) => op).sort()).toEqual(["ownWrites", "printSetup"]);
    expect(caps.limitations).toHaveLength(2);
    expect(caps.limitations.join("\n")).toMatch(/1\.9/);
    expect(caps.limitations.join("\n")).toMatch(/1\.14/);
    expect(hostCapabilities(() => true).limitations).toEqual([]);
  });
});

describe("host errors", () => {
  const office = (code: unknown, message = "host message") => Object.assign(new Error(message), { code });

  test.each([
    ["the ConnectionFailure code", office("ConnectionFailure")],
    ["Safari's wording", new TypeError("Load failed")],
    ["'network error' in a plain object", { message: "A network error occurred" }],
    ["'networkerror' in any case", { message: "NETWORKERROR" }],
    ["a plain object named NetworkError", { name: "NetworkError" }],
  ])("%s → network", (_what, e) => {
    expect(fromHostError(e, "检查").code).toBe("network");
  });

  test.each([
    ["an Office code with a network-like message", office("InvalidArgument", "Failed to fetch"), "host"],
    ["a code that is not a string", office(404, "Not found"), "host"],
    ["a string thrown", "Failed", "host"],
    ["null thrown", null, "host"],
    ["a number thrown", 5, "host"],
  ])("%s is not a network failure", (_what, e, code) => {
    const mapped = fromHostError(e, "检查");
    expect(mapped.code).toBe(code);
  });

  test("a code that is not a string is reported as unknown; the detail is what was thrown", () => {
    const mapped = fromHostError(office(404, "Not found"), "检查");
    expect(mapped.message).toMatch(/（未知）/);
    expect(mapped.detail).toBe("Not found");
    expect(fromHostError("just text", "检查").detail).toBe("just text");
    expect(fromHostError(null, "检查").detail).toBe("null");
  });

  test("the language of the message follows the argument; Chinese by default", () => {
    const en = fromHostError(office("AccessDenied"), "check", "en");
    expect(en.code).toBe("protected");
    expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(fromHostError(office("AccessDenied"), "check").message).toMatch(/^检查失败：/);
    expect(en.name).toBe("ExcelOperationError");
  });

  test("attempt gives the value or the typed error, in the asked language", async () => {
    expect(await attempt("检查", async () => 3)).toEqual({ ok: true, value: 3 });
    const failed = await attempt("check", () => Promise.reject(office("Conflict")), "en");
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe("conflict");
    expect(failed.error.message).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = await attempt("检查", () => Promise.reject(office("Conflict")));
    expect(zh.ok ? "" : zh.error.message).toMatch(/^检查失败：/);
  });
});

describe("formulaKey at its edges", () => {
  test.each([
    ["spaces before the =", "  =a1", "A1"],
    ["a line break and a tab", "=A1\n+\tB1", "A1+B1"],
    ["the _xlws. prefix, in any case", "=_XLWS.FILTER(A1:A3,B1:B3)", "FILTER(A1:A3,B1:B3)"],
    ["@ before a name in Chinese", "=@一级指标", "一级指标"],
    ["@ before an underscore name", "=@_x1", "_X1"],
    ["@ before a backslash name", "=@\\x", "\\X"],
    ["a quoted sheet name with a doubled quote", "='It''s'!a1", "'It''s'!A1"],
    ["a text left open to the end", '=A1="ab c', 'A1="ab c'],
    ["a text of two quotes", '=A1=""', 'A1=""'],
  ])("%s", (_what, formula, key) => {
    expect(formulaKey(formula)).toBe(key);
  });

  test.each([
    ["@ before a number stays", "=@1", "@1"],
    ["@ at the end stays", "=A1@", "A1@"],
    ["@ before a bracket stays", "=@(A1)", "@(A1)"],
    ["an = inside is kept", "=A1=B1", "A1=B1"],
    ["only one leading = goes", "==A1", "=A1"],
    ["a prefix-like name that is not one", "=_xlfnx(1)", "_XLFNX(1)"],
  ])("%s", (_what, formula, key) => {
    expect(formulaKey(formula)).toBe(key);
  });

  test("hasFormula looks through every formula and finds none when none matches", () => {
    expect(hasFormula(["=B1", "=c1", "=D1"], "=C1")).toBe(true);
    expect(hasFormula(["=B1", "=D1"], "=C1")).toBe(false);
    expect(hasFormula([], "=C1")).toBe(false);
    expect(sameFormula("=a1", " A1 ")).toBe(true);
    expect(sameFormula("=A1", "=A2")).toBe(false);
  });
});
