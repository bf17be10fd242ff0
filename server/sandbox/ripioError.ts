/** Ripio's documented error shape; the message sits at `detail.message`. */
export interface RipioErrorBody {
  code: number;
  type: string;
  detail: { message: string };
  status: number;
}

/**
 * Every error the sandbox answers on Ripio's endpoints. Only 20000, 20001, 20061 and 40001 are
 * documented by Ripio; the other codes are the sandbox's choice (see ripio-api.md "Assumed").
 */
export const RIPIO_ERRORS = {
  validation: { status: 400, code: 20000, type: "ValidationError" },
  parse: { status: 400, code: 20001, type: "ParseError" },
  ticketsDisabled: { status: 403, code: 20061, type: "SupportTicketsNotEnabledException" },
  customerNotFound: { status: 400, code: 20062, type: "CustomerNotFoundException" },
  customerEmailMissing: { status: 400, code: 20063, type: "CustomerEmailMissingException" },
  ticketNotFound: { status: 404, code: 20064, type: "SupportTicketNotFoundException" },
  notAuthenticated: { status: 401, code: 40001, type: "NotAuthenticated" },
  routeNotFound: { status: 404, code: 20004, type: "NotFound" },
  methodNotAllowed: { status: 405, code: 20005, type: "MethodNotAllowed" },
  internal: { status: 500, code: 50000, type: "InternalServerError" },
} as const satisfies Record<string, { status: number; code: number; type: string }>;

export type RipioErrorKind = keyof typeof RIPIO_ERRORS;

/** Builds one of the sandbox's Ripio errors with its HTTP status. */
export function ripioError(
  kind: RipioErrorKind,
  message: string,
): { status: number; body: RipioErrorBody } {
  const { status, code, type } = RIPIO_ERRORS[kind];
  return { status, body: { code, type, detail: { message }, status } };
}

const FAULT_TYPES: Record<number, string> = {
  429: "Throttled",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** The body of an injected status fault: code is the status × 100 (e.g. 50300), an assumption. */
export function faultError(status: number): RipioErrorBody {
  const type = FAULT_TYPES[status] ?? (status >= 500 ? "ServerError" : "ClientError");
  const message =
    status === 429 ? "Request was throttled." : `Injected sandbox fault (HTTP ${status}).`;
  return { code: status * 100, type, detail: { message }, status };
}
