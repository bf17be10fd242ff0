import type { HostContext, Locale, Ticket } from "../../contract/index.ts";

/** Options of the widget, the same for the script tag's `mount()` and the React component. */
export interface HelpWidgetOptions {
  /** Origin (and path prefix) of the proxy; default "" = the page's own origin. */
  apiBase?: string;
  /** The host backend's signed customer token (see docs/architecture.md, "Data flow"). */
  customerToken?: string;
  /**
   * Gets a fresh customer token; called when none is given and again when one expires. A
   * new function is taken to mean the user may have changed: it is asked at once while the
   * widget is shown (README, "Logout and user switches"), so keep it stable per user.
   */
  getCustomerToken?: () => Promise<string>;
  /** Default: the browser's language (`es*`, `pt*`, else English). */
  locale?: Locale;
  /** Default "auto": follows the system's colour scheme. */
  theme?: "light" | "dark" | "auto";
  /** Where the floating launcher and dialog sit; default "bottom-right". */
  position?: "bottom-right" | "bottom-left";
  /** Show the floating launcher button; default true (false = the host opens the widget). */
  launcher?: boolean;
  /** Render inline inside this element instead of as a floating dialog. */
  target?: HTMLElement;
  /** Render inline where the component sits (the React export's equivalent of `target`). */
  inline?: boolean;
  /** Nonce for the injected `<style>` under a strict Content-Security-Policy. */
  nonce?: string;
  /** The host's entries for the ticket's technical details, e.g. `{ plan: "pro" }` (README). */
  context?: HostContext;
  /** Gather technical details at Send and show them to the user first; default true. */
  collectContext?: boolean;
  /** Called once the proxy accepted a ticket (202, PENDING). */
  onSubmitted?(ticket: Ticket): void;
  /** Called when a followed ticket's status changes (to CREATED or FAILED). */
  onStatusChange?(ticket: Ticket): void;
}

/** Open-state control shared by `HelpWidget` and `HelpWidgetView` (controlled or not). */
export interface OpenStateProps {
  /** Controlled open state of the floating dialog. */
  open?: boolean;
  /** Initial open state when uncontrolled. */
  defaultOpen?: boolean;
  /** Called when the widget wants to open or close (launcher, Escape, Close). */
  onOpenChange?(open: boolean): void;
}
