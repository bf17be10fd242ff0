// The React export's public surface, listed by name.
export { HelpWidget, type HelpWidgetProps } from "./HelpWidget.tsx";
export { HelpWidgetView, type HelpWidgetViewProps } from "./HelpWidgetView.tsx";
export type { HelpWidgetOptions, OpenStateProps } from "./HelpWidgetOptions.ts";
export { widgetCss } from "./styles.ts";
export { createApiClient, type ApiClient, type GetToken } from "./createApiClient.ts";
export { ApiClientError, type ClientErrorCode } from "./ApiClientError.ts";
export { getMessages, resolveLocale, messages, type Messages } from "./messages/index.ts";
export type { Ticket, TicketStatus, Locale } from "../contract/index.ts";
