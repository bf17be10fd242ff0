import type { ErrorCode } from "../../contract/index.ts";
import type { Messages } from "./Messages.ts";

/**
 * The user-facing text for an error code, or for a failed connection. Error texts have
 * no placeholders: what is shown is exactly the catalogue's string (tests rely on it).
 */
export function errorText(messages: Messages, code: ErrorCode | "NETWORK_ERROR"): string {
  return code === "NETWORK_ERROR" ? messages.networkError : messages.errors[code];
}
