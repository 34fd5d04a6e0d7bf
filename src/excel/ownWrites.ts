// The add-in's own writes, so the live re-check can ignore the change events they raise.
// Where ExcelApi 1.14 is present the event says so itself (triggerSource "ThisLocalAddin"); older
// Excel raises our writes like a user's, so every write operation of this layer opens a short window
// here, and events arriving inside it are taken as ours. This is the live re-check's subscription state.

/** How long after a write sync its change events may still arrive. */
export const OWN_WRITE_WINDOW_MS = 1000;

let writesInFlight = 0;
let lastWriteEnded = Number.NEGATIVE_INFINITY;

/** Runs `write` (the operation's write sync) inside the own-write window. */
export async function asOwnWrite<T>(write: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  writesInFlight++;
  try {
    return await write();
  } finally {
    writesInFlight--;
    lastWriteEnded = now();
  }
}

/** True while one of our writes is being sent or just ended. */
export function isOwnWriteWindow(now: number = Date.now()): boolean {
  return writesInFlight > 0 || now - lastWriteEnded < OWN_WRITE_WINDOW_MS;
}

/** For tests: forget earlier writes. */
export function resetOwnWrites(): void {
  writesInFlight = 0;
  lastWriteEnded = Number.NEGATIVE_INFINITY;
}
