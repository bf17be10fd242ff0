import type { Locale } from "../../contract/index.ts";
import type { Messages } from "./Messages.ts";
import { en } from "./locales/en.ts";
import { es } from "./locales/es.ts";
import { pt } from "./locales/pt.ts";

const CATALOGUE: Record<Locale, Messages> = { en, es, pt };

/** Every locale's messages, for tests, the demo gallery and the React export. */
export const messages: Readonly<Record<Locale, Messages>> = CATALOGUE;

/** The messages of one locale. */
export function getMessages(locale: Locale): Messages {
  return CATALOGUE[locale];
}
