// 同一段文字用在多行（套话）的分组：一次遍历，按 sameTextKey 加去掉末尾标点分组。

import type { IndicatorField, IndicatorRow } from "../form";
import { sameTextKey } from "./terms";
import { isBlank } from "./rule";

export const BOILERPLATE_MIN_ROWS = 3;

/** Groups of rows whose field holds the same text, for groups of at least `min` rows. */
export function repeatedGroups(
  rows: readonly IndicatorRow[],
  field: IndicatorField,
  min: number,
  include: (r: IndicatorRow) => boolean = () => true,
): IndicatorRow[][] {
  const groups = new Map<string, IndicatorRow[]>();
  const keys = new Map<string, string>(); // boilerplate repeats: one key computation per distinct text
  for (const r of rows) {
    const text = r.values[field];
    if (isBlank(text) || !include(r)) continue;
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = sameTextKey(text).replace(/[。.;；,，]+$/, "")));
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].filter((g) => g.length >= min);
}
