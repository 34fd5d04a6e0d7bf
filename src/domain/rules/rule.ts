// 规则的共同形状与小工具：每条规则导出 id、severity 和 check(ctx)。

import type { RuleId, Finding, Severity } from "../findings";
import type { CellRef, Form, IndicatorField, IndicatorRow } from "../form";
import { a1 } from "../grid";
import { findingMessages, type FindingMessages } from "../messages";
import { pointsOf } from "../scoring";
import type { Settings } from "../settings";
import type { ValueType } from "../taxonomy";
import { normalizeValueType } from "../text";
import { meaningfulTerms } from "./terms";

export interface RuleContext {
  readonly form: Form;
  readonly settings: Settings;
  /** The finding texts in the settings' language; rules write every message through these. */
  readonly messages: FindingMessages;
  /** pointsOf, remembered per text for this check (several rules read the same standards). */
  readonly points: (standard: string) => number | null;
  /** meaningfulTerms, remembered per text for this check. Do not modify the returned set. */
  readonly terms: (text: string) => ReadonlySet<string>;
  /** normalizeValueType, remembered per text for this check. */
  readonly valueType: (text: string) => ValueType | null;
}

function memo<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T; // one lookup for the usual hit
    const v = f(text);
    seen.set(text, v);
    return v;
  };
}

/** The context one check of a form runs in; its caches live as long as the check. */
export function createContext(form: Form, settings: Settings): RuleContext {
  return {
    form,
    settings,
    messages: findingMessages(settings.language ?? "zh"),
    points: memo(pointsOf), terms: memo(meaningfulTerms), valueType: memo(normalizeValueType),
  };
}

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  check(ctx: RuleContext): Finding[];
}

/** A finding at a 0-based cell of the source grid. */
export function findingAt(rule: RuleId, severity: Severity, cell: CellRef, message: string): Finding {
  return { rule, severity, cell: a1(cell.row, cell.col), row: cell.row + 1, message };
}

/** Where a row's field was read from (its own column when blank). */
export function fieldCell(row: IndicatorRow, field: IndicatorField): CellRef {
  return { row: row.row, col: row.cols[field] };
}

/** The header row's first cell: the leftmost column the header names. Used for whole-table findings. */
export function headerCell(form: Form): CellRef {
  const cols = Object.values(form.columns).filter((c): c is number => typeof c === "number");
  return { row: form.headerRow, col: cols.length > 0 ? Math.min(...cols) : 0 };
}

/** Where the form begins (title, else the header row), for header findings whose cell the reader could not place. */
export function formAnchor(form: Form): CellRef {
  return form.title.cell ?? headerCell(form);
}

export function isBlank(s: string): boolean {
  return s.trim() === "";
}

/**
 * The rows to check a field on: none when the header lacks the field's column (column-missing reports that once,
 * instead of one finding per row at a cell that does not exist).
 */
export function rowsWithColumn(form: Form, field: IndicatorField): readonly IndicatorRow[] {
  return form.columns[field] === undefined ? [] : form.rows;
}
