// 文本报告写到审核人员的终端：单元格里的控制字符（ESC 序列）、双向文字控制符不能原样输出，
// 零宽字符要指出来（它们让看起来相同的文字被当作不同），引号里的长文字截短。

/** Quoted cell texts longer than this are cut (the JSON output keeps them whole). */
export const QUOTE_MAX = 80;
/** No report line is longer than this, whatever the cell held. */
export const LINE_MAX = 2000;

/** Characters a terminal would act on: C0 (but tab and line breaks, made spaces), DEL, C1. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\t\n\r\u2028\u2029\u0085]+/g;

/** Invisible characters, each with its name for the note, Chinese then English. */
export const INVISIBLE: Readonly<Record<string, readonly [string, string]>> = {
  "\u200b": ["零宽空格", "zero-width space"],
  "\u200c": ["零宽不连字", "zero-width non-joiner"],
  "\u200d": ["零宽连字", "zero-width joiner"],
  "\u2060": ["字连接符", "word joiner"],
  "\ufeff": ["零宽不换行空格", "zero-width no-break space"],
  "\u00ad": ["软连字符", "soft hyphen"],
  "\u061c": ["双向文字控制符", "bidirectional control"],
  "\u200e": ["双向文字控制符", "bidirectional control"],
  "\u200f": ["双向文字控制符", "bidirectional control"],
  "\u202a": ["双向文字控制符", "bidirectional control"],
  "\u202b": ["双向文字控制符", "bidirectional control"],
  "\u202c": ["双向文字控制符", "bidirectional control"],
  "\u202d": ["双向文字控制符", "bidirectional control"],
  "\u202e": ["双向文字控制符", "bidirectional control"],
  "\u2066": ["双向文字控制符", "bidirectional control"],
  "\u2067": ["双向文字控制符", "bidirectional control"],
  "\u2068": ["双向文字控制符", "bidirectional control"],
  "\u2069": ["双向文字控制符", "bidirectional control"],
};
const INVISIBLE_RE = new RegExp(`[${Object.keys(INVISIBLE).join("")}]`, "g");

export interface SafeText {
  text: string;
  /** Names of the invisible characters removed (in `language`), each once, in order of first appearance. */
  removed: string[];
}

function cutQuoted(text: string, language: "zh" | "en"): string {
  const more = (n: number) => (language === "en" ? `… (${n} characters)` : `…（共 ${n} 字）`);
  const cut = (open: string, body: string, close: string) =>
    body.length > QUOTE_MAX ? `${open}${body.slice(0, QUOTE_MAX)}${more(body.length)}${close}` : `${open}${body}${close}`;
  return text
    .replace(/(“)([^”]*)(”)/g, (_, o: string, b: string, c: string) => cut(o, b, c))
    .replace(/(「)([^」]*)(」)/g, (_, o: string, b: string, c: string) => cut(o, b, c))
    .replace(/(")([^"]*)(")/g, (_, o: string, b: string, c: string) => cut(o, b, c));
}

/** One line of report text, safe for a terminal: no control characters, invisible ones removed and named. */
export function terminalText(text: string, language: "zh" | "en" = "zh", cutQuotes = true): SafeText {
  const removed: string[] = [];
  let out = text.replace(LINE_BREAKS, " ").replace(CONTROL, "");
  out = out.replace(INVISIBLE_RE, (ch) => {
    const name = (INVISIBLE[ch] as readonly [string, string])[language === "en" ? 1 : 0];
    if (!removed.includes(name)) removed.push(name);
    return "";
  });
  if (cutQuotes) out = cutQuoted(out, language);
  if (out.length > LINE_MAX) out = `${out.slice(0, LINE_MAX)}…`;
  return { text: out, removed };
}

/** Terminal-safe text where no note fits (file names, stderr lines); paths in quotes stay whole. */
export function plainTerminalText(text: string): string {
  return terminalText(text, "zh", false).text;
}

/** JSON keeps every character, but C1 controls and bidi controls are written as \u escapes (terminals act on them raw). */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
