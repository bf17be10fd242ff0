import type { FieldErrors, Resolver } from "react-hook-form";
import { checkDescription, checkSummary } from "../../contract/index.ts";

/** The text fields of the form; the files live beside it (see `Attachments`). */
export interface TicketFormValues {
  summary: string;
  description: string;
}

/**
 * react-hook-form resolver running the contract's text rules. Each error's `message` is
 * the ErrorCode (the component turns it into the locale's text). The files are not judged
 * here: each was judged when added (`Attachments`), and a refused one is never sent.
 */
export const ticketResolver: Resolver<TicketFormValues> = (values) => {
  const errors: FieldErrors<TicketFormValues> = {};
  const summary = checkSummary(values.summary);
  if (summary) errors.summary = { type: "contract", message: summary };
  const description = checkDescription(values.description);
  if (description) errors.description = { type: "contract", message: description };
  return summary || description ? { values: {}, errors } : { values, errors: {} };
};
