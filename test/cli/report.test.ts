// The text report and the progress line, in each language, without spawning the CLI.
import type { FileOutcome } from "../../src/cli/check-file";
import { CHECK_ZH, checkMessages } from "../../src/cli/messages";
import { CHECK_EN } from "../../src/cli/messages-en";
import { progressReporter, textReporter } from "../../src/cli/report";
import type { Finding } from "../../src/domain/findings";

function sink(isTTY = false): { write(s: string): void; text: () => string; isTTY: boolean } {
  const parts: string[] = [];
  return { write: (s) => void parts.push(s), text: () => parts.join(""), isTTY };
}

const findings: Finding[] = [
  { rule: "level3-missing", severity: "error", cell: "D7", row: 7, message: "M1" },
  { rule: "unit-missing", severity: "warning", cell: "AA12", row: 12, message: "M2" },
];
const outcome: FileOutcome = {
  kind: "checked",
  file: "报送/a.xlsx",
  sheets: [
    { sheet: "2026年", forms: 1, findings },
    { sheet: "", forms: 0, findings: [] },
  ],
};
const totals = { files: 3, withErrors: 1, errors: 1, warnings: 1, unreadable: 2 };

function report(language?: "zh" | "en"): string {
  const out = sink();
  const r = language === undefined ? textReporter(out) : textReporter(out, language);
  r.file(outcome);
  r.file({ kind: "unreadable", file: "b.csv", reason: "x" }); // said on stderr, not here
  r.end(totals);
  return out.text();
}

describe("textReporter", () => {
  test("Chinese by default, in the established layout", () => {
    expect(report()).toBe(
      [
        "文件：报送/a.xlsx",
        "  工作表「2026年」：1 个错误，1 个警告",
        "    错误  D7    M1（level3-missing）",
        "    警告  AA12  M2（unit-missing）",
        "  整个工作簿：未发现问题",
        "",
        "共检查 3 个文件：1 个文件有错误；1 个错误，1 个警告；2 个文件无法读取（原因见上）。",
        "",
      ].join("\n"),
    );
    expect(report("zh")).toBe(report());
  });

  test("English: headings, severities, rule ids in ASCII brackets, singular and plural counts", () => {
    expect(report("en")).toBe(
      [
        "File: 报送/a.xlsx",
        '  Sheet "2026年": 1 error, 1 warning',
        "    error    D7    M1 (level3-missing)",
        "    warning  AA12  M2 (unit-missing)",
        "  Whole workbook: no problems found",
        "",
        "Checked 3 files: 1 with errors; 1 error, 1 warning; 2 could not be read (reasons above).",
        "",
      ].join("\n"),
    );
    expect(CHECK_EN.report.summary({ files: 1, withErrors: 0, errors: 0, warnings: 2, unreadable: 0 })).toBe(
      "Checked 1 file: 0 with errors; 0 errors, 2 warnings.",
    );
  });
});

describe("progressReporter", () => {
  test("the progress line follows the language", () => {
    for (const [language, expected] of [
      ["zh", "已检查 25/25 个文件"],
      ["en", "Checked 25/25 files"],
    ] as const) {
      const err = sink();
      const p = progressReporter(err, 25, language);
      for (let i = 1; i <= 25; i++) p.step(i);
      p.done();
      expect(err.text().trim().split("\n").at(-1)).toBe(expected);
    }
  });
});

describe("checkMessages", () => {
  test("picks the language, Chinese by default", () => {
    expect(checkMessages()).toBe(CHECK_ZH);
    expect(checkMessages("zh")).toBe(CHECK_ZH);
    expect(checkMessages("en")).toBe(CHECK_EN);
  });

  test("every English unreadable reason says what to do, without Chinese", () => {
    const reasons = Object.values(CHECK_EN.unreadable).map((m) =>
      typeof m === "string" ? m : (m as (...a: Array<string | number>) => string)("detail", 60),
    );
    expect(reasons).toHaveLength(Object.keys(CHECK_ZH.unreadable).length);
    for (const r of reasons) {
      expect(r).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
      expect(r.length).toBeGreaterThan(40);
    }
  });
});
