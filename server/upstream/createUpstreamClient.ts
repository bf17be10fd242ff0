// Every assumption about Ripio's paths and answers lives here and in upstreamErrors.ts.
// Over 200 lines on purpose: the token grant, the auth retry and the three calls read best
// together, as the one place to change when Ripio's API does.
import type { Readable } from "node:stream";
import type { Logger } from "pino";
import { Agent } from "undici";
import { z } from "zod";
import { isTicket, ticketOf, type Ticket } from "../../contract/index.ts";
import { UpstreamRejectedError } from "../domain/UpstreamRejectedError.ts";
import { UpstreamUnavailableError } from "../domain/UpstreamUnavailableError.ts";
import type { RipioSettings } from "../config.ts";
import { createTokenCache, type IssuedToken } from "./createTokenCache.ts";
import { multipartBody, type MultipartFile } from "./multipartBody.ts";
import { requestJson } from "./requestJson.ts";
import {
  failureOutcome,
  isAuthFailure,
  isTicketsDisabled,
  mapFailure,
  parseRetryAfter,
  readFailure,
  unavailable,
  type UpstreamFailure,
} from "./upstreamErrors.ts";

/** Ripio's documented paths: camelCase, trailing slash. */
const PATHS = {
  token: "/oauth2/token/",
  tickets: "/api/v1/supportTickets/",
  ticket: (id: string) => `/api/v1/supportTickets/${encodeURIComponent(id)}/`,
};
// Retrieve of an id that cannot exist: 404 says tickets are on, 403/20061 that they are off.
const PROBE_TICKET_ID = "00000000-0000-0000-0000-000000000000";

/** How long each kind of upstream call may take. */
export interface UpstreamTimeouts {
  tokenMs: number;
  retrieveMs: number;
  /** From the last byte of a Create sent to the answer's headers. */
  createHeadersMs: number;
  /** A whole Create, upload included (server to server, so generous but finite). */
  createTotalMs: number;
}

/** Token and Retrieve 10 s, Create 60 s for the answer after the upload. */
export const DEFAULT_UPSTREAM_TIMEOUTS: UpstreamTimeouts = {
  tokenMs: 10_000,
  retrieveMs: 10_000,
  createHeadersMs: 60_000,
  createTotalMs: 10 * 60_000,
};

/** The calls made to Ripio, as the metrics name them. */
export type UpstreamOperation = "token" | "create" | "retrieve";

/** Told of every HTTP exchange with Ripio: its answer's status, or `timeout` / `network_error`. */
export type UpstreamObserver = (
  operation: UpstreamOperation,
  outcome: string,
  seconds: number,
) => void;

/** A ticket to create: the customer from the identity token, files spooled on disk. */
export interface NewTicket {
  customerId: string;
  summary: string;
  description: string;
  files: readonly Omit<MultipartFile, "field">[];
}

/**
 * The proxy's view of Ripio. Every method throws UpstreamUnavailableError (try again later) or
 * UpstreamRejectedError (this request cannot succeed) for the answers it cannot use.
 */
export interface UpstreamClient {
  createTicket(ticket: NewTicket): Promise<Ticket>;
  /** null when Ripio does not know the ticket (404). */
  retrieveTicket(ticketId: string): Promise<Ticket | null>;
  /** Whether Support Tickets are enabled for our account. */
  ticketsEnabled(): Promise<boolean>;
  /** Resolves once a token can be had (readiness). */
  ensureToken(): Promise<void>;
  close(): Promise<void>;
}

const TOKEN_ANSWER = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.number().positive(),
});

interface Answer {
  status: number;
  json: unknown;
  retryAfter: number | null;
}

/** Creates the client; it owns its connection pool and its token cache. */
export function createUpstreamClient(deps: {
  ripio: RipioSettings;
  logger: Logger;
  now: () => number;
  timeouts?: Partial<UpstreamTimeouts>;
  observe?: UpstreamObserver;
}): UpstreamClient {
  const { ripio, logger, now } = deps;
  const observe = deps.observe ?? (() => undefined);
  const timeouts = { ...DEFAULT_UPSTREAM_TIMEOUTS, ...deps.timeouts };
  const agent = new Agent({ keepAliveTimeout: 4_000, connect: { timeout: timeouts.tokenMs } });
  const basic = Buffer.from(
    `${encodeURIComponent(ripio.clientId)}:${encodeURIComponent(ripio.clientSecret)}`,
  ).toString("base64");

  async function call(
    operation: UpstreamOperation,
    path: string,
    init: {
      method: "GET" | "POST";
      headers: Record<string, string>;
      body?: string | Readable;
      headersTimeout: number;
      totalMs: number;
    },
  ): Promise<Answer> {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    let answer: Awaited<ReturnType<typeof requestJson>>;
    try {
      answer = await requestJson(`${ripio.baseUrl}${path}`, {
        ...init,
        dispatcher: agent,
        bodyTimeout: timeouts.retrieveMs,
      });
    } catch (error) {
      observe(operation, failureOutcome(error), seconds());
      throw error;
    }
    observe(operation, String(answer.status), seconds());
    return { ...answer, retryAfter: parseRetryAfter(answer.retryAfter, now()) };
  }

  async function fetchToken(): Promise<IssuedToken> {
    let answer: Answer;
    try {
      answer = await call("token", PATHS.token, {
        method: "POST",
        headers: {
          authorization: `Basic ${basic}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
        headersTimeout: timeouts.tokenMs,
        totalMs: timeouts.tokenMs,
      });
    } catch (error) {
      throw unavailable("tokenUnreachable", null, { cause: error });
    }
    const token = answer.status === 200 ? TOKEN_ANSWER.safeParse(answer.json) : null;
    if (token?.success) return token.data;
    if (answer.status === 429 || answer.status >= 500) {
      throw unavailable("tokenUnavailable", answer.retryAfter, { upstreamStatus: answer.status });
    }
    // Bad client credentials or an answer we cannot read: the operator must act.
    logger.error({ upstreamStatus: answer.status }, "Ripio refused the client credentials grant");
    throw new UpstreamRejectedError("authenticationFailed");
  }

  const tokens = createTokenCache({ fetchToken, now });

  /** Sends with the cached token; on an auth failure, once more with a fresh one. */
  async function withToken(send: (token: string) => Promise<Answer>): Promise<Answer> {
    const token = await tokens.get();
    const first = await send(token);
    if (first.status < 400 || !isAuthFailure(readFailure(first.status, first.json, null)))
      return first;
    tokens.invalidate(token);
    logger.info("Ripio refused the access token; retrying once with a fresh one");
    return send(await tokens.get());
  }

  function fail(operation: string, failure: UpstreamFailure): never {
    if (isAuthFailure(failure)) {
      logger.error({ operation, upstreamStatus: failure.status }, "Ripio refused a fresh token");
      throw new UpstreamRejectedError("credentialsRefused");
    }
    const { error, defect } = mapFailure(failure);
    const facts = { operation, upstreamStatus: failure.status, upstreamCode: failure.code };
    if (defect)
      logger.error(
        { ...facts, upstreamMessage: failure.message },
        "DEFECT: unexpected Ripio answer",
      );
    else logger.warn(facts, "Ripio answered with an error");
    throw error;
  }

  async function guarded(operation: string, run: () => Promise<Answer>): Promise<Answer> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof UpstreamRejectedError || error instanceof UpstreamUnavailableError)
        throw error;
      logger.warn({ operation, err: error }, "Ripio could not be reached");
      throw unavailable("unreachable", null, { cause: error });
    }
  }

  function ticketFrom(operation: string, answer: Answer): Ticket {
    if (isTicket(answer.json)) return ticketOf(answer.json);
    logger.error({ operation, upstreamStatus: answer.status }, "DEFECT: unreadable Ripio ticket");
    throw new UpstreamRejectedError("unusableAnswer");
  }

  async function retrieve(ticketId: string): Promise<Answer> {
    return guarded("retrieve", () =>
      withToken((token) =>
        call("retrieve", PATHS.ticket(ticketId), {
          method: "GET",
          headers: { authorization: `Bearer ${token}` },
          headersTimeout: timeouts.retrieveMs,
          totalMs: timeouts.retrieveMs,
        }),
      ),
    );
  }

  return {
    async createTicket(ticket) {
      const body = multipartBody(
        [
          ["customerId", ticket.customerId],
          ["summary", ticket.summary],
          ["description", ticket.description],
        ],
        ticket.files.map((file) => ({ ...file, field: "files" })),
      );
      const answer = await guarded("create", () =>
        withToken((token) =>
          call("create", PATHS.tickets, {
            method: "POST",
            headers: {
              authorization: `Bearer ${token}`,
              "content-type": body.contentType,
              "content-length": String(body.length),
            },
            body: body.open(),
            headersTimeout: timeouts.createHeadersMs,
            totalMs: timeouts.createTotalMs,
          }),
        ),
      );
      if (answer.status === 200 || answer.status === 201 || answer.status === 202) {
        return ticketFrom("create", answer);
      }
      return fail("create", readFailure(answer.status, answer.json, answer.retryAfter));
    },

    async retrieveTicket(ticketId) {
      const answer = await retrieve(ticketId);
      if (answer.status === 200) return ticketFrom("retrieve", answer);
      if (answer.status === 404) return null;
      return fail("retrieve", readFailure(answer.status, answer.json, answer.retryAfter));
    },

    async ticketsEnabled() {
      const answer = await retrieve(PROBE_TICKET_ID);
      if (answer.status === 404 || answer.status === 200) return true;
      const failure = readFailure(answer.status, answer.json, answer.retryAfter);
      return isTicketsDisabled(failure) ? false : fail("probe", failure);
    },

    async ensureToken() {
      await tokens.get();
    },

    async close() {
      await agent.destroy();
    },
  };
}
