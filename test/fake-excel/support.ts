// Shared by the fake-excel tests: what a promise rejected with, as the Office error code it carries.

/** The rejection's `code` (Office error code), "no error" when the promise resolved. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`;
  }
  return "no error";
}
