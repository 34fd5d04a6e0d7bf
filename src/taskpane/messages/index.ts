// Picks the pane's language from Office's display language: Chinese unless Office runs in another language.
import { en } from "./en";
import { zh, type Messages } from "./zh";

export type { Messages };

export function messagesFor(displayLanguage: string | undefined): Messages {
  if (!displayLanguage) return zh;
  return displayLanguage.toLowerCase().startsWith("zh") ? zh : en;
}
