/**
 * Runs `startTestServer` in a child Node process for the widget tests. The widget tests
 * run under jsdom, whose globals come from another realm (`Buffer` is not an instance of
 * its `Uint8Array`), which breaks the proxy's crypto and streams if it runs there; and
 * Vite rewrites `new URL(…, import.meta.url)` for web environments. So the proxy runs here,
 * in plain Node, and the tests drive it over IPC (see `remoteTestServer.ts`).
 */
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";

interface Call {
  id: number;
  method: "start" | "control" | "tokenFor" | "close";
  args: unknown[];
}

let server: TestServer | null = null;

async function handle({ method, args }: Call): Promise<unknown> {
  if (method === "start") {
    const { clockAheadMs = 0, ...options } = args[0] as Parameters<typeof startTestServer>[0] & {
      clockAheadMs?: number;
    };
    // A clock cannot cross IPC; the offset can (to make tokens expire beyond the skew).
    const now = clockAheadMs === 0 ? {} : { now: () => Date.now() + clockAheadMs };
    server = await startTestServer({ ...options, ...now });
    return { url: server.url };
  }
  if (!server) throw new Error("The test server has not started.");
  if (method === "tokenFor")
    return server.tokenFor(args[0] as string, args[1] as number | undefined);
  if (method === "close") {
    await server.close();
    server = null;
    setImmediate(() => process.exit(0));
    return null;
  }
  const [name, ...rest] = args as [string, ...unknown[]];
  const control = server.sandbox.control as unknown as Record<string, (...a: unknown[]) => unknown>;
  const fn = control[name];
  if (typeof fn !== "function") throw new Error(`No sandbox control "${name}".`);
  return fn(...rest);
}

process.on("message", (call: Call) => {
  handle(call).then(
    (result) => process.send?.({ id: call.id, result }),
    (error: unknown) => process.send?.({ id: call.id, error: String(error) }),
  );
});
process.send?.({ ready: true });
