// 设置: the expected total of points, stored with the workbook; what this Excel can do.
import type { PaneApi } from "../api-types";
import { byId, clear, element, markValidity, readNumber } from "../dom";
import type { Messages } from "../messages";
import type { Store } from "../state";
import type { Status } from "./status";

export function initSettingsView(api: PaneApi, status: Status, msg: Messages, store: Store): void {
  const input = byId<HTMLInputElement>("expected-total");
  input.value = String(api.loadExpectedTotal());

  byId("save-settings").addEventListener("click", async () => {
    const n = readNumber(input);
    const valid = n !== null && n > 0 && n <= 1000;
    markValidity(input, valid);
    if (!valid || n === null) {
      status.show("error", msg.settingsInvalid);
      input.focus();
      return;
    }
    if ((await status.run(msg.busySettings, () => api.saveExpectedTotal(n))) === null) return;
    status.show("success", msg.settingsSaved(n));
    store.dispatch({ type: "expectedTotalSaved", total: n });
  });

  // Where office.js comes from first: this computer's choice (office-loader.js reads it before Office exists).
  const localFirst = byId<HTMLInputElement>("office-local-first");
  const key = (window as { jixiaoOfficeJsLocalFirstKey?: string }).jixiaoOfficeJsLocalFirstKey ?? "jixiao.officeJsLocalFirst";
  const builtLocalFirst = document.documentElement.getAttribute("data-office-local-first") === "true";
  try {
    localFirst.checked = builtLocalFirst || window.localStorage.getItem(key) === "true";
  } catch {
    localFirst.checked = builtLocalFirst;
  }
  // A deployment built local-first stays so: the box shows it and cannot be unticked here.
  localFirst.disabled = builtLocalFirst;
  localFirst.addEventListener("change", () => {
    try {
      window.localStorage.setItem(key, String(localFirst.checked));
      status.show("success", msg.officeLocalFirstSaved(localFirst.checked));
    } catch (e: unknown) {
      status.show("error", msg.unexpectedError(e instanceof Error ? e.message : String(e)));
    }
  });

  const list = byId("capabilities");
  clear(list);
  // What this Excel can and cannot do, in the user's words (the API names stay out of sight).
  for (const c of api.capabilities()) {
    const what = msg.capabilityNames[c.op] ?? c.label;
    list.appendChild(
      element("li", {
        className: c.supported ? "capability capability-ok" : "capability capability-missing",
        text: c.supported ? msg.capabilityOk(what) : msg.capabilityMissing(what, msg.capabilityUnavailable),
      }),
    );
  }
}
