import type { FieldErrors, Resolver } from "react-hook-form";
import { validateTicket, type FileFacts } from "../../contract/index.ts";

/** The text fields of the form; the files live beside it (see `useAttachments`). */
export interface TicketFormValues {
  summary: string;
  description: string;
}

/** What the resolver needs besides the values: the files that would be sent. */
export interface TicketFormContext {
  files: readonly FileFacts[];
}

/**
 * react-hook-form resolver running the contract's `validateTicket`. Each error's
 * `message` is the ErrorCode (the component turns it into the locale's text); a rule on
 * the files lands in `root.attachments`, since the files are not a registered input.
 */
export const ticketResolver: Resolver<TicketFormValues, TicketFormContext> = (values, context) => {
  const violations = validateTicket(values, context?.files ?? []);
  if (violations.length === 0) return { values, errors: {} };
  const errors: FieldErrors<TicketFormValues> = {};
  for (const violation of violations) {
    const error = { type: "contract", message: violation.code };
    if (violation.field === "attachments") errors.root ??= { attachments: error };
    else errors[violation.field] ??= error;
  }
  return { values: {}, errors };
};
