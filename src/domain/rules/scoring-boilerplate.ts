// scoring-boilerplate：同一条笼统的评（扣）分标准用在 3 行或更多行；每一处都报。
// “笼统”指：读不出分值（pointsOf 为 null），或含“酌情”“视情”。写明分值和算法的同一标准
// （如种子表三行的“按计划完成得10分，否则按实际值/计划值*指标分值计分”）用在多行是正常的，不报。

import type { Finding, Severity } from "../findings";
import { BOILERPLATE_MIN_ROWS, repeatedGroups } from "./repeated";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "scoring-boilerplate";
export const severity: Severity = "warning";

export function isVagueStandard(text: string, points: number | null): boolean {
  return /酌情|视情/.test(text) || points === null;
}

export function check({ form, points, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const groups = repeatedGroups(rowsWithColumn(form, "scoringStandard"), "scoringStandard", BOILERPLATE_MIN_ROWS, (r) =>
    isVagueStandard(r.values.scoringStandard, points(r.values.scoringStandard)),
  );
  for (const g of groups) {
    const message = messages[id]({ count: g.length, rows: g.map((r) => r.row + 1) });
    for (const r of g) out.push(findingAt(id, severity, fieldCell(r, "scoringStandard"), message));
  }
  return out;
}
