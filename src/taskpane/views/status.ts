// Messages and progress: every outcome is shown, long operations show progress and run one at a time.
import { byId, clear, element } from "../dom";
import type { Messages } from "../messages";
import type { PaneResult } from "../api-types";

export type Tone = "success" | "info" | "warning" | "error";

export interface Status {
  show(tone: Tone, text: string): void;
  clearMessages(): void;
  /** Runs `work` with progress shown and every operation button disabled; refuses while another runs. */
  run<T>(label: string, work: () => Promise<PaneResult<T>>): Promise<T | null>;
  readonly busy: boolean;
}

export function createStatus(msg: Messages): Status {
  const box = byId("messages");
  const progress = byId("progress");
  const progressLabel = byId("progress-label");
  const app = byId("app");
  let busy = false;

  function show(tone: Tone, text: string): void {
    const item = element("div", {
      className: `message message-${tone}`,
      // Errors interrupt the screen reader; the rest waits politely in the live region.
      attrs: tone === "error" ? { role: "alert" } : {},
    });
    item.appendChild(element("span", { className: "message-text", text: tone === "error" ? msg.errorPrefix + text : text }));
    const close = element("button", {
      className: "message-close",
      text: "×",
      attrs: { type: "button", "aria-label": msg.dismiss, title: msg.dismiss },
    });
    close.addEventListener("click", () => item.remove());
    item.appendChild(close);
    // Newest first; keep a short history so the pane does not fill with old news.
    box.insertBefore(item, box.firstChild);
    while (box.childElementCount > 3 && box.lastElementChild) box.lastElementChild.remove();
  }

  function setBusy(on: boolean, label: string): void {
    busy = on;
    progress.hidden = !on;
    progressLabel.textContent = on ? label : "";
    app.setAttribute("aria-busy", on ? "true" : "false");
    for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-op]"))) {
      button.disabled = on;
    }
  }

  async function run<T>(label: string, work: () => Promise<PaneResult<T>>): Promise<T | null> {
    if (busy) {
      show("warning", msg.alreadyRunning);
      return null;
    }
    setBusy(true, label);
    try {
      const result = await work();
      if (result.ok) return result.value;
      show("error", result.error.cell ? `${result.error.cell}：${result.error.message}` : result.error.message);
      return null;
    } catch (e: unknown) {
      show("error", msg.unexpectedError(e instanceof Error ? e.message : String(e)));
      return null;
    } finally {
      setBusy(false, "");
    }
  }

  return {
    show,
    clearMessages: () => clear(box),
    run,
    get busy() {
      return busy;
    },
  };
}
