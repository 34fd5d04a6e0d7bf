// Hostile and odd inputs for the command line, made at test time (nothing large is committed): hand-written
// .xlsx parts zipped with zlib, so that a test decides every byte — merges to the sheet's end, millions of empty
// rows, parts whose declared size lies, missing parts.
import { crc32, deflateRawSync } from "zlib";
import { columnLetter, type CellValue } from "../../src/domain/grid";

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Uncompressed size written in the zip's headers, when it should lie. */
  declaredSize?: number;
  /** Stored without compression (an OpenDocument file's mimetype must be). */
  stored?: boolean;
}

/** A zip archive (deflate, level 1 for speed) of the parts, in order; `zip64` writes ZIP64 records as some programs do. */
export function zipBytes(parts: readonly ZipPart[], options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = typeof p.data === "string" ? Buffer.from(p.data, "utf8") : p.data;
    const packed = p.stored ? data : deflateRawSync(data, { level: 1 });
    const method = p.stored ? 0 : 8;
    const name = Buffer.from(p.name, "utf8");
    const size = p.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    if (options.zip64) {
      const extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      central.writeUInt16LE(extra.length, 30);
      centrals.push(central, name, extra);
    } else centrals.push(central, name);
    locals.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const zip64: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    zip64.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (options.zip64) {
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 16);
  }
  return Buffer.concat([...locals, directory, ...zip64, end]);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One cell's XML: numbers as numbers, text inline (no shared-strings part needed). */
function cellXml(ref: string, v: CellValue): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
}

export interface SheetOptions {
  merges?: readonly string[];
  dimension?: string;
  /** Raw XML appended inside <sheetData> after the grid's rows (empty rows, styled cells…). */
  extraRows?: string | Buffer;
}

/** A worksheet part holding the grid's values. */
export function sheetXml(grid: ReadonlyArray<ReadonlyArray<CellValue>>, options: SheetOptions = {}): Buffer {
  const rows = grid
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(`${columnLetter(c)}${r + 1}`, v)).join("");
      return cells === "" ? "" : `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const merges = options.merges ?? [];
  const mergeXml =
    merges.length === 0
      ? ""
      : `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (options.dimension ? `<dimension ref="${options.dimension}"/>` : "") +
    `<sheetData>${rows}`;
  const extra = options.extraRows ?? "";
  return Buffer.concat([
    Buffer.from(head),
    typeof extra === "string" ? Buffer.from(extra) : extra,
    Buffer.from(`</sheetData>${mergeXml}</worksheet>`),
  ]);
}

export interface WorkbookOptions {
  /** Part names to leave out of the zip (as a damaged file would). */
  omit?: readonly string[];
  /** Declared sizes that lie, by part name. */
  declaredSizes?: Readonly<Record<string, number>>;
  /** A shared-strings part (and its relationship). */
  sharedStrings?: string;
  /** ZIP64 records, as some programs write even for small files. */
  zip64?: boolean;
  /** More parts (styles, themes…), added as they are. */
  extraParts?: readonly ZipPart[];
}

/** A workbook of the given sheets (sheet1.xml, sheet2.xml… in order). */
export function xlsxBytes(sheets: ReadonlyArray<{ name: string; xml: Buffer }>, options: WorkbookOptions = {}): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        (options.sharedStrings !== undefined
          ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          : "") +
        "</Types>",
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships ${ns}><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets></workbook>",
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships ${ns}>` +
        sheets
          .map(
            (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        (options.sharedStrings !== undefined
          ? `<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`
          : "") +
        "</Relationships>",
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ];
  if (options.sharedStrings !== undefined) parts.push({ name: "xl/sharedStrings.xml", data: options.sharedStrings });
  parts.push(...(options.extraParts ?? []));
  return zipBytes(
    parts
      .filter((p) => !(options.omit ?? []).includes(p.name))
      .map((p) => ({
        ...p,
        ...(options.declaredSizes?.[p.name] !== undefined ? { declaredSize: options.declaredSizes[p.name] } : {}),
      })),
    { zip64: options.zip64 === true },
  );
}

/** `count` empty rows after row `from`, some with styled empty cells: what formatting a whole sheet leaves behind. */
export function emptyRowsXml(from: number, count: number, styledCellsPerRow = 0): Buffer {
  const chunks: string[] = [];
  const cols = Array.from({ length: styledCellsPerRow }, (_, c) => columnLetter(c));
  for (let r = from + 1; r <= from + count; r++) {
    chunks.push(
      styledCellsPerRow === 0
        ? `<row r="${r}"/>`
        : `<row r="${r}">${cols.map((c) => `<c r="${c}${r}" s="1"/>`).join("")}</row>`,
    );
  }
  return Buffer.from(chunks.join(""));
}
