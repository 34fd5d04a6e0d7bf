// signoff-missing：签字栏的填表人、联系电话、填表日期、单位负责人未填（每个空栏一条）。
// 两个审核栏由审核人填写，报送时常为空，不检查。单元格总在表格之内：栏目的标签或值所在格；
// 表中没有这一栏时指向已有的签字栏；整张表没有签字栏时（只有整体支出表必须有）报一条，指向最后一个指标行。
// 项目表、自评表各地印的签字栏不同：只查表中印了的栏目。

import type { Finding, Severity } from "../findings";
import type { CellRef, SignoffField } from "../form";
import { SIGNOFF_FIELDS } from "../form";
import { SIGNOFF_LABELS } from "../layout";
import { findingAt, headerCell, isBlank, type RuleContext } from "./rule";

export const id = "signoff-missing";
export const severity: Severity = "warning";

const REQUIRED: readonly SignoffField[] = ["filledBy", "phone", "fillDate", "head"];

export function check({ form, messages }: RuleContext): Finding[] {
  const placed = SIGNOFF_FIELDS.map((f) => form.signoff[f].cell).filter((c): c is CellRef => c !== null);
  const blank = REQUIRED.filter((f) => isBlank(form.signoff[f].text));
  if (blank.length === 0) return [];
  if (placed.length === 0) {
    if (form.kind !== "department") return []; // project and self-evaluation tables are printed without one
    const cell = { row: Math.max(form.lastRow, form.headerRow), col: headerCell(form).col };
    return [findingAt(id, severity, cell, messages[id]({ label: blank.map((f) => SIGNOFF_LABELS[f]).join("、") }))];
  }
  const lastPlaced = placed.reduce((a, b) => (b.row > a.row || (b.row === a.row && b.col > a.col) ? b : a));
  // Other kinds print their own sign-off lines: ask only for the ones the table has.
  const asked = form.kind === "department" ? blank : blank.filter((f) => form.signoff[f].cell !== null);
  return asked.map((f) => findingAt(id, severity, form.signoff[f].cell ?? lastPlaced, messages[id]({ label: SIGNOFF_LABELS[f] })));
}
