// Comparing conditional-format formulas as Excel gives them back with the ones this add-in wrote.
//
// Excel does not keep a rule's formula as the string it was given: it parses it and writes it out again when
// asked (the text it returns is recomputed, relative to the format's top-left cell: OfficeDev/office-js #5194).
// What comes back may differ from what was written in the spelling of function and defined names (Excel's
// own case), in spaces between tokens, in the leading "=" and, in builds with dynamic arrays, in prefixes such
// as "_xlfn." and the implicit-intersection "@". None of that changes what the formula means, so the marks and
// the native-rule detection compare formulas through formulaKey.

/**
 * The formula with what Excel may change without changing its meaning taken out: the leading "=", spaces and
 * line breaks outside string literals, "_xlfn."/"_xlws." prefixes and "@" before a name or function, and letter
 * case outside string literals (function, cell and defined names are case-insensitive in Excel). Text inside
 * double quotes, and sheet names in single quotes, are kept exactly.
 */
export function formulaKey(formula: string): string {
  let out = "";
  let i = 0;
  const f = formula.trim();
  if (f.startsWith("=")) i = 1;
  while (i < f.length) {
    const ch = f[i] as string;
    if (ch === '"' || ch === "'") {
      // A quoted run: a doubled quote is an escaped quote inside it.
      let j = i + 1;
      // Stryker disable next-line EqualityOperator: at j = length f[j] is undefined and the run ends the same
      while (j < f.length) {
        if (f[j] === ch) {
          // Stryker disable next-line ConditionalExpression: a doubled quote read as two runs copies the same text
          if (f[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = f.slice(i, i + 6).toLowerCase();
    if (rest === "_xlfn." || rest === "_xlws.") {
      i += 6;
      continue;
    }
    if (ch === "@" && /[A-Za-z_\\\u00c0-\uffff]/.test(f[i + 1] ?? "")) {
      i++;
      continue;
    }
    out += ch.toUpperCase();
    i++;
  }
  return out;
}

/** Whether two formulas are the same for Excel, as far as formulaKey can tell. */
export function sameFormula(a: string, b: string): boolean {
  return formulaKey(a) === formulaKey(b);
}

/** Whether `formulas` (as read from Excel, or as written) holds `formula`, compared by formulaKey. */
export function hasFormula(formulas: Iterable<string>, formula: string): boolean {
  const key = formulaKey(formula);
  for (const f of formulas) if (formulaKey(f) === key) return true;
  return false;
}
