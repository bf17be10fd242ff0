import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";

/** What `RipioHelp.mount()` returns: the host page's remote control for one widget. */
export interface WidgetHandle {
  open(): void;
  close(): void;
  unmount(): void;
  /**
   * New options for this widget (merged into the ones given). A new `customerToken`, or a
   * `getCustomerToken` answering for another user, is a user switch: nothing of the previous
   * user stays on screen and the next request carries the new token.
   */
  update(options: Partial<HelpWidgetOptions>): void;
  /**
   * For logout: empties everything the widget stored in this tab, forgets the token (a
   * `customerToken` given is dropped; `getCustomerToken` is asked again when needed) and
   * shows an empty form.
   */
  reset(): void;
}

/** What the loader hands the lazily loaded app chunk. */
export interface AppMountRequest {
  /** The loader's open shadow root; the app renders and injects its CSS there. */
  shadowRoot: ShadowRoot;
  options: HelpWidgetOptions;
  /** Open the dialog at once (the user clicked the launcher). */
  open: boolean;
}

/** The app chunk's single export; resolves once the user's locale is loaded and rendered. */
export type MountApp = (request: AppMountRequest) => Promise<WidgetHandle>;

/** `window.RipioHelp`: the one global name the embed defines. */
export interface RipioHelpGlobal {
  mount(options: HelpWidgetOptions): WidgetHandle;
  version: string;
  /** Calls a host page made before the loader ran (see the README's snippet). */
  q?: [HelpWidgetOptions, QueuedHandle][];
}

/** The handle's commands without arguments: those a stand-in handle can queue. */
export type QueuedCommand = "open" | "close" | "unmount" | "reset";

/** A stand-in handle a host page gets before the loader has run; its calls are replayed. */
export type QueuedHandle = WidgetHandle & { q?: QueuedCommand[] };
