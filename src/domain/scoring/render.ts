// 由赋分方法生成评（扣）分标准的文字；文字总要写明分值，pointsOf 能读回来。

import { GRADES, type ScoringMethod } from "./schema";

/** A number as finance staff write it: no float noise, no trailing zeros ("7.5", "10"). */
export function formatNumber(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** 0.6 → "60%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

/** The scoring standard's text for a method. */
export function renderStandard(method: ScoringMethod): string {
  const p = formatNumber(method.points);
  switch (method.kind) {
    case "direct": {
      // A stated deduction is written even when it takes every point, so the text reads back the same (readStandard).
      const otherwise = method.deduction === undefined ? "未达到不得分" : `未达到扣${formatNumber(method.deduction)}分`;
      return `达到指标值得${p}分；${otherwise}。`;
    }
    case "proportional": {
      if (method.variant === "rate") {
        const t = formatPercent(method.threshold);
        return `完成率达到100%得${p}分；完成率低于${t}不得分；${t}及以上按（实际完成率-${t}）/（1-${t}）×${p}分计分。`;
      }
      const s = formatPercent(method.step);
      return `控制在指标值以内得${p}分；每超出${s}扣${formatNumber(method.deduction)}分，不足${s}的按${s}计，扣完为止。`;
    }
    case "graded": {
      const [top, middle, low] = GRADES;
      const at = (share: number) => formatNumber(method.points * share);
      return (
        `按目标实现程度分档计分（满分${p}分）：` +
        `${top.name}的，得${at(top.low)}分（含）至${p}分；` +
        `${middle.name}的，得${at(middle.low)}分（含）至${at(middle.high)}分；` +
        `${low.name}的，得0至${at(low.high)}分。`
      );
    }
    case "satisfaction": {
      const parts: string[] = [];
      method.bands.forEach((band, i) => {
        const min = formatPercent(band.min);
        const award = `得${formatNumber(band.points)}分`;
        const above = method.bands[i - 1];
        if (!above) parts.push(`满意度达到${min}及以上${award}`);
        else parts.push(`${min}（含）至${formatPercent(above.min)}${award}`);
      });
      const last = method.bands[method.bands.length - 1];
      if (last) parts.push(`低于${formatPercent(last.min)}不得分`);
      return `${parts.join("；")}。`;
    }
  }
}
