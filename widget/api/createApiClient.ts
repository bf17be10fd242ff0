import {
  API,
  MAX_WAIT_SECONDS,
  isPublicConfig,
  ticketPath,
  type PublicConfig,
  type Ticket,
  type TicketList,
  type TicketContext,
} from "../../contract/index.ts";
import { ApiClientError, isAbortError } from "./ApiClientError.ts";
import { parseErrorAnswer } from "./parseErrorAnswer.ts";
import { parseTicket } from "./parseTicket.ts";
import { xhrPostForm, type RawAnswer, type UploadProgressEvent } from "./xhrPostForm.ts";

/**
 * Gives the customer token for a request: the current one, or (with `fresh`) a new one
 * after the proxy said IDENTITY_EXPIRED. `null` when there is none to give.
 */
export type GetToken = (fresh: boolean) => Promise<string | null>;

/** What a ticket is made of when sent. */
export interface TicketSubmission {
  summary: string;
  description: string;
  files: readonly File[];
  /** The technical details the user left in (multipart field `context`); none when null. */
  context?: TicketContext | null;
  /** Belongs to the draft, so a retry after a lost answer gets the same ticket. */
  idempotencyKey: string;
  onProgress?: (event: UploadProgressEvent) => void;
  signal?: AbortSignal;
}

/** A page of the list and the list's version (empty from a proxy that sends none). */
export interface TicketListPage extends TicketList {
  version: string;
}

/** The proxy's API as the widget uses it. */
export interface ApiClient {
  submitTicket(submission: TicketSubmission): Promise<Ticket>;
  getTicket(
    ticketId: string,
    options?: { waitSeconds?: number; signal?: AbortSignal },
  ): Promise<Ticket>;
  getConfig(options?: { signal?: AbortSignal }): Promise<PublicConfig>;
  /** `GET /api/tickets`: a page of the customer's own tickets, newest first. */
  listTickets(options?: {
    limit?: number;
    cursor?: string | null;
    waitSeconds?: number;
    /** With `waitSeconds`: the `version` shown; a change after it is answered at once. */
    since?: string;
    signal?: AbortSignal;
  }): Promise<TicketListPage>;
  /** `DELETE /api/tickets/:ticketId`: removes it from the customer's list. */
  removeTicket(ticketId: string): Promise<void>;
}

function unreadable(status: number): ApiClientError {
  return new ApiClientError({ code: "UPSTREAM_ERROR", status, message: "Unreadable answer" });
}

function ticketFrom(answer: RawAnswer): Ticket {
  if (answer.status < 200 || answer.status > 299) {
    throw parseErrorAnswer(answer.status, answer.text, answer.retryAfter);
  }
  const ticket = parseTicket(answer.text);
  if (!ticket) throw unreadable(answer.status);
  return ticket;
}

async function fetchAnswer(
  url: string,
  init: RequestInit,
): Promise<RawAnswer & { listVersion?: string | null }> {
  try {
    const response = await fetch(url, { ...init, cache: "no-store" });
    const text = await response.text();
    const retryAfter = response.headers.get("Retry-After");
    const listVersion = response.headers.get(API.listVersionHeader);
    return { status: response.status, text, retryAfter, listVersion };
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiClientError({ code: "NETWORK_ERROR", status: 0, message: String(error) });
  }
}

/**
 * The widget's client for the proxy. Sends tickets with XMLHttpRequest (upload progress),
 * reads status and config with fetch, and on IDENTITY_EXPIRED asks `getToken` for a fresh
 * token once and repeats the request once, so the user never sees a token expire.
 */
export function createApiClient(options: { apiBase?: string; getToken: GetToken }): ApiClient {
  const base = (options.apiBase ?? "").replace(/\/+$/, "");
  const { getToken } = options;

  async function withIdentity<A extends RawAnswer>(
    send: (headers: Record<string, string>) => Promise<A>,
  ): Promise<A> {
    const headersFor = (token: string | null): Record<string, string> =>
      token ? { [API.customerTokenHeader]: token } : {};
    const token = await getToken(false);
    const answer = await send(headersFor(token));
    if (answer.status !== 401) return answer;
    if (parseErrorAnswer(answer.status, answer.text, null).code !== "IDENTITY_EXPIRED") {
      return answer;
    }
    const fresh = await getToken(true).catch(() => null);
    if (!fresh || fresh === token) return answer;
    return send(headersFor(fresh));
  }

  return {
    async submitTicket(submission) {
      const { files, idempotencyKey, onProgress, signal } = submission;
      const answer = await withIdentity((identity) => {
        // Built per attempt, so the repeat after IDENTITY_EXPIRED sends exactly the same.
        const body = new FormData();
        body.append(API.fields.summary, submission.summary.trim());
        body.append(API.fields.description, submission.description.trim());
        for (const file of files) body.append(API.fields.attachments, file, file.name);
        if (submission.context) body.append(API.fields.context, JSON.stringify(submission.context));
        const headers = { ...identity, [API.idempotencyKeyHeader]: idempotencyKey };
        return xhrPostForm(`${base}${API.tickets}`, body, headers, {
          ...(onProgress ? { onProgress } : {}),
          ...(signal ? { signal } : {}),
        });
      });
      return ticketFrom(answer);
    },

    async getTicket(ticketId, { waitSeconds = 0, signal } = {}) {
      const wait = Math.min(Math.max(0, Math.floor(waitSeconds)), MAX_WAIT_SECONDS);
      const url = `${base}${ticketPath(ticketId)}${wait > 0 ? `?wait=${wait}` : ""}`;
      const answer = await withIdentity((headers) =>
        fetchAnswer(url, { headers, ...(signal ? { signal } : {}) }),
      );
      return ticketFrom(answer);
    },

    async listTickets({ limit, cursor, waitSeconds = 0, since, signal } = {}) {
      const query = new URLSearchParams();
      if (limit !== undefined) query.set("limit", String(limit));
      if (cursor) query.set("cursor", cursor);
      const wait = Math.min(Math.max(0, Math.floor(waitSeconds)), MAX_WAIT_SECONDS);
      if (wait > 0) query.set("wait", String(wait));
      if (wait > 0 && since) query.set("since", since);
      const url = `${base}${API.tickets}${query.size > 0 ? `?${query.toString()}` : ""}`;
      const answer = await withIdentity((headers) =>
        fetchAnswer(url, { headers, ...(signal ? { signal } : {}) }),
      );
      if (answer.status !== 200) {
        throw parseErrorAnswer(answer.status, answer.text, answer.retryAfter);
      }
      try {
        const list = JSON.parse(answer.text) as TicketList;
        if (!Array.isArray(list.tickets)) throw new TypeError("no tickets");
        // A proxy older than the header answers without it: its long polls take no `since`.
        return { ...list, version: answer.listVersion ?? "" };
      } catch {
        throw unreadable(answer.status);
      }
    },

    async removeTicket(ticketId) {
      const answer = await withIdentity((headers) =>
        fetchAnswer(`${base}${ticketPath(ticketId)}`, { method: "DELETE", headers }),
      );
      if (answer.status !== 204 && answer.status !== 404) {
        throw parseErrorAnswer(answer.status, answer.text, answer.retryAfter);
      }
    },

    async getConfig({ signal } = {}) {
      const answer = await withIdentity((headers) =>
        fetchAnswer(`${base}${API.config}`, { headers, ...(signal ? { signal } : {}) }),
      );
      if (answer.status !== 200) {
        throw parseErrorAnswer(answer.status, answer.text, answer.retryAfter);
      }
      let config: unknown;
      try {
        config = JSON.parse(answer.text);
      } catch {
        throw unreadable(answer.status);
      }
      if (!isPublicConfig(config)) throw unreadable(answer.status);
      return config;
    },
  };
}
