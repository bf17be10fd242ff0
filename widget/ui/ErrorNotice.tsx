import type { ApiClientError } from "../api/ApiClientError.ts";
import { Icon } from "./Icon.tsx";
import { errorText } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";

// Answers that may well be different a moment later: offer to send again right here.
const RETRYABLE = new Set<ApiClientError["code"]>([
  "NETWORK_ERROR",
  "RATE_LIMITED",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_ERROR",
  "STORE_UNAVAILABLE",
]);

/**
 * A refusal that is not about one field, announced, with Retry where trying again can
 * help. The messages for TICKETS_DISABLED and CUSTOMER_EMAIL_MISSING say what to do.
 */
export function ErrorNotice(props: { error: ApiClientError; onRetry(): void }) {
  const { messages } = useMessages();
  return (
    <div className="rhw-notice rhw-notice-error" role="alert">
      <Icon name="alert" />
      <p>{errorText(messages, props.error.code)}</p>
      {RETRYABLE.has(props.error.code) ? (
        <button type="button" className="rhw-secondary" onClick={props.onRetry}>
          {messages.retry}
        </button>
      ) : null}
    </div>
  );
}
