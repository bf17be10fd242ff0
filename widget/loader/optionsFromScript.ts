import type { HostContext } from "../../contract/index.ts";
import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";

type Theme = NonNullable<HelpWidgetOptions["theme"]>;
type Position = NonNullable<HelpWidgetOptions["position"]>;

/**
 * Options from the loader's own `<script data-…>` tag; `null` when it carries no
 * `data-customer-token`, in which case the host page calls `RipioHelp.mount()` itself.
 */
export function optionsFromScript(script: HTMLScriptElement): HelpWidgetOptions | null {
  const data = script.dataset;
  if (!data.customerToken) return null;
  const options: HelpWidgetOptions = {
    customerToken: data.customerToken,
    apiBase: data.apiBase ?? new URL(script.src, location.href).origin,
  };
  if (data.locale) options.locale = data.locale as NonNullable<HelpWidgetOptions["locale"]>;
  if (data.theme) options.theme = data.theme as Theme;
  if (data.position) options.position = data.position as Position;
  if (data.launcher === "false") options.launcher = false;
  if (data.collectContext === "false") options.collectContext = false;
  if (data.context) {
    try {
      // Checked entry by entry when the widget reads it; a bad entry is left out there.
      options.context = JSON.parse(data.context) as HostContext;
    } catch {
      console.warn("Ripio Help: data-context is not JSON; it is ignored.");
    }
  }
  // The nonce attribute reads back empty after parsing; the property keeps it.
  if (script.nonce) options.nonce = script.nonce;
  return options;
}
