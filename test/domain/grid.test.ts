import fc from "fast-check";
import { a1, cellText, columnIndex, columnLetter, parseA1 } from "../../src/domain/grid";
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
