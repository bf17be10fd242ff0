import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { RIPIO_PATHS } from "../../server/sandbox/ripioPaths.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../../server/sandbox/seeds.ts";

/** A JSON answer as the tests look at it. */
export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The body as JSON, or the raw text when it is not JSON (or empty). */
async function read<T>(res: Response): Promise<JsonAnswer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON: keep the text so the failing assertion shows it.
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

/** `Authorization: Basic …` for a client id and secret. */
export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

/** Asks the token endpoint, by default with the seeded client and the right grant. */
export async function requestToken(
  baseUrl: string,
  init: { authorization?: string | null; body?: string; contentType?: string } = {},
): Promise<JsonAnswer<Record<string, unknown>>> {
  const authorization =
    init.authorization === undefined
      ? basicAuth(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET)
      : init.authorization;
  const res = await fetch(baseUrl + RIPIO_PATHS.token, {
    method: "POST",
    headers: {
      "content-type": init.contentType ?? "application/x-www-form-urlencoded",
      ...(authorization === null ? {} : { authorization }),
    },
    body: init.body ?? "grant_type=client_credentials",
  });
  return read(res);
}

/** A fresh access token from the seeded client. */
export async function getToken(baseUrl: string): Promise<string> {
  const { status, body } = await requestToken(baseUrl);
  if (status !== 200 || typeof body.accessToken !== "string") {
    throw new Error(`token request failed: ${status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

/** One file part of a Create Support Ticket request. */
export interface FilePart {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  type?: string;
}

/** The parts of a Create Support Ticket request; `null` leaves a text part out. */
export interface TicketParts {
  customerId?: string | null;
  summary?: string | null;
  description?: string | null;
  files?: FilePart[];
}

/** Builds the multipart body Ripio expects, with valid defaults for every text field. */
export function ticketForm(parts: TicketParts = {}): FormData {
  const form = new FormData();
  const text = {
    customerId: "cus_demo_alice",
    summary: "Cannot withdraw to my bank account",
    description: "The withdrawal stays in 'processing' since yesterday.",
    ...parts,
  };
  for (const name of ["customerId", "summary", "description"] as const) {
    const value = text[name];
    if (value !== null && value !== undefined) form.append(name, value);
  }
  for (const file of parts.files ?? []) {
    form.append("files", new Blob([file.bytes], { type: file.type ?? "" }), file.name);
  }
  return form;
}

/** `POST /api/v1/supportTickets/` with a bearer token and any body. */
export async function createTicket(
  baseUrl: string,
  token: string | null,
  body: FormData | string = ticketForm(),
  headers: Record<string, string> = {},
): Promise<JsonAnswer<Record<string, unknown>>> {
  const res = await fetch(baseUrl + RIPIO_PATHS.tickets, {
    method: "POST",
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body,
  });
  return read(res);
}

/** `GET /api/v1/supportTickets/{id}/` with a bearer token. */
export async function retrieveTicket(
  baseUrl: string,
  token: string | null,
  ticketId: string,
): Promise<JsonAnswer<Record<string, unknown>>> {
  const res = await fetch(baseUrl + RIPIO_PATHS.ticket(ticketId), {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return read(res);
}

/** Calls a /__sandbox/ route with an optional JSON body. */
export async function callControl<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonAnswer<T>> {
  const res = await fetch(`${baseUrl}/__sandbox${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return read(res);
}

/** One request a webhook receiver got. */
export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

/** A webhook receiver on a loopback port; `respond(n)` picks the status for the n-th call (1-based). */
export async function startReceiver(respond: (n: number) => number | "hang" = () => 200): Promise<{
  url: string;
  received: ReceivedHook[];
  close(): Promise<void>;
}> {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
      const answer = respond(received.length);
      if (answer !== "hang") res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/ripio`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
