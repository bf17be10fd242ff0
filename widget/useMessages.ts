import { useContext } from "react";
import { MessagesContext, type LocaleMessages } from "./MessagesContext.ts";

/** The widget's locale and messages. */
export function useMessages(): LocaleMessages {
  return useContext(MessagesContext);
}
