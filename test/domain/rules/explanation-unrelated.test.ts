// isUnrelated: the one-pass form of explanation-unrelated's test, on a name's and a level-2's terms.
import { isUnrelated } from "../../../src/domain/rules/explanation-unrelated";
import { meaningfulTerms } from "../../../src/domain/rules/terms";

const name = meaningfulTerms("培训合格率");
const level2 = meaningfulTerms("质量指标");
const none = new Set<string>();

describe("isUnrelated", () => {
  test("an explanation sharing no term with the name or the level-2 is unrelated", () => {
    expect(isUnrelated(name, level2, "道路硬化里程")).toBe(true);
    expect(isUnrelated(name, none, "道路硬化里程")).toBe(true);
    expect(isUnrelated(none, level2, "道路硬化里程")).toBe(true);
  });

  test("one shared term with the name or with the level-2 is enough, wherever it stands", () => {
    expect(isUnrelated(name, level2, "参训人员考试合格的比例")).toBe(false);
    expect(isUnrelated(name, level2, "道路硬化里程的质量")).toBe(false);
    expect(isUnrelated(name, level2, "合格人数占比，道路硬化里程")).toBe(false);
    expect(isUnrelated(none, level2, "反映质量")).toBe(false);
  });

  test("no judgement when either side has no terms", () => {
    expect(isUnrelated(none, none, "道路硬化里程")).toBe(false);
    expect(isUnrelated(name, level2, "考核情况。100%")).toBe(false);
    expect(isUnrelated(name, level2, "")).toBe(false);
  });
});
