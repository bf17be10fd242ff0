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

// This module is evaluated on the launcher's hover or focus (prefetch), before any click:
// start fetching the browser language's messages now so the first open waits for nothing.
loadMessages(resolveLocale(undefined, navigator.language)).catch(() => undefined);

interface Remote {
  setOpen?: (open: boolean) => void;
}

function EmbeddedWidget(props: {
  options: HelpWidgetOptions;
  initiallyOpen: boolean;
  remote: Remote;
}): ReactElement {
  const [open, setOpen] = useState(props.initiallyOpen);
  props.remote.setOpen = setOpen;
  return <HelpWidgetView {...props.options} open={open} onOpenChange={setOpen} />;
}

/** Renders the widget into `shadowRoot` and returns the host page's handle to it. */
export const mountApp: MountApp = async ({ shadowRoot, options, open }) => {
  await loadMessages(resolveLocale(options.locale, navigator.language));
  const removeStyles = injectStyles(shadowRoot, widgetCss, options.nonce);
  const container = document.createElement("div");
  shadowRoot.append(container);
  const root = createRoot(container);
  const remote: Remote = {};
  root.render(<EmbeddedWidget options={options} initiallyOpen={open} remote={remote} />);
  return {
    open: () => remote.setOpen?.(true),
    close: () => remote.setOpen?.(false),
    unmount: () => {
      root.unmount();
      container.remove();
      removeStyles();
    },
  };
};
