// 解析 .xlsx 之前先看清它：zip 目录里每个部件解开后的大小、实际解压是否超出声明、工作表声明的范围和单元格数，
// 合并区域的地址。超出上限的文件不交给 exceljs，免得一个几 KB 的“压缩炸弹”耗尽内存。

import { constants, inflateRawSync } from "zlib";

/** Excel's own limits: no sheet can hold more. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** Bounds far above any real form (a 10,000-row form is ~3 MB of XML and 100,000 cells). */
export const LIMITS = {
  /** Uncompressed size of one part (sheet, shared strings…). */
  partBytes: 64 * 1024 * 1024,
  /** Uncompressed size of all parts together. */
  totalBytes: 160 * 1024 * 1024,
  /** Cells holding a value or formula, over all sheets. */
  valueCells: 1_500_000,
  /** Cell and row elements, empty or not, over all sheets (empty ones are dropped before parsing). */
  elements: 12_000_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why a workbook is not parsed: damaged, or too large or oddly built for a form. */
export type GuardProblem =
  | { kind: "damaged"; detail: "no-directory" | "no-workbook" | "missing-part" | "bad-entry" }
  | { kind: "too-large"; detail: "part" | "total" | "cells" | "dimension" };

export interface SheetPlan {
  /** The tab's name, as exceljs gives it. */
  name: string;
  /** Zip path, such as xl/worksheets/sheet1.xml. */
  path: string;
  /** Merged areas as written ("A1:H1"); applied by the reader only within the used area. */
  merges: string[];
  /** Cell and row elements in the part, empty or not. */
  elements: number;
}

export type GuardResult = { ok: true; sheets: SheetPlan[] } | { ok: false; problem: GuardProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const FULL16 = 0xffff;
const FULL32 = 0xffffffff;

/** A ZIP64 number; anything past 2^53 is no workbook, and the size caps reject it. */
function readUInt64(bytes: Buffer, at: number): number {
  return Number(bytes.readBigUInt64LE(at));
}

/** Entry count and directory offset from the ZIP64 end record (some programs write it even for small files). */
function zip64End(bytes: Buffer, eocd: number): { count: number; offset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
  const at = readUInt64(bytes, locator + 8);
  if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_END) return null;
  return { count: readUInt64(bytes, at + 32), offset: readUInt64(bytes, at + 48) };
}

/** The central directory entry's ZIP64 extra field fills in the sizes and offset written as 0xFFFFFFFF. */
function applyZip64Extra(bytes: Buffer, entry: ZipEntry, extraStart: number, extraEnd: number): boolean {
  for (let q = extraStart; q + 4 <= extraEnd; q += 4 + bytes.readUInt16LE(q + 2)) {
    if (bytes.readUInt16LE(q) !== 0x0001) continue;
    let v = q + 4;
    const next = (): number | null => {
      if (v + 8 > extraEnd) return null;
      const n = readUInt64(bytes, v);
      v += 8;
      return n;
    };
    if (entry.uncompressedSize === FULL32) entry.uncompressedSize = next() ?? -1;
    if (entry.compressedSize === FULL32) entry.compressedSize = next() ?? -1;
    if (entry.localHeaderOffset === FULL32) entry.localHeaderOffset = next() ?? -1;
    return entry.uncompressedSize >= 0 && entry.compressedSize >= 0 && entry.localHeaderOffset >= 0;
  }
  return false;
}

/** The zip's central directory (ZIP64 too), or null when there is none to find (truncated or not a zip). */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === FULL16 || offset === FULL32) {
    const end64 = zip64End(bytes, eocd);
    if (end64 === null) return null;
    ({ count, offset } = end64);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString("utf8", p + 46, p + 46 + nameLength).replace(/^\//, ""),
    };
    const wide = entry.compressedSize === FULL32 || entry.uncompressedSize === FULL32 || entry.localHeaderOffset === FULL32;
    const extraStart = p + 46 + nameLength;
    if (wide && !applyZip64Extra(bytes, entry, extraStart, Math.min(bytes.length, extraStart + extraLength))) return null;
    entries.push(entry);
    p += 46 + nameLength + extraLength + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** The entry's bytes, never more than it declares (a lying size is a bomb, not a workbook); null if unreadable. */
export function entryBytes(bytes: Buffer, e: ZipEntry): Buffer | null {
  const h = e.localHeaderOffset;
  if (h + 30 > bytes.length || bytes.readUInt32LE(h) !== LOCAL) return null;
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) return null;
  if (e.method === 0) return e.uncompressedSize === data.length ? data : null;
  if (e.method !== 8) return null;
  try {
    const out = inflateRawSync(data, {
      maxOutputLength: Math.max(1, e.uncompressedSize),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    return out.length === e.uncompressedSize ? out : null;
  } catch {
    return null;
  }
}

function count(xml: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + needle.length)) n++;
  return n;
}

const CELL_OPEN = [Buffer.from("<c "), Buffer.from("<c>")];
const ROW_OPEN = Buffer.from("<row");
// A value, an inline string or a formula; empty styled cells have none of them.
const VALUE_TAGS = [
  Buffer.from("<v>"),
  Buffer.from("<v "),
  Buffer.from("<is>"),
  Buffer.from("<f>"),
  Buffer.from("<f "),
];

/** "A1:XFD1048576" → its last row and column (1-based); null if not an A1 range. */
export function rangeEnd(ref: string): { row: number; col: number } | null {
  const m = /([A-Z]{1,4})(\d{1,8})$/i.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** The sheet's declared used range (<dimension ref="…"/>), if any. */
export function declaredDimension(xml: Buffer): string | null {
  const head = xml.toString("latin1", 0, Math.min(xml.length, 4096));
  return /<dimension\b[^>]*\bref="([^"]*)"/.exec(head)?.[1] ?? null;
}

export function mergeRefs(xml: Buffer): string[] {
  const at = xml.lastIndexOf("<mergeCells");
  if (at < 0) return [];
  const end = xml.indexOf("</mergeCells>", at);
  const part = xml.toString("latin1", at, end < 0 ? xml.length : end);
  return [...part.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)].map((m) => m[1] as string);
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()] ?? "";
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function attribute(tag: string, name: string): string | undefined {
  const v = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? undefined : unescapeXml(v);
}

/** Relationship id → type (its last word: worksheet, sharedStrings, chartsheet…) and zip path (workbook.xml.rels). */
function relationshipTargets(rels: string): Map<string, { type: string; path: string }> {
  const out = new Map<string, { type: string; path: string }>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const type = /[^/]*$/.exec(attribute(m[0], "Type") ?? "")?.[0];
    const target = attribute(m[0], "Target");
    if (!id || !type || !target) continue;
    out.set(id, { type, path: target });
  }
  return out;
}

/** "xl/./worksheets/../worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** Sheet name → relationship id, from workbook.xml. */
function workbookSheets(workbook: string): { name: string; rid: string }[] {
  const out: { name: string; rid: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const rid = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined && rid !== undefined) out.push({ name, rid });
  }
  return out;
}

/**
 * Whether a workbook may be parsed, decided from its directory and a bounded look at each part:
 * sizes, the parts its relationships promise, cells and declared dimensions.
 */
export function guardWorkbook(bytes: Buffer): GuardResult {
  const entries = zipEntries(bytes);
  if (entries === null) return { ok: false, problem: { kind: "damaged", detail: "no-directory" } };
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has("xl/workbook.xml")) return { ok: false, problem: { kind: "damaged", detail: "no-workbook" } };
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > LIMITS.partBytes) return { ok: false, problem: { kind: "too-large", detail: "part" } };
    total += e.uncompressedSize;
  }
  if (total > LIMITS.totalBytes) return { ok: false, problem: { kind: "too-large", detail: "total" } };

  const damaged = (detail: "missing-part" | "bad-entry"): GuardResult => ({
    ok: false,
    problem: { kind: "damaged", detail },
  });
  const relsEntry = byName.get("xl/_rels/workbook.xml.rels");
  const workbookXml = entryBytes(bytes, byName.get("xl/workbook.xml") as ZipEntry);
  if (!relsEntry) return damaged("missing-part");
  const rels = entryBytes(bytes, relsEntry);
  if (rels === null || workbookXml === null) return damaged("bad-entry");
  const targets = relationshipTargets(rels.toString("utf8"));
  // Targets are relative to xl/; some programs write them from the package root, or in another case: Excel copes.
  const lowerNames = new Map(entries.map((e) => [e.name.toLowerCase(), e.name]));
  for (const t of targets.values()) {
    const candidates = t.path.startsWith("/") ? [t.path.slice(1)] : [normalizePath(`xl/${t.path}`), normalizePath(t.path)];
    t.path = candidates.find((c) => byName.has(c)) ?? candidates.map((c) => lowerNames.get(c.toLowerCase())).find((c) => c) ?? (candidates[0] as string);
  }
  for (const t of targets.values()) {
    if ((t.type === "worksheet" || t.type === "sharedStrings") && !byName.has(t.path)) return damaged("missing-part");
  }
  const hasSharedStrings = [...targets.values()].some((t) => t.type === "sharedStrings");

  const sheets: SheetPlan[] = [];
  let values = 0;
  let elements = 0;
  for (const { name, rid } of workbookSheets(workbookXml.toString("utf8"))) {
    const target = targets.get(rid);
    if (!target) return damaged("missing-part");
    if (target.type !== "worksheet") continue; // chart sheets hold no cells
    const e = byName.get(target.path) as ZipEntry;
    const xml = entryBytes(bytes, e);
    if (xml === null) return damaged("bad-entry");
    // Cells pointing into a shared-strings table the file lacks: Excel calls such a file damaged.
    if (!hasSharedStrings && xml.includes(' t="s"')) return damaged("missing-part");
    const dimension = declaredDimension(xml);
    const end = dimension ? rangeEnd(dimension) : null;
    if (end && (end.row > EXCEL_MAX_ROWS || end.col > EXCEL_MAX_COLS)) {
      return { ok: false, problem: { kind: "too-large", detail: "dimension" } };
    }
    for (const tag of VALUE_TAGS) values += count(xml, tag);
    let partElements = count(xml, ROW_OPEN);
    for (const tag of CELL_OPEN) partElements += count(xml, tag);
    elements += partElements;
    if (values > LIMITS.valueCells || elements > LIMITS.elements) {
      return { ok: false, problem: { kind: "too-large", detail: "cells" } };
    }
    sheets.push({ name, path: e.name, merges: mergeRefs(xml), elements: partElements });
  }
  return { ok: true, sheets };
}
