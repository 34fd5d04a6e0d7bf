// 读表 + 检查的耗时：生成含 10、100、1000、10000 行指标的表，取多次运行的中位数（毫秒）。预算：1 万行 ≤ 200 毫秒，随行数线性增长。

import { performance } from "perf_hooks";
import type { CellValue } from "../src/domain/grid";
import { drawForm, TEMPLATE } from "../src/domain/layout";
import { readForms } from "../src/domain/reader";
import { checkForm } from "../src/domain/rules";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1 } from "../src/domain/taxonomy";

export const key = "engine";

export const SIZES = [10, 100, 1000, 10000] as const;

/** A small seeded generator, so every run measures the same table. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ["城关镇", "芙蓉乡", "禾梨坳", "罗旧镇", "新店坪", "杨公庙", "土桥乡", "牛牯坪", "晓坪乡", "碧涌镇", "大树坳", "水宽乡"];
const SUBJECTS = [
  "职业技能培训", "工伤保险参保", "城乡居民医保缴费", "农村公路养护", "校舍维修改造", "图书馆借阅服务", "困难群众救助",
  "高标准农田建设", "森林防火巡查", "饮水安全工程", "残疾人康复服务", "就业困难人员帮扶", "老年人健康体检", "河道垃圾清理",
  "农机购置补贴发放", "文化惠民演出", "社区矫正对象走访", "公共法律服务", "义务教育营养餐", "危房改造",
];
const MEASURES: ReadonlyArray<{ name: string; unit: string; kind: "count" | "rate" | "money" | "time" | "quality" }> = [
  { name: "人次", unit: "人次", kind: "count" },
  { name: "覆盖率", unit: "%", kind: "rate" },
  { name: "完成率", unit: "%", kind: "rate" },
  { name: "合格率", unit: "%", kind: "rate" },
  { name: "按时完成率", unit: "%", kind: "time" },
  { name: "办结时限", unit: "个工作日", kind: "time" },
  { name: "资金支出", unit: "万元", kind: "money" },
  { name: "数量", unit: "个", kind: "count" },
  { name: "群众满意度", unit: "%", kind: "rate" },
  { name: "服务质量", unit: "", kind: "quality" },
];
const PAIRS = LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1].map((l2) => ({ l1, l2 })));

/** The standard form with `n` generated indicator rows (merged-style blank level-1 on continuation rows). */
export function generatedGrid(n: number, seed = 7): CellValue[][] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const pairs = Array.from({ length: n }, (_, i) => PAIRS[Math.floor((i * PAIRS.length) / n)] ?? PAIRS[0]!);
  const drawing = drawForm({ year: 2027, deptName: "某县人力资源和社会保障局", rows: pairs.map((p) => ({ level1: p.l1, level2: p.l2 })) });
  const grid: CellValue[][] = Array.from({ length: drawing.lastRow + 1 }, () => new Array<CellValue>(drawing.lastCol + 1).fill(""));
  for (const c of drawing.cells) (grid[c.row] as CellValue[])[c.col] = c.value;
  (grid[TEMPLATE.headerRows.duties] as CellValue[])[1] = "负责全县就业、社会保障和人才服务工作。";
  (grid[TEMPLATE.headerRows.goals] as CellValue[])[1] = "完成职业技能培训1200人次；工伤保险参保覆盖率达到95%；群众满意度达到90%。";
  const C = TEMPLATE.columns;
  pairs.forEach((p, i) => {
    const row = grid[drawing.indicatorRows.first + i] as CellValue[];
    if (i > 0 && pairs[i - 1]?.l1 === p.l1) row[C.level1] = "";
    if (i > 0 && pairs[i - 1]?.l2 === p.l2 && rnd() < 0.5) row[C.level2] = "";
    const subject = pick(SUBJECTS);
    const measure = pick(MEASURES);
    const name = `${pick(PLACES)}${subject}${measure.name}`;
    const points = pick([5, 10, 15, 20]);
    row[C.level3] = name;
    if (measure.kind === "quality") {
      row[C.valueType] = "定性";
      row[C.target] = pick(["效果明显", "明显提升", "逐步改善"]);
    } else {
      row[C.valueType] = measure.kind === "money" ? "≤" : pick(["≥", ">=", "＞", "="]);
      const value = measure.kind === "rate" ? 80 + Math.floor(rnd() * 21) : Math.floor(rnd() * 20000);
      row[C.target] = rnd() < 0.05 ? `${value}${measure.unit}` : rnd() < 0.3 ? value.toLocaleString("en-US") : value;
      row[C.unit] = measure.unit;
    }
    row[C.explanation] = rnd() < 0.1 ? "考核社会组织年检率情况。" : `考核${subject}${measure.name}情况，数据来源于业务台账。`;
    row[C.scoringStandard] =
      rnd() < 0.1 ? "未达指标值酌情扣分。" : `完成目标得${points}分，未完成按（实际完成率-60%）/（1-60%）×${points}分计分。`;
  });
  const signoff = ["业务股室审核：王芳", "绩效股审核：李强", "填表人：张敏", "联系电话：0745-6221234", "填表日期：2026.10.12", "单位负责人：刘伟"];
  signoff.forEach((text, i) => {
    (grid[drawing.signoffRows.first + Math.floor(i / 2)] as CellValue[])[i % 2 === 0 ? 0 : 5] = text;
  });
  return grid;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Read and check once; returns the number of findings so the work cannot be optimised away. */
export function readAndCheck(grid: CellValue[][]): number {
  return readForms(grid).reduce((n, form) => n + checkForm(form, DEFAULT_SETTINGS).length, 0);
}

export async function run(): Promise<{ msPerTable: Record<string, number> }> {
  const msPerTable: Record<string, number> = {};
  for (const n of SIZES) {
    const grid = generatedGrid(n);
    const runs = n >= 10000 ? 9 : n >= 1000 ? 15 : 21; // enough for a steady median on a shared machine
    readAndCheck(grid); // warm-up: JIT and lazily built regular expressions
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      readAndCheck(grid);
      times.push(performance.now() - t0);
    }
    msPerTable[String(n)] = Math.round(median(times) * 100) / 100;
  }
  return { msPerTable };
}
