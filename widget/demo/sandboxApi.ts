/** The sandbox scenario a story runs in (PATCH /__sandbox/scenario). */
export interface ScenarioPatch {
  ticketsEnabled?: boolean;
  processingDelayMs?: number;
  latencyMs?: number;
  nextOutcome?: "CREATED" | "FAILED";
}

/** A fault the sandbox applies to its next requests (POST /__sandbox/faults). */
export interface FaultSpec {
  target: "token" | "tickets";
  mode: "status" | "hang" | "drop";
  status?: number;
  count?: number;
  retryAfterSeconds?: number;
}

async function send(method: string, path: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = { method, headers: { "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const answer = await fetch(path, init);
  if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}`);
  return answer.json();
}

/** Puts the sandbox into a story's scenario, from a clean state. */
export async function applyScenario(scenario: ScenarioPatch, faults: FaultSpec[]): Promise<void> {
  await send("POST", "/__sandbox/reset");
  await send("PATCH", "/__sandbox/scenario", scenario);
  for (const fault of faults) await send("POST", "/__sandbox/faults", fault);
}

/** A customer only this story run uses (its list starts empty), known to the sandbox. */
export async function freshCustomer(): Promise<string> {
  const customerId = `cus_story_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await send("POST", "/__sandbox/customers", { customerId, email: `${customerId}@example.com` });
  return customerId;
}

/** A customer token from the proxy's demo identity endpoint (sandbox mode only). */
export async function demoToken(customerId: string, ttlSeconds?: number): Promise<string> {
  const body = ttlSeconds ? { customerId, ttlSeconds } : { customerId };
  const answer = (await send("POST", "/demo/identity", body)) as { token: string };
  return answer.token;
}
