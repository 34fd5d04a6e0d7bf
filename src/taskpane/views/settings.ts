// 设置: the expected total of points, stored with the workbook; what this Excel can do.
import type { PaneApi } from "../api-types";
import { byId, clear, element, markValidity, readNumber } from "../dom";
import type { Messages } from "../messages";
import type { Status } from "./status";

export function initSettingsView(api: PaneApi, status: Status, msg: Messages, onSaved: (total: number) => void): void {
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
    onSaved(n);
  });

  const list = byId("capabilities");
  clear(list);
  for (const c of api.capabilities()) {
    list.appendChild(
      element("li", {
        className: c.supported ? "capability capability-ok" : "capability capability-missing",
        text: c.supported ? msg.capabilityOk(c.label) : msg.capabilityMissing(c.label, c.detail ?? ""),
      }),
    );
  }
}
