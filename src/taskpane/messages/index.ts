// Picks the pane's language from Office's display language: Chinese unless Office runs in another language.
// The English texts load only when needed (a chunk of their own), so Chinese users do not download them.
import { zh, type Messages } from "./zh";

export type { Messages };

export function isChinese(displayLanguage: string | undefined): boolean {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith("zh");
}

export async function loadMessages(displayLanguage: string | undefined): Promise<Messages> {
  if (isChinese(displayLanguage)) return zh;
  const { en } = await import(/* webpackChunkName: "messages-en" */ "./en");
  return en;
}
