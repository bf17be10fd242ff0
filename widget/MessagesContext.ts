import { createContext } from "react";
import type { Locale } from "../contract/index.ts";
import { getMessages, type Messages } from "./messages/index.ts";

/** The locale and its messages, for every component under `HelpWidgetView`. */
export interface LocaleMessages {
  locale: Locale;
  messages: Messages;
}

/** Provided by `HelpWidgetView`; English outside it (a component rendered alone in a test). */
export const MessagesContext = createContext<LocaleMessages>({
  locale: "en",
  messages: getMessages("en"),
});
