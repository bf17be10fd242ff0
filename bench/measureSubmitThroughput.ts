import { Agent, request } from "undici";
import { result, type BenchResult } from "./benchResult.ts";
import { percentile } from "./median.ts";
import { startRealStack } from "./processes.ts";
import { sandboxState } from "./sandboxState.ts";
import {
  benchFile,
  sandboxBearer,
  ticketBody,
  ticketRequest,
  type TicketTarget,
} from "./sendTicket.ts";

const CLIENTS = 50;
const DURATION_MS = 5000;

/** What one load run saw. */
export interface LoadRun {
  /** Tickets accepted. */
  count: number;
  rps: number;
  p99: number;
  failed: number;
}

/** 50 clients, each sending small tickets back to back over keep-alive for DURATION_MS. */
export async function load(target: TicketTarget, durationMs = DURATION_MS): Promise<LoadRun> {
  // One screenshot-sized PNG, so the proxy's file path (checks, spool) is part of the load.
  const body = ticketBody(target.kind, [benchFile("png", 4096)]);
  const bytes = Buffer.concat([...body.chunks()]);
  const { url, headers } = ticketRequest(target);
  const agent = new Agent({ connections: CLIENTS, pipelining: 1 });
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      try {
        const res = await request(url, {
          method: "POST",
          headers: { ...headers, ...body.headers },
          body: bytes,
          dispatcher: agent,
        });
        await res.body.dump();
        if (res.statusCode === 202 || res.statusCode === 201) {
          latencies.push(performance.now() - sentAt);
        } else failed += 1;
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return {
    count: latencies.length,
    rps: latencies.length / seconds,
    p99: percentile(latencies, 99),
    failed,
  };
}

/** Small tickets from 50 concurrent clients through the proxy vs straight at Ripio's Create. */
export async function measureSubmitThroughput(): Promise<BenchResult[]> {
  const stack = await startRealStack();
  try {
    const direct = await load({
      kind: "direct",
      url: stack.sandbox.url,
      bearer: await sandboxBearer(stack.sandbox.url),
    });
    // The proxy has not asked for a token yet: the first 50 tickets all need one at once.
    const tokensBefore = (await sandboxState(stack.sandbox.url)).tokenRequests;
    const proxy = await load({
      kind: "proxy",
      url: stack.proxy.url,
      customerToken: stack.customerToken,
    });
    const tokens = (await sandboxState(stack.sandbox.url)).tokenRequests - tokensBefore;
    return [
      result("submit_rps_50c", proxy.rps, "req/s", direct.rps, null, false),
      result("submit_p99_ms_50c", proxy.p99, "ms", direct.p99, null),
      result("submit_failed_50c", proxy.failed, "req", direct.failed, null),
      result("token_requests", tokens, "req", null, 1),
    ];
  } finally {
    await stack.stop();
  }
}
