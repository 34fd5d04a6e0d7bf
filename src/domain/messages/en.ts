// English texts of the findings, for Excel running in English: what is wrong and how to fix it.
// The form's own words (column labels, category names, 定性…) and the user's cell text stay as written, in "quotes",
// so the user can find them on the sheet; everything else is English.

import { selfEvalEn } from "./selfeval-en";
import type { ColumnKey } from "../form";
import { COLUMN_LABELS } from "../layout";
import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1, LEVEL2_NAMES, isLevel1, level1Of } from "../taxonomy";
import { ROWS_NAMED, type FindingMessages } from "./types";

const q = (s: string): string => `"${s}"`;
const list = (names: readonly string[]): string => names.map(q).join(", ");
const level2Choices = (level1: string): string => list(isLevel1(level1) ? LEVEL2_BY_LEVEL1[level1] : LEVEL2_NAMES);

/** What each column of the form holds, said in English after its own label. */
const GLOSS: Readonly<Record<ColumnKey, string>> = {
  level1: "level-1 category",
  level2: "level-2 category",
  level3: "indicator name",
  valueType: "value type",
  target: "target value",
  unit: "unit",
  explanation: "definition",
  scoringStandard: "scoring standard",
  remarks: "remarks",
  points: "points",
};
const column = (f: ColumnKey): string => `${q(COLUMN_LABELS[f])} (${GLOSS[f]})`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "row 8" / "rows 8, 9" / "rows 8, 9, 10, 11, 12 (30 rows in all)". */
const rowList = (rows: readonly number[]): string => {
  const shown = rows.slice(0, ROWS_NAMED).join(", ");
  const head = rows.length === 1 ? `row ${shown}` : `rows ${shown}`;
  return rows.length > ROWS_NAMED ? `${head} (${rows.length} rows in all)` : head;
};

export const en: FindingMessages = {
  ...selfEvalEn,
  // Header
  "year-invalid": (d) =>
    d.value !== null
      ? `The year ${d.value} is not a valid budget year: enter a four-digit year from 2000 to 2100, as in "（ 2026 ）年度".`
      : d.text.trim() === ""
        ? `The form's year is missing: enter a four-digit year on the line below the title, as in "（ 2026 ）年度".`
        : `No four-digit year can be read from ${q(d.text)}: write it as in "（ 2026 ）年度".`,
  "dept-name-missing": () => `The department (unit) name is empty: enter your unit's full name in the "部门（单位）名称" field.`,
  "duties-missing": () => `The department's duties are empty: briefly describe your unit's main duties in the "部门（单位）职责" field.`,
  "goals-missing": () =>
    `The annual performance goals are empty: summarise this year's main work and targets in the "年度履职目标" field, in line with the indicators below.`,
  "signoff-missing": (d) => `The sign-off field ${q(d.label)} is empty: fill it in before submitting the form.`,
  "phone-invalid": (d) =>
    `The contact phone ${q(d.text)} is not a valid number: enter an 11-digit mobile number (e.g. 13812345678) or a landline with its area code (e.g. 0745-1234567).`,

  // Indicator rows
  "level1-invalid": (d) => {
    const names = list(LEVEL1_NAMES);
    if (d.value.trim() === "") return `The ${column("level1")} is empty: choose one of ${names}.`;
    const owner = level1Of(d.value);
    const what = d.inherited
      ? `This row continues the level-1 category ${q(d.value)} from above, which`
      : `The level-1 category ${q(d.value)}`;
    if (owner) {
      return `${what} is a level-2 category, not a level-1 one: the level-1 category should be ${q(owner)}, and ${q(d.value)} belongs in the ${column("level2")} column.`;
    }
    if (d.suggestion) return `${what} is not one of the prescribed names: did you mean ${q(d.suggestion)}? Choose the level-1 category from ${names}.`;
    return `${what} is not one of the prescribed names: change it to one of ${names}.`;
  },
  "level2-invalid": (d) => {
    const choices = level2Choices(d.level1);
    if (d.value.trim() === "") return `The ${column("level2")} is empty: choose one of ${choices}.`;
    if (isLevel1(d.value)) return `${q(d.value)} is a level-1 category and cannot be a level-2 category: choose one of ${choices}.`;
    if (d.suggestion) {
      return `The level-2 category ${q(d.value)} is not one of the prescribed names: did you mean ${q(d.suggestion)}? Choose from ${choices}.`;
    }
    return `The level-2 category ${q(d.value)} is not one of the prescribed names: change it to one of ${choices}.`;
  },
  "level2-mismatch": (d) =>
    `The level-2 category ${q(d.level2)} belongs to ${q(d.belongsTo)}, not to this row's level-1 category ${q(d.level1)}: ` +
    `change the level-1 category to ${q(d.belongsTo)}, or choose a level-2 category of ${q(d.level1)} (${level2Choices(d.level1)}).`,
  "row-shifted": (d) => {
    const moves = d.moves.map((m) => {
      const steps = `${plural(Math.abs(m.by), "column")} to the ${m.by > 0 ? "right" : "left"}`;
      return m.first === m.last
        ? `${column(m.first)} is in column ${m.from} and belongs ${steps}, in column ${m.to}`
        : `${q(COLUMN_LABELS[m.first])} to ${q(COLUMN_LABELS[m.last])} are in columns ${m.from} and belong ${steps}, in columns ${m.to}`;
    });
    const realigned = d.realigned.map((r) => `${q(COLUMN_LABELS[r.field])}: ${q(r.text)}`).join("; ");
    return `This row's cells are in the wrong columns (${moves.join("; ")}). Realigned, the row reads: ${realigned}. Move each cell to its column.`;
  },
  "level3-missing": () =>
    `The ${column("level3")} is empty: name what is measured, short and clear, e.g. "房屋修缮面积" or "验收合格率".`,
  "level3-duplicate": (d) =>
    `The indicator name ${q(d.name)} appears more than once (${rowList(d.rows)}): each indicator belongs in the form only once; delete the duplicate rows or make them different indicators.`,
  "level3-contains-value": (d) =>
    `The indicator name ${q(d.name)} contains a value or target, ${q(d.found)}: the name should only say what is measured (e.g. "参保人数"); ` +
    `put the number in ${column("target")} and the unit in ${column("unit")}.`,
  "value-type-invalid": (d) => {
    if (d.text.trim() === "" && d.inTarget) {
      return `The ${column("valueType")} is empty, and the comparison sign ${q(d.inTarget)} was typed into the target value: set the value type to ${q(d.inTarget)} and leave only the number in the target value.`;
    }
    if (d.text.trim() === "") return `The ${column("valueType")} is empty: enter one of ≥, >, =, ≤, < for a quantitative indicator, or "定性" for a qualitative one.`;
    if (d.text.replace(/\s+/g, "") === "定量") {
      return `The value type "定量" (quantitative) does not say how to compare: change it to one of ≥ (at least), > (more than), = (equal to), ≤ (at most), < (less than).`;
    }
    return `The value type ${q(d.text)} is not recognised: change it to one of ≥, >, =, ≤, <, or "定性" for a qualitative indicator.`;
  },
  "value-missing": (d) =>
    d.qualitative
      ? `The ${column("target")} is empty: for a qualitative indicator, describe the expected result, e.g. "效果明显".`
      : `The ${column("target")} is empty: enter the target (only the number for a quantitative indicator; the unit goes in ${column("unit")}).`,
  "value-not-number": (d) => {
    const head = `The target value ${q(d.text)} of a quantitative indicator is not a plain number`;
    if (d.split) {
      const parts = [
        ...(d.split.comparison && d.split.comparison !== d.valueType ? [`the value type ${q(d.split.comparison)}`] : []),
        `the target value ${q(String(d.split.number))}`,
        ...(d.split.unit !== "" && d.split.unit !== d.unit ? [`the unit ${q(d.split.unit)}`] : []),
      ];
      return `${head}: split it up and enter ${parts.join(", ")}.`;
    }
    return `${head}: enter only the number and put the unit in ${column("unit")}; if the indicator cannot be quantified, change the value type to "定性".`;
  },
  "unit-on-qualitative": (d) =>
    `A qualitative indicator should have no unit, but ${q(d.unit)} is filled in: clear ${column("unit")}, or change the value type to a comparison sign and enter a number.`,
  "unit-missing": (d) =>
    d === undefined
      ? `This quantitative indicator has no unit: enter the unit that goes after the number in ${column("unit")}, e.g. "人", "%" or "万元".`
      : `The target ${q(d.target)} is a bare number, while this table's targets carry their unit: write the unit after the number, e.g. ${q(`${d.target}个`)} or ${q(`${d.target}%`)}.`,
  "percent-out-of-range": (d) =>
    `The percentage target ${d.value}% is outside the range 0 to 100%: check the target value or the unit.`,
  "explanation-missing": () =>
    `The ${column("explanation")} is empty: explain what the indicator measures, how it is calculated and what data it covers.`,
  "explanation-unrelated": (d) =>
    `The definition ${q(d.explanation)} shares no key words with the indicator name ${q(d.name)} and may have been copied from another form: ` +
    "rewrite it for this indicator, saying what it measures and how it is calculated.",
  "explanation-boilerplate": (d) =>
    `The same definition is used on ${d.count} rows (${rowList(d.rows)}): each indicator needs its own definition; write for each what it measures and how it is calculated.`,
  "scoring-missing": () =>
    `The ${column("scoringStandard")} is empty: state this indicator's points and how they are awarded or deducted (the four methods on the Scoring tab can write one).`,
  "scoring-no-points": () =>
    `The scoring standard does not state this indicator's points: state the full points, e.g. "完成目标得10分", so the total can be added up and the indicator scored later.`,
  "scoring-boilerplate": (d) =>
    `The same vague scoring standard is used on ${d.count} rows (${rowList(d.rows)}): give each indicator its points and a concrete way of deducting them.`,
  "timeliness-not-time": (d) =>
    `The timeliness indicator ${q(d.name)} says nothing about time: name a deadline or promptness, e.g. "待遇按时发放率" or "办结时限".`,
  "content-unplaced": (d) =>
    `It is unclear which column the content ${q(d.text)} belongs to, so the check did not use it: move it to its column, or delete it.`,

  // Whole form
  "form-not-found": () =>
    `No performance target form was found: no sheet has a header row like "一级指标、二级指标、三级指标……". Use the standard form, or check the header labels.`,
  "column-missing": (d) =>
    `The header has no ${list(d.labels)} column${d.labels.length === 1 ? "" : "s"}, so ${d.labels.length === 1 ? "it was" : "they were"} not checked: add ${d.labels.length === 1 ? "it" : "them"} as in the standard form (${list([
      COLUMN_LABELS.level1, COLUMN_LABELS.level2, COLUMN_LABELS.level3, COLUMN_LABELS.valueType, COLUMN_LABELS.target,
      COLUMN_LABELS.unit, COLUMN_LABELS.explanation, COLUMN_LABELS.scoringStandard, COLUMN_LABELS.remarks,
    ])}).`,
  "category-missing": (d) =>
    `There is no indicator under ${q(d.level1)}: add at least one row whose level-1 category is ${q(d.level1)} (its level-2 categories: ${level2Choices(d.level1)}).`,
  "score-total": (d) => {
    const sum =
      d.total === d.expected
        ? `The points that can be read add up to ${d.total}`
        : `The indicators' points add up to ${d.total} but should add up to ${d.expected} (the rest usually goes to budget execution)`;
    const rest = d.unreadable ? `; no points can be read for ${rowList(d.unreadable)}, so they are not counted` : "";
    const where = d.fromColumn ? "enter each indicator's points in the points column" : "state each indicator's points in its scoring standard";
    return `${sum}${rest}: ${where} and bring the total to ${d.expected}.`;
  },
  "goal-mismatch": (d) =>
    `The annual goals say ${q(d.figure)} in ${q(d.clause)}, but the indicator ${q(d.indicator)} in row ${d.row} has the target ${q(d.target)}: ` +
    "check both and make them agree.",

  // Layouts and values
  "framework-outdated": (d) =>
    `${rowList(d.rows).replace(/^r/, "R")} put ${q(d.level2)} as a level-2 category under ${q(d.level1)}, the framework used before 2021: ` +
    (d.part === "cost"
      ? `${q("成本指标")} is now a level-1 category. Make these rows level-1 ${q("成本指标")} with level-2 ${q("经济成本指标")} (or ${q("社会成本指标")}, ${q("生态环境成本指标")}).`
      : `${q("满意度指标")} is now a level-1 category. Make these rows level-1 ${q("满意度指标")} with level-2 ${q("服务对象满意度指标")}.`),
  "value-unit-conflict": (d) =>
    d.from === "unit"
      ? `The target ${q(d.target)} carries the unit ${q(d.targetUnit)}, but the unit column says ${q(d.unit)}: check which is right, keep one unit and only the number in the target.`
      : `The target ${q(d.target)} is in ${q(d.targetUnit)}, but the indicator's name counts in ${q(d.unit)}: check the target, its unit and the name.`,
  "value-date-serial": (d) =>
    `The ${d.where === "target" ? "target" : "unit"} ${d.serial} looks like a date pasted as a number (${d.date}): ` +
    `write it as text, e.g. ${q(`${d.date}前完成`)}, or as a number of days or months.`,
  "value-no-comparison": (d) =>
    `The target ${q(d.text)} has no comparison, while the other targets of this table carry one: put ≥, ≤, = or similar before the number, e.g. ${q(`≥${d.text}`)}.`,
  "template-text-left": (d) =>
    `${q(d.text)} still holds the template's placeholder or instruction ${q(d.found)}: replace it with your unit's own content, or delete the instruction.`,
};
