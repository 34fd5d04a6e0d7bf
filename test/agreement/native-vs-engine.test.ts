// The workbook's own formulas (conditional formats, the dependent 二级指标 list) must say what the engine says.
// Many generated rows in the template layout go into an .xlsx, next to them each conditional-format formula as a
// cell formula moved to that row; LibreOffice recalculates headless; its TRUE/FALSE per row and rule must equal
// whether readForms + checkForm report that rule on that row, at that column. A rule with several formats (such
// as value-not-number and its percent-format case) fires natively when any of them does. Some targets are written
// as numbers in a number format (the "95%" a user types is 0.95 in "0%"); the engine's grid shows them the way
// both the add-in and the command line read them, through grid.ts's shownValue.

import ExcelJS from "exceljs";
import type { CellValue } from "../../src/domain/grid";
import { columnLetter, isPercentFormat, shownValue } from "../../src/domain/grid";
import { TEMPLATE } from "../../src/domain/layout";
import {
  conditionalFormatSpecs,
  definedNames,
  LISTS_SHEET,
  listsSheetValues,
  shiftRows,
  validationSpecs,
  VALUE_TYPE_SPELLINGS,
  type ConditionalFormatSpec,
} from "../../src/domain/native";
import { readForms } from "../../src/domain/reader";
import { checkForm } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { isLevel1, LEVEL1_NAMES, LEVEL2_BY_LEVEL1, LEVEL2_NAMES, VALUE_TYPES } from "../../src/domain/taxonomy";
import { formGrid, type RowInput } from "../support/form-grid";
import { recalculate, requireSoffice } from "../support/libreoffice";

jest.setTimeout(180_000);

const SEED = 20261130;
const FORM_SIZES = [50, 64, 71, 80, 88, 95, 100, 58];
const MIN_COMPARED_ROWS = 500;
/** Columns right of the form (L onwards) hold the formulas; the engine never sees them. */
const FIRST_FORMULA_COL = TEMPLATE.lastCol + 2;

// ---------------------------------------------------------------- seeded generator

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, xs: readonly T[]): T {
  const x = xs[Math.floor(rng() * xs.length)];
  if (x === undefined) throw new Error("pick from an empty list");
  return x;
}

/** Some ASCII characters turned full-width (space → ideographic space), as IMEs type them. */
function fullWidthSome(rng: Rng, s: string, p: number): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (rng() < p && c >= 0x21 && c <= 0x7e) out += String.fromCharCode(c + 0xfee0);
    else if (rng() < p && ch === " ") out += "\u3000";
    else out += ch;
  }
  return out;
}

const SPACES = [" ", "  ", "\u3000", "\n", " \u3000", "\u00a0", "\t"];

/** Stray spaces, ideographic spaces or line breaks around and inside a text. */
function sprinkle(rng: Rng, s: string, p: number): string {
  const chars = Array.from(s);
  let out = rng() < p ? pick(rng, SPACES) : "";
  chars.forEach((ch, i) => {
    out += ch;
    if (i < chars.length - 1 && rng() < p / 3) out += pick(rng, SPACES);
  });
  if (rng() < p) out += pick(rng, SPACES);
  return out;
}

function flipCase(rng: Rng, s: string): string {
  return Array.from(s, (ch) => (rng() < 0.5 ? ch.toUpperCase() : ch.toLowerCase())).join("");
}

function whitespaceOnly(rng: Rng): string {
  return pick(rng, ["", " ", "\u3000", "  \n", "\u3000 ", "\u00a0"]);
}

const INVALID_LEVEL1 = ["产出", "效益", "其他指标", "指标", "*", "产出?", "成本~指标", "?指标", "ABC"];
const INVALID_LEVEL2 = ["数量", "质量指标x", "其他", "?", "时效*", "~数量指标", "社会效益"];
const SHARED_NAMES = [
  "房屋修缮面积", "验收合格率", "参保人数", "Wi-Fi覆盖率", "abc项目完成率", "项目*完成率", "项目A完成率",
  "满意度?", "满意度X", "~公告数量", "公告数量", "培训人次", "数据a*b", "数据aXb", "x?y完成数",
];
const INVALID_VALUE_TYPES = ["定量", "定 量", "约", ">>", "≥=", "*", "?", "大于等", "~", "定性x", "≥≥"];
const TEXT_TARGETS = [
  "95%", "≥95", "28.8万元", "按月安排", "效果明显", "1e5", "1.2.3", "--1", "(5)", "$5", "5.", ".", "+", "1,2345",
  "12,34", ",123", "1,,234", "1,234,", "1.5,000", "0x10", "１２．５％", "约100", "100以上", "1 234 567", "1/2", "1:30",
  "-", "+-5", "5-", "1,234.", "+.", "?", "*", "1*2",
];
const NUMBER_TEXTS = [
  "1,234", "12,345.67", "0,000", "+.5", "-.25", ".5", "-1,234", "１，２３４．５", "1 234", "１００", "+7", "-0",
  "007", "1,234,567", "999,999,999.999", "0.000001", "123456789012", "３.１４", "+1,000", "1\n000",
];
const UNITS = ["%", "个", "人", "万元", "人次", "平方米", "所", "％"];

interface Block {
  level1: string;
}

/** One generated row: placeholders, empty rows and full rows with every kind of slip. */
function generateRow(rng: Rng, block: Block, n: number): RowInput {
  const kind = rng();
  const row: RowInput = {};

  // 一级指标: blank continues the block; otherwise a name, sometimes spaced, sometimes wrong.
  const l1 = rng();
  if (l1 < 0.42) row.level1 = rng() < 0.8 ? "" : whitespaceOnly(rng);
  else if (l1 < 0.9) {
    block.level1 = pick(rng, LEVEL1_NAMES);
    row.level1 = rng() < 0.2 ? sprinkle(rng, block.level1, 0.6) : block.level1;
  } else {
    block.level1 = pick(rng, INVALID_LEVEL1);
    row.level1 = block.level1;
  }
  // 二级指标: usually of the block's level-1, sometimes of another one, blank or wrong.
  const own = isLevel1(block.level1) ? LEVEL2_BY_LEVEL1[block.level1] : LEVEL2_NAMES;
  const l2 = rng();
  const ownBlank = row.level1 === "" || (row.level1 ?? "").trim() === "";
  if (l2 < (ownBlank ? 0.45 : 0.1)) row.level2 = rng() < 0.8 ? "" : whitespaceOnly(rng);
  else if (l2 < 0.75) row.level2 = pick(rng, own);
  else if (l2 < 0.9) row.level2 = pick(rng, LEVEL2_NAMES);
  else row.level2 = pick(rng, INVALID_LEVEL2);
  if (typeof row.level2 === "string" && row.level2 !== "" && rng() < 0.15) row.level2 = sprinkle(rng, row.level2, 0.6);

  if (kind < 0.06) return row; // placeholder: categories only
  if (kind < 0.1) return {}; // an empty row

  // 三级指标: mostly unique, some from a shared pool (duplicates differing by spaces, case, width; wildcards).
  const l3 = rng();
  if (l3 < 0.08) row.level3 = whitespaceOnly(rng);
  else if (l3 < 0.62) row.level3 = `指标${n}号${pick(rng, ["", "完成率", "数量", "覆盖面"])}`;
  else {
    let name = pick(rng, SHARED_NAMES);
    if (rng() < 0.4) name = flipCase(rng, name);
    if (rng() < 0.4) name = fullWidthSome(rng, name, 0.5);
    if (rng() < 0.4) name = sprinkle(rng, name, 0.5);
    row.level3 = name;
  }

  // 指标值类型: canonical, other accepted spellings (full-width, spaced), or not a value type at all.
  const vt = rng();
  let valueType: string;
  if (vt < 0.55) valueType = pick(rng, VALUE_TYPES);
  else if (vt < 0.8) valueType = pick(rng, VALUE_TYPE_SPELLINGS)[0];
  else valueType = rng() < 0.3 ? whitespaceOnly(rng) : pick(rng, INVALID_VALUE_TYPES);
  if (rng() < 0.25) valueType = fullWidthSome(rng, valueType, 0.7);
  if (rng() < 0.2) valueType = sprinkle(rng, valueType, 0.6);
  row.valueType = valueType;

  // 指标值: numeric cells, numbers stored as text in every accepted spelling, and near misses.
  const t = rng();
  if (t < 0.08) row.target = whitespaceOnly(rng);
  else if (t < 0.3) row.target = rng() < 0.5 ? Math.floor(rng() * 100000) : Math.round((rng() - 0.1) * 100000) / 100;
  else if (t < 0.55) row.target = pick(rng, NUMBER_TEXTS);
  else if (t < 0.65) row.target = sprinkle(rng, fullWidthSome(rng, String(Math.floor(rng() * 1e7).toLocaleString("en-US")), 0.3), 0.4);
  else row.target = pick(rng, TEXT_TARGETS);

  // 计量单位: units on quantitative and qualitative rows alike, blanks, spaces.
  const u = rng();
  row.unit = u < 0.3 ? whitespaceOnly(rng) : u < 0.85 ? pick(rng, UNITS) : sprinkle(rng, pick(rng, UNITS), 0.8);

  const e = rng();
  row.explanation = e < 0.1 ? whitespaceOnly(rng) : `考核${String(row.level3).trim() || "该项工作"}的完成情况。`;
  const s = rng();
  row.scoringStandard = s < 0.1 ? whitespaceOnly(rng) : "按计划完成得10分，否则不得分。";
  row.remarks = rng() < 0.1 ? "无" : "";
  return row;
}

function generateForm(rng: Rng, size: number, offset: number): RowInput[] {
  const block: Block = { level1: "" };
  return Array.from({ length: size }, (_, i) => generateRow(rng, block, offset + i));
}

/** Percent formats as Excel writes them when "95%" is typed, or as offices set them by hand. */
const PERCENT_FORMATS = ["0%", "0.0%", "0.00%", "#,##0.00%", "0%;[Red]-0%", "0.0%;(0.0%)", '0%"以上"', "[$-804]0%", "0.0#%", "0%;;0.0%"];
/** Formats that show a "%" or look like one without being percent formats: the number stays a number. */
const OTHER_FORMATS = ['0.0"%"', "0.0\\%", "0.00", "0.0_%", "0%;-0", "General", "#,##0"];

/**
 * Number formats for some 指标值 cells (row index in the form → format), from a generator of their own so the
 * rows stay those generated above. A numeric target in a percent format becomes a rate, as typed ("95%" → 0.95).
 */
function targetFormats(rng: Rng, rows: RowInput[]): Map<number, string> {
  const formats = new Map<number, string>();
  rows.forEach((row, i) => {
    const f = rng();
    if (f < 0.25) {
      formats.set(i, pick(rng, PERCENT_FORMATS));
      if (typeof row.target === "number") row.target = Math.round((rng() * 1.3 - 0.1) * 1000) / 1000;
    } else if (f < 0.35) formats.set(i, pick(rng, OTHER_FORMATS));
  });
  return formats;
}

// ---------------------------------------------------------------- workbook

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, value: CellValue): void {
  if (value === null || value === undefined || value === "") return;
  ws.getCell(row + 1, col + 1).value = value;
}

interface SheetPlan {
  name: string;
  /** The values as written into the .xlsx. */
  grid: CellValue[][];
  /** Number formats by "row,col" (0-based). */
  formats: Map<string, string>;
  /** The grid as the engine reads the workbook: numbers in a percent format as shown. */
  engineGrid: CellValue[][];
  first: number;
  last: number;
  specs: ConditionalFormatSpec[];
}

function buildWorkbook(plans: readonly SheetPlan[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const plan of plans) {
    const ws = wb.addWorksheet(plan.name);
    plan.grid.forEach((cells, r) => cells.forEach((v, c) => writeCell(ws, r, c, v)));
    for (const [at, format] of plan.formats) {
      const [r, c] = at.split(",").map(Number) as [number, number];
      ws.getCell(r + 1, c + 1).numFmt = format;
    }
    const level2Source = validationSpecs({ first: plan.first, last: plan.last }).find((v) => v.field === "level2");
    if (!level2Source) throw new Error("no level-2 validation");
    for (let r = plan.first; r <= plan.last; r++) {
      const delta = r - plan.first;
      plan.specs.forEach((spec, i) => {
        ws.getCell(r + 1, FIRST_FORMULA_COL + i + 1).value = { formula: shiftRows(spec.formula.slice(1), delta) };
      });
      // The dependent list's items, joined, to compare with the level-1 in force.
      ws.getCell(r + 1, FIRST_FORMULA_COL + plan.specs.length + 1).value = {
        formula: `_xlfn.TEXTJOIN("|",TRUE,${shiftRows(level2Source.source.slice(1), delta)})`,
      };
    }
  }
  const lists = wb.addWorksheet(LISTS_SHEET);
  lists.state = "hidden";
  listsSheetValues().forEach((cells, r) => cells.forEach((v, c) => writeCell(lists, r, c, v)));
  for (const n of definedNames()) wb.definedNames.add(n.reference, n.name);
  return wb;
}

// ---------------------------------------------------------------- the comparison

function describeRow(grid: CellValue[][], r: number): string {
  const cells = (grid[r] ?? []).slice(1, TEMPLATE.lastCol + 1).map((v, i) => `${columnLetter(i + 1)}=${JSON.stringify(v ?? "")}`);
  return `row ${r + 1}: ${cells.join(" ")}`;
}

describe("native formulas agree with the engine (LibreOffice recalculation)", () => {
  it("gives the same verdict per row and rule on many generated rows", async () => {
    requireSoffice(); // fails, with how to install it, when LibreOffice is missing

    const rng = mulberry32(SEED);
    const formatRng = mulberry32(SEED + 1);
    let offset = 0;
    const plans: SheetPlan[] = FORM_SIZES.map((size, i) => {
      const rows = generateForm(rng, size, offset);
      offset += size;
      const first = TEMPLATE.firstIndicatorRow;
      const formats = new Map([...targetFormats(formatRng, rows)].map(([k, f]) => [`${first + k},${TEMPLATE.columns.target}`, f]));
      const grid = formGrid(rows, { year: 2027 });
      const engineGrid = grid.map((cells, r) => cells.map((v, c) => shownValue(v, formats.get(`${r},${c}`))));
      const last = first + rows.length - 1;
      return { name: `表${i + 1}`, grid, formats, engineGrid, first, last, specs: conditionalFormatSpecs({ first, last }) };
    });

    const book = await recalculate(buildWorkbook(plans), { timeoutMs: 150_000 });

    const mismatches: string[] = [];
    let compared = 0;
    let used = 0;
    let realigned = 0;
    let percentShown = 0;
    const positives = new Map<string, number>(); // by rule: rows the engine reports it on
    const negatives = new Map<string, number>();
    const formatTrue = new Map<string, number>(); // by spec key: rows its formula is TRUE on
    const formatFalse = new Map<string, number>();
    const onlyFormat = new Map<string, number>(); // by spec key: rows where it alone of its rule's formats fires
    const rules = [...new Set(plans[0]!.specs.map((s) => s.rule))];
    for (const plan of plans) {
      const values = book.sheets.get(plan.name);
      if (!values) throw new Error(`LibreOffice exported no sheet ${plan.name}; got ${[...book.sheets.keys()].join(", ")}`);
      const forms = readForms(plan.engineGrid);
      expect(forms).toHaveLength(1);
      const form = forms[0]!;
      expect(form.headerRow).toBe(TEMPLATE.gridHeaderRow);
      const findings = checkForm(form, DEFAULT_SETTINGS);
      const byRow = new Map(form.rows.map((r) => [r.row, r]));

      for (let r = plan.first; r <= plan.last; r++) {
        const engineRow = byRow.get(r);
        if (engineRow?.realignment) {
          realigned++; // the engine moved this row's cells into other columns: formulas cannot know that
          continue;
        }
        compared++;
        if (engineRow) used++;
        const format = plan.formats.get(`${r},${TEMPLATE.columns.target}`);
        if (typeof plan.grid[r]?.[TEMPLATE.columns.target] === "number" && isPercentFormat(format)) percentShown++;
        const csvRow = values[r] ?? [];
        const fired = new Map<string, string[]>(); // rule → keys of its formats that are TRUE here
        plan.specs.forEach((spec, i) => {
          const native = csvRow[FIRST_FORMULA_COL + i] ?? "";
          if (native !== "TRUE" && native !== "FALSE") {
            mismatches.push(`${plan.name} ${spec.key}: formula gave ${native || "(empty)"} — ${describeRow(plan.engineGrid, r)}`);
          }
          const bucket = native === "TRUE" ? formatTrue : formatFalse;
          bucket.set(spec.key, (bucket.get(spec.key) ?? 0) + 1);
          if (native === "TRUE") fired.set(spec.rule, [...(fired.get(spec.rule) ?? []), spec.key]);
          const col = TEMPLATE.columns[spec.field];
          const wrongCell = findings.find((f) => f.rule === spec.rule && f.row === r + 1 && f.cell !== `${columnLetter(col)}${r + 1}`);
          if (wrongCell) mismatches.push(`${plan.name} ${spec.rule}: engine marks ${wrongCell.cell}, the format marks ${spec.range}`);
        });
        for (const rule of rules) {
          const engine = findings.some((f) => f.rule === rule && f.row === r + 1);
          const keys = fired.get(rule) ?? [];
          const bucket = engine ? positives : negatives;
          bucket.set(rule, (bucket.get(rule) ?? 0) + 1);
          if (keys.length === 1) onlyFormat.set(keys[0]!, (onlyFormat.get(keys[0]!) ?? 0) + 1);
          if ((keys.length > 0) !== engine) {
            const shown = format ? ` (指标值 format ${JSON.stringify(format)}, written ${JSON.stringify(plan.grid[r]?.[TEMPLATE.columns.target])})` : "";
            mismatches.push(`${plan.name} ${rule}: engine ${engine}, formats ${keys.join("+") || "none"}${shown} — ${describeRow(plan.engineGrid, r)}`);
          }
        }
        if (engineRow) {
          const list = csvRow[FIRST_FORMULA_COL + plan.specs.length] ?? "";
          const expected = (isLevel1(engineRow.level1) ? LEVEL2_BY_LEVEL1[engineRow.level1] : LEVEL2_NAMES).join("|");
          if (list !== expected) {
            mismatches.push(`${plan.name} level-2 list: level-1 in force ${JSON.stringify(engineRow.level1)}, list ${list} — ${describeRow(plan.engineGrid, r)}`);
          }
        }
      }
    }

    expect(mismatches.slice(0, 25)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(MIN_COMPARED_ROWS);
    expect(used).toBeGreaterThanOrEqual(MIN_COMPARED_ROWS * 0.8);
    expect(realigned).toBeLessThan(compared * 0.05);
    // Every rule is seen both firing and not firing, and so is every format, so a formula stuck at TRUE or FALSE
    // cannot pass; a rule's second format must be the only one to catch some rows (else it is not tested).
    for (const rule of rules) {
      expect({ rule, fired: (positives.get(rule) ?? 0) >= 5 }).toEqual({ rule, fired: true });
      expect({ rule, quiet: (negatives.get(rule) ?? 0) >= 5 }).toEqual({ rule, quiet: true });
    }
    for (const spec of plans[0]!.specs) {
      expect({ key: spec.key, fired: (formatTrue.get(spec.key) ?? 0) >= 5 }).toEqual({ key: spec.key, fired: true });
      expect({ key: spec.key, quiet: (formatFalse.get(spec.key) ?? 0) >= 5 }).toEqual({ key: spec.key, quiet: true });
      if (spec.key !== spec.rule) expect({ key: spec.key, alone: (onlyFormat.get(spec.key) ?? 0) >= 5 }).toEqual({ key: spec.key, alone: true });
    }
    expect(percentShown).toBeGreaterThanOrEqual(20);
  });
});
