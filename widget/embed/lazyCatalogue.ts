import type { Locale } from "../../contract/index.ts";
import type { Messages } from "../messages/Messages.ts";

/*
 * The embed build's stand-in for messages/catalogue.ts (swapped in by vite.config.ts): each
 * locale is its own chunk and only the user's is loaded, which keeps two catalogues out of
 * the bytes every visitor who opens help pays for. `loadMessages` runs before rendering.
 */
const importers: Record<Locale, () => Promise<Messages>> = {
  en: () => import("../messages/locales/en.ts").then((m) => m.en),
  es: () => import("../messages/locales/es.ts").then((m) => m.es),
  pt: () => import("../messages/locales/pt.ts").then((m) => m.pt),
};
const loaded: Partial<Record<Locale, Messages>> = {};

/** Fetches one locale's messages; `getMessages` can then answer for it. */
export async function loadMessages(locale: Locale): Promise<void> {
  loaded[locale] ??= await importers[locale]();
}

/** The messages of a loaded locale. */
export function getMessages(locale: Locale): Messages {
  const found = loaded[locale];
  if (!found)
    throw new Error(`Messages for "${locale}" are not loaded: await loadMessages() first.`);
  return found;
}

/** Only the loaded locales; the embed never lists them all. */
export const messages: Readonly<Partial<Record<Locale, Messages>>> = loaded;
