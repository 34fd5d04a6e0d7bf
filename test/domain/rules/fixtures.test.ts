// 规则用例的唯一运行器：fixtures/<规则编号>/<用例>.ts|.json，每个用例是一张小表、必须出现的结果和不得出现的结果。
// 按命令行的做法：读出表格逐张检查；一张表也读不出时给出 form-not-found。

import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { RULE_IDS, type Finding, type RuleId } from "../../../src/domain/findings";
import { readForms } from "../../../src/domain/reader";
import { checkForm, formNotFoundFinding } from "../../../src/domain/rules";
import { SettingsSchema } from "../../../src/domain/settings";
import { goodForm, type RuleFixture } from "./support";

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

function findingsOf(fixture: RuleFixture): Finding[] {
  const settings = SettingsSchema.parse(fixture.settings ?? {});
  const forms = readForms(fixture.grid);
  if (forms.length === 0) return [formNotFoundFinding()];
  return forms.flatMap((f) => checkForm(f, settings));
}

const show = (fs: readonly Finding[]): string => fs.map((f) => `${f.rule}@${f.cell}`).join(", ") || "(none)";

describe("rule fixtures", () => {
  test("the good form the fixtures start from has no findings at all", () => {
    expect(show(findingsOf({ grid: goodForm(), expect: [], reject: [] }))).toBe("(none)");
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

  for (const { dir, name, fixture } of cases) {
    describe(`${dir}/${name}${fixture.title ? `: ${fixture.title}` : ""}`, () => {
      const findings = findingsOf(fixture);

      for (const e of fixture.expect) {
        test(`reports ${e.rule} at row ${e.row}${e.cell ? ` (${e.cell})` : ""}`, () => {
          const hit = findings.find((f) => f.rule === e.rule && f.row === e.row && (e.cell === undefined || f.cell === e.cell));
          if (!hit) throw new Error(`missing ${e.rule} at row ${e.row}${e.cell ? ` ${e.cell}` : ""}; got ${show(findings)}`);
          expect(hit.message).toMatch(/[\u4e00-\u9fff]/);
          for (const text of e.says ?? []) expect(hit.message).toContain(text);
        });
      }

      for (const r of fixture.reject) {
        test(`does not report ${r.rule}${r.row === undefined ? "" : ` at row ${r.row}`}`, () => {
          const hits = findings.filter((f) => f.rule === r.rule && (r.row === undefined || f.row === r.row));
          expect(show(hits)).toBe("(none)");
        });
      }
    });
  }
});
