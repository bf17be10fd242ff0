import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { HelpWidgetContent } from "./HelpWidgetContent.tsx";
import type { HelpWidgetOptions, OpenStateProps } from "./HelpWidgetOptions.ts";

/** Props of `HelpWidgetView`: the options, open state, and optionally a QueryClient. */
export interface HelpWidgetViewProps extends HelpWidgetOptions, OpenStateProps {
  /** Defaults to the widget's own client, never the host app's, so caches never mix. */
  queryClient?: QueryClient;
}

/**
 * The whole widget without a shadow root: for tests (`screen` queries work) and for the
 * embed, which renders it into the loader's shadow root. `HelpWidget` wraps it in one.
 */
export function HelpWidgetView({ queryClient, ...options }: HelpWidgetViewProps) {
  const [ownClient] = useState(() => queryClient ?? new QueryClient());
  return (
    <QueryClientProvider client={queryClient ?? ownClient}>
      <HelpWidgetContent {...options} />
    </QueryClientProvider>
  );
}
