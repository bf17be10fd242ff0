// The React export's public surface, listed by name.
export { HelpWidget, type HelpWidgetProps } from "./app/HelpWidget.tsx";
export { HelpWidgetView, type HelpWidgetViewProps } from "./app/HelpWidgetView.tsx";
export type { HelpWidgetOptions, OpenStateProps } from "./app/HelpWidgetOptions.ts";
export { widgetCss } from "./shell/styles.ts";
export { clearCustomerData } from "./storage/clearCustomerData.ts";
export { createApiClient, type ApiClient, type GetToken } from "./api/createApiClient.ts";
export { ApiClientError, type ClientErrorCode } from "./api/ApiClientError.ts";
export { getMessages, resolveLocale, messages, type Messages } from "./messages/index.ts";
export type { Ticket, TicketStatus, Locale } from "../contract/index.ts";
