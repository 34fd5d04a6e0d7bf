// The text helpers the rules share: exact keys, terms, excerpts and name guesses.
import { countShared, excerpt, halfWidth, likelyName, meaningfulTerms, sameTextKey, visitTerms } from "../../../src/domain/rules/terms";

describe("halfWidth and sameTextKey", () => {
  test("full-width letters, digits and the ideographic space become half-width; other text is returned as is", () => {
    expect(halfWidth("ＡＢ１２　％")).toBe("AB12 %");
    expect(halfWidth("培训人次 95%")).toBe("培训人次 95%");
  });

  test("the key drops every kind of space and lower-cases ASCII", () => {
    expect(sameTextKey(" 培训\u00a0人次\u3000ＡＢ c ")).toBe("培训人次abc");
    expect(sameTextKey("Ａ\n\tB")).toBe("ab");
  });
});

describe("meaningfulTerms and visitTerms", () => {
  test("bigrams of each Chinese run, ASCII words of two or more letters, no numbers or single letters", () => {
    expect([...meaningfulTerms("培训人次 GDP x 95 ab1")].sort()).toEqual(["ab1", "gdp", "人次", "培训", "训人"].sort());
    expect([...meaningfulTerms("ＧＤＰ增长")].sort()).toEqual(["gdp", "增长"].sort());
  });

  test("filler words neither match nor bridge, the longest filler first", () => {
    expect([...meaningfulTerms("培训考核人次")].sort()).toEqual(["人次", "培训"].sort());
    expect(meaningfulTerms("考核").size).toBe(0);
    expect(meaningfulTerms("单").size).toBe(0);
  });

  test("visitTerms visits repeats in order, stops when asked, and says whether there was any term", () => {
    const seen: string[] = [];
    expect(visitTerms("人次人次 ab", (t) => (seen.push(t), false))).toBe(true);
    expect(seen).toEqual(["人次", "次人", "人次", "ab"]);
    const firstTwo: string[] = [];
    expect(visitTerms("甲乙丙丁", (t) => (firstTwo.push(t), firstTwo.length === 2))).toBe(true);
    expect(firstTwo).toEqual(["甲乙", "乙丙"]);
    const word: string[] = [];
    expect(visitTerms("ab cd", (t) => (word.push(t), true))).toBe(true);
    expect(word).toEqual(["ab"]);
    expect(visitTerms("ab", () => false)).toBe(true);
    expect(visitTerms("考核 1 x。", () => false)).toBe(false);
  });
});

describe("countShared", () => {
  test("counts the common terms whichever set is larger", () => {
    const a = new Set(["甲乙", "乙丙", "丙丁"]);
    const b = new Set(["乙丙", "戊己"]);
    expect(countShared(a, b)).toBe(1);
    expect(countShared(b, a)).toBe(1);
    expect(countShared(a, a)).toBe(3);
    expect(countShared(new Set(), a)).toBe(0);
  });
});

describe("excerpt", () => {
  test("keeps text up to the limit, cuts beyond it with an ellipsis, collapses spaces", () => {
    expect(excerpt("一二三", 3)).toBe("一二三");
    expect(excerpt("一二三四", 3)).toBe("一二三…");
    expect(excerpt("  一 \n 二  ", 3)).toBe("一 二");
    expect(excerpt("a".repeat(24))).toBe("a".repeat(24));
    expect(excerpt("a".repeat(25))).toBe(`${"a".repeat(24)}…`);
    // Characters outside the BMP count as one.
    expect(excerpt("𠀀𠀁𠀂", 2)).toBe("𠀀𠀁…");
  });
});

describe("likelyName", () => {
  const names = ["成本指标", "产出指标", "效益指标", "满意度指标"];
  test("the only name containing the typed text, or whose core the typed text contains", () => {
    expect(likelyName("成本", names)).toBe("成本指标");
    expect(likelyName("产出类指标", names)).toBe("产出指标");
    expect(likelyName(" 满意度 ", names)).toBe("满意度指标");
  });
  test("null when empty, when none fits or when several do", () => {
    expect(likelyName("  ", names)).toBeNull();
    expect(likelyName("社会", names)).toBeNull();
    expect(likelyName("指标", names)).toBeNull();
  });
});
