// CSV 文件 → 网格：编码识别（UTF-8 带或不带 BOM、UTF-16、GB18030/GBK）与 RFC 4180 解析。

import type { CellValue } from "../domain/grid";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * The text of a CSV file. A BOM decides; otherwise strict UTF-8, and when that fails GB18030
 * (a superset of GBK, which Excel and WPS on Chinese Windows use for "CSV (逗号分隔)").
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** Comma unless the first line has tabs and no commas (Excel's "Unicode text" and .tsv files). */
export function sniffDelimiter(text: string): "," | "\t" {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

/**
 * Rows of cells, RFC 4180: fields in double quotes may hold the delimiter, line breaks and `""`;
 * lines end in CRLF, LF or CR. Every cell is a string ("" for empty); trailing empty rows dropped.
 */
export function parseCsv(text: string, delimiter: string = sniffDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r") {
      endRow();
      i += text[i + 1] === "\n" ? 2 : 1;
    } else if (ch === "\n") {
      endRow();
      i++;
    } else {
      // A stray quote inside an unquoted field is kept as text, as Excel does.
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0 || quoted) endRow();
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((c) => c === "")) rows.pop();
  return rows;
}

/** A CSV file's bytes as a grid, and the encoding it was read in. */
export function csvGrid(bytes: Uint8Array, delimiter?: string): { grid: CellValue[][]; encoding: TextEncodingName } {
  const { text, encoding } = decodeCsvBytes(bytes);
  return { grid: parseCsv(text, delimiter ?? sniffDelimiter(text)), encoding };
}
