// 条件格式与数据验证公式的组成部分。每个函数返回一段公式文字，相对引用以指标区第一行为锚点
// （Excel 规定：条件格式和数据验证公式中的相对引用，相对于所应用区域的左上角单元格）。
//
// 公式只用 Excel 2007 起就有、LibreOffice 和 WPS 也有的函数（ASC、CLEAN、SUBSTITUTE、LOOKUP、SUMPRODUCT、
// EXACT、MID、FIND、MOD、CHOOSE……），不用 LET、数组溢出、数组常量（{1;2}，验证和条件格式里不允许）
// 或 COUNTIF/MATCH（后两者把 * ? ~ 当通配符）。
// 它们与规则引擎逐条对应：读表（reader）与规则（rules）的语义见各函数的说明；一致性由
// test/agreement/native-vs-engine.test.ts 用 LibreOffice 实算验证。

import { columnLetter } from "../grid";
import type { IndicatorField } from "../form";
import { TEMPLATE } from "../layout";
import { QUALITATIVE } from "../taxonomy";
import { LIST_FIRST_ROW, MAX_CHECKED_LENGTH, NAMES, type NameSet } from "./lists";

/** Column letter of a field in the template (B..J). */
export function fieldColumn(field: IndicatorField): string {
  return columnLetter(TEMPLATE.columns[field]);
}

/**
 * The indicator block a formula is written for. Rows are 1-based here, as in A1 references: `anchor` is the
 * block's first row (the row a conditional format's relative references are relative to), `header` the grid
 * header row just above it, `last` the block's last row.
 */
export interface Anchor {
  header: number;
  anchor: number;
  last: number;
  /** The defined names the formulas use (NAMES, or PREFIXED_NAMES where a familiar one is the user's). */
  names: NameSet;
}

/** A field's cell on the anchor row, column absolute, row relative: `$D7`. */
export function cellRef(a: Anchor, field: IndicatorField): string {
  return `$${fieldColumn(field)}${a.anchor}`;
}

/** From the header row down to the anchor row: `$B$6:$B7` (grows when rows are inserted inside the block). */
function aboveRange(a: Anchor, field: IndicatorField): string {
  const c = fieldColumn(field);
  return `$${c}$${a.header}:$${c}${a.anchor}`;
}

/**
 * A text with what the engine ignores removed: full-width ASCII to half-width (ASC), line breaks, tabs and other
 * control characters (CLEAN), ASCII, ideographic and non-breaking spaces (pasted from web pages), as the
 * engine's cellText, toHalfWidth and \s do. Rarer Unicode spaces (U+2000–U+200A…) are not removed.
 * Works on a single cell or, inside SUMPRODUCT/LOOKUP, element by element on a range.
 */
export function compact(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(CLEAN(ASC(${x}))," ",""),"\u3000",""),"\u00a0","")`;
}

/** The field's cell holds something other than spaces (the engine's cellText is not ""). */
export function filled(a: Anchor, field: IndicatorField): string {
  return `${compact(cellRef(a, field))}<>""`;
}

export function blank(a: Anchor, field: IndicatorField): string {
  return `${compact(cellRef(a, field))}=""`;
}

/** The reader's "used" row: any of 三级指标 … 备注 (D..J) is non-blank. */
export function usedRow(a: Anchor): string {
  const from = fieldColumn("level3");
  const to = fieldColumn("remarks");
  return `SUMPRODUCT(LEN(${compact(`$${from}${a.anchor}:$${to}${a.anchor}`)}))>0`;
}

/**
 * The level-1 in force, spaces removed: the row's own 一级指标, or when blank the nearest non-blank one above.
 * The grid header (一级指标) stops the search; it is not a level-1 name, like the engine's "" for "none above".
 */
export function level1InForce(a: Anchor): string {
  const range = aboveRange(a, "level1");
  return compact(`IFERROR(LOOKUP(2,1/(${compact(range)}<>""),${range}),"")`);
}

/**
 * level1InForce, shortened to fit a list source's 255 characters: no ASC (a full-width character never makes
 * a level-1 name valid, so validity is the same), the column relative (the list sits one column right, in
 * 二级指标), and no IFERROR (it errs only when the header cell has been cleared and nothing stands above).
 */
function level1InForceForList(a: Anchor): string {
  const c = fieldColumn("level1");
  const strip = (x: string) => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(CLEAN(${x})," ",""),"\u3000",""),"\u00a0","")`;
  const range = strip(`${c}$${a.header}:${c}${a.anchor}`);
  return `LOOKUP(2,1/LEN(${range}),${range})`;
}

/**
 * The level-2 in force, spaces removed, as the reader carries it: the 二级指标 of the nearest row at or above
 * this one whose 一级指标 or 二级指标 is non-blank. So a blank 二级指标 continues the one above only when the
 * row's own 一级指标 is blank too, and a row that names a level-1 without a level-2 passes "" down.
 */
export function level2InForce(a: Anchor): string {
  const l1 = aboveRange(a, "level1");
  const l2 = aboveRange(a, "level2");
  return compact(`IFERROR(LOOKUP(2,1/(${compact(l1)}&${compact(l2)}<>""),${l2}),"")`);
}

/** `text` is exactly one entry of a named list (EXACT: no wildcards, no case folding). */
export function inList(name: string, text: string): string {
  return `SUMPRODUCT(--EXACT(${name},${text}))>0`;
}

/** The 指标值类型 cell as normalizeValueType reads it: half-width, spaces removed. */
export function valueTypeText(a: Anchor): string {
  return compact(cellRef(a, "valueType"));
}

/** normalizeValueType gives a value type (a comparison or 定性). */
export function valueTypeKnown(a: Anchor): string {
  return inList(a.names.spellings, valueTypeText(a));
}

/** normalizeValueType gives 定性. */
export function valueTypeQualitative(a: Anchor): string {
  return `EXACT(${valueTypeText(a)},"${QUALITATIVE}")`;
}

/**
 * parseNumber's pattern, character by character, for a text with spaces already removed (`t`):
 * `^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$`. With D the position of the first "." (or just past the
 * end), a text matches exactly when it is at most MAX_CHECKED_LENGTH long, ends in a digit, and no character
 * is out of place: only digits , . + -; a sign only first; a "." only at D; a "," only before D, at a
 * multiple of 4 from D, right after a digit; and, once there is any ",", a digit never where a "," belongs.
 */
export function plainNumberText(t: string, names: NameSet = NAMES): string {
  const k = `ROW(${names.positions})`;
  // Past the end MID gives "", and FIND("", …) is 1 in Excel but an error in LibreOffice: read "0" there
  // instead, a digit no rule objects to after the number's last character.
  const c = `LEFT(MID(${t},${k},1)&"0")`;
  const prev = `MID(" "&${t},${k},1)`;
  const dot = `FIND(".",${t}&".")`;
  const misplaced = [
    `ISERROR(FIND(${c},"0123456789,.+-"))`,
    `((${c}="+")+(${c}="-"))*(${k}>1)`,
    `(${c}=".")*(${k}<>${dot})`,
    `(${c}=",")*((${k}>=${dot})+(MOD(${dot}-${k},4)<>0)+ISERROR(FIND(${prev},"0123456789"))>0)`,
    `ISNUMBER(FIND(",",${t}))*ISNUMBER(FIND(${c},"0123456789"))*(${k}<${dot})*(MOD(${dot}-${k},4)=0)`,
  ].join("+");
  return `AND(LEN(${t})<=${MAX_CHECKED_LENGTH},ISNUMBER(FIND(RIGHT(${t}),"0123456789")),SUMPRODUCT(${misplaced})=0)`;
}

/** The 指标值 cell is a number for parseNumber: a numeric cell, or text in one of the accepted spellings. */
export function targetIsNumber(a: Anchor): string {
  return `OR(ISNUMBER(${cellRef(a, "target")}),${plainNumberText(compact(cellRef(a, "target")), a.names)})`;
}

/**
 * The 指标值 cell has a percent number format, as grid.ts's isPercentFormat decides: CELL("format") starts with
 * "P" ("P0", "P2-", "P1()"). The info type stays English: Office.js formulas and .xlsx files hold English
 * formulas, and English info types are accepted in every language version (MS-OI29500, CELL).
 */
export function targetInPercentFormat(a: Anchor): string {
  return `LEFT(CELL("format",${cellRef(a, "target")}))="P"`;
}

/** sameTextKey (rules/terms.ts) of a cell or, element by element, of a range: half-width, no spaces, lower case. */
export function sameTextKey(x: string): string {
  return `LOWER(${compact(x)})`;
}

/** The block's whole column for a field, absolute: `$D$7:$D$13` (grows when rows are inserted inside). */
export function blockRange(a: Anchor, field: IndicatorField): string {
  const c = fieldColumn(field);
  return `$${c}$${a.anchor}:$${c}$${a.last}`;
}

/**
 * The dependent 二级指标 list for the anchor row: the level-2 names of the level-1 in force, or all eleven when
 * the level-1 in force is not one of the four (so a row that continues the block above still gets its list).
 */
export function level2ListSource(a: Anchor): string {
  // Position in the 一级指标 list (0 when none) from ROW(): Excel refuses array constants such as {1;2;3;4}
  // in validation and conditional-format formulas.
  const n = a.names;
  const position = `SUMPRODUCT(EXACT(${n.level1},${level1InForceForList(a)})*(ROW(${n.level1})-${LIST_FIRST_ROW - 1}))`;
  return `CHOOSE(1+${position},${[n.level2, ...n.byLevel1].join(",")})`;
}
