import type { Locale } from "../../contract/index.ts";
import type { Messages } from "./Messages.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { pt } from "./pt.ts";

export type { Messages, FileRejectionCode } from "./Messages.ts";
export { fill } from "./fill.ts";
export { formatBytes } from "./formatBytes.ts";
export { formatPercent } from "./formatPercent.ts";
export { limitValues, type LimitValues } from "./limitValues.ts";
export { errorText } from "./errorText.ts";
export { languageTag } from "./languageTag.ts";
// Its own module so the tiny loader can use it without the catalogue.
export { resolveLocale } from "./resolveLocale.ts";

const CATALOGUE: Record<Locale, Messages> = { en, es, pt };

/** Every locale's messages, for tests and the demo gallery. */
export const messages: Readonly<Record<Locale, Messages>> = CATALOGUE;

/** The messages of one locale. */
export function getMessages(locale: Locale): Messages {
  return CATALOGUE[locale];
}
