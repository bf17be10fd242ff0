/** What Ripio refused, or answered that the proxy cannot use (each maps to its own code). */
export type UpstreamRejection =
  /** 403/20061: Support Tickets are not enabled for our account. */
  | "ticketsDisabled"
  /** 400/20062: Ripio does not know the customer. */
  | "customerNotFound"
  /** 400/20063: the customer has no email on file. */
  | "customerEmailMissing"
  /** The client-credentials grant was refused or unreadable: the operator must act. */
  | "authenticationFailed"
  /** A fresh token was refused too. */
  | "credentialsRefused"
  /** An answer the proxy should have prevented, or cannot read (logged as a defect). */
  | "unusableAnswer";

/** Ripio answered, and the answer means this request cannot succeed as it is. */
export class UpstreamRejectedError extends Error {
  override readonly name = "UpstreamRejectedError";

  constructor(
    readonly reason: UpstreamRejection,
    options: { cause?: unknown } = {},
  ) {
    super(`Ripio rejected the request: ${reason}`, { cause: options.cause });
  }
}
