// 2021 年以前的指标体系：成本指标是产出指标下的二级指标，满意度是效益指标下的二级指标
// （社会公众或服务对象满意度指标）。这样的行照原样读（不是错位），由 framework-outdated 整块报一次。

import type { OutdatedFramework } from "../form";

const OLD_COST = new Set(["成本指标"]);
const OLD_SATISFACTION = new Set([
  "社会公众或服务对象满意度指标", "社会公众满意度指标", "满意度指标", "满意度", "社会公众或服务对象满意度",
]);

/** A level-2 name that only the old framework uses in that place. */
export function isOutdatedLevel2(name: string): boolean {
  const n = name.replace(/\s/g, "");
  return OLD_COST.has(n) || OLD_SATISFACTION.has(n);
}

/** Whether level-1 / level-2 in force are the old framework's, and which part of it. */
export function outdatedOf(level1: string, level2: string): OutdatedFramework | null {
  const l1 = level1.replace(/\s/g, "");
  const l2 = level2.replace(/\s/g, "");
  if (l1 === "产出指标" && OLD_COST.has(l2)) return "cost";
  if (l1 === "效益指标" && OLD_SATISFACTION.has(l2)) return "satisfaction";
  return null;
}
