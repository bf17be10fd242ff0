import type { Locale } from "../../contract/index.ts";
import type { HistoryMessages } from "./HistoryMessages.ts";
import { enHistory } from "./locales/enHistory.ts";
import { esHistory } from "./locales/esHistory.ts";
import { ptHistory } from "./locales/ptHistory.ts";

/*
 * Imported only by the lazily loaded list (never through messages/index.ts), so the three
 * locales travel in that chunk instead of growing the first open.
 */
const CATALOGUE: Record<Locale, HistoryMessages> = { en: enHistory, es: esHistory, pt: ptHistory };

/** Every locale's list messages, for tests and the gallery. */
export const historyMessages: Readonly<Record<Locale, HistoryMessages>> = CATALOGUE;

/** The list messages of one locale. */
export function getHistoryMessages(locale: Locale): HistoryMessages {
  return CATALOGUE[locale];
}
