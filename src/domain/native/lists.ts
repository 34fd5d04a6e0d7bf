// 下拉列表和条件格式公式用到的清单：一张隐藏的清单工作表，加上指向它的定义名称。

import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1, QUALITATIVE, VALUE_TYPES, type ValueType } from "../taxonomy";

/** The lists sheet. The Excel layer makes it very hidden; the .xlsx writer hides it. */
export const LISTS_SHEET = "_jixiao_lists";

/**
 * Every spelling normalizeValueType (text.ts) accepts, as it reads after half-width conversion and with all
 * spaces removed, and the value type it stands for. A unit test compares this with text.ts, so the two cannot drift.
 */
export const VALUE_TYPE_SPELLINGS: ReadonlyArray<readonly [string, ValueType]> = [
  ...([">=", "≥", "≧", "=>", "⩾", "大于等于", "大于或等于", "不低于", "不少于"] as const).map((s) => [s, "≥"] as const),
  ...(["<=", "≤", "≦", "=<", "⩽", "小于等于", "小于或等于", "不高于", "不超过", "不多于"] as const).map((s) => [s, "≤"] as const),
  ...([">", "大于", "高于", "超过"] as const).map((s) => [s, ">"] as const),
  ...(["<", "小于", "低于"] as const).map((s) => [s, "<"] as const),
  ...(["=", "==", "等于"] as const).map((s) => [s, "="] as const),
  [QUALITATIVE, QUALITATIVE],
];

/** Row (1-based) of every list's first entry; row 1 holds the column headers. */
export const LIST_FIRST_ROW = 2;

/** Longest text a number check reads character by character (see formulas.ts). */
export const MAX_CHECKED_LENGTH = 100;

/** The defined names the rules use, one set per workbook. */
export interface NameSet {
  level1: string;
  level2: string;
  valueType: string;
  /** Parallel to 二级指标: the level-1 each level-2 belongs to. */
  level2Parent: string;
  /** Every accepted 指标值类型 spelling (half-width, no spaces), and beside it the value type it means. */
  spellings: string;
  spellingTypes: string;
  /** Rows 1..MAX_CHECKED_LENGTH of the lists sheet: ROW() of it numbers the characters of a text. */
  positions: string;
  /** Per level-1, the name over its level-2 names, in LEVEL1_NAMES order. */
  byLevel1: readonly string[];
}

/**
 * Defined names. The user-facing lists carry the names users know (一级指标, 二级指标, 指标值类型, and one name
 * per level-1 holding its level-2 names, so `=INDIRECT(B7)` also works); helpers carry a `jixiao_` prefix.
 */
export const NAMES: NameSet = {
  level1: "一级指标",
  level2: "二级指标",
  valueType: "指标值类型",
  level2Parent: "jixiao_二级所属",
  spellings: "jixiao_类型写法",
  spellingTypes: "jixiao_类型规范",
  positions: "jixiao_位置",
  byLevel1: LEVEL1_NAMES,
};

/**
 * Our own names for the familiar ones, with a `jx_` prefix: for a workbook where one of the familiar names is
 * the user's own (hand-made dependent dropdowns often define 一级指标 or 产出指标) or points at #REF!. Short,
 * because the 二级指标 list source names seven of them and must stay within Excel's 255 characters.
 */
export const PREFIXED_NAMES: NameSet = {
  ...NAMES,
  level1: "jx_一级",
  level2: "jx_二级",
  valueType: "jx_指标值类型",
  byLevel1: LEVEL1_NAMES.map((l1) => `jx_${l1.replace(/指标$/, "")}`),
};

interface ListColumn {
  header: string;
  values: readonly string[];
  /** Defined name over the values (not the header). */
  name: string;
}

function columns(names: NameSet = NAMES): ListColumn[] {
  const level2 = LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1]);
  const parents = LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1].map(() => l1));
  return [
    { header: "一级指标", values: LEVEL1_NAMES, name: names.level1 },
    { header: "二级指标", values: level2, name: names.level2 },
    { header: "所属一级指标", values: parents, name: names.level2Parent },
    { header: "指标值类型", values: VALUE_TYPES, name: names.valueType },
    { header: "指标值类型的写法", values: VALUE_TYPE_SPELLINGS.map(([s]) => s), name: names.spellings },
    { header: "对应的指标值类型", values: VALUE_TYPE_SPELLINGS.map(([, t]) => t), name: names.spellingTypes },
    ...LEVEL1_NAMES.map((l1, i) => ({ header: l1, values: LEVEL2_BY_LEVEL1[l1], name: names.byLevel1[i] ?? l1 })),
  ];
}

function columnLetterOf(i: number): string {
  return String.fromCharCode(65 + i); // fewer than 26 columns
}

function quotedSheet(): string {
  return `'${LISTS_SHEET.replace(/'/g, "''")}'`;
}

/**
 * The lists sheet's cells from A1, row by row ("" for empty). Every cell is text: write the sheet with the
 * text number format ("@") or as strings, so that spellings such as "=" and ">=" are not taken for formulas.
 */
export function listsSheetValues(): string[][] {
  const cols = columns();
  const height = LIST_FIRST_ROW - 1 + Math.max(...cols.map((c) => c.values.length));
  return Array.from({ length: height }, (_, r) =>
    cols.map((c) => (r === 0 ? c.header : (c.values[r - LIST_FIRST_ROW + 1] ?? ""))),
  );
}

export interface DefinedName {
  name: string;
  /** Absolute reference, sheet name quoted, without a leading "=": `'_jixiao_lists'!$A$2:$A$5`. */
  reference: string;
  /** Chinese note for the name manager. */
  comment: string;
}

/** The defined names the validations and conditional formats use. Add them all, workbook-scoped. */
export function definedNames(names: NameSet = NAMES): DefinedName[] {
  const named = columns(names).map((c, i): DefinedName => {
    const col = columnLetterOf(i);
    return {
      name: c.name,
      reference: `${quotedSheet()}!$${col}$${LIST_FIRST_ROW}:$${col}$${LIST_FIRST_ROW - 1 + c.values.length}`,
      comment: `绩效目标表助手：${c.header}清单（请勿修改）`,
    };
  });
  named.push({
    name: names.positions,
    reference: `${quotedSheet()}!$A$1:$A$${MAX_CHECKED_LENGTH}`,
    comment: "绩效目标表助手：公式逐字检查指标值时用的字符位置（请勿修改）",
  });
  return named;
}
