// 读出填好的自评表：按表头标签找到指标表（有“实际完成值”和“得分”两列的才是自评表），
// 一级指标里写的分值（“产出指标(50分)”）、上方的预算执行块、合计行和自评等级。
// 年度指标值与实际完成值并排时，只把年度指标值当作目标，实际完成值从不当作目标读。

import type { CellRef } from "../form";
import { cellText, type Grid } from "../grid";
import { splitTarget } from "../reader";
import { columnKeyOf, isInstruction, isSignoffStart, isTotalsLabel } from "../reader/labels";
import { pointsOf } from "../scoring";
import { QUALITATIVE } from "../taxonomy";
import { normalizeLabel, normalizeValueType, parseNumber, toHalfWidth } from "../text";
import type { SelfEvalIndicator } from "./form";
import { methodOf } from "./method";

export type SelfEvalTableColumn =
  | "level1"
  | "level2"
  | "level3"
  | "valueType"
  | "target"
  | "unit"
  | "actual"
  | "points"
  | "score"
  | "reason"
  | "standard";

const OWN_LABELS: ReadonlyArray<readonly [SelfEvalTableColumn, readonly string[]]> = [
  ["actual", ["实际完成值", "实际值", "全年实际值", "实际完成情况", "年度实际完成值", "实际完成指标值", "完成值", "全年实际完成值"]],
  ["score", ["得分", "自评得分", "评分", "实际得分"]],
  [
    "reason",
    ["偏差原因分析及改进措施", "偏差原因分析", "偏差原因及改进措施", "原因分析及改进措施", "偏差原因", "未完成原因分析", "未完成原因和改进措施", "偏差原因分析及整改措施"],
  ],
];

function ownColumnOf(text: string): SelfEvalTableColumn | null {
  const label = normalizeLabel(text).replace(/[（(][^（）()]{1,8}[）)]$/, "");
  for (const [key, aliases] of OWN_LABELS) if (aliases.includes(label)) return key;
  return null;
}

/** A column of the self-evaluation grid: its own labels first, then the target table's. */
function columnOf(text: string): SelfEvalTableColumn | null {
  if (text === "") return null;
  const own = ownColumnOf(text);
  if (own) return own;
  const key = columnKeyOf(text);
  switch (key) {
    case "level1":
    case "level2":
    case "level3":
    case "valueType":
    case "target":
    case "unit":
    case "points":
      return key;
    case "scoringStandard":
      return "standard";
    default:
      return null;
  }
}

export interface NumberCell {
  text: string;
  value: number | null;
  cell: CellRef | null;
}

export interface SelfEvalTableRow {
  /** 0-based grid row. */
  row: number;
  level1: string;
  level2: string;
  level3: string;
  valueType: string;
  target: string;
  unit: string;
  actual: string;
  reason: string;
  standard: string;
  points: NumberCell;
  score: NumberCell;
  /** Points printed with the level-1 ("产出指标(50分)"), for the block this row belongs to. */
  blockPoints: number | null;
  /** Where each column's cell sits on this row. */
  cells: Readonly<Partial<Record<SelfEvalTableColumn, CellRef>>>;
}

export interface BudgetBlock {
  headerRow: number;
  row: number;
  annual: NumberCell;
  spent: NumberCell;
  points: NumberCell;
  rate: NumberCell;
  score: NumberCell;
  reason: { text: string; cell: CellRef | null };
}

export interface SelfEvalTable {
  headerRow: number;
  columns: Readonly<Partial<Record<SelfEvalTableColumn, number>>>;
  rows: readonly SelfEvalTableRow[];
  /** Level-1 blocks whose label prints points, in order. */
  blocks: ReadonlyArray<{ level1: string; points: number; row: number }>;
  budget: BudgetBlock | null;
  total: { row: number; points: NumberCell; score: NumberCell } | null;
  grade: { text: string; cell: CellRef } | null;
}

/** "产出指标(50分)", "成本指标（0-20）分" → the category and its points (the larger end of a range). */
export function level1Label(text: string): { name: string; points: number | null } {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const m = /^([^()]+?)\(([\d.]+)(?:-([\d.]+))?\)?分?\)?分?$/.exec(t);
  if (!m || m[1] === undefined) return { name: text.trim(), points: null };
  const n = Number(m[3] ?? m[2]);
  return { name: m[1], points: Number.isFinite(n) ? n : null };
}

function numberCell(text: string, cell: CellRef | null): NumberCell {
  const t = toHalfWidth(text).replace(/\s+/g, "").replace(/(分|万元|元)$/, "");
  if (t.endsWith("%")) {
    const n = parseNumber(t.slice(0, -1));
    return { text, value: n === null ? null : n / 100, cell };
  }
  return { text, value: parseNumber(t), cell };
}

const PLACEHOLDER_RE = /^(?:指标\d+[:：]?[/／]?|[…．.]+|[/／-]+|无)$/;

const GRADE_LABEL_RE = /^(自评等级|评价等级|绩效等级|等级|自评结果|评价结果|自评等次|等次)$/;

function readBudget(texts: string[][], above: number, from: number): BudgetBlock | null {
  for (let r = above - 1; r >= from; r--) {
    const row = texts[r] ?? [];
    const annualCol = row.findIndex((t) => /^全年预算数/.test(normalizeLabel(t)));
    if (annualCol < 0) continue;
    const find = (re: RegExp, start = 0) => row.findIndex((t, c) => c >= start && re.test(normalizeLabel(t)));
    const cols = {
      annual: annualCol,
      spent: find(/^全年执行数/),
      points: find(/^分值/),
      rate: find(/^执行率/),
      score: find(/^得分/),
      reason: find(/^(偏差原因|原因分析|未完成原因)/),
    };
    const v = r + 1;
    const line = texts[v] ?? [];
    const at = (c: number): NumberCell => (c < 0 ? { text: "", value: null, cell: null } : numberCell(line[c] ?? "", { row: v, col: c }));
    return {
      headerRow: r,
      row: v,
      annual: at(cols.annual),
      spent: at(cols.spent),
      points: at(cols.points),
      rate: at(cols.rate),
      score: at(cols.score),
      reason: cols.reason < 0 ? { text: "", cell: null } : { text: line[cols.reason] ?? "", cell: { row: v, col: cols.reason } },
    };
  }
  return null;
}

/** Every self-evaluation table in a grid, from the top. */
export function readSelfEvaluations(grid: Grid): SelfEvalTable[] {
  const texts = grid.map((row) => row.map((v) => cellText(v)));
  const tables: SelfEvalTable[] = [];
  let previousEnd = 0;
  for (let r = 0; r < texts.length; r++) {
    const line = texts[r] ?? [];
    const columns: Partial<Record<SelfEvalTableColumn, number>> = {};
    line.forEach((t, c) => {
      const key = columnOf(t);
      if (key && columns[key] === undefined) columns[key] = c;
    });
    // A two-row header: 实际完成值, 分值, 得分… merged down from the row above, blank on this one (as CSV gives it).
    if (columns.level3 !== undefined && r > 0) {
      const taken = new Set(Object.values(columns));
      (texts[r - 1] ?? []).forEach((t, c) => {
        const key = columnOf(t);
        if (key && columns[key] === undefined && !taken.has(c) && (line[c] ?? "") === "") columns[key] = c;
      });
    }
    if (columns.level3 === undefined || columns.actual === undefined || columns.score === undefined) continue;

    const rows: SelfEvalTableRow[] = [];
    const blocks: Array<{ level1: string; points: number; row: number }> = [];
    let total: SelfEvalTable["total"] = null;
    let grade: SelfEvalTable["grade"] = null;
    let level1 = "";
    let level2 = "";
    let blockPoints: number | null = null;
    let blanks = 0;
    let end = r + 1;
    const get = (row: string[], key: SelfEvalTableColumn): string => {
      const c = columns[key];
      return c === undefined ? "" : (row[c] ?? "");
    };
    for (let i = r + 1; i < texts.length; i++) {
      const row = texts[i] ?? [];
      end = i + 1;
      const first = row.find((t) => t !== "") ?? "";
      const gradeAt = row.findIndex((t) => GRADE_LABEL_RE.test(normalizeLabel(t)));
      if (gradeAt >= 0) {
        const c = row.findIndex((t, j) => j > gradeAt && t !== "");
        if (c >= 0) grade = { text: row[c] ?? "", cell: { row: i, col: c } };
        else grade = { text: "", cell: { row: i, col: gradeAt + 1 } };
      }
      if (first === "") {
        if (++blanks > 2) break;
        continue;
      }
      blanks = 0;
      if (isTotalsLabel(first) || /^(合计|总分|总计)/.test(first.replace(/\s+/g, ""))) {
        const cell = (key: "points" | "score"): NumberCell => {
          const c = columns[key];
          return c === undefined ? { text: "", value: null, cell: null } : numberCell(row[c] ?? "", { row: i, col: c });
        };
        total = { row: i, points: cell("points"), score: cell("score") };
        continue;
      }
      if (isSignoffStart(first) || isInstruction(first)) break;
      if (gradeAt >= 0 && get(row, "level3") === "") continue;
      const l1 = get(row, "level1");
      if (l1 !== "") {
        const parsed = level1Label(l1);
        level1 = parsed.name;
        blockPoints = parsed.points;
        if (parsed.points !== null) blocks.push({ level1: parsed.name, points: parsed.points, row: i });
        level2 = "";
      }
      const l2 = get(row, "level2");
      if (l2 !== "") level2 = level1Label(l2).name;
      const level3 = get(row, "level3");
      // Template rows left in published tables: "指标2：", "……", "指标1：/" (not applicable).
      if (level3 === "" || PLACEHOLDER_RE.test(toHalfWidth(level3).replace(/\s+/g, ""))) continue;
      const cells: Partial<Record<SelfEvalTableColumn, CellRef>> = {};
      for (const [key, col] of Object.entries(columns) as Array<[SelfEvalTableColumn, number]>) cells[key] = { row: i, col };
      rows.push({
        row: i,
        level1,
        level2,
        level3,
        valueType: get(row, "valueType"),
        target: get(row, "target"),
        unit: get(row, "unit"),
        actual: get(row, "actual"),
        reason: get(row, "reason"),
        standard: get(row, "standard"),
        points: numberCell(get(row, "points"), cells.points ?? null),
        score: numberCell(get(row, "score"), cells.score ?? null),
        blockPoints,
        cells,
      });
    }
    tables.push({ headerRow: r, columns, rows, blocks, budget: readBudget(texts, r, previousEnd), total, grade });
    previousEnd = end;
    r = end - 1;
  }
  return tables;
}

/** The indicator a read row states: its target split into comparison, number and unit; its standard's method. */
export function indicatorOfTableRow(r: SelfEvalTableRow): SelfEvalIndicator {
  const split = splitTarget(r.target);
  const number = parseNumber(r.target) ?? split?.number ?? null;
  // Small form variants (﹦ ﹤ ﹥) appear in tables exported from budget systems.
  const comparison = r.valueType.replace(/﹦/g, "=").replace(/﹤/g, "<").replace(/﹥/g, ">");
  const stated = normalizeValueType(comparison) ?? (split?.comparison ? normalizeValueType(split.comparison) : null);
  const valueType = stated ?? (number === null && r.target !== "" ? QUALITATIVE : null);
  const unit = r.unit !== "" ? r.unit : (split?.unit ?? "");
  const method = methodOf(r.standard, valueType);
  const points = r.points.value ?? pointsOf(r.standard) ?? method?.points ?? null;
  return {
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    valueType,
    target: r.target,
    targetNumber: valueType === QUALITATIVE ? null : number,
    unit: valueType === QUALITATIVE ? "" : unit,
    standard: r.standard,
    points,
    method: method && (points === null || Math.abs(method.points - points) < 1e-9) ? method : null,
    sourceRow: null,
  };
}
