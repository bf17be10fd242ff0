import { HelpWidget, type HelpWidgetProps, type Ticket } from "ripio-help-widget";
import { Page } from "./Page.tsx";

/** What the host's server hands the page: where the proxy is, and the customer's token. */
export interface AppProps {
  apiBase: string;
  customerToken: string;
}

export function App({ apiBase, customerToken }: AppProps) {
  return (
    <Page
      help={(log) => {
        const props: HelpWidgetProps = {
          apiBase,
          customerToken,
          locale: "en",
          onSubmitted: (ticket: Ticket) => log(`submitted ${ticket.status}`),
          onStatusChange: (ticket: Ticket) =>
            log(`status ${ticket.status} ${ticket.issueKey ?? ""}`),
        };
        return <HelpWidget {...props} />;
      }}
    />
  );
}
