import { useCallback, useEffect, useRef, useState } from "react";
import type { Ticket } from "../../contract/index.ts";
import { ApiClientError, isAbortError } from "../api/ApiClientError.ts";
import type { ApiClient, TicketSubmission } from "../api/createApiClient.ts";

/** Where the current send stands. */
export type SendState =
  | { phase: "idle" }
  | { phase: "sending"; percent: number }
  | { phase: "refused"; error: ApiClientError }
  | { phase: "cancelled" };

/** How one call to `send` ended. */
export type SendOutcome =
  | { kind: "accepted"; ticket: Ticket }
  | { kind: "refused"; error: ApiClientError }
  | { kind: "cancelled" }
  /** Another send was still in flight; nothing was sent. */
  | { kind: "busy" };

/** Sending a ticket: one at a time, with upload progress and cancel. */
export interface SubmitTicket {
  state: SendState;
  send(submission: Omit<TicketSubmission, "onProgress" | "signal">): Promise<SendOutcome>;
  cancel(): void;
  /** Forgets a refusal or cancellation (the user changed something). */
  dismiss(): void;
}

function asClientError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError({ code: "NETWORK_ERROR", status: 0, message: String(error) });
}

/**
 * Sends tickets with `client`. A second send while one is in flight is refused here (not
 * only by a disabled button), so a double Enter can never make two requests.
 */
export function useSubmitTicket(client: ApiClient): SubmitTicket {
  const [state, setState] = useState<SendState>({ phase: "idle" });
  const inFlight = useRef<AbortController | null>(null);

  // Leaving the page's widget (unmount) stops the upload instead of finishing it unseen.
  useEffect(() => () => inFlight.current?.abort(), []);

  const send = useCallback<SubmitTicket["send"]>(
    async (submission) => {
      if (inFlight.current) return { kind: "busy" };
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ phase: "sending", percent: 0 });
      try {
        const ticket = await client.submitTicket({
          ...submission,
          signal: controller.signal,
          onProgress: ({ loaded, total }) => {
            const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
            setState({ phase: "sending", percent });
          },
        });
        setState({ phase: "idle" });
        return { kind: "accepted", ticket };
      } catch (error) {
        if (isAbortError(error)) {
          setState({ phase: "cancelled" });
          return { kind: "cancelled" };
        }
        const clientError = asClientError(error);
        setState({ phase: "refused", error: clientError });
        return { kind: "refused", error: clientError };
      } finally {
        inFlight.current = null;
      }
    },
    [client],
  );

  const cancel = useCallback(() => inFlight.current?.abort(), []);
  const dismiss = useCallback(() => {
    if (!inFlight.current) setState({ phase: "idle" });
  }, []);

  return { state, send, cancel, dismiss };
}
