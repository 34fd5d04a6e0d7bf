// 自评表自带的公式：得分由同一行的实际完成值算出，没装加载项、在 WPS 或 LibreOffice 中也一样。
// 每个公式与 score.ts / budget.ts 的一步对应（去空格和全角、去单位、取整后比较）；
// test/agreement/selfeval-native.test.ts 用 LibreOffice 实算，逐格与引擎比较。
// 公式不带开头的 "="（exceljs 的写法）；Office.js 写入时加上。

import { compact } from "../native/formulas";
import { GRADES } from "../scoring";
import type { SelfEvalIndicator } from "./form";
import type { SelfEvalMethod } from "./method";
import { MET_WORDS, NO_WORDS, compactText, roundTo } from "./score";

/** A formula string literal ("" doubles a quote). */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number as a formula constant: every digit JavaScript keeps, no exponent for ordinary sizes. */
function num(n: number): string {
  return String(n);
}

/** The cell's text as score.ts's compactText sees it. */
function text(cell: string): string {
  return compact(cell);
}

/** actualNumber: the unit and "%" removed, then VALUE (an error when no number is left). */
function actualValue(cell: string, unit: string): string {
  const u = compactText(unit);
  const noUnit = u === "" || u === "%" ? text(cell) : `SUBSTITUTE(${text(cell)},${literal(u)},"")`;
  return `VALUE(SUBSTITUTE(${noUnit},"%",""))`;
}

function comparison(x: string, valueType: string | null, target: number): string {
  const a = `ROUND(${x},9)`;
  switch (valueType) {
    case "≥":
      return `${a}>=${num(target)}`;
    case ">":
      return `${a}>${num(target)}`;
    case "≤":
      return `${a}<=${num(target)}`;
    case "<":
      return `${a}<${num(target)}`;
    default:
      return `${a}=${num(roundTo(target, 9))}`;
  }
}

function completion(ind: SelfEvalIndicator, x: string, t: number): string {
  if (ind.valueType === "≤" || ind.valueType === "<") return `IF(${x}<=${num(t)},1,IF(${x}>0,MIN(1,ROUND(${num(t)}/${x},10)),1))`;
  if (t <= 0) return `IF(${x}>=${num(t)},1,0)`;
  return `MIN(1,ROUND(${x}/${num(t)},10))`;
}

/** The score's expression for a method, before rounding and the blank/error guard. */
/** score.ts's shortfallOf. */
function shortfall(ind: SelfEvalIndicator, x: string, t: number): string {
  const ceiling = ind.valueType === "≤" || ind.valueType === "<";
  const diff = ceiling ? `(${x}-${num(t)})` : `(${num(t)}-${x})`;
  if (compactText(ind.unit) === "%") return `ROUND(${diff},10)`;
  if (t <= 0) return "0";
  return `ROUND(${diff}/${num(t)}*100,10)`;
}

function scoreExpression(ind: SelfEvalIndicator, method: SelfEvalMethod, actual: string): string | null {
  const P = num(method.points);
  switch (method.kind) {
    case "direct": {
      const c = text(actual);
      const ors = [`${c}=${literal(compactText(ind.target))}`];
      if (!(NO_WORDS as readonly string[]).includes(compactText(ind.target))) ors.push(...MET_WORDS.map((w) => `${c}=${literal(w)}`));
      if (ind.targetNumber !== null) ors.push(`IFERROR(${comparison(actualValue(actual, ind.unit), ind.valueType, ind.targetNumber)},FALSE)`);
      return `IF(OR(${ors.join(",")}),${P},MAX(0,${P}-${num(method.deduction ?? method.points)}))`;
    }
    case "proportional": {
      const t = ind.targetNumber;
      if (t === null) return null;
      const x = actualValue(actual, ind.unit);
      if (method.variant === "rate") {
        const r = completion(ind, x, t);
        const th = num(method.threshold);
        const rated = `IF(${r}>=1,${P},IF(${r}<${th},0,(${r}-${th})/(1-${th})*${P}))`;
        return ind.valueType === "=" ? `IF(ROUND(${x},9)=${num(roundTo(t, 9))},${P},${rated})` : rated;
      }
      if (t <= 0) return `IF(${x}<=${num(t)},${P},0)`;
      const over = `ROUND((${x}-${num(t)})/${num(t)},10)`;
      return `IF(${over}<=0,${P},MAX(0,${P}-ROUNDUP(ROUND(${over}/${num(method.step)},9),0)*${num(method.deduction)}))`;
    }
    case "shortfall": {
      const t = ind.targetNumber;
      if (t === null) return null;
      const s = shortfall(ind, actualValue(actual, ind.unit), t);
      return `IF(${s}<=0,${P},MAX(0,${P}-ROUNDUP(ROUND(${s}/${num(method.per)},9),0)*${num(method.deduction)}))`;
    }
    case "levels": {
      const c = text(actual);
      const otherwise = method.otherwiseZero ? "0" : '""';
      return method.levels.reduceRight((rest, l) => `IF(${c}=${literal(compactText(l.label))},${num(l.points)},${rest})`, otherwise);
    }
    case "graded": {
      const c = text(actual);
      const tops = GRADES.map((g) => [g.name, num(roundTo(g.high * method.points, 2))] as const);
      return tops.reduceRight((rest, [name, top]) => `IF(${c}=${literal(name)},${top},${rest})`, '""');
    }
    case "satisfaction": {
      const a = `ROUND(${actualValue(actual, ind.unit === "" ? "%" : ind.unit)},4)`;
      return method.bands.reduceRight((rest, b) => `IF(${a}>=${num(roundTo(b.min * 100, 4))},${num(b.points)},${rest})`, "0");
    }
  }
}

/**
 * The 得分 formula for an indicator whose 实际完成值 sits in `actual` (an A1 reference such as "E7"), or null when
 * the standard states no method (the user enters the score). Blank or unreadable actual values give "".
 */
export function scoreFormula(ind: SelfEvalIndicator, actual: string): string | null {
  if (!ind.method) return null;
  const expr = scoreExpression(ind, ind.method, actual);
  if (expr === null) return null;
  return `IF(${text(actual)}="","",IFERROR(ROUND(${expr},2),""))`;
}

/** Data validation for a graded row's score: a number within the chosen grade's band. */
export function gradedScoreValidation(points: number, score: string, actual: string): string {
  const bound = (pick: "low" | "high") =>
    GRADES.slice(0, -1).reduceRight(
      (rest, g) => `IF(${actual}=${literal(g.name)},${num(roundTo(g[pick] * points, 2))},${rest})`,
      num(roundTo((GRADES[GRADES.length - 1] as (typeof GRADES)[number])[pick] * points, 2)),
    );
  return `AND(ISNUMBER(${score}),${score}>=${bound("low")},${score}<=${bound("high")})`;
}

/** The grade list for a qualitative row's actual value. */
export const GRADE_LIST = GRADES.map((g) => g.name).join(",");

/** 执行率 from A and B (blank unless A is a positive number and B within it); 4 decimals. */
export function rateFormula(annual: string, spent: string): string {
  return `IF(OR(${annual}="",${spent}=""),"",IF(OR(${annual}=0,ROUND(${spent},6)>ROUND(${annual},6)),"",ROUND(${spent}/${annual},4)))`;
}

export function executionScoreFormula(points: string, rate: string): string {
  return `IF(${rate}="","",ROUND(MIN(${points},${points}*${rate}),2))`;
}

/** The total of the scores given so far ("" while none is). `cells` is a SUM argument list. */
export function totalFormula(cells: string): string {
  return `IF(COUNT(${cells})=0,"",ROUND(SUM(${cells}),2))`;
}

export function gradeFormula(total: string): string {
  return `IF(${total}="","",IF(${total}>=90,"优",IF(${total}>=80,"良",IF(${total}>=60,"中","差"))))`;
}
