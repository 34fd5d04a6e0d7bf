// Added by the Excel-layer helper (separate file, the fake's own files untouched): loading a conditional
// format's custom rule through navigation paths, as Office.js allows for any navigation property
// (docs: OfficeExtension.LoadOption, "text, font/size"), e.g.
//   range.conditionalFormats.load("items/type,items/customOrNullObject/rule/formula")
// ConditionalFormat.customOrNullObject (ExcelApi 1.6) is a null object when the format is not of type Custom
// (docs: Excel.ConditionalFormat.customOrNullObject). The fake models only Custom formats, so for formats it
// creates the object is never null; a state edited to another type gives the null object.
// Each patch is applied only when the fake does not have the member yet.

import type { ClientObject } from "./client";
import { strict } from "./client";
import {
  FakeConditionalFormat,
  FakeConditionalFormatRule,
  FakeConditionalRangeFormat,
  FakeCustomConditionalFormat,
} from "./objects";

type Navs = Record<string, () => ClientObject>;

function addNavs(proto: { _navs(): Navs }, extra: (self: never) => Navs): void {
  const own = proto._navs;
  proto._navs = function (this: never): Navs {
    return { ...own.call(this), ...extra(this) };
  };
}

/** customOrNullObject: the custom part, null when the format is not Custom. */
class FakeCustomOrNull extends FakeCustomConditionalFormat {
  override _nullState(): boolean | undefined {
    const owner = this._owner._nullState();
    if (owner !== false) return owner;
    const cf = this._owner._cf;
    return cf ? cf.cf.type !== "Custom" : undefined;
  }
  override get rule(): FakeConditionalFormatRule {
    return this._child("rule", () => {
      const rule = new FakeConditionalFormatRule(this._owner);
      rule._nullState = () => this._nullState();
      return strict(rule, "ConditionalFormatRule");
    });
  }
}

let applied = false;

export function applyCfPaths(): void {
  if (applied) return;
  applied = true;
  const cfProto = FakeConditionalFormat.prototype as unknown as { _navs(): Navs };
  if (!Object.getOwnPropertyDescriptor(FakeConditionalFormat.prototype, "customOrNullObject")) {
    Object.defineProperty(FakeConditionalFormat.prototype, "customOrNullObject", {
      get(this: FakeConditionalFormat) {
        return this._child("customOrNullObject", () => strict(new FakeCustomOrNull(this), "CustomConditionalFormat"));
      },
    });
  }
  if (!("customOrNullObject" in cfProto._navs.call(Object.create(FakeConditionalFormat.prototype) as never))) {
    addNavs(cfProto, (self: FakeConditionalFormat & { customOrNullObject: ClientObject }) => ({
      custom: () => self.custom,
      customOrNullObject: () => self.customOrNullObject,
    }));
  }
  const customProto = FakeCustomConditionalFormat.prototype as unknown as { _navs(): Navs };
  if (!("rule" in customProto._navs.call(Object.create(FakeCustomConditionalFormat.prototype) as never))) {
    addNavs(customProto, (self: FakeCustomConditionalFormat) => ({ rule: () => self.rule, format: () => self.format }));
  }
  const formatProto = FakeConditionalRangeFormat.prototype as unknown as { _navs(): Navs };
  if (!("fill" in formatProto._navs.call(Object.create(FakeConditionalRangeFormat.prototype) as never))) {
    addNavs(formatProto, (self: FakeConditionalRangeFormat) => ({ fill: () => self.fill, font: () => self.font }));
  }
}

applyCfPaths();
