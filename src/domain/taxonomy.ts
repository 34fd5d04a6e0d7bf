// 指标体系：一级指标、二级指标及其归属，指标值类型。

export const LEVEL1_NAMES = ["成本指标", "产出指标", "效益指标", "满意度指标"] as const;
export type Level1 = (typeof LEVEL1_NAMES)[number];

export const LEVEL2_BY_LEVEL1: Readonly<Record<Level1, readonly string[]>> = {
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  产出指标: ["数量指标", "质量指标", "时效指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

export const LEVEL2_NAMES: readonly string[] = LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1]);

const LEVEL1_OF_LEVEL2: ReadonlyMap<string, Level1> = new Map(
  LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1].map((l2) => [l2, l1] as const)),
);

export function isLevel1(name: string): name is Level1 {
  return (LEVEL1_NAMES as readonly string[]).includes(name);
}

export function isLevel2(name: string): boolean {
  return LEVEL1_OF_LEVEL2.has(name);
}

/** The level-1 a level-2 name belongs to, or null for an unknown name. */
export function level1Of(level2: string): Level1 | null {
  return LEVEL1_OF_LEVEL2.get(level2) ?? null;
}

/** 指标值类型：五个比较符号之一，或“定性”。 */
export const COMPARISONS = ["≥", ">", "=", "≤", "<"] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const QUALITATIVE = "定性";
export const VALUE_TYPES = [...COMPARISONS, QUALITATIVE] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export function isComparison(v: string): v is Comparison {
  return (COMPARISONS as readonly string[]).includes(v);
}

/** Units seen after numbers in these tables; used to split "280人次" and to recognise unit cells. */
export const KNOWN_UNITS: readonly string[] = [
  "%", "‰", "个", "所", "只", "人", "人次", "户", "户次", "次", "项", "件", "份", "册", "篇", "条", "家", "座",
  "台", "套", "辆", "艘", "架", "张", "本", "场", "场次", "期", "批", "宗", "起", "株", "棵", "头", "亩", "公顷",
  "平方米", "㎡", "万平方米", "立方米", "米", "千米", "公里", "km", "吨", "万吨", "千克", "公斤", "元", "万元",
  "亿元", "千元", "天", "日", "工作日", "小时", "分钟", "周", "月", "个月", "年", "分", "个百分点", "处", "所次",
  "床", "间", "栋", "村", "镇", "乡", "组", "队", "支", "课时", "学时", "单", "笔", "万人", "万人次",
];
