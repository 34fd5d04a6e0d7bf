import fc from "fast-check";
import { csvGrid, decodeCsvBytes, parseCsv, sniffDelimiter } from "../../src/cli/csv";
import { encodeGbk } from "./gbk";
import { toCsv } from "./support";

describe("parseCsv", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    const text = 'a,"b,c","say ""hi""","two\r\nlines"\r\n"x\ny",,z\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b,c", 'say "hi"', "two\r\nlines"],
      ["x\ny", "", "z"],
    ]);
  });

  it("accepts LF, CRLF and lone CR line ends and keeps empty cells", () => {
    expect(parseCsv("a,b\nc,d\r\ne,f\rg,")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", ""],
    ]);
  });

  it("keeps blank lines inside the table but drops trailing empty rows", () => {
    expect(parseCsv("a\n\nb\n,\n\n")).toEqual([["a"], [""], ["b"]]);
  });

  it("keeps a stray quote inside an unquoted field as text", () => {
    expect(parseCsv('5"寸,b')).toEqual([['5"寸', "b"]]);
  });

  it("reads tab-separated text when the first line has tabs and no commas", () => {
    expect(sniffDelimiter("一级指标\t二级指标\n")).toBe("\t");
    expect(sniffDelimiter("一级指标,二级指标\t\n")).toBe(",");
    expect(parseCsv("a\tb\nc,d\te\n")).toEqual([
      ["a", "b"],
      ["c,d", "e"],
    ]);
  });

  it("round-trips any grid of strings written as RFC 4180", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "指", ",", '"', "\n", "\r\n", " ", "≥", "1") });
    const grid = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(grid, (g) => {
        // a last row of only empty cells is dropped by design; make the last row non-empty
        const rows = g.map((r) => [...r]);
        (rows[rows.length - 1] as string[])[0] = "end";
        expect(parseCsv(toCsv(rows), ",")).toEqual(rows);
      }),
    );
  });
});

describe("decodeCsvBytes", () => {
  const text = "一级指标,二级指标,指标值\r\n产出指标,数量指标,≥95%\r\n";

  it("strips a UTF-8 byte order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: "utf-8" });
  });

  it("reads UTF-8 without a byte order mark", () => {
    expect(decodeCsvBytes(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "utf-8" });
  });

  it("recognises GBK (as Excel and WPS on Chinese Windows save CSV) and decodes it", () => {
    const gbk = encodeGbk(text);
    expect(gbk.equals(Buffer.from(text, "utf8"))).toBe(false);
    expect(decodeCsvBytes(gbk)).toEqual({ text, encoding: "gb18030" });
  });

  it("reads UTF-16 with a byte order mark (Excel's Unicode text)", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, "\t"), "utf16le")]);
    const { grid, encoding } = csvGrid(bytes);
    expect(encoding).toBe("utf-16le");
    expect(grid).toEqual([
      ["一级指标", "二级指标", "指标值"],
      ["产出指标", "数量指标", "≥95%"],
    ]);
  });

  it("reads UTF-16 big-endian with a byte order mark", () => {
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: "utf-16be" });
  });

  it("gives the same grid for the same table in GBK and in UTF-8", () => {
    const table = [
      ["部门（单位）名称", "某县人力资源服务中心"],
      ["三级指标", '培训"合格"率，含补考'],
      ["指标解释", "第一行\n第二行"],
    ];
    const csv = toCsv(table);
    expect(csvGrid(encodeGbk(csv)).grid).toEqual(table);
    expect(csvGrid(Buffer.from(csv, "utf8")).grid).toEqual(table);
  });
});
