import { createContext } from "react";
import type { Locale } from "../../contract/index.ts";
import type { Messages } from "./index.ts";

/** The locale and its messages, for every component under `HelpWidgetView`. */
export interface LocaleMessages {
  locale: Locale;
  messages: Messages;
}

/**
 * Provided by `HelpWidgetView`; `null` outside it, where `useMessages` falls back to English
 * (a component rendered alone in a test). No catalogue is read at module load: the embed
 * loads its one locale first.
 */
export const MessagesContext = createContext<LocaleMessages | null>(null);
