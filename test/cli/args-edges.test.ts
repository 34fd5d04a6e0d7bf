// parseCommandLine at its edges: exact messages, bounds, short options, values that look like options.
import { parseCommandLine, type Command } from "../../src/cli/args";
import { ARG_ERRORS } from "../../src/cli/messages";
import { SELFEVAL_MESSAGES } from "../../src/cli/selfeval-messages";

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

describe("check arguments", () => {
  it("defaults to text, Chinese and 90, and keeps every input in order", () => {
    expect(ok(["check", "b.csv", "a.xlsx", "c/"])).toEqual({
      command: "check",
      inputs: ["b.csv", "a.xlsx", "c/"],
      format: "text",
      settings: { expectedTotal: 90, language: "zh" },
    });
  });

  it("reads --format in any case and --lang with spaces, and names the value it refuses as given", () => {
    expect(ok(["check", "a.csv", "--format", "Text"])).toMatchObject({ format: "text" });
    expect(ok(["check", "a.csv", "--lang", " En "])).toMatchObject({ settings: { language: "en" } });
    expect(err(["check", "a.csv", "--format", "XML"])).toBe(ARG_ERRORS.format("XML"));
    expect(err(["check", "a.csv", "--lang", " FR "])).toBe(ARG_ERRORS.lang(" FR "));
  });

  it("takes --total from 1 to 1000 and refuses blanks, words and anything outside, naming the value", () => {
    expect(ok(["check", "a.csv", "--total", "1"])).toMatchObject({ settings: { expectedTotal: 1 } });
    expect(ok(["check", "a.csv", "--total", "1000"])).toMatchObject({ settings: { expectedTotal: 1000 } });
    expect(ok(["check", "a.csv", "--total", " 100 "])).toMatchObject({ settings: { expectedTotal: 100 } });
    for (const bad of ["0", "1001", "", "  ", "abc", "-5"]) expect(err(["check", "a.csv", "--total", bad])).toBe(ARG_ERRORS.total(bad));
  });

  it("reads a negative value after a short option as that option's value", () => {
    expect(err(["check", "a.csv", "-f", "-1"])).toBe(ARG_ERRORS.format("-1"));
    expect(err(["check", "a.csv", "--total", "-5", "--format", "json"])).toBe(ARG_ERRORS.total("-5"));
    // Only right after an option that takes a value: elsewhere it is an unknown option, or after "--" an input.
    expect(err(["check", "a.csv", "-5"])).toBe(ARG_ERRORS.unknownOption("-5", "check"));
    expect(ok(["check", "--format", "json", "--", "-5.csv"])).toMatchObject({ format: "json", inputs: ["-5.csv"] });
  });

  it("translates util.parseArgs' errors into Chinese, naming the option and the command", () => {
    expect(err(["check", "a.csv", "--colour=red"])).toBe(ARG_ERRORS.unknownOption("--colour", "check"));
    expect(err(["check", "a.csv", "-x"])).toBe(ARG_ERRORS.unknownOption("-x", "check"));
    expect(err(["check", "a.csv", "--total"])).toBe(ARG_ERRORS.missingValue("--total"));
    expect(err(["check", "a.csv", "-f"])).toBe(ARG_ERRORS.missingValue("--format"));
    expect(err(["template", "-o", "t.xlsx", "x.csv"])).toBe(ARG_ERRORS.unexpectedArgument("x.csv", "template"));
    expect(err(["template", "--colour"])).toBe(ARG_ERRORS.unknownOption("--colour", "template"));
  });

  it("answers -h and --help with the command's help, whatever else is given", () => {
    expect(ok(["check", "-h"])).toEqual({ command: "help", topic: "check" });
    expect(ok(["check", "a.csv", "--format", "xml", "--help"])).toEqual({ command: "help", topic: "check" });
    expect(ok(["template", "--help"])).toEqual({ command: "help", topic: "template" });
    expect(ok(["template", "-h", "--year", "1"])).toEqual({ command: "help", topic: "template" });
  });

  it("asks for inputs when only options are given", () => {
    expect(err(["check", "--format", "json"])).toBe(ARG_ERRORS.noInputs);
  });
});

describe("template arguments", () => {
  const base = ["template", "-o", "t.xlsx"];

  it("takes years 2000 to 2100 written with four digits, spaces around allowed", () => {
    expect(ok([...base, "--year", "2000"])).toMatchObject({ year: 2000 });
    expect(ok([...base, "--year", "2100"])).toMatchObject({ year: 2100 });
    expect(ok([...base, "--year", " 2027 "])).toMatchObject({ year: 2027 });
    for (const bad of ["1999", "2101", "02027", "20270", "2027年", "二〇二七", "2027.0"]) {
      expect(err([...base, "--year", bad])).toBe(ARG_ERRORS.year(bad));
    }
  });

  it("takes a unit name of 1 to 100 characters, trimmed", () => {
    expect(ok([...base, "--dept", "局"])).toMatchObject({ deptName: "局" });
    expect(ok([...base, "--dept", "局".repeat(100)])).toMatchObject({ deptName: "局".repeat(100) });
    expect(err([...base, "--dept", "局".repeat(101)])).toBe(ARG_ERRORS.dept);
    expect(err([...base, "--dept", ""])).toBe(ARG_ERRORS.dept);
  });

  it("wants an output ending in .xlsx, in any case, and says which name it refuses", () => {
    expect(ok(["template", "--output", "表.Xlsx"])).toMatchObject({ output: "表.Xlsx", force: false });
    expect(ok(["template", "-o", "t.xlsx", "--force"])).toMatchObject({ force: true });
    expect(err(["template", "-o", "t.xlsx.bak"])).toBe(ARG_ERRORS.outputExtension("t.xlsx.bak"));
    expect(err(["template", "-o", "xlsx"])).toBe(ARG_ERRORS.outputExtension("xlsx"));
    expect(err(["template", "-o", "  "])).toBe(ARG_ERRORS.noOutput);
    expect(err(["template", "--year", "2027"])).toBe(ARG_ERRORS.noOutput);
  });
});

describe("selfeval arguments", () => {
  it("reads one input, an .xlsx output and --force", () => {
    expect(ok(["selfeval", "目标.csv", "-o", "自评.XLSX"])).toEqual({ command: "selfeval", input: "目标.csv", output: "自评.XLSX", force: false });
    expect(ok(["selfeval", "目标.xlsx", "--output", "自评.xlsx", "--force"])).toEqual({ command: "selfeval", input: "目标.xlsx", output: "自评.xlsx", force: true });
    expect(ok(["selfeval", "-h"])).toEqual({ command: "help", topic: "selfeval" });
  });

  it("says exactly what is wrong", () => {
    expect(err(["selfeval", "-o", "x.xlsx"])).toBe(SELFEVAL_MESSAGES.noInput);
    expect(err(["selfeval", "a.csv", "b.csv", "-o", "x.xlsx"])).toBe(SELFEVAL_MESSAGES.tooManyInputs);
    expect(err(["selfeval", "a.csv"])).toBe(SELFEVAL_MESSAGES.noOutput);
    expect(err(["selfeval", "a.csv", "-o", " "])).toBe(SELFEVAL_MESSAGES.noOutput);
    expect(err(["selfeval", "a.csv", "-o", "x.xlsx.csv"])).toBe(SELFEVAL_MESSAGES.outputExtension("x.xlsx.csv"));
    expect(err(["selfeval", "a.xlsx", "-o", "./a.xlsx"])).toBe(SELFEVAL_MESSAGES.sameFile);
    expect(err(["selfeval", "a.csv", "--colour"])).toBe(SELFEVAL_MESSAGES.usage);
  });
});

describe("commands", () => {
  it("knows every help form and version form", () => {
    expect(ok(["-h"])).toEqual({ command: "help", topic: "main" });
    expect(ok(["help", "check"])).toEqual({ command: "help", topic: "check" });
    expect(ok(["--help", "selfeval"])).toEqual({ command: "help", topic: "selfeval" });
    expect(ok(["-h", "template"])).toEqual({ command: "help", topic: "template" });
    expect(ok(["-v"])).toEqual({ command: "version" });
    expect(ok(["--version", "extra"])).toEqual({ command: "version" });
  });

  it("names the unknown command or help topic", () => {
    expect(err([])).toBe(ARG_ERRORS.noCommand);
    expect(err(["Check"])).toBe(ARG_ERRORS.unknownCommand("Check"));
    expect(err(["help", "main"])).toBe(ARG_ERRORS.helpTopic("main"));
  });
});
