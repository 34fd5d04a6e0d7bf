import fc from "fast-check";
import { a1, cellText, columnIndex, columnLetter, isPercentFormat, parseA1, percentText, shownValue } from "../../src/domain/grid";
import { parseNumber } from "../../src/domain/text";

describe("cellText", () => {
  it("shows numbers as a cell does: no float noise, no exponent", () => {
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(1e-7)).toBe("0.0000001");
    expect(cellText(1e21)).toBe("1000000000000000000000");
    expect(cellText(156.91)).toBe("156.91");
    expect(cellText("  成本\u3000指标 ")).toBe("成本 指标");
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("TRUE");
  });

  it("gives every finite numeric cell a text that parses back as a number", () => {
    fc.assert(
      fc.property(fc.double({ min: -9.99e307, max: 9.99e307, noNaN: true }) /* Excel's number range */, (n) => {
        const back = parseNumber(cellText(n));
        expect(back).not.toBeNull();
        expect(back).toBeCloseTo(Number(n.toPrecision(15)), 5);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe("A1 addresses", () => {
  it("round-trips rows and columns", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
    expect(columnLetter(26)).toBe("AA");
    expect(a1(6, 1)).toBe("B7");
    expect(parseA1("$AB$12")).toEqual({ row: 11, col: 27 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
        expect(columnIndex(columnLetter(col))).toBe(col);
      }),
    );
  });
});

describe("percentText: a number in a percent format as the user sees it", () => {
  it("multiplies by 100 and keeps the format's decimals", () => {
    expect(percentText(0.95, "0%")).toBe("95%");
    expect(percentText(0.125, "0.0%")).toBe("12.5%");
    expect(percentText(0.95, "0.00%")).toBe("95.00%");
    expect(percentText(0.955, "0%")).toBe("96%");
    expect(percentText(1, "0%")).toBe("100%");
    expect(percentText(0, "0.0%")).toBe("0.0%");
    expect(percentText(12.3456, "#,##0.00%")).toBe("1,234.56%");
  });

  it("rounds half up on the 15 digits a cell shows, where toFixed would round down", () => {
    expect((1.005).toFixed(2)).toBe("1.00"); // the binary value is a hair below 1.005
    expect(percentText(0.01005, "0.00%")).toBe("1.01%");
    expect(percentText(0.1 + 0.2, "0%")).toBe("30%");
    expect(percentText(0.999996, "0.00%")).toBe("100.00%");
  });

  it("drops optional decimals (#), pads with spaces (?), leaves out a leading zero the format does not ask for", () => {
    expect(percentText(0.955, "0.0#%")).toBe("95.5%");
    expect(percentText(0.95, "0.0#%")).toBe("95.0%");
    expect(percentText(0.9512, "0.0#%")).toBe("95.12%");
    expect(percentText(0.005, "#.0%")).toBe(".5%");
    expect(percentText(0.005, "?0.0?%")).toBe(" 0.5 %");
  });

  it("shows the format's literal text and the negative and zero sections", () => {
    expect(percentText(0.95, '0%"以上"')).toBe("95%以上");
    expect(percentText(0.95, "[$-804]0%")).toBe("95%");
    expect(percentText(0.95, "[Red]0.00%_)")).toBe("95.00%");
    expect(percentText(-0.05, "0%")).toBe("-5%");
    expect(percentText(-0.05, "0%;[Red]-0%")).toBe("-5%");
    expect(percentText(-0.05, "0.0%;(0.0%)")).toBe("(5.0%)");
    expect(percentText(0, "0%;-0%;0.0%")).toBe("0.0%");
    expect(percentText(0, "0%;;")).toBe("0%"); // an empty zero section falls back to the first
  });

  it("says null for formats that are not percent formats", () => {
    for (const f of ["General", "0", "0.00", "#,##0", "@", '0.0"%"', "0.0\\%", "0.0_%", "0.0*%", "0.00E+00%", "# ?/?%", "yyyy%", "[>1]0%;0%", "0%;-0", "0;0%", "0%;-0%;\"-\"", ""]) {
      expect({ f, text: percentText(0.95, f), percent: isPercentFormat(f) }).toEqual({ f, text: null, percent: false });
    }
    expect(percentText(0.95, null)).toBeNull();
    expect(percentText(0.95, undefined)).toBeNull();
    expect(percentText(Number.NaN, "0%")).toBeNull();
  });

  it("always gives a text with a % that is not a plain number, for any number in any percent format", () => {
    const formats = ["0%", "0.0%", "0.00%", "#,##0.00%", "0%;[Red]-0%", "0.0%;(0.0%)", '0%"以上"', "#%", "0.0#%", "[$¥-804]0%", "0%;;0.0%"];
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(...formats), (n, f) => {
        expect(isPercentFormat(f)).toBe(true);
        const text = percentText(n, f);
        expect(text).toContain("%");
        expect(parseNumber(text ?? "")).toBeNull();
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe("shownValue", () => {
  it("turns only numbers in a percent format into text", () => {
    expect(shownValue(0.95, "0%")).toBe("95%");
    expect(shownValue(0.95, "0.00")).toBe(0.95);
    expect(shownValue(0.95, undefined)).toBe(0.95);
    expect(shownValue("95", "0%")).toBe("95"); // text in a percent-formatted cell stays as typed
    expect(shownValue(true, "0%")).toBe(true);
    expect(shownValue(null, "0%")).toBeNull();
  });
});
