// 各地版式的整表用例（test/fixtures/tables）：审核人员列出的错误都要报出；列表之外不得有任何错误级别的结果；
// 表头、列、错位类规则除非列为错误，一律不得出现；表格种类要认对。

import { readdirSync } from "fs";
import { join } from "path";
import type { Form } from "../../src/domain/form";
import type { Finding } from "../../src/domain/findings";
import { readForms } from "../../src/domain/reader";
import { checkForm } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { HEADER_AND_COLUMN_RULES, WHOLE_TABLE_RULES, type TableFixture } from "../fixtures/tables/support";

const ROOT = join(__dirname, "..", "fixtures", "tables");
const load = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ts") && f !== "support.ts")
    .sort()
    .map((f) => {
      const mod = require(join(ROOT, dir, f)) as { default?: TableFixture };
      if (!mod.default) throw new Error(`${dir}/${f} exports no fixture`);
      return [join(dir, f.replace(/\.ts$/, "")), mod.default] as const;
    });
const cases = [...load("."), ...load("published")];

const show = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.rule}@${f.cell}`);

describe("tables laid out as provinces publish them", () => {
  test("at least 12 tables from at least 8 provinces, of both kinds", () => {
    const tables = cases.map(([, t]) => t);
    expect(tables.length).toBeGreaterThanOrEqual(12);
    expect(new Set(tables.map((t) => t.province)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(tables.map((t) => t.kind))).toEqual(new Set(["department", "project", "selfeval"]));
  });

  test("at least 12 of them transcribed from published tables, from at least 8 provinces, target tables of both kinds", () => {
    const published = cases.filter(([name]) => name.startsWith("published/")).map(([, t]) => t);
    expect(published.every((t) => t.provenance === "transcribed" && /^https?:\/\//.test(t.source ?? "") && (t.transcription ?? "").length > 0)).toBe(true);
    expect(published.length).toBeGreaterThanOrEqual(12);
    expect(new Set(published.map((t) => t.province)).size).toBeGreaterThanOrEqual(8);
    expect(published.filter((t) => t.kind === "department").length).toBeGreaterThanOrEqual(3);
    expect(published.filter((t) => t.kind === "project").length).toBeGreaterThanOrEqual(3);
  });

  describe.each(cases)("%s", (_name, table) => {
    // Read in each test, not while tests are collected: mutation testing counts only code run inside a test.
    let forms: Form[] = [];
    let findings: Finding[] = [];
    beforeEach(() => {
      forms = readForms(table.grid);
      findings = forms
        .flatMap((f) => checkForm(f, DEFAULT_SETTINGS))
        .filter((f) => table.endsEarly === undefined || !WHOLE_TABLE_RULES.includes(f.rule));
    });

    if (table.endsEarly !== undefined) {
      test("a transcription that stops early lists no whole-table finding", () => {
        expect(table.mistakes.filter((m) => WHOLE_TABLE_RULES.includes(m.rule))).toEqual([]);
      });
    }

    test(`is read as one ${table.kind} table`, () => {
      expect(forms.map((f) => f.kind)).toEqual([table.kind]);
    });

    test("every mistake on the reviewer's list is found", () => {
      const missing = table.mistakes.filter(
        (m) => !findings.some((f) => f.rule === m.rule && f.row === m.row && (m.cell === undefined || f.cell === m.cell) && (m.says ?? []).every((s) => f.message.includes(s))),
      );
      expect([missing.map((m) => `${m.rule}@${m.row}`), show(findings)]).toEqual([[], show(findings)]);
    });

    test("no error that is not on the list", () => {
      const listed = (f: Finding) => table.mistakes.some((m) => m.rule === f.rule && m.row === f.row);
      expect(show(findings.filter((f) => f.severity === "error" && !listed(f)))).toEqual([]);
    });

    test("no header, column or shift finding that is not on the list", () => {
      const listed = (f: Finding) => table.mistakes.some((m) => m.rule === f.rule && m.row === f.row);
      expect(show(findings.filter((f) => HEADER_AND_COLUMN_RULES.includes(f.rule) && !listed(f)))).toEqual([]);
    });

    test("nothing the reviewer cleared is flagged", () => {
      const flagged = findings.filter((f) => table.clean.some((c) => c.rule === f.rule && (c.row === undefined || c.row === f.row)));
      expect(show(flagged)).toEqual([]);
    });
  });
});
