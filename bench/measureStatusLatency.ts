import { setTimeout as sleep } from "node:timers/promises";
import { request } from "undici";
import { API, ticketPath, type Ticket } from "../contract/index.ts";
import { matchTicketPath } from "../server/sandbox/ripioPaths.ts";
import { backoffDelay } from "../widget/core/backoffDelay.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { median } from "./median.ts";
import { startRealStack, type RealStack } from "./processes.ts";
import { sandboxControl, sandboxState } from "./sandboxState.ts";
import { benchFile, expectAccepted, sendTicket } from "./sendTicket.ts";

/** When each ticket is completed, after its client starts: spread so polling is seen at every phase. */
const COMPLETE_AFTER_MS = [2000, 2500, 3000, 3500, 4000, 4500];
// The widget's long poll (widget/core/createStatusFollower.ts): held up to 20 s, asked again 50 ms after a PENDING.
const WAIT_SECONDS = 20;
const AGAIN_MS = 50;
const GIVE_UP_MS = 40_000;

type Mode = "longpoll" | "polling";

/** Asks the proxy for a ticket's status, as the widget's client does. */
async function getTicket(stack: RealStack, id: string, waitSeconds: number): Promise<Ticket> {
  const query = waitSeconds > 0 ? `?wait=${waitSeconds}` : "";
  const res = await request(`${stack.proxy.url}${ticketPath(id)}${query}`, {
    headers: { [API.customerTokenHeader]: stack.customerToken },
  });
  const body = (await res.body.json()) as Ticket;
  if (res.statusCode !== 200)
    throw new Error(`GET ticket: ${res.statusCode} ${JSON.stringify(body)}`);
  return body;
}

/** Follows a ticket until it is no longer PENDING; resolves the time it was seen. */
async function follow(stack: RealStack, id: string, mode: Mode): Promise<number> {
  const started = performance.now();
  for (let attempt = 0; performance.now() - started < GIVE_UP_MS; attempt++) {
    const ticket = await getTicket(stack, id, mode === "longpoll" ? WAIT_SECONDS : 0);
    if (ticket.status !== "PENDING") return performance.now();
    // Polling is the widget's fallback schedule: 1 s, 2 s, 4 s, 8 s, then every 10 s.
    await sleep(mode === "longpoll" ? AGAIN_MS : backoffDelay(attempt));
  }
  throw new Error(`ticket ${id} still PENDING after ${GIVE_UP_MS} ms (${mode})`);
}

/** Creates a ticket through the proxy; its id is the one Ripio (the sandbox) gave it. */
async function createTicket(stack: RealStack): Promise<string> {
  const target = {
    kind: "proxy",
    url: stack.proxy.url,
    customerToken: stack.customerToken,
  } as const;
  const sent = await sendTicket(target, [benchFile("png", 1024)]);
  expectAccepted(sent, "ticket for the status bench");
  return (sent.body as Ticket).ticketId;
}

/** From the sandbox completing the ticket to the client seeing it: ms. */
async function latency(stack: RealStack, id: string, mode: Mode, afterMs: number): Promise<number> {
  const seen = follow(stack, id, mode);
  await sleep(afterMs);
  const completedAt = performance.now();
  await sandboxControl(stack.sandbox.url, "POST", `/tickets/${encodeURIComponent(id)}/complete`, {
    outcome: "CREATED",
  });
  return (await seen) - completedAt;
}

/** Status latency and upstream Retrieve calls per ticket, long poll vs the polling fallback. */
export async function measureStatusLatency(): Promise<BenchResult[]> {
  const stack = await startRealStack();
  try {
    const sandbox = stack.sandbox.url;
    // A real deployment registers its webhook URL with Ripio; here the bench does it.
    await sandboxControl(sandbox, "POST", "/webhooks", {
      url: `${stack.proxy.url}/webhooks/ripio`,
    });
    // Tickets stay PENDING until the bench completes them.
    await sandboxControl(sandbox, "PATCH", "/scenario", { processingDelayMs: 3_600_000 });
    const modes: Mode[] = ["longpoll", "polling"];
    const tickets = new Map<Mode, string[]>();
    for (const mode of modes) {
      const ids: string[] = [];
      for (const _ of COMPLETE_AFTER_MS) ids.push(await createTicket(stack));
      tickets.set(mode, ids);
    }
    // Both modes at once (they share nothing but the proxy), which halves the wall time.
    const latencies = await Promise.all(
      modes.map((mode) =>
        Promise.all(
          (tickets.get(mode) ?? []).map((id, i) =>
            latency(stack, id, mode, COMPLETE_AFTER_MS[i] ?? 0),
          ),
        ),
      ),
    );
    const { requests } = await sandboxState(sandbox);
    const retrievesPerTicket = (mode: Mode): number => {
      const ids = new Set(tickets.get(mode));
      const retrieves = requests.filter((r) => {
        const id = r.method === "GET" ? matchTicketPath(r.path) : null;
        return id !== null && ids.has(id);
      });
      return retrieves.length / ids.size;
    };
    const [longpoll = [], polling = []] = latencies;
    return [
      result("status_latency_ms_longpoll", median(longpoll), "ms", median(polling), null),
      result("status_latency_ms_polling", median(polling), "ms", null, null),
      result(
        "status_retrieves_per_ticket_longpoll",
        retrievesPerTicket("longpoll"),
        "req",
        retrievesPerTicket("polling"),
        null,
      ),
      result(
        "status_retrieves_per_ticket_polling",
        retrievesPerTicket("polling"),
        "req",
        null,
        null,
      ),
    ];
  } finally {
    await stack.stop();
  }
}
