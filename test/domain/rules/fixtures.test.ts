// 规则用例的唯一运行器：fixtures/<规则编号>/<用例>.ts|.json，每个用例是一张小表、必须出现的结果和不得出现的结果。
// 按命令行的做法：读出表格（目标表和自评表）逐张检查；一张表也读不出时给出 form-not-found。
// 每个用例用中文、英文各跑一次：两种语言找到的规则、行、单元格必须完全相同；says 只对中文说明检查。
// 标明 complete 的用例，列出的结果就是这张表的全部结果：多报一条也算失败。

import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { RULE_IDS, type Finding, type RuleId } from "../../../src/domain/findings";
import { checkGrid, formNotFoundFinding } from "../../../src/domain/rules";
import { SettingsSchema, type Language } from "../../../src/domain/settings";
import { cjkOutsideQuotes } from "./messages-support";
import { goodForm, matchesExpected, unlisted, type RuleFixture } from "./support";

const ROOT = join(__dirname, "fixtures");

function loadFixture(file: string): RuleFixture {
  if (file.endsWith(".json")) return JSON.parse(readFileSync(file, "utf8")) as RuleFixture;
  const mod = require(file) as { default?: RuleFixture; fixture?: RuleFixture };
  const fixture = mod.default ?? mod.fixture;
  if (!fixture) throw new Error(`${file} exports no fixture`);
  return fixture;
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => /\.(ts|json)$/.test(f))
      .sort()
      .map((f) => ({ dir: d.name, name: f.replace(/\.(ts|json)$/, ""), fixture: loadFixture(join(ROOT, d.name, f)) })),
  );

function findingsOf(fixture: RuleFixture, language: Language = "zh"): Finding[] {
  const settings = SettingsSchema.parse({ ...fixture.settings, language });
  // Target tables and self-evaluation tables alike, as the command line checks a sheet.
  const { forms, selfEvaluations, findings } = checkGrid(fixture.grid, settings);
  if (forms.length === 0 && selfEvaluations.length === 0) return [formNotFoundFinding(language)];
  return findings;
}

const show = (fs: readonly Finding[]): string => fs.map((f) => `${f.rule}@${f.cell}`).join(", ") || "(none)";
const where = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.severity} ${f.rule} row ${f.row} ${f.cell}`);

describe("rule fixtures", () => {
  test("the good form the fixtures start from has no findings at all", () => {
    expect(show(findingsOf({ grid: goodForm(), expect: [], reject: [] }))).toBe("(none)");
  });

  test("a complete fixture fails on a finding it does not list, and a listed one with no cell matches any cell", () => {
    const grid = goodForm({ cells: { F15: "联系电话：6221234", D8: "" } });
    const found = findingsOf({ grid, expect: [], reject: [] });
    expect(found.map((f) => `${f.rule}@${f.cell}`).sort()).toEqual(["level3-missing@D8", "phone-invalid@F15"]);
    const listsPhone = { expect: [{ rule: "phone-invalid" as const, row: 15 }] };
    expect(show(unlisted(listsPhone, found))).toBe("level3-missing@D8");
    expect(show(unlisted({ expect: [...listsPhone.expect, { rule: "level3-missing" as const, row: 8, cell: "D8" }] }, found))).toBe("(none)");
    expect(show(unlisted({ expect: [...listsPhone.expect, { rule: "level3-missing" as const, row: 8, cell: "E8" }] }, found))).toBe("level3-missing@D8");
  });

  test("most fixtures list the complete set of findings for their grid", () => {
    const complete = cases.filter((c) => c.fixture.complete === true).length;
    expect(complete / cases.length).toBeGreaterThanOrEqual(0.85);
  });

  test("fixture folders are rule ids", () => {
    const dirs = new Set(cases.map((c) => c.dir));
    for (const d of dirs) expect(RULE_IDS).toContain(d);
  });

  test.each(RULE_IDS.map((id) => [id]))("%s has a case that must report it and one that must not", (id: RuleId) => {
    const own = cases.filter((c) => c.dir === id);
    expect(own.some((c) => c.fixture.expect.some((e) => e.rule === id))).toBe(true);
    expect(own.some((c) => c.fixture.reject.some((r) => r.rule === id))).toBe(true);
  });

  test("between them, the fixtures make every rule speak English", () => {
    const spoken = new Set(cases.flatMap((c) => findingsOf(c.fixture, "en").map((f) => f.rule)));
    expect(RULE_IDS.filter((id) => !spoken.has(id))).toEqual([]);
  });

  for (const { dir, name, fixture } of cases) {
    describe(`${dir}/${name}${fixture.title ? `: ${fixture.title}` : ""}`, () => {
      // Checked inside each test, not while the tests are collected: mutation testing credits a test only with
      // the code it runs itself, so findings computed here would leave every rule's mutants to no test.
      test("finds the same rules, rows and cells in English", () => {
        expect(where(findingsOf(fixture, "en"))).toEqual(where(findingsOf(fixture)));
      });

      test("English messages are English outside the quoted cell text and form words", () => {
        for (const f of findingsOf(fixture, "en")) {
          expect([f.rule, cjkOutsideQuotes(f.message)]).toEqual([f.rule, ""]);
          expect(f.message).toMatch(/[A-Za-z]{3}/);
        }
      });

      for (const e of fixture.expect) {
        test(`reports ${e.rule} at row ${e.row}${e.cell ? ` (${e.cell})` : ""}`, () => {
          const findings = findingsOf(fixture);
          const hit = findings.find((f) => matchesExpected(e, f));
          if (!hit) throw new Error(`missing ${e.rule} at row ${e.row}${e.cell ? ` ${e.cell}` : ""}; got ${show(findings)}`);
          expect(hit.message).toMatch(/[\u4e00-\u9fff]/);
          for (const text of e.says ?? []) expect(hit.message).toContain(text);
        });
      }

      if (fixture.complete) {
        test("reports nothing beyond the findings it lists", () => {
          expect(show(unlisted(fixture, findingsOf(fixture)))).toBe("(none)");
        });
      }

      for (const r of fixture.reject) {
        test(`does not report ${r.rule}${r.row === undefined ? "" : ` at row ${r.row}`}`, () => {
          const hits = findingsOf(fixture).filter((f) => f.rule === r.rule && (r.row === undefined || f.row === r.row));
          expect(show(hits)).toBe("(none)");
        });
      }
    });
  }
});
