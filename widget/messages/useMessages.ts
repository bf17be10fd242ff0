import { useContext } from "react";
import { MessagesContext, type LocaleMessages } from "./MessagesContext.ts";
import { getMessages } from "./index.ts";

/** The widget's locale and messages. */
export function useMessages(): LocaleMessages {
  return useContext(MessagesContext) ?? { locale: "en", messages: getMessages("en") };
}
