// The reporters' exact output: JSON framing and escapes, progress on a terminal and in a log, notes on invisible
// characters, file names made safe.
import type { FileOutcome } from "../../src/cli/check-file";
import { CHECK_EN } from "../../src/cli/messages-en";
import { CHECK_ZH } from "../../src/cli/messages";
import { FILE_UNREADABLE, jsonReporter, progressReporter, textReporter } from "../../src/cli/report";

function sink(isTTY?: boolean): { write(s: string): void; text: () => string; parts: string[]; isTTY?: boolean } {
  const parts: string[] = [];
  return { write: (s) => void parts.push(s), text: () => parts.join(""), parts, ...(isTTY === undefined ? {} : { isTTY }) };
}

const checked = (file: string, sheets: Array<{ sheet: string; findings: Array<{ rule: string; severity: "error" | "warning"; cell: string; row: number; message: string }> }>): FileOutcome => ({
  kind: "checked",
  file,
  sheets: sheets.map((s) => ({ ...s, forms: 1, findings: s.findings as never })),
});

describe("jsonReporter", () => {
  it("writes [] for nothing at all", () => {
    const out = sink();
    const r = jsonReporter(out);
    r.file(checked("a.csv", [{ sheet: "a", findings: [] }]));
    r.end({ files: 1, withErrors: 0, errors: 0, warnings: 0, unreadable: 0 });
    expect(out.text()).toBe("[]\n");
  });

  it("writes one finding per line inside one array, unreadable files and input problems as file-unreadable", () => {
    const out = sink();
    const r = jsonReporter(out);
    r.inputProblem("缺.xlsx", "找不到");
    r.file(
      checked("a.csv", [
        { sheet: "a", findings: [{ rule: "level3-missing", severity: "error", cell: "C7", row: 7, message: "缺三级指标" }] },
        { sheet: "b", findings: [{ rule: "unit-missing", severity: "warning", cell: "F9", row: 9, message: "m" }] },
      ]),
    );
    r.file({ kind: "unreadable", file: "b.xlsx", reason: "坏了" });
    r.end({ files: 2, withErrors: 1, errors: 1, warnings: 1, unreadable: 1 });
    expect(out.text()).toBe(
      [
        "[",
        '  {"file":"缺.xlsx","sheet":"","cell":"","row":0,"rule":"file-unreadable","severity":"error","message":"找不到"},',
        '  {"file":"a.csv","sheet":"a","cell":"C7","row":7,"rule":"level3-missing","severity":"error","message":"缺三级指标"},',
        '  {"file":"a.csv","sheet":"b","cell":"F9","row":9,"rule":"unit-missing","severity":"warning","message":"m"},',
        '  {"file":"b.xlsx","sheet":"","cell":"","row":0,"rule":"file-unreadable","severity":"error","message":"坏了"}',
        "]",
        "",
      ].join("\n"),
    );
    expect(JSON.parse(out.text())).toHaveLength(4);
    expect(FILE_UNREADABLE).toBe("file-unreadable");
  });

  it("escapes controls a terminal would act on, keeping the text for a script", () => {
    const out = sink();
    const r = jsonReporter(out);
    r.file(checked("a\u202e.csv", [{ sheet: "s", findings: [{ rule: "r", severity: "error", cell: "A1", row: 1, message: "x\u009by" }] }]));
    r.end({ files: 1, withErrors: 1, errors: 1, warnings: 0, unreadable: 0 });
    expect(out.text()).toContain('"file":"a\\u202e.csv"');
    expect(out.text()).toContain('"message":"x\\u009by"');
    expect((JSON.parse(out.text()) as Array<{ message: string }>)[0]?.message).toBe("x\u009by");
  });
});

describe("textReporter", () => {
  it("strips controls from file and sheet names", () => {
    const out = sink();
    textReporter(out).file(checked("a\u001b[2J.csv", [{ sheet: "表\u0007", findings: [] }]));
    expect(out.text()).toBe("文件：a[2J.csv\n  工作表「表」：未发现问题\n\n");
  });

  it("follows a finding with a note naming the invisible characters removed from it, joined in each language", () => {
    const finding = { rule: "r", severity: "warning" as const, cell: "B3", row: 3, message: "“a\u200bb\u202ec”" };
    const zh = sink();
    textReporter(zh).file(checked("f.csv", [{ sheet: "f", findings: [finding] }]));
    expect(zh.text().split("\n")).toEqual([
      "文件：f.csv",
      "  工作表「f」：0 个错误，1 个警告",
      "    警告  B3    “abc”（r）",
      CHECK_ZH.report.invisibleNote("零宽空格、双向文字控制符"),
      "",
      "",
    ]);
    const en = sink();
    textReporter(en, "en").file(checked("f.csv", [{ sheet: "f", findings: [finding] }]));
    expect(en.text()).toContain(CHECK_EN.report.invisibleNote("zero-width space, bidirectional control"));
  });

  it("adds no note to a finding without invisible characters, and counts errors per sheet", () => {
    const out = sink();
    textReporter(out).file(
      checked("f.csv", [
        {
          sheet: "f",
          findings: [
            { rule: "a", severity: "error", cell: "A1", row: 1, message: "m1" },
            { rule: "b", severity: "error", cell: "A2", row: 2, message: "m2" },
            { rule: "c", severity: "warning", cell: "A3", row: 3, message: "m3" },
          ],
        },
      ]),
    );
    expect(out.text()).toBe("文件：f.csv\n  工作表「f」：2 个错误，1 个警告\n    错误  A1    m1（a）\n    错误  A2    m2（b）\n    警告  A3    m3（c）\n\n");
  });

  it("writes nothing for an input problem, and the summary at the end", () => {
    const out = sink();
    const r = textReporter(out);
    r.inputProblem("x", "y");
    expect(out.text()).toBe("");
    r.end({ files: 0, withErrors: 0, errors: 0, warnings: 0, unreadable: 0, skipped: 1 });
    expect(out.text()).toBe(`${CHECK_ZH.report.summary({ files: 0, withErrors: 0, errors: 0, warnings: 0, unreadable: 0, skipped: 1 })}\n`);
  });
});

describe("progressReporter", () => {
  const run = (isTTY: boolean | undefined, total: number, steps = total) => {
    const err = sink(isTTY);
    const p = progressReporter(err, total);
    for (let i = 1; i <= steps; i++) p.step(i);
    return { err, p };
  };

  it("on a terminal, rewrites one line for two files or more, and clears it at the end", () => {
    const { err, p } = run(true, 2);
    expect(err.parts).toEqual(["\r已检查 1/2 个文件", "\r已检查 2/2 个文件"]);
    p.done();
    expect(err.parts.at(-1)).toBe("\r\x1b[K");
    p.done(); // already cleared: nothing more
    expect(err.parts).toHaveLength(3);
  });

  it("on a terminal, clears the line before an error line and goes on", () => {
    const { err, p } = run(true, 3, 1);
    p.say("无法读取“x”");
    p.say("再一行");
    expect(err.parts).toEqual(["\r已检查 1/3 个文件", "\r\x1b[K", "无法读取“x”\n", "再一行\n"]);
  });

  it("says nothing for a single file, on a terminal or not, and up to 20 files in a log", () => {
    expect(run(true, 1).err.parts).toEqual([]);
    expect(run(false, 20).err.parts).toEqual([]);
    expect(run(undefined, 20).err.parts).toEqual([]);
    const { err, p } = run(false, 1);
    p.done();
    p.say("行");
    expect(err.parts).toEqual(["行\n"]);
  });

  it("in a log, writes a line every tenth of the batch (at least every 10 files) and at the end", () => {
    expect(run(false, 21).err.parts).toEqual(["已检查 10/21 个文件\n", "已检查 20/21 个文件\n", "已检查 21/21 个文件\n"]);
    const big = run(false, 250).err.parts;
    expect(big).toHaveLength(10);
    expect(big[0]).toBe("已检查 25/250 个文件\n");
    expect(big.at(-1)).toBe("已检查 250/250 个文件\n");
    expect(run(false, 101).err.parts.slice(0, 2)).toEqual(["已检查 11/101 个文件\n", "已检查 22/101 个文件\n"]);
    const { err, p } = run(false, 30);
    p.done();
    expect(err.parts.every((s) => !s.includes("\r"))).toBe(true);
  });
});
