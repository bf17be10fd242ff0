import { ApiClientError } from "../api/ApiClientError.ts";
import type { FollowedTicket, FormStart, LastTicketRecord } from "./ticketFlowTypes.ts";

/** No ticket followed. */
export const NOT_FOLLOWED: FollowedTicket = { ticket: null, trouble: false, error: null };
/** The form at the start: the stored draft's text, nothing sent on its own. */
export const FIRST_FORM: FormStart = {
  generation: 0,
  seed: null,
  autoSubmit: false,
  filesLost: false,
};

/** What is known of `last`'s ticket before any answer: what was stored. */
export const followedFrom = (last: LastTicketRecord | null): FollowedTicket =>
  last ? { ...NOT_FOLLOWED, ticket: last.ticket } : NOT_FOLLOWED;

/** True when two answers show the same thing (no new snapshot for a repeat). */
export const sameFollowed = (a: FollowedTicket, b: FollowedTicket): boolean =>
  a.ticket?.ticketId === b.ticket?.ticketId &&
  a.ticket?.status === b.ticket?.status &&
  a.ticket?.issueKey === b.ticket?.issueKey &&
  a.trouble === b.trouble &&
  a.error === b.error;

/** Any failure of a send as the client's error (a thrown non-ApiClientError is the network's). */
export function asClientError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError({ code: "NETWORK_ERROR", status: 0, message: String(error) });
}
