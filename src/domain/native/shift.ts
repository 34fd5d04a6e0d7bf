// 公式里相对行号的平移：条件格式公式锚在指标区第一行，换到第 n 行时相对引用跟着移动（与 Excel 复制公式相同）。

const REF_RE = /(\$?)([A-Z]{1,3})(\$?)(\d+)/y;
const NAME_CHAR_RE = /[A-Za-z0-9_.\u00c0-\uffff]/;

/**
 * The formula as it reads `delta` rows lower: every A1 reference's relative row moves, absolute ($) rows and
 * all columns stay. Text in double quotes and quoted sheet names are left alone.
 */
export function shiftRows(formula: string, delta: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i > 0 ? (formula[i - 1] ?? "") : "";
    REF_RE.lastIndex = i;
    const m = NAME_CHAR_RE.test(before) ? null : REF_RE.exec(formula);
    const after = m ? (formula[i + m[0].length] ?? "") : "";
    if (m && !NAME_CHAR_RE.test(after) && after !== "(" && after !== "!") {
      const row = Number(m[4]);
      const moved = m[3] === "$" ? row : row + delta;
      if (moved < 1) throw new Error(`shifting ${m[0]} by ${delta} leaves the sheet`);
      out += `${m[1]}${m[2]}${m[3]}${moved}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
