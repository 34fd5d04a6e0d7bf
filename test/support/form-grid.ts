// Grids in the template's layout, for tests: the drawn form plus indicator rows typed in.
import type { CellValue } from "../../src/domain/grid";
import type { IndicatorField } from "../../src/domain/form";
import { drawForm, TEMPLATE, type DrawOptions } from "../../src/domain/layout";

export type RowInput = Partial<Record<IndicatorField, CellValue>>;

/** The standard form as a grid, with `rows` typed into the indicator block (one grid row each). */
export function formGrid(rows: readonly RowInput[], options: Partial<DrawOptions> & { header?: Partial<Record<"duties" | "goals", string>>; signoff?: readonly string[] } = {}): CellValue[][] {
  const drawing = drawForm({
    year: options.year ?? 2027,
    deptName: options.deptName ?? "某县人力资源服务中心",
    rows: rows.map((r) => ({ level1: String(r.level1 ?? ""), level2: String(r.level2 ?? "") })),
  });
  const grid: CellValue[][] = Array.from({ length: drawing.lastRow + 1 }, () => new Array<CellValue>(drawing.lastCol + 1).fill(""));
  for (const c of drawing.cells) grid[c.row]![c.col] = c.value;
  grid[TEMPLATE.headerRows.duties]![1] = options.header?.duties ?? "负责本县就业服务和职业培训工作。";
  grid[TEMPLATE.headerRows.goals]![1] = options.header?.goals ?? "完成职业技能培训1200人次。";
  rows.forEach((r, i) => {
    const row = grid[drawing.indicatorRows.first + i]!;
    for (const [field, col] of Object.entries(TEMPLATE.columns) as Array<[IndicatorField, number]>) {
      if (r[field] !== undefined) row[col] = r[field];
    }
  });
  const signoff = options.signoff ?? ["业务股室审核：王芳", "绩效股审核：李强", "填表人：张敏", "联系电话：0745-6221234", "填表日期：2026.10.12", "单位负责人：刘伟"];
  signoff.forEach((text, i) => {
    grid[drawing.signoffRows.first + Math.floor(i / 2)]![i % 2 === 0 ? 0 : 5] = text;
  });
  return grid;
}

/** A complete, correct set of indicator rows covering all four level-1 categories (points add up to 90). */
export const GOOD_ROWS: readonly RowInput[] = [
  { level1: "成本指标", level2: "经济成本指标", level3: "培训经费支出", valueType: "≤", target: 120, unit: "万元", explanation: "培训经费实际支出金额，反映培训经费支出控制情况。", scoringStandard: "培训经费支出控制在预算内得20分，每超出10%扣2分，扣完为止。" },
  { level1: "产出指标", level2: "数量指标", level3: "职业技能培训人次", valueType: "≥", target: 1200, unit: "人次", explanation: "全年组织职业技能培训的人次。", scoringStandard: "完成率达到100%得15分；低于60%不得分；60%及以上按（实际完成率-60%）/（1-60%）×15分计分。" },
  { level1: "", level2: "质量指标", level3: "培训合格率", valueType: "≥", target: 90, unit: "%", explanation: "培训考核合格人数占参训人数的比例。", scoringStandard: "合格率达到90%得15分，每低1个百分点扣1分，扣完为止。" },
  { level1: "", level2: "时效指标", level3: "培训补贴按时发放率", valueType: "=", target: 100, unit: "%", explanation: "在规定时限内发放的培训补贴占应发补贴的比例。", scoringStandard: "全部按时发放得10分，每延迟一笔扣1分，扣完为止。" },
  { level1: "效益指标", level2: "社会效益指标", level3: "参训人员就业能力提升", valueType: "定性", target: "明显提升", unit: "", explanation: "参训人员就业能力在培训后的提升程度。", scoringStandard: "基本达成目标得15分至12分，部分实现目标得12分至9分，实现目标程度较低得9分以下。" },
  { level1: "满意度指标", level2: "服务对象满意度指标", level3: "参训人员满意度", valueType: "≥", target: 90, unit: "%", explanation: "参训人员对培训服务的满意程度。", scoringStandard: "满意度≥90%得15分，80%（含）至90%得12分，60%（含）至80%得7.5分，60%以下不得分。" },
];
