// The ribbon's 清除标记 button (manifest: ExecuteFunction "clearMarks"). It runs without the pane, so its
// outcome is shown in a small dialog: this same page, opened with the message in its address.
import { clearMarks } from "../excel/clearMarks";

const MESSAGE_PARAM = "message";

/** Shows `message` in a dialog; resolves when the user closes it (the command must not complete before). */
function showOutcome(message: string): Promise<void> {
  const url = new URL(window.location.href);
  url.search = "";
  url.searchParams.set(MESSAGE_PARAM, message);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = opened.value;
      const done = (): void => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function clearMarksCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const r = await clearMarks();
    await showOutcome(r.ok ? r.value.message : r.error.message);
  } finally {
    event.completed();
  }
}

/** Opened as the dialog: show the message (as text) and close on 确定. */
function renderDialog(message: string): void {
  const box = document.getElementById("command-outcome");
  const text = document.getElementById("command-message");
  const close = document.getElementById("command-close");
  if (!box || !text || !close) return;
  text.textContent = message;
  box.hidden = false;
  close.addEventListener("click", () => Office.context.ui.messageParent("close"));
}

void Office.onReady(() => {
  const message = new URL(window.location.href).searchParams.get(MESSAGE_PARAM);
  if (message !== null) renderDialog(message);
  else Office.actions.associate("clearMarks", clearMarksCommand);
});
