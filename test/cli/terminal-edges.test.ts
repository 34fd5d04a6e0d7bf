// terminalText and the JSON escapes at their edges: every invisible character by name, every control range,
// the quote and line limits.
import type * as Terminal from "../../src/cli/terminal";

/**
 * A fresh copy of the module, loaded inside the test: its tables and patterns are built while the test runs, so
 * mutation testing's per-test coverage counts this test as covering them.
 */
function load(): typeof Terminal {
  let m: typeof Terminal | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    m = require("../../src/cli/terminal") as typeof Terminal;
  });
  return m as typeof Terminal;
}

describe("invisible characters", () => {
  // Written out here, not read from the table: the names are what the reviewer reads.
  const NAMES: Array<[string, string, string]> = [
    ["\u200b", "零宽空格", "zero-width space"],
    ["\u200c", "零宽不连字", "zero-width non-joiner"],
    ["\u200d", "零宽连字", "zero-width joiner"],
    ["\u2060", "字连接符", "word joiner"],
    ["\ufeff", "零宽不换行空格", "zero-width no-break space"],
    ["\u00ad", "软连字符", "soft hyphen"],
    ...["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"].map(
      (ch): [string, string, string] => [ch, "双向文字控制符", "bidirectional control"],
    ),
  ];

  it("removes each one and names it in either language", () => {
    const T = load();
    expect(Object.keys(T.INVISIBLE).sort()).toEqual(NAMES.map(([ch]) => ch).sort());
    for (const [ch, zh, en] of NAMES) {
      expect(T.terminalText(`a${ch}b`)).toEqual({ text: "ab", removed: [zh] });
      expect(T.terminalText(`a${ch}b`, "en")).toEqual({ text: "ab", removed: [en] });
    }
  });

  it("names each kind once, in order of first appearance", () => {
    const T = load();
    expect(T.terminalText("\u202ea\u200bb\u202ec\u200b").removed).toEqual(["双向文字控制符", "零宽空格"]);
    expect(T.terminalText("plain").removed).toEqual([]);
  });
});

describe("control characters and line breaks", () => {
  it("drops C0 but tab and line breaks, DEL and C1, and keeps the printable neighbours", () => {
    const T = load();
    const controls = [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f, 0x80, 0x9b, 0x9f].map((c) => String.fromCharCode(c));
    expect(T.terminalText(`a${controls.join("")}b`).text).toBe("ab");
    expect(T.terminalText("\u0020~\u00a0\u00a1").text).toBe(" ~\u00a0\u00a1");
  });

  it("turns each run of tabs and line breaks into one space", () => {
    const T = load();
    expect(T.terminalText("a\tb\nc\r\nd\u2028e\u2029f\u0085g\t\t\n h").text).toBe("a b c d e f g  h");
  });
});

describe("limits", () => {
  it("cuts quoted text longer than 80 characters, in each kind of quotes, and says how long it was", () => {
    const T = load();
    const at = "字".repeat(T.QUOTE_MAX);
    const over = "字".repeat(T.QUOTE_MAX + 1);
    expect(T.terminalText(`“${at}”`).text).toBe(`“${at}”`);
    expect(T.terminalText(`“${over}”`).text).toBe(`“${at}…（共 ${T.QUOTE_MAX + 1} 字）”`);
    expect(T.terminalText(`「${over}」`).text).toBe(`「${at}…（共 ${T.QUOTE_MAX + 1} 字）」`);
    expect(T.terminalText(`"${over}"`, "en").text).toBe(`"${at}… (${T.QUOTE_MAX + 1} characters)"`);
    expect(T.terminalText(`a “${over}” b “短”`).text).toBe(`a “${at}…（共 81 字）” b “短”`);
    expect(T.terminalText(`“${over}”`, "zh", false).text).toBe(`“${over}”`);
    expect(T.plainTerminalText(`“${over}”\u001b`)).toBe(`“${over}”`);
  });

  it("cuts a line beyond 2000 characters, whatever the quotes", () => {
    const T = load();
    expect(T.terminalText("a".repeat(T.LINE_MAX)).text).toBe("a".repeat(T.LINE_MAX));
    expect(T.terminalText("a".repeat(T.LINE_MAX + 1)).text).toBe(`${"a".repeat(T.LINE_MAX)}…`);
    expect(T.plainTerminalText("b".repeat(T.LINE_MAX + 5))).toBe(`${"b".repeat(T.LINE_MAX)}…`);
  });
});

describe("T.escapeJsonForTerminal", () => {
  it("escapes DEL, C1, bidi controls and line separators, four hex digits each, and nothing else", () => {
    const T = load();
    const escaped = ["\u007f", "\u0085", "\u009f", "\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029"];
    for (const ch of escaped) {
      expect(T.escapeJsonForTerminal(`"${ch}"`)).toBe(`"\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}"`);
    }
    expect(T.escapeJsonForTerminal('"\u007e\u00a0\u200b\u202f\u2065 指标"')).toBe('"\u007e\u00a0\u200b\u202f\u2065 指标"');
  });
});
