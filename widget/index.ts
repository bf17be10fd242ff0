// The React export's public surface, listed by name. Only the launcher is loaded with it;
// the form is a chunk HelpWidget imports on intent (app/createHelpWidget.tsx), so nothing
// here may pull the form in statically.
export { HelpWidget, type HelpWidgetProps } from "./app/HelpWidget.tsx";
export type { HelpWidgetOptions, OpenStateProps } from "./app/HelpWidgetOptions.ts";
export { clearCustomerData } from "./storage/clearCustomerData.ts";
export type { Ticket, TicketStatus, Locale } from "../contract/index.ts";
