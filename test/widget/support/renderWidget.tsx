import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient } from "@tanstack/react-query";
import { HelpWidgetView, type HelpWidgetViewProps } from "../../../widget/app/HelpWidgetView.tsx";
import { fakeToken } from "./builders.ts";

/** A QueryClient as every test gets it: fresh, and never retrying on its own. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/**
 * Renders the widget (no shadow root, so `screen` queries work), open by default, for a
 * made-up customer unless a token or getCustomerToken is given. Returns a user-event instance too.
 */
export function renderWidget(props: Partial<HelpWidgetViewProps> = {}) {
  const user = userEvent.setup();
  const queryClient = props.queryClient ?? testQueryClient();
  const identity = props.getCustomerToken ? {} : { customerToken: fakeToken("cus_test") };
  const all: HelpWidgetViewProps = {
    ...identity,
    defaultOpen: true,
    locale: "en",
    ...props,
    queryClient,
  };
  const result = render(<HelpWidgetView {...all} />);
  return {
    user,
    queryClient,
    ...result,
    rerenderWith: (next: Partial<HelpWidgetViewProps>) =>
      result.rerender(<HelpWidgetView {...all} {...next} />),
  };
}
