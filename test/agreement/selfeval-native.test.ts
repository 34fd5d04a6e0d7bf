// 自评表自带的公式与引擎逐格一致：生成的指标（四种方法、各方向、各种单位）和实际完成值（恰在门槛上、超出 1–3 档、
// 全角、带单位、空白、读不出的文字）写进 drawSelfEvaluation 的表，LibreOffice 重算后，每个得分、执行率、
// 预算执行得分、总分和等级都必须等于引擎算出的值。种子表的更正版做成的自评表也在其中。

import { readFileSync } from "fs";
import { join } from "path";
import type ExcelJS from "exceljs";
import { drawSelfEvalSheet } from "../../src/cli/selfeval-xlsx";
import { loadWorkbookClass } from "../../src/cli/xlsx-read";
import { readForms } from "../../src/domain/reader";
import { renderStandard, ScoringMethodSchema, type ScoringMethodInput } from "../../src/domain/scoring";
import {
  methodOf,
  drawSelfEvaluation,
  executionOf,
  gradeOf,
  scoreOf,
  selfEvaluationOf,
  SELFEVAL_COLUMNS,
  totalOf,
  type SelfEvalIndicator,
  type SelfEvaluation,
} from "../../src/domain/selfeval";
import type { ValueType } from "../../src/domain/taxonomy";
import { checkGrid } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { parseCsv, recalculate } from "../support/libreoffice";

jest.setTimeout(180_000);

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

let serial = 0;

function indicator(valueType: ValueType, target: number | string, unit: string, input: ScoringMethodInput): SelfEvalIndicator {
  const method = ScoringMethodSchema.parse(input);
  return {
    level1: "产出指标",
    level2: "数量指标",
    level3: `培训项目${++serial}`,
    valueType,
    target: typeof target === "number" ? `${valueType}${target}${unit}` : target,
    targetNumber: typeof target === "number" ? target : null,
    unit,
    standard: renderStandard(method),
    points: method.points,
    method,
    sourceRow: null,
  };
}

/** An indicator scored by a hand-written standard (read by methodOf, not generated). */
function handWritten(valueType: ValueType, target: number | string, unit: string, standard: string): SelfEvalIndicator {
  const method = methodOf(standard, valueType);
  if (!method) throw new Error(`unreadable: ${standard}`);
  return { ...indicator(valueType, target, unit, { kind: "graded", points: method.points }), standard, method, points: method.points };
}

function randomIndicator(rng: Rng): SelfEvalIndicator {
  const points = pick(rng, [5, 10, 15, 20, 7.5, 12.5]);
  const unit = pick(rng, ["人次", "%", "万元", "个", "", "次"]);
  const target = pick(rng, [100, 95, 1200, 156.91, 20000, 3, 0.5, 88.8]);
  switch (pick(rng, ["rate", "rate", "ceiling", "ceiling", "direct", "graded", "satisfaction", "ratio", "shortfall", "levels"] as const)) {
    case "ratio":
      return handWritten(pick(rng, ["≥", "≤"] as const), target, unit, `按计划完成得${points}分，否则按实际值/计划值*指标分值计分。`);
    case "shortfall":
      return handWritten(pick(rng, ["≥", "≤"] as const), target, unit, `达到目标得${points}分，每下降${pick(rng, [1, 2, 5])}%，扣${pick(rng, [0.5, 1, 2])}分，扣完为止。`);
    case "levels":
      return handWritten("定性", "效果明显", "", `效果明显得${points}分，效果一般得${points / 2}分，否则不得分。`);
    case "rate":
      return indicator(pick(rng, ["≥", ">", "=", "≤"] as const), target, unit, {
        kind: "proportional",
        variant: "rate",
        points,
        threshold: pick(rng, [0.6, 0.5, 0.8, 0.75]),
      });
    case "ceiling":
      return indicator(pick(rng, ["≤", "<"] as const), target, unit, {
        kind: "proportional",
        variant: "ceiling",
        points,
        step: pick(rng, [0.1, 0.05, 0.2]),
        deduction: pick(rng, [1, 2, points / 4, 0.5]),
      });
    case "direct":
      return rng() < 0.5
        ? indicator("=", pick(rng, ["是", "否"]), "", { kind: "direct", points, ...(rng() < 0.5 ? { deduction: points / 2 } : {}) })
        : indicator(pick(rng, ["=", "≥"] as const), target, unit, { kind: "direct", points });
    case "graded":
      return indicator("定性", "效果明显", "", { kind: "graded", points });
    case "satisfaction":
      return indicator("≥", 90, "%", { kind: "satisfaction", points });
  }
}

const FULL = (s: string) => s.replace(/[0-9%.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function randomActual(rng: Rng, ind: SelfEvalIndicator): string {
  const roll = rng();
  if (roll < 0.05) return "";
  if (roll < 0.08) return pick(rng, ["约一千", "见附件", "—"]);
  const m = ind.method!;
  if (m.kind === "graded" || m.kind === "levels") return pick(rng, ["基本达成目标", "部分实现目标", "实现目标程度较低", " 部分实现目标 ", "效果明显", "效果一般", "效果 一般"]);
  if (m.kind === "direct" && ind.targetNumber === null) return pick(rng, ["是", "否", "完成", "未完成", " 是"]);
  const t = ind.targetNumber ?? 90;
  let x: number;
  if (m.kind === "satisfaction") x = pick(rng, [95, 90, 89.99, 80, 79.5, 60, 59.9, round(50 + rng() * 50, 2)]);
  else {
    const special = [t, t * (m.kind === "proportional" && m.variant === "rate" ? m.threshold : 1.1), t * 1.05, t * 1.2, t * 1.3, t * 0.9, 0];
    x = rng() < 0.4 ? pick(rng, special) : t * rng() * 1.6;
    x = round(x, pick(rng, [0, 1, 2]));
  }
  let text = String(x);
  if (rng() < 0.3 && ind.unit !== "") text += ind.unit;
  if (rng() < 0.15) text = FULL(text);
  if (rng() < 0.1) text = ` ${text}\u3000`;
  return text;
}

interface Plan {
  name: string;
  se: SelfEvaluation;
  actuals: string[];
  annual: number | null;
  spent: number | null;
}

function buildWorkbook(plans: readonly Plan[]): ExcelJS.Workbook {
  const Workbook = loadWorkbookClass();
  const wb = new Workbook();
  for (const p of plans) {
    const d = drawSelfEvaluation(p.se);
    const ws = drawSelfEvalSheet(wb, d, p.name);
    p.actuals.forEach((a, i) => {
      if (a !== "") ws.getCell(d.indicatorRows.first + i + 1, SELFEVAL_COLUMNS.actual + 1).value = a;
    });
    if (p.annual !== null) ws.getCell(d.budgetRow + 1, 3).value = p.annual;
    if (p.spent !== null) ws.getCell(d.budgetRow + 1, 4).value = p.spent;
  }
  return wb;
}

function seedSelfEvaluation(): SelfEvaluation {
  const grid = parseCsv(readFileSync(join(__dirname, "../fixtures/seed-corrected.csv"), "utf8"));
  const [form] = readForms(grid);
  return selfEvaluationOf(form!);
}

describe("self-evaluation formulas agree with the engine (LibreOffice recalculates)", () => {
  test("every score, the execution rate and score, the total and the grade", async () => {
    const rng = mulberry32(20261202);
    const budgets: Array<[number | null, number | null]> = [[100, 0], [100, 50], [100, 89], [100, 100], [100, 120], [0, 10], [null, 5], [156.91, 150.2]];
    const plans: Plan[] = budgets.map(([annual, spent], s) => {
      const indicators = Array.from({ length: 70 }, () => randomIndicator(rng));
      const se: SelfEvaluation = { year: 2026, deptName: "某县某局", indicators, budgetPoints: 10 };
      return { name: `自评${s + 1}`, se, actuals: indicators.map((ind) => randomActual(rng, ind)), annual, spent };
    });
    // The seed's corrected table, filled in: a floor met, a floor missed, qualitative rows, satisfaction, a cost overrun.
    const seed = seedSelfEvaluation();
    plans.push({ name: "种子", se: seed, actuals: ["19000", "100%", "98%", "效果明显", "效果一般", "93%", "180"], annual: 156.91, spent: 140 });
    // Every seed row has a standard that states its method (hand-written ones included).
    expect(seed.indicators.map((i) => i.method?.kind)).toEqual(["proportional", "proportional", "proportional", "levels", "levels", "shortfall", "proportional"]);

    const book = await recalculate(buildWorkbook(plans), { timeoutMs: 150_000 });
    const mismatches: string[] = [];
    let compared = 0;
    let computed = 0;
    for (const p of plans) {
      const values = book.sheets.get(p.name);
      if (!values) throw new Error(`no sheet ${p.name}: ${[...book.sheets.keys()].join(", ")}`);
      const d = drawSelfEvaluation(p.se);
      const scores: Array<number | null> = [];
      p.se.indicators.forEach((ind, i) => {
        const r = d.indicatorRows.first + i;
        const s = scoreOf(ind, p.actuals[i]);
        const engine = s.kind === "computed" ? s.score : null;
        scores.push(engine);
        const native = values[r]?.[SELFEVAL_COLUMNS.score] ?? "";
        compared++;
        if (engine !== null) computed++;
        const same = engine === null ? native === "" : native !== "" && Math.abs(Number(native) - engine) < 1e-9;
        if (!same) mismatches.push(`${p.name} row ${r + 1}: engine ${engine ?? "(blank)"}, sheet ${native || "(blank)"} — ${ind.target} ${JSON.stringify(p.actuals[i])} ${ind.standard}`);
      });
      const e = executionOf(p.annual, p.spent, 10);
      const budgetRow = values[d.budgetRow] ?? [];
      const rate = e.kind === "ok" ? e.rate : null;
      const budgetScore = e.kind === "ok" ? e.score : null;
      const sameNum = (a: number | null, b: string) => (a === null ? b === "" : b !== "" && Math.abs(Number(b) - a) < 1e-9);
      // The rate cell is formatted "0.00%"; the CSV gives it as shown.
      const rateShown = budgetRow[5] ?? "";
      const rateValue = rateShown.endsWith("%") ? String(Number(rateShown.slice(0, -1)) / 100) : rateShown;
      if (!sameNum(rate, rateValue)) mismatches.push(`${p.name} rate: engine ${rate}, sheet ${budgetRow[5]}`);
      if (!sameNum(budgetScore, budgetRow[6] ?? "")) mismatches.push(`${p.name} budget score: engine ${budgetScore}, sheet ${budgetRow[6]}`);
      const total = totalOf([budgetScore, ...scores]);
      const totalRow = values[d.totalRow] ?? [];
      if (!sameNum(total, totalRow[SELFEVAL_COLUMNS.score] ?? "")) mismatches.push(`${p.name} total: engine ${total}, sheet ${totalRow[SELFEVAL_COLUMNS.score]}`);
      const grade = total === null ? "" : gradeOf(total);
      if ((totalRow[SELFEVAL_COLUMNS.standard] ?? "") !== grade) mismatches.push(`${p.name} grade: engine ${grade}, sheet ${totalRow[SELFEVAL_COLUMNS.standard]}`);
      if (Number(totalRow[SELFEVAL_COLUMNS.points]) !== p.se.indicators.reduce((a, ind) => a + (ind.points ?? 0), 10)) {
        mismatches.push(`${p.name} points total: sheet ${totalRow[SELFEVAL_COLUMNS.points]}`);
      }
    }
    // The check reading the recalculated sheets finds no score the engine would compute differently, no score out
    // of range, and a total and grade that fit (the generated points need not add up to 100: F of the total row).
    for (const p of plans) {
      const d = drawSelfEvaluation(p.se);
      const values = book.sheets.get(p.name)!.map((row) => row.map((v): string | number => (v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v)));
      const totalPoints = `F${d.totalRow + 1}`;
      const checked = checkGrid(values, DEFAULT_SETTINGS);
      expect([p.name, checked.selfEvaluations.map((t) => t.rows.length)]).toEqual([p.name, [p.se.indicators.length]]);
      const wrong = checked
        .findings.filter((f) => ["score-mismatch", "score-out-of-range", "selfeval-total"].includes(f.rule) && f.cell !== totalPoints)
        .map((f) => `${p.name} ${f.rule}@${f.cell}: ${f.message}`);
      mismatches.push(...wrong);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(500);
    expect(computed).toBeGreaterThanOrEqual(400); // most rows really computed a score, not blank on both sides
  });
});
