import { createHelpWidget } from "./createHelpWidget.tsx";

export type { HelpWidgetProps } from "./createHelpWidget.tsx";

/**
 * The help widget as a React component: the launcher at once, the form (its own chunk) on
 * intent. See createHelpWidget.tsx.
 */
export const HelpWidget = createHelpWidget(() =>
  import("./HelpWidgetInShadow.tsx").then((chunk) => chunk.HelpWidgetInShadow),
);
