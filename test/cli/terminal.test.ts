import { writeFileSync } from "fs";
import { join } from "path";
import { escapeJsonForTerminal, QUOTE_MAX, terminalText } from "../../src/cli/terminal";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { parseJsonFindings, runCli, tempDir, toCsv } from "./support";

// The first run loads the whole checker (in mutation runs, into this process, on a busy machine).
jest.setTimeout(60_000);

describe("terminalText", () => {
  it("strips escape sequences and other controls, and turns line breaks into spaces", () => {
    expect(terminalText("a\u001b[31mred\u001b]0;title\u0007\u009b2J b\r\nc\td").text).toBe("a[31mred]0;title2J b c d");
  });

  it("removes bidirectional and zero-width characters and names them once each", () => {
    const r = terminalText("“数量\u200b指标\u200b” “\u202egnp.exe”");
    expect(r.text).toBe("“数量指标” “gnp.exe”");
    expect(r.removed).toEqual(["零宽空格", "双向文字控制符"]);
    expect(terminalText("\u200d", "en").removed).toEqual(["zero-width joiner"]);
  });

  it("cuts a long quoted text and says how long it was", () => {
    const long = "长".repeat(1_000_000);
    const r = terminalText(`指标名称“${long}”重复`);
    expect(r.text).toBe(`指标名称“${"长".repeat(QUOTE_MAX)}…（共 1000000 字）”重复`);
  });

  it("writes C1 and bidi controls in JSON as escapes, keeping the data", () => {
    const json = escapeJsonForTerminal(JSON.stringify({ m: "a\u009bb\u202ec" }));
    expect(json).toBe('{"m":"a\\u009bb\\u202ec"}');
    expect(JSON.parse(json)).toEqual({ m: "a\u009bb\u202ec" });
  });
});

describe("jixiao check text report is safe for the reviewer's terminal", () => {
  it("never echoes a cell's escape sequences, names zero-width characters, and cuts a million-character name", async () => {
    const dir = tempDir();
    const rows = GOOD_ROWS.map((r) => ({ ...r }));
    const huge = `${"很长的指标".repeat(200_000)}`;
    rows[0] = { ...rows[0], level3: `\u001b]0;pwned\u0007\u001b[2J${huge}` };
    rows[1] = { ...rows[1], level3: huge };
    rows[2] = { ...rows[2], level2: "质量\u200b指标" };
    writeFileSync(join(dir, "evil.csv"), toCsv(formGrid(rows)));
    const r = await runCli(["check", "evil.csv"], dir);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).not.toContain("\u200b");
    expect(r.stdout).toContain("零宽空格");
    expect(Math.max(...r.stdout.split("\n").map((l) => l.length))).toBeLessThan(2100);
    expect(r.stdout.length).toBeLessThan(50_000);
    // The JSON keeps the data: a script can still see exactly what the cell held.
    const json = await runCli(["check", "evil.csv", "--format", "json"], dir);
    expect(parseJsonFindings(json.stdout).some((f) => f.message.includes("\u200b"))).toBe(true);
  }, 60_000);
});
