/** The client went away (or stopped sending) before its body was complete. */
export class ClientAbortError extends Error {
  override readonly name = "ClientAbortError";
}
