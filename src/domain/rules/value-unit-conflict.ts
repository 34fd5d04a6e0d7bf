// value-unit-conflict：指标值带的单位与计量单位列矛盾（“28.8万元”配“%”），
// 或三级指标名称末尾的数量（“村组干部230人”）与指标值的单位矛盾。单元格为指标值。

import type { Finding, Severity } from "../findings";
import { isUnitLike } from "../reader/align";
import { parseNumber, toHalfWidth } from "../text";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "value-unit-conflict";
export const severity: Severity = "error";

const unitKey = (u: string): string => toHalfWidth(u).replace(/\s+/g, "").replace(/^％$/, "%");

/** A count the name ends with: "村组干部230人" → "人". */
function nameUnit(name: string): string | null {
  const m = /\d+(?:\.\d+)?\s*([^\d\s]{1,4})$/.exec(toHalfWidth(name).trim());
  return m && m[1] !== undefined && isUnitLike(m[1]) ? m[1] : null;
}

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "target")) {
    const split = r.targetSplit;
    if (isBlank(r.values.target)) continue;
    const unit = r.values.unit.trim();
    if (!split || split.unit === "") {
      if (!split && parseNumber(r.values.target) === null) continue;
      // A bare number: its unit is the unit column's, which the name's count must then agree with.
      const named = nameUnit(r.values.level3);
      if (named !== null && unit !== "" && isUnitLike(unit) && unitKey(named) !== unitKey(unit)) {
        const message = messages[id]({ target: r.values.target, targetUnit: unit, unit: named, from: "name" });
        out.push(findingAt(id, severity, fieldCell(r, "target"), message));
      }
      continue;
    }
    if (unit !== "" && isUnitLike(unit) && unitKey(unit) !== unitKey(split.unit)) {
      const message = messages[id]({ target: r.values.target, targetUnit: split.unit, unit, from: "unit" });
      out.push(findingAt(id, severity, fieldCell(r, "target"), message));
      continue;
    }
    const named = nameUnit(r.values.level3);
    if (named !== null && unitKey(named) !== unitKey(split.unit) && (unit === "" || unitKey(unit) === unitKey(split.unit))) {
      const message = messages[id]({ target: r.values.target, targetUnit: split.unit, unit: named, from: "name" });
      out.push(findingAt(id, severity, fieldCell(r, "target"), message));
    }
  }
  return out;
}
