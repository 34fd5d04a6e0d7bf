import { guardWorkbook, mergeRefs, rangeEnd, zipEntries } from "../../src/cli/xlsx-guard";
import { sheetXml, xlsxBytes, zipBytes } from "../support/hostile-files";

/** A one-sheet workbook whose relationship to the sheet is written as `target`. */
function withTarget(target: string, sheetPath = "xl/worksheets/sheet1.xml"): Buffer {
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipBytes([
    { name: "xl/workbook.xml", data: `<workbook xmlns:r="${rel}"><sheets><sheet name="A&amp;B" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="${target}"/></Relationships>` },
    { name: sheetPath, data: sheetXml([["x"]], { merges: ["A1:B2"] }) },
  ]);
}

describe("guardWorkbook", () => {
  it("finds the sheet however the relationship names it, as Excel does", () => {
    for (const target of ["worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", "./worksheets/../worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", "worksheets/Sheet1.xml"]) {
      const g = guardWorkbook(withTarget(target));
      expect(g).toEqual({ ok: true, sheets: [{ name: "A&B", path: "xl/worksheets/sheet1.xml", merges: ["A1:B2"], elements: 2 }] });
    }
  });

  it("calls a workbook damaged when a promised part is missing, and not a zip at all when there is no directory", () => {
    expect(guardWorkbook(withTarget("worksheets/sheet2.xml"))).toEqual({ ok: false, problem: { kind: "damaged", detail: "missing-part" } });
    expect(zipEntries(Buffer.from("PK\u0003\u0004 not really a zip"))).toBeNull();
  });

  it("judges sizes from the directory before unpacking anything", () => {
    const big = xlsxBytes([{ name: "表", xml: sheetXml([["x"]]) }], { declaredSizes: { "xl/worksheets/sheet1.xml": 65 * 1024 * 1024 } });
    expect(guardWorkbook(big)).toEqual({ ok: false, problem: { kind: "too-large", detail: "part" } });
  });
});

describe("small readers", () => {
  it("reads a range's far corner and the merges after the sheet data", () => {
    expect(rangeEnd("A1:XFD1048576")).toEqual({ row: 1048576, col: 16384 });
    expect(rangeEnd("B7")).toEqual({ row: 7, col: 2 });
    expect(mergeRefs(Buffer.from('<sheetData/><mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="A40:XFD1048576"/></mergeCells>'))).toEqual(["A1:H1", "A40:XFD1048576"]);
  });
});
