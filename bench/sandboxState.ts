import { request } from "undici";
import type { SandboxState } from "../server/sandbox/types.ts";

/** The sandbox's `/__sandbox/state`: what it received (tickets, requests, token requests). */
export async function sandboxState(sandboxUrl: string): Promise<SandboxState> {
  const res = await request(`${sandboxUrl}/__sandbox/state`);
  if (res.statusCode !== 200) throw new Error(`sandbox state: ${res.statusCode}`);
  return (await res.body.json()) as SandboxState;
}

/** Calls a `/__sandbox/` control route with a JSON body and checks it succeeded. */
export async function sandboxControl(
  sandboxUrl: string,
  method: "POST" | "PATCH",
  path: string,
  body: unknown = {},
): Promise<void> {
  const res = await request(`${sandboxUrl}/__sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode >= 300)
    throw new Error(`${method} /__sandbox${path}: ${res.statusCode} ${text}`);
}
