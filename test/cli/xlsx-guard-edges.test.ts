// guardWorkbook and its zip reading at their edges: each limit at and past its bound, each way a part can be
// missing or lie, ZIP64, the names and entities workbooks are written with.
import { deflateRawSync } from "zlib";
import {
  declaredDimension,
  entryBytes,
  EXCEL_MAX_COLS,
  EXCEL_MAX_ROWS,
  guardWorkbook,
  LIMITS,
  mergeRefs,
  rangeEnd,
  zipEntries,
  type ZipEntry,
} from "../../src/cli/xlsx-guard";
import { sheetXml, xlsxBytes, zipBytes, type ZipPart } from "../support/hostile-files";

jest.setTimeout(60_000);

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MB = 1024 * 1024;

/** A workbook from its workbook.xml body, relationships and other parts, as a test decides every byte. */
function workbook(sheets: string, rels: string, parts: ZipPart[]): Buffer {
  return zipBytes([
    { name: "xl/workbook.xml", data: `<workbook xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships>${rels}</Relationships>` },
    ...parts,
  ]);
}
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
const sheet = (name: string, id: string, prefix = "r") => `<sheet name="${name}" sheetId="1" ${prefix}:id="${id}"/>`;
const one = (xml: string | Buffer) => ({ name: "xl/worksheets/sheet1.xml", data: xml });

const damaged = (detail: string) => ({ ok: false, problem: { kind: "damaged", detail } });
const tooLarge = (detail: string) => ({ ok: false, problem: { kind: "too-large", detail } });

describe("zipEntries", () => {
  it("reads each entry's name, method, sizes and offset, without a leading slash", () => {
    const bytes = zipBytes([
      { name: "/a.xml", data: "hello" },
      { name: "b.txt", data: "stored", stored: true },
    ]);
    const entries = zipEntries(bytes);
    expect(entries).toEqual([
      { name: "a.xml", method: 8, compressedSize: deflateRawSync(Buffer.from("hello"), { level: 1 }).length, uncompressedSize: 5, localHeaderOffset: 0 },
      { name: "b.txt", method: 0, compressedSize: 6, uncompressedSize: 6, localHeaderOffset: expect.any(Number) as unknown as number },
    ]);
    expect(entryBytes(bytes, entries![1]!)?.toString()).toBe("stored");
    expect(entryBytes(bytes, entries![0]!)?.toString()).toBe("hello");
  });

  it("reads the same entries from ZIP64 records", () => {
    const parts = [{ name: "a.xml", data: "hello" }, { name: "b.xml", data: "world!" }];
    const plain = zipEntries(zipBytes(parts));
    const wide = zipBytes(parts, { zip64: true });
    expect(zipEntries(wide)).toEqual(plain);
    expect(entryBytes(wide, zipEntries(wide)![1]!)?.toString()).toBe("world!");
  });

  it("finds the end record behind a comment, and not further back than a comment can reach", () => {
    const bytes = zipBytes([{ name: "a.xml", data: "x" }]);
    const withComment = (n: number) => {
      const b = Buffer.concat([bytes, Buffer.alloc(n, 0x20)]);
      b.writeUInt16LE(n, bytes.length - 2);
      return b;
    };
    expect(zipEntries(withComment(100))?.map((e) => e.name)).toEqual(["a.xml"]);
    expect(zipEntries(withComment(0xffff))?.map((e) => e.name)).toEqual(["a.xml"]);
    expect(zipEntries(Buffer.concat([bytes, Buffer.alloc(0x10000, 0x20)]))).toBeNull();
  });

  it("gives up on a directory that is cut short, points past the file, or lacks its ZIP64 records", () => {
    const bytes = zipBytes([{ name: "a.xml", data: "x" }, { name: "b.xml", data: "y" }]);
    const more = Buffer.from(bytes);
    more.writeUInt16LE(3, more.length - 12); // three entries promised, two written
    expect(zipEntries(more)).toBeNull();
    const past = Buffer.from(bytes);
    past.writeUInt32LE(bytes.length, past.length - 6); // the directory would start at the end
    expect(zipEntries(past)).toBeNull();
    const wide = zipBytes([{ name: "a.xml", data: "x" }], { zip64: true });
    const noLocator = Buffer.from(wide);
    noLocator.writeUInt32LE(0, wide.length - 22 - 20); // the locator's signature
    expect(zipEntries(noLocator)).toBeNull();
    const noRecord = Buffer.from(wide);
    noRecord.writeUInt32LE(0, wide.length - 22 - 20 - 56); // the ZIP64 end record's signature
    expect(zipEntries(noRecord)).toBeNull();
    expect(zipEntries(Buffer.alloc(10))).toBeNull();
  });

  it("rejects a ZIP64 entry whose extra field lacks the sizes it promises", () => {
    const wide = zipBytes([{ name: "a.xml", data: "x" }], { zip64: true });
    const entries = zipEntries(wide)!;
    expect(entries).toHaveLength(1);
    // The extra field's declared length cut to 8 bytes: only the uncompressed size fits.
    const dir = wide.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const cut = Buffer.from(wide);
    cut.writeUInt16LE(12, dir + 30); // the entry's extra length
    expect(zipEntries(cut)).toBeNull();
    // Another extra field id: no ZIP64 values at all.
    const other = Buffer.from(wide);
    other.writeUInt16LE(0x5455, dir + 46 + 5);
    expect(zipEntries(other)).toBeNull();
  });
});

describe("entryBytes", () => {
  const entry = (bytes: Buffer) => zipEntries(bytes)![0]!;

  it("refuses an entry that unpacks to more or less than it declares", () => {
    const data = "x".repeat(1000);
    const lyingSmall = zipBytes([{ name: "a", data, declaredSize: 999 }]);
    expect(entryBytes(lyingSmall, entry(lyingSmall))).toBeNull();
    const lyingLarge = zipBytes([{ name: "a", data, declaredSize: 1001 }]);
    expect(entryBytes(lyingLarge, entry(lyingLarge))).toBeNull();
    const stored = zipBytes([{ name: "a", data, declaredSize: 999, stored: true }]);
    expect(entryBytes(stored, entry(stored))).toBeNull();
  });

  it("reads an empty entry, and refuses unknown methods, bad local headers and data cut short", () => {
    const empty = zipBytes([{ name: "a", data: "" }]);
    expect(entryBytes(empty, entry(empty))?.length).toBe(0);
    const bytes = zipBytes([{ name: "a", data: "hello" }]);
    const e = entry(bytes);
    expect(entryBytes(bytes, { ...e, method: 12 })).toBeNull();
    expect(entryBytes(bytes, { ...e, localHeaderOffset: 1 })).toBeNull();
    expect(entryBytes(bytes, { ...e, localHeaderOffset: bytes.length - 29 })).toBeNull();
    expect(entryBytes(bytes, { ...e, compressedSize: bytes.length })).toBeNull();
    expect(entryBytes(bytes.subarray(0, 30 + 1 + 2), e)).toBeNull();
    const garbage: ZipEntry = { ...e, compressedSize: 3 };
    const notDeflate = Buffer.from(bytes);
    notDeflate.fill(0xff, 31, 34);
    expect(entryBytes(notDeflate, garbage)).toBeNull();
  });
});

describe("guardWorkbook: sizes from the directory", () => {
  const sized = (sizes: Record<string, number>) =>
    xlsxBytes([{ name: "表", xml: sheetXml([["x"]]) }], {
      declaredSizes: sizes,
      extraParts: [
        { name: "xl/media/a.bin", data: "a" },
        { name: "xl/media/b.bin", data: "b" },
      ],
    });

  it("takes a part of exactly 64 MB to the next check, and refuses one byte more", () => {
    // Parts the check never reads are not unpacked: their declared size is all that counts.
    expect(guardWorkbook(sized({ "xl/media/a.bin": LIMITS.partBytes }))).toMatchObject({ ok: true });
    expect(guardWorkbook(sized({ "xl/media/a.bin": LIMITS.partBytes + 1 }))).toEqual(tooLarge("part"));
  });

  it("adds the parts up: exactly 160 MB goes on, more is too large", () => {
    const rest = LIMITS.totalBytes - 2 * LIMITS.partBytes;
    expect(guardWorkbook(sized({ "xl/media/a.bin": LIMITS.partBytes, "xl/media/b.bin": LIMITS.partBytes, "xl/worksheets/sheet1.xml": rest - 2000 }))).toEqual(damaged("bad-entry"));
    expect(guardWorkbook(sized({ "xl/media/a.bin": LIMITS.partBytes, "xl/media/b.bin": LIMITS.partBytes, "xl/worksheets/sheet1.xml": rest + 1 }))).toEqual(tooLarge("total"));
    expect(LIMITS.partBytes).toBe(64 * MB);
    expect(LIMITS.totalBytes).toBe(160 * MB);
  });
});

describe("guardWorkbook: parts missing or damaged", () => {
  const good = sheetXml([["x"]]);

  it("needs xl/workbook.xml and its relationships, each readable", () => {
    expect(guardWorkbook(zipBytes([{ name: "a.xml", data: "x" }]))).toEqual(damaged("no-workbook"));
    expect(guardWorkbook(xlsxBytes([{ name: "表", xml: good }], { omit: ["xl/_rels/workbook.xml.rels"] }))).toEqual(damaged("missing-part"));
    expect(guardWorkbook(xlsxBytes([{ name: "表", xml: good }], { declaredSizes: { "xl/_rels/workbook.xml.rels": 5 } }))).toEqual(damaged("bad-entry"));
    expect(guardWorkbook(xlsxBytes([{ name: "表", xml: good }], { declaredSizes: { "xl/workbook.xml": 5 } }))).toEqual(damaged("bad-entry"));
    expect(guardWorkbook(xlsxBytes([{ name: "表", xml: good }], { declaredSizes: { "xl/worksheets/sheet1.xml": 5 } }))).toEqual(damaged("bad-entry"));
  });

  it("calls a sheet without a relationship, or a promised shared-strings part that is missing, damaged", () => {
    expect(guardWorkbook(workbook(sheet("a", "rId9"), rel("rId1", "worksheet", "worksheets/sheet1.xml"), [one(good)]))).toEqual(damaged("missing-part"));
    expect(
      guardWorkbook(workbook(sheet("a", "rId1"), rel("rId1", "worksheet", "worksheets/sheet1.xml") + rel("rId2", "sharedStrings", "sharedStrings.xml"), [one(good)])),
    ).toEqual(damaged("missing-part"));
  });

  it("reads shared-string cells when the part is there, and only calls them damaged when it is not", () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    const withStrings = workbook(sheet("a", "rId1"), rel("rId1", "worksheet", "worksheets/sheet1.xml") + rel("rId2", "sharedStrings", "sharedStrings.xml"), [
      one(xml),
      { name: "xl/sharedStrings.xml", data: "<sst><si><t>x</t></si></sst>" },
    ]);
    expect(guardWorkbook(withStrings)).toMatchObject({ ok: true });
    expect(guardWorkbook(workbook(sheet("a", "rId1"), rel("rId1", "worksheet", "worksheets/sheet1.xml"), [one(xml)]))).toEqual(damaged("missing-part"));
  });

  it("passes over chart sheets, which hold no cells, and ignores relationships missing an attribute", () => {
    const bytes = workbook(
      sheet("图", "rId2") + sheet("表", "rId1"),
      rel("rId1", "worksheet", "worksheets/sheet1.xml") + rel("rId2", "chartsheet", "chartsheets/sheet1.xml") + `<Relationship Id="rId3" Type="${REL}/worksheet"/>`,
      [one(good)],
    );
    expect(guardWorkbook(bytes)).toEqual({ ok: true, sheets: [{ name: "表", path: "xl/worksheets/sheet1.xml", merges: [], elements: 2 }] });
  });
});

describe("guardWorkbook: names, entities and ids as programs write them", () => {
  it("unescapes named and numeric entities in sheet names and drops impossible ones", () => {
    const bytes = workbook(sheet("&lt;&#x4E00;&#19968;&QUOT;&apos;&gt;&#x110000;&bogus;", "rId1"), rel("rId1", "worksheet", "worksheets/sheet1.xml"), [one(sheetXml([["x"]]))]);
    expect(guardWorkbook(bytes)).toMatchObject({ ok: true, sheets: [{ name: "<一一\"'>&bogus;" }] });
  });

  it("reads the relationship id under any namespace prefix, and targets with escapes", () => {
    const bytes = workbook(sheet("a", "rId1", "ns2"), rel("rId1", "worksheet", "worksheets/s&amp;1.xml"), [{ name: "xl/worksheets/s&1.xml", data: sheetXml([["x"]]) }]);
    expect(guardWorkbook(bytes)).toMatchObject({ ok: true, sheets: [{ name: "a", path: "xl/worksheets/s&1.xml" }] });
  });

  it("counts row and cell elements, empty or not, per sheet", () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/><c><v>2</v></c></row><row r="2"/><row r="3"></row></sheetData></worksheet>';
    expect(guardWorkbook(workbook(sheet("a", "rId1"), rel("rId1", "worksheet", "worksheets/sheet1.xml"), [one(xml)]))).toEqual({
      ok: true,
      sheets: [{ name: "a", path: "xl/worksheets/sheet1.xml", merges: [], elements: 6 }],
    });
  });
});

describe("guardWorkbook: declared ranges and cell counts", () => {
  const withDimension = (ref: string) => guardWorkbook(xlsxBytes([{ name: "表", xml: sheetXml([["x"]], { dimension: ref }) }]));

  it("takes Excel's whole sheet and refuses a row or a column more", () => {
    expect(withDimension(`A1:XFD${EXCEL_MAX_ROWS}`)).toMatchObject({ ok: true });
    expect(withDimension(`A1:XFD${EXCEL_MAX_ROWS + 1}`)).toEqual(tooLarge("dimension"));
    expect(withDimension("A1:XFE1")).toEqual(tooLarge("dimension"));
    expect(withDimension("not a range")).toMatchObject({ ok: true });
    expect(EXCEL_MAX_COLS).toBe(16384);
  });

  it("counts values, inline strings and formulas over all sheets: 1.5 million pass, one more does not", () => {
    const half = LIMITS.valueCells / 2;
    // Each cell holds one of the marks of content: a value, an inline string or a formula, however written.
    const TAGS = ["<c><v>1</v></c>", '<c><v xml:space="preserve">1</v></c>', '<c t="inlineStr"><is><t>x</t></is></c>', "<c><f>1</f></c>", '<c><f t="shared" si="0"/></c>'];
    const cells = (n: number) => Buffer.from(`<row r="1">${Array.from({ length: n }, (_, i) => TAGS[i % TAGS.length]).join("")}</row>`);
    const a = sheetXml([], { extraRows: cells(half) });
    const two = (b: number) => guardWorkbook(xlsxBytes([{ name: "a", xml: a }, { name: "b", xml: sheetXml([], { extraRows: cells(b) }) }]));
    expect(two(half)).toMatchObject({ ok: true });
    expect(two(half + 1)).toEqual(tooLarge("cells"));
    expect(LIMITS.valueCells).toBe(1_500_000);
  });
});

describe("small readers", () => {
  it("reads a range's far corner in either case, and nothing from what is not a range", () => {
    expect(rangeEnd(" a1:xfd10 ")).toEqual({ row: 10, col: 16384 });
    expect(rangeEnd("Z9")).toEqual({ row: 9, col: 26 });
    expect(rangeEnd("AA100")).toEqual({ row: 100, col: 27 });
    expect(rangeEnd("A1:")).toBeNull();
    expect(rangeEnd("")).toBeNull();
  });

  it("reads the declared range from the part's first 4 KB only", () => {
    expect(declaredDimension(Buffer.from('<worksheet><dimension ref="A1:C3"/>'))).toBe("A1:C3");
    expect(declaredDimension(Buffer.from('<worksheet><dimensionX ref="A1:C3"/>'))).toBeNull();
    expect(declaredDimension(Buffer.from(`${" ".repeat(4096)}<dimension ref="A1:C3"/>`))).toBeNull();
    expect(declaredDimension(Buffer.from(`${" ".repeat(4060)}<dimension ref="A1:C3"/>`))).toBe("A1:C3");
  });

  it("reads merges from the last mergeCells block, to its end or the part's end", () => {
    expect(mergeRefs(Buffer.from("<sheetData/>"))).toEqual([]);
    expect(mergeRefs(Buffer.from('<mergeCells><mergeCell ref="A1:B1"/>'))).toEqual(["A1:B1"]);
    expect(mergeRefs(Buffer.from('<mergeCells><mergeCell ref="A1:B1"/></mergeCells><x><mergeCell ref="C1:D1"/></x>'))).toEqual(["A1:B1"]);
    expect(mergeRefs(Buffer.from('<t>&lt;mergeCells</t><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>'))).toEqual(["A2:B2"]);
  });
});
