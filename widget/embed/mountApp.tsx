/**
 * The app chunk's entry: React and the widget, rendered into the loader's shadow root.
 * Loaded by the loader on first open; never by the host page directly.
 */
import { createRoot } from "react-dom/client";
import { useState, type ReactElement } from "react";
import { HelpWidgetView } from "../app/HelpWidgetView.tsx";
import { widgetCss } from "../shell/styles.ts";
import { injectStyles } from "../shell/injectStyles.ts";
import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";
import type { MountApp } from "./embedTypes.ts";
import { resolveLocale } from "../messages/resolveLocale.ts";
import { loadMessages } from "./lazyCatalogue.ts";
import { clearCustomerData } from "../storage/clearCustomerData.ts";
import { withoutGivenToken } from "./withoutGivenToken.ts";

// This module is evaluated on the launcher's hover or focus (prefetch), before any click:
// start fetching the browser language's messages now so the first open waits for nothing.
loadMessages(resolveLocale(undefined, navigator.language)).catch(() => undefined);

interface Remote {
  setOpen?: (open: boolean) => void;
  setOptions?: (options: HelpWidgetOptions) => void;
  reset?: () => void;
}

function EmbeddedWidget(props: {
  options: HelpWidgetOptions;
  initiallyOpen: boolean;
  remote: Remote;
}): ReactElement {
  const [open, setOpen] = useState(props.initiallyOpen);
  const [options, setOptions] = useState(props.options);
  // A reset starts a new widget (its React key): nothing of the previous user is kept.
  const [generation, setGeneration] = useState(0);
  props.remote.setOpen = setOpen;
  props.remote.setOptions = setOptions;
  props.remote.reset = () => setGeneration((g) => g + 1);
  return <HelpWidgetView key={generation} {...options} open={open} onOpenChange={setOpen} />;
}

/** Renders the widget into `shadowRoot` and returns the host page's handle to it. */
export const mountApp: MountApp = async ({ shadowRoot, options, open }) => {
  await loadMessages(resolveLocale(options.locale, navigator.language));
  const removeStyles = injectStyles(shadowRoot, widgetCss, options.nonce);
  const container = document.createElement("div");
  shadowRoot.append(container);
  const root = createRoot(container);
  const remote: Remote = {};
  let current = options;
  root.render(<EmbeddedWidget options={options} initiallyOpen={open} remote={remote} />);
  return {
    open: () => remote.setOpen?.(true),
    close: () => remote.setOpen?.(false),
    update: (next) => {
      current = { ...current, ...next };
      remote.setOptions?.(current);
    },
    reset: () => {
      // Emptied before the new widget reads its customer's draft and last ticket.
      clearCustomerData();
      current = withoutGivenToken(current);
      remote.setOptions?.(current);
      remote.reset?.();
    },
    unmount: () => {
      root.unmount();
      container.remove();
      removeStyles();
    },
  };
};
