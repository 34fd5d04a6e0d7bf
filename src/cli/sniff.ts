// 按文件内容（而不是扩展名）判断是什么文件，好给出准确的中文提示。

export type FileKind =
  | "empty"
  | "xlsx" // zip holding xl/workbook.xml
  | "xlsb" // zip holding xl/workbook.bin: Excel's binary workbook
  | "ods" // OpenDocument spreadsheet (LibreOffice, WPS can save it)
  | "docx"
  | "pptx"
  | "zip" // some other zip, or a damaged workbook
  | "encrypted" // OLE compound file holding an EncryptedPackage: a password-protected .xlsx
  | "xls" // OLE compound file: legacy binary workbook (or .doc/.et)
  | "pdf"
  | "html" // web systems export HTML tables named .xls
  | "binary"
  | "text";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function includesAscii(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(s, 0, "latin1");
}

function includesUtf16(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(s, "utf16le"));
}

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored in plain ASCII in the zip's headers.
    if (includesAscii(bytes, "application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (includesAscii(bytes, "xl/workbook.bin")) return "xlsb";
    if (includesAscii(bytes, "xl/workbook")) return "xlsx";
    if (includesAscii(bytes, "word/document")) return "docx";
    if (includesAscii(bytes, "ppt/presentation")) return "pptx";
    return "zip";
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return includesUtf16(bytes, "EncryptedPackage") ? "encrypted" : "xls";
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString("latin1")
    .trimStart()
    .toLowerCase();
  if (/^(<!doctype html|<html|<table|<\?xml[^>]*>\s*<html)/.test(head)) return "html";
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return "binary";
  return "text";
}
