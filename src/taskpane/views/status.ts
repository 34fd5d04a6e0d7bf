// Message bars and progress. A message belongs to the tab that raised it and shows only there; the same
// message raised again merges into one bar (with a count); info and success bars fade; long operations show
// progress and run one at a time.
import { byId, clear, element } from "../dom";
import type { Messages } from "../messages";
import type { PaneResult } from "../api-types";
import { FADE_MS, messagesOn, type PaneMessage, type PaneState, type Store, type TabId, type Tone } from "../state";

export type { Tone };

export interface Status {
  /** Raises a message on the tab shown now (or on `tab`; null: the whole pane). */
  show(tone: Tone, text: string, tab?: TabId | null): void;
  clearMessages(): void;
  /** Runs `work` with progress shown and every operation button disabled; refuses while another runs. */
  run<T>(label: string, work: () => Promise<PaneResult<T>>): Promise<T | null>;
  readonly busy: boolean;
}

/** The text for an error thrown by an operation: a chunk of the pane that was not served says so plainly. */
export function thrownMessage(msg: Messages, e: unknown): string {
  // webpack names a failed import() "ChunkLoadError".
  if (e instanceof Error && e.name === "ChunkLoadError") return msg.codeLoadFailed;
  return msg.unexpectedError(e instanceof Error ? e.message : String(e));
}

const ICONS: Readonly<Record<Tone, string>> = { success: "✓", info: "i", warning: "!", error: "✕" };

export function createStatus(msg: Messages, store: Store): Status {
  const box = byId("messages");
  const progress = byId("progress");
  const progressLabel = byId("progress-label");
  const app = byId("app");
  let busy = false;
  let fadeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bars on screen by message id: re-rendering keeps them (and a focused close button) in place. */
  const shown = new Map<number, { node: HTMLElement; text: HTMLElement; count: number }>();

  function bar(m: PaneMessage): { node: HTMLElement; text: HTMLElement; count: number } {
    const node = element("div", {
      className: `message message-${m.tone}`,
      // Errors interrupt the screen reader; the rest waits politely in the live region.
      attrs: m.tone === "error" ? { role: "alert", "data-id": String(m.id) } : { "data-id": String(m.id) },
    });
    node.appendChild(element("span", { className: `message-icon message-icon-${m.tone}`, text: ICONS[m.tone], attrs: { "aria-hidden": "true" } }));
    node.appendChild(element("span", { className: "visually-hidden", text: `${msg.toneLabels[m.tone]}：` }));
    const text = element("span", { className: "message-text" });
    node.appendChild(text);
    const close = element("button", {
      className: "message-close",
      text: "×",
      attrs: { type: "button", "aria-label": msg.dismiss, title: msg.dismiss },
    });
    close.addEventListener("click", () => store.dispatch({ type: "messageDismissed", id: m.id }));
    node.appendChild(close);
    return { node, text, count: 0 };
  }

  function render(state: PaneState): void {
    const visible = messagesOn(state, state.tab);
    const ids = new Set(visible.map((m) => m.id));
    for (const [id, b] of shown) {
      if (!ids.has(id)) {
        b.node.remove();
        shown.delete(id);
      }
    }
    let before: ChildNode | null = box.firstChild;
    for (const m of visible) {
      let b = shown.get(m.id);
      if (!b) {
        b = bar(m);
        shown.set(m.id, b);
      }
      if (b.count !== m.count) {
        b.text.textContent = (m.tone === "error" ? msg.errorPrefix : "") + m.text + (m.count > 1 ? msg.repeated(m.count) : "");
        b.count = m.count;
      }
      if (b.node !== before) box.insertBefore(b.node, before);
      before = b.node.nextSibling;
    }
    scheduleFade(state);
  }

  function scheduleFade(state: PaneState): void {
    const fading = state.messages.filter((m) => m.tone === "info" || m.tone === "success");
    if (fadeTimer || fading.length === 0) return;
    const next = Math.min(...fading.map((m) => m.at + FADE_MS)) - Date.now();
    fadeTimer = setTimeout(() => {
      fadeTimer = null;
      store.dispatch({ type: "messagesFaded", now: Date.now() });
      scheduleFade(store.state);
    }, Math.max(50, next));
  }

  store.subscribe((state, before) => {
    if (!before || state.messages !== before.messages || state.tab !== before.tab) render(state);
  });

  function show(tone: Tone, text: string, tab?: TabId | null): void {
    store.dispatch({ type: "messageRaised", tone, text, tab: tab === undefined ? store.state.tab : tab, at: Date.now() });
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
    const tab = store.state.tab;
    setBusy(true, label);
    try {
      const result = await work();
      if (result.ok) return result.value;
      show("error", result.error.cell ? `${result.error.cell}：${result.error.message}` : result.error.message, tab);
      return null;
    } catch (e: unknown) {
      show("error", thrownMessage(msg, e), tab);
      return null;
    } finally {
      setBusy(false, "");
    }
  }

  return {
    show,
    clearMessages: () => {
      store.dispatch({ type: "messagesCleared", tab: store.state.tab });
      clear(box);
      shown.clear();
    },
    run,
    get busy() {
      return busy;
    },
  };
}
