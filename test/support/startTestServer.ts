import type { Logger } from "pino";
import { loadConfig } from "../../server/config.ts";
import type { UpstreamTimeouts } from "../../server/upstream/createUpstreamClient.ts";
import { signCustomerToken } from "../../server/protection/identity.ts";
import { WEBHOOK_PATH } from "../../server/routes/webhooks.ts";
import type {
  Sandbox,
  SandboxControl,
  SandboxOptions,
} from "../../server/sandbox/createSandbox.ts";
import { startServer } from "../../server/startServer.ts";

/** The proxy in sandbox mode, as every server-side, widget and end-to-end test uses it. */
export interface TestServer {
  url: string;
  /** The in-process Ripio simulator. `control.reset()` keeps the proxy's webhook registered. */
  sandbox: Sandbox;
  close(): Promise<void>;
  /** A customer token signed with the server's identity secret (default 1 h). */
  tokenFor(customerId: string, ttlSeconds?: number): Promise<string>;
}

/** What a test may change; everything else is the production code path. */
export interface TestServerOptions {
  /** Environment variables over the test defaults (see below). */
  env?: Record<string, string>;
  sandbox?: SandboxOptions;
  staticDir?: string | readonly string[];
  /** The spool folder uploads' temporary files go to, so a test can see them cleaned. */
  tmpDir?: string;
  upstreamTimeouts?: Partial<UpstreamTimeouts>;
  /** The window in which a request body must bring 1 KiB (default 30 s). */
  bodyWindowMs?: number;
  now?: () => number;
  /** Where the proxy logs (default: silent). */
  logger?: Logger;
  /** How long close() may take (default 2 s). */
  shutdownGraceMs?: number;
}

/** jsdom's origin under Vitest, allowed so widget tests can call the proxy. */
export const TEST_PAGE_ORIGIN = "http://localhost:3000";

/**
 * Starts the proxy in sandbox mode on 127.0.0.1:0 with silent logs, generous rate limits,
 * ALLOWED_ORIGINS = http://localhost:3000 and a 100 ms sandbox processing delay, unless
 * `options` say otherwise. Close it after the test.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  // The unit tier is the fast one, with no server: a test that needs one is an integration test.
  // Widget tests reach here too, in the child process remoteTestServer.ts forks (same env).
  if (process.env.RIPIO_TEST_TIER === "unit") {
    throw new Error(
      "A unit test may not start a proxy: put it in test/widget/withProxy/ (widget) or in " +
        "vite.config.ts's INTEGRATION_TESTS (Node).",
    );
  }
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    RATE_LIMIT_REQUESTS_PER_MINUTE: "1000000",
    RATE_LIMIT_TICKETS_PER_HOUR: "1000000",
    ALLOWED_ORIGINS: TEST_PAGE_ORIGIN,
    ...options.env,
  });
  const running = await startServer(config, {
    sandboxOptions: { processingDelayMs: 100, ...options.sandbox },
    ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
    ...(options.tmpDir === undefined ? {} : { tmpDir: options.tmpDir }),
    ...(options.upstreamTimeouts === undefined
      ? {}
      : { upstreamTimeouts: options.upstreamTimeouts }),
    ...(options.bodyWindowMs === undefined ? {} : { bodyWindowMs: options.bodyWindowMs }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    shutdownGraceMs: options.shutdownGraceMs ?? 2_000,
  });
  const inner = running.sandbox;
  if (!inner) throw new Error("startTestServer runs the proxy in sandbox mode only.");

  // The sandbox forgets webhook URLs on reset; a test that resets between cases still wants them.
  const control: SandboxControl = {
    ...inner.control,
    reset() {
      inner.control.reset();
      inner.control.registerWebhook(`${running.url}${WEBHOOK_PATH}`);
    },
  };
  const sandbox: Sandbox = {
    control,
    get url() {
      return inner.url;
    },
    listen: (port, host) => inner.listen(port, host),
    close: () => inner.close(),
  };
  return {
    url: running.url,
    sandbox,
    close: () => running.close(),
    tokenFor: (customerId, ttlSeconds = 3600) =>
      signCustomerToken(customerId, config.identitySecret, ttlSeconds),
  };
}
