// The pure tests behind phone-invalid and level3-contains-value, case by case.
import { isPhoneNumber } from "../../../src/domain/rules/phone-invalid";
import { valueInName } from "../../../src/domain/rules/level3-contains-value";

describe("isPhoneNumber", () => {
  test.each([
    "13812345678",
    "+8613812345678",
    "86 138 1234 5678",
    "138-1234-5678",
    "０７４５－６２２１２３４",
    "0745-6221234",
    "07456221234",
    "(0745)6221234",
    "（0745） 6221234",
    "0745 6221234",
    "020-88881234",
    "0745-6221234转801",
    "0745-6221234-801",
    "0745-6221234ext.801",
    "0745-6221234#8",
    "0745-6221234 / 13812345678",
    "0745-6221234、13812345678",
    "0745-6221234 13812345678",
    " 13812345678 ",
  ])("%s is a phone number", (text) => {
    expect(isPhoneNumber(text)).toBe(true);
  });

  test.each([
    "",
    " / ",
    "6221234",
    "12812345678",
    "1381234567",
    "138123456789",
    "0745-0221234",
    "0745-622123",
    "0745-622123456",
    "07-6221234",
    "0745--6221234x",
    "0745-6221234转1234567",
    "电话6221234",
    "0745-6221234 6221234",
    "13812345678 / 6221234",
  ])("%s is not", (text) => {
    expect(isPhoneNumber(text)).toBe(false);
  });
});

describe("valueInName", () => {
  test.each([
    ["培训人次", null],
    ["满意度≥95%", "≥95"],
    ["满意度＞＝95", ">"],
    ["村组干部230人", "230人"],
    ["建设1,200 公里道路", "1,200 公里"],
    ["2026年培训人次", null],
    ["2026年培训500人次", "500人次"],
    ["第三批培训", null],
    ["3000年度", "3000年"],
  ])("%s → %s", (name, found) => {
    expect(valueInName(name)).toBe(found);
  });
});
