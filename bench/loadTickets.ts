import { Agent, request } from "undici";
import { API } from "../contract/index.ts";
import { cpuTimeMs } from "./cpuTime.ts";
import type { ServiceProcess } from "./processes.ts";
import { benchFile, ticketBody } from "./sendTicket.ts";

/** What one load run saw: accepted tickets per second, and the proxies' CPU ms per ticket. */
export interface LoadRun {
  rps: number;
  cpuMsPerTicket: number;
}

/**
 * `clients` keep-alive clients sending small tickets for `ms`, spread over `proxies`, each as
 * its own customer (as users are: one customer's thousands of tickets an hour would measure a
 * limit no deployment has, not the store).
 */
export async function loadTickets(
  proxies: readonly ServiceProcess[],
  tokens: readonly string[],
  ms: number,
  clients: number,
): Promise<LoadRun> {
  const urls = proxies.map((p) => p.url);
  const cpuBefore = proxies.reduce((sum, p) => sum + cpuTimeMs(p.pid), 0);
  const body = ticketBody("proxy", [benchFile("png", 4096)]);
  const bytes = Buffer.concat([...body.chunks()]);
  const agent = new Agent({ connections: clients, pipelining: 1 });
  let accepted = 0;
  const started = performance.now();
  const deadline = started + ms;
  const client = async (i: number): Promise<void> => {
    const url = `${urls[i % urls.length]}${API.tickets}`;
    while (performance.now() < deadline) {
      const res = await request(url, {
        method: "POST",
        headers: { [API.customerTokenHeader]: tokens[i % tokens.length] ?? "", ...body.headers },
        body: bytes,
        dispatcher: agent,
      }).catch(() => null);
      await res?.body.dump();
      if (res?.statusCode === 202) accepted += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = proxies.reduce((sum, p) => sum + cpuTimeMs(p.pid), 0) - cpuBefore;
  await agent.close();
  return { rps: accepted / seconds, cpuMsPerTicket: cpu / Math.max(1, accepted) };
}
