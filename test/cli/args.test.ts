import { parseCommandLine, type Command } from "../../src/cli/args";

function ok(argv: string[]): Command {
  const r = parseCommandLine(argv);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function err(argv: string[]): string {
  const r = parseCommandLine(argv);
  if (r.ok) throw new Error(`accepted: ${argv.join(" ")}`);
  return r.message;
}

describe("parseCommandLine", () => {
  it("reads check with inputs, format and total (expected total default 90)", () => {
    expect(ok(["check", "a.xlsx", "b/", "--format", "json"])).toEqual({
      command: "check",
      inputs: ["a.xlsx", "b/"],
      format: "json",
      settings: { expectedTotal: 90, language: "zh" },
    });
    expect(ok(["check", "--total=100", "a.csv"])).toMatchObject({ format: "text", settings: { expectedTotal: 100 } });
    expect(ok(["check", "a.csv", "-f", "JSON"])).toMatchObject({ format: "json" });
  });

  it("reads --lang zh|en for the findings' language (default zh), and refuses anything else", () => {
    expect(ok(["check", "a.csv", "--lang", "en"])).toMatchObject({ settings: { expectedTotal: 90, language: "en" } });
    expect(ok(["check", "a.csv", "--lang=EN", "--total", "100"])).toMatchObject({ settings: { expectedTotal: 100, language: "en" } });
    expect(ok(["check", "a.csv", "--lang", "zh"])).toMatchObject({ settings: { language: "zh" } });
    expect(err(["check", "a.csv", "--lang", "fr"])).toMatch(/--lang 只能是 zh（中文，默认）或 en（英文）.*fr/);
    expect(err(["check", "a.csv", "--lang", ""])).toMatch(/--lang/);
    expect(err(["check", "a.csv", "--lang"])).toMatch(/--lang 后面缺少取值/);
  });

  it("rejects bad check arguments with Chinese messages naming the problem", () => {
    expect(err(["check"])).toMatch(/请指定要检查的文件/);
    expect(err(["check", "a.csv", "--format", "xml"])).toMatch(/--format 只能是 text 或 json.*xml/);
    expect(err(["check", "a.csv", "--total", "abc"])).toMatch(/--total.*abc/);
    expect(err(["check", "a.csv", "--total", "0"])).toMatch(/--total/);
    expect(err(["check", "a.csv", "--total", "5000"])).toMatch(/--total/);
    expect(err(["check", "a.csv", "--colour"])).toMatch(/不认识选项“--colour”/);
    expect(err(["check", "a.csv", "--format"])).toMatch(/--format 后面缺少取值/);
  });

  it("reads template options; the year stays open for the default fiscal year", () => {
    expect(ok(["template", "-o", "t.xlsx"])).toEqual({ command: "template", year: null, deptName: null, output: "t.xlsx", force: false });
    expect(ok(["template", "--year", "2027", "--dept", " 县人社局 ", "--output", "x/T.XLSX", "--force"])).toEqual({
      command: "template",
      year: 2027,
      deptName: "县人社局",
      output: "x/T.XLSX",
      force: true,
    });
  });

  it("rejects bad template arguments", () => {
    expect(err(["template"])).toMatch(/请用 -o 指定输出文件/);
    expect(err(["template", "-o", "t.xls"])).toMatch(/扩展名应为 \.xlsx/);
    expect(err(["template", "-o", "t.xlsx", "--year", "27"])).toMatch(/--year 应为四位年度/);
    expect(err(["template", "-o", "t.xlsx", "--year", "1999"])).toMatch(/--year/);
    expect(err(["template", "-o", "t.xlsx", "--dept", "  "])).toMatch(/--dept/);
    expect(err(["template", "-o", "t.xlsx", "extra"])).toMatch(/不需要参数“extra”/);
  });

  it("knows help, version and unknown commands", () => {
    expect(ok(["--help"])).toEqual({ command: "help", topic: "main" });
    expect(ok(["help"])).toEqual({ command: "help", topic: "main" });
    expect(ok(["help", "template"])).toEqual({ command: "help", topic: "template" });
    expect(ok(["check", "--help"])).toEqual({ command: "help", topic: "check" });
    expect(ok(["--version"])).toEqual({ command: "version" });
    expect(err([])).toMatch(/缺少命令/);
    expect(err(["chek", "a.csv"])).toMatch(/未知命令“chek”/);
    expect(err(["help", "nothing"])).toMatch(/没有“nothing”的说明/);
  });
});
