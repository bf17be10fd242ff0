import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";

/** The options after a logout: the token given is the previous user's; a getter is asked anew. */
export function withoutGivenToken(options: HelpWidgetOptions): HelpWidgetOptions {
  const { customerToken: _dropped, ...rest } = options;
  return rest;
}
