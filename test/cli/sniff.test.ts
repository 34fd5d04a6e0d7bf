// What a file is, from its bytes: each kind, and the near misses that must not be taken for it.
import { sniffFileKind } from "../../src/cli/sniff";
import { zipBytes } from "../support/hostile-files";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole = (stream: string) => {
  const b = Buffer.alloc(2048);
  Buffer.from(OLE).copy(b);
  Buffer.from(stream, "utf16le").copy(b, 1024);
  return b;
};

describe("sniffFileKind", () => {
  it("tells the zip-based formats apart by the parts they hold", () => {
    expect(sniffFileKind(Buffer.alloc(0))).toBe("empty");
    expect(sniffFileKind(zipBytes([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true }]))).toBe("ods");
    expect(sniffFileKind(zipBytes([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text", stored: true }]))).toBe("zip");
    expect(sniffFileKind(zipBytes([{ name: "xl/workbook.bin", data: "x" }]))).toBe("xlsb");
    expect(sniffFileKind(zipBytes([{ name: "xl/workbook.xml", data: "x" }]))).toBe("xlsx");
    expect(sniffFileKind(zipBytes([{ name: "word/document.xml", data: "x" }]))).toBe("docx");
    expect(sniffFileKind(zipBytes([{ name: "ppt/presentation.xml", data: "x" }]))).toBe("pptx");
    expect(sniffFileKind(zipBytes([{ name: "data.txt", data: "x" }]))).toBe("zip");
    // An empty zip starts with its end record.
    expect(sniffFileKind(Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]))).toBe("zip");
  });

  it("needs the whole zip signature", () => {
    expect(sniffFileKind(Buffer.from("PK\u0003xl/workbook", "latin1"))).toBe("text");
    expect(sniffFileKind(Buffer.from("PK\u0005\u0005xl/workbook", "latin1"))).toBe("text");
    expect(sniffFileKind(Buffer.from("QK\u0003\u0004xl/workbook", "latin1"))).toBe("text");
  });

  it("tells an encrypted workbook from a legacy one, and needs the whole OLE signature", () => {
    expect(sniffFileKind(ole("EncryptedPackage"))).toBe("encrypted");
    expect(sniffFileKind(ole("Workbook"))).toBe("xls");
    const almost = ole("Workbook");
    almost[7] = 0xe0;
    expect(sniffFileKind(almost)).toBe("binary");
    // The stream name in ASCII is not the UTF-16 name a compound file holds.
    const ascii = Buffer.alloc(2048);
    Buffer.from(OLE).copy(ascii);
    Buffer.from("EncryptedPackage", "latin1").copy(ascii, 1024);
    expect(sniffFileKind(ascii)).toBe("xls");
  });

  it("knows PDF by its signature only", () => {
    expect(sniffFileKind(Buffer.from("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffFileKind(Buffer.from("%PDX-1.7\n"))).toBe("text");
    expect(sniffFileKind(Buffer.from(" %PDF-1.7\n"))).toBe("text");
  });

  it("knows HTML exported as .xls, in any case and after blank space or an XML declaration", () => {
    for (const head of ["<!DOCTYPE html><html>", "\r\n  <HTML>", "<table><tr><td>1</td></tr></table>", '<?xml version="1.0"?>\n<html>']) {
      expect(sniffFileKind(Buffer.from(head))).toBe("html");
    }
    expect(sniffFileKind(Buffer.from('<?xml version="1.0"?><Workbook>'))).toBe("text");
    expect(sniffFileKind(Buffer.from("一级指标,<html>"))).toBe("text");
    expect(sniffFileKind(Buffer.from(`${" ".repeat(1030)}<html>`))).toBe("text");
  });

  it("calls text with a zero byte in its first 8 KB binary, unless it is UTF-16 with a mark", () => {
    expect(sniffFileKind(Buffer.from("a,b\u0000c"))).toBe("binary");
    expect(sniffFileKind(Buffer.concat([Buffer.from("a".repeat(8191)), Buffer.from([0])]))).toBe("binary");
    expect(sniffFileKind(Buffer.concat([Buffer.from("a".repeat(8192)), Buffer.from([0])]))).toBe("text");
    expect(sniffFileKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b", "utf16le")]))).toBe("text");
    expect(sniffFileKind(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("a,b", "utf16le").swap16()]))).toBe("text");
    expect(sniffFileKind(Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from("a,b", "utf16le")]))).toBe("binary");
    expect(sniffFileKind(Buffer.concat([Buffer.from([0xfe, 0xfe]), Buffer.from("a,b", "utf16le")]))).toBe("binary");
    expect(sniffFileKind(Buffer.from("一级指标,二级指标\r\n"))).toBe("text");
  });

  it("reads a view into a larger buffer by its own bytes only", () => {
    const big = Buffer.concat([Buffer.from("%PDF"), Buffer.from("a,b,c")]);
    expect(sniffFileKind(big.subarray(4))).toBe("text");
    const zip = zipBytes([{ name: "xl/workbook.xml", data: "x" }]);
    const withTail = Buffer.concat([Buffer.from("xxxx"), zip]);
    expect(sniffFileKind(withTail.subarray(4))).toBe("xlsx");
    const nulBefore = Buffer.concat([Buffer.from([0]), Buffer.from("a,b")]);
    expect(sniffFileKind(nulBefore.subarray(1))).toBe("text");
  });
});
