// CSV decoding and parsing at their edges: the UTF-8/GB18030 threshold, byte order marks, Excel's row and column
// limits, delimiters.
import { csvGrid, decodeCsvBytes, parseCsv, sniffDelimiter } from "../../src/cli/csv";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "../../src/cli/xlsx-guard";
import { encodeGbk } from "./gbk";

describe("decodeCsvBytes: UTF-8 with stray bytes or GB18030", () => {
  const withStray = (text: string) => Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0xff])]);

  it("keeps UTF-8 when at least four valid non-ASCII characters stand beside each bad byte", () => {
    expect(decodeCsvBytes(withStray("中文中文")).encoding).toBe("utf-8");
    expect(decodeCsvBytes(withStray("中文中文")).text).toBe("中文中文\ufffd");
    expect(decodeCsvBytes(withStray("中文中")).encoding).toBe("gb18030");
    expect(decodeCsvBytes(withStray("abcdefgh")).encoding).toBe("gb18030");
  });

  it("reads a GBK file as GB18030 however much ASCII it holds", () => {
    const text = `${"a,b,c\r\n".repeat(50)}一级指标,二级指标\r\n`;
    expect(decodeCsvBytes(encodeGbk(text))).toEqual({ text, encoding: "gb18030" });
  });

  it("takes only the full three-byte mark for a UTF-8 BOM", () => {
    // U+FEFE is EF BB BE: the first two bytes of a BOM, then another byte.
    expect(decodeCsvBytes(Buffer.from("\ufefea,b", "utf8"))).toEqual({ text: "\ufefea,b", encoding: "utf-8" });
    expect(decodeCsvBytes(Buffer.from("\ufeffa,b", "utf8"))).toEqual({ text: "a,b", encoding: "utf-8" });
  });

  it("takes a UTF-16 mark only as both of its bytes", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("指标", "utf16le")]);
    expect(decodeCsvBytes(le)).toEqual({ text: "指标", encoding: "utf-16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("指标", "utf16le").swap16()]);
    expect(decodeCsvBytes(be)).toEqual({ text: "指标", encoding: "utf-16be" });
    // A lone 0xFE or 0xFF followed by something else is no mark.
    expect(decodeCsvBytes(Buffer.from([0xfe, 0x41, 0x42])).encoding).not.toMatch(/utf-16/);
    expect(decodeCsvBytes(Buffer.from([0xff, 0x41, 0x42])).encoding).not.toMatch(/utf-16/);
    expect(decodeCsvBytes(Buffer.from([0x41, 0xfe, 0xff])).encoding).not.toMatch(/utf-16/);
  });

  it("says UTF-8 for plain ASCII and for an empty file", () => {
    expect(decodeCsvBytes(Buffer.from("a,b\r\n"))).toEqual({ text: "a,b\r\n", encoding: "utf-8" });
    expect(decodeCsvBytes(Buffer.alloc(0))).toEqual({ text: "", encoding: "utf-8" });
  });
});

describe("sniffDelimiter", () => {
  it("looks at the first line with content", () => {
    expect(sniffDelimiter("\r\n\r\na;b\r\nc,d")).toBe(";");
    expect(sniffDelimiter("\n\na\tb\nc,d")).toBe("\t");
    expect(sniffDelimiter("a;b,c")).toBe(",");
    expect(sniffDelimiter("a;b\tc")).toBe("\t");
    expect(sniffDelimiter("abc")).toBe(",");
    expect(sniffDelimiter("")).toBe(",");
  });
});

describe("parseCsv", () => {
  it("keeps a blank line between lone carriage returns", () => {
    expect(parseCsv("a\r\rb", ",")).toEqual([["a"], [""], ["b"]]);
    expect(parseCsv("a\r\n\r\nb", ",")).toEqual([["a"], [""], ["b"]]);
  });

  it("keeps the width of blank rows inside the table", () => {
    expect(parseCsv("a,b\n,,\nc", ",")).toEqual([["a", "b"], ["", "", ""], ["c"]]);
  });

  it("reads an unterminated quoted field to the end of the file", () => {
    expect(parseCsv('a,"b\nc', ",")).toEqual([["a", "b\nc"]]);
    expect(parseCsv('"x""', ",")).toEqual([['x"']]);
  });

  it("reads doubled quotes at the start, middle and end of a quoted field", () => {
    expect(parseCsv('"""a""b"""', ",")).toEqual([['"a"b"']]);
    expect(parseCsv('"",x', ",")).toEqual([["", "x"]]);
  });

  it("reads a quote after text as text, and a quote opening a later field as quoting", () => {
    expect(parseCsv('a"b,"c,d"', ",")).toEqual([['a"b', "c,d"]]);
    expect(parseCsv('"a"b,c', ",")).toEqual([["ab", "c"]]);
  });

  it("uses the delimiter it is given", () => {
    expect(parseCsv("a;b,c", ";")).toEqual([["a", "b,c"]]);
    expect(csvGrid(Buffer.from("a,b\tc"), "\t").grid).toEqual([["a,b", "c"]]);
    expect(csvGrid(Buffer.from("a;b\r\n")).grid).toEqual([["a", "b"]]);
  });

  it("keeps Excel's 16384 columns and drops the rest", () => {
    const row = Array.from({ length: EXCEL_MAX_COLS + 2 }, (_, i) => `c${i}`);
    const [parsed] = parseCsv(`${row.join(",")}\nz`, ",");
    expect(parsed).toHaveLength(EXCEL_MAX_COLS);
    expect(parsed?.at(-1)).toBe(`c${EXCEL_MAX_COLS - 1}`);
    const [last] = parseCsv(row.join(","), ",");
    expect(last).toHaveLength(EXCEL_MAX_COLS);
  });

  it("keeps Excel's 1048576 rows, blank ones included, and drops the rest", () => {
    const rows = parseCsv(`${"a\n".repeat(EXCEL_MAX_ROWS)}b\n`, ",");
    expect(rows).toHaveLength(EXCEL_MAX_ROWS);
    expect(rows.at(-1)).toEqual(["a"]);
    const blanks = parseCsv(`a\n${"\n".repeat(EXCEL_MAX_ROWS)}b\n`, ",");
    expect(blanks).toEqual([["a"]]);
    const justFits = parseCsv(`a\n${"\n".repeat(EXCEL_MAX_ROWS - 2)}b`, ",");
    expect(justFits).toHaveLength(EXCEL_MAX_ROWS);
    expect(justFits.at(-1)).toEqual(["b"]);
  });
});
