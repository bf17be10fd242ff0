import { createContext } from "react";
import type { HostContext } from "../../contract/index.ts";

/** What the form's technical details need from the widget around it. */
export interface TechnicalDetailsSetup {
  /** `collectContext`: false = nothing gathered and no disclosure. */
  collect: boolean;
  /** The host's `context` option, as given (checked when read). */
  host: HostContext | undefined;
  /** The draft's idempotency key: the user's choices are kept per draft. */
  draftKey: string | null;
  customerKey: string | null;
  /** The form sends a FAILED ticket again ("Try again"): start from its choices. */
  resending: boolean;
}

/**
 * Provided by `HelpWidgetContent`; outside it (a form rendered alone), everything is
 * gathered and nothing is kept across reloads.
 */
export const TechnicalDetailsContext = createContext<TechnicalDetailsSetup>({
  collect: true,
  host: undefined,
  draftKey: null,
  customerKey: null,
  resending: false,
});
