import { afterEach, beforeEach } from "vitest";
import type { SandboxOptions } from "../../../server/sandbox/createSandbox.ts";
import type { ReceivedTicket } from "../../../server/sandbox/types.ts";
import { startRemoteTestServer, type RemoteTestServer } from "./remoteTestServer.ts";

/**
 * A fresh proxy and sandbox on loopback for every test of the calling file (or describe
 * block), closed after it. jsdom's origin (http://localhost:3000) is an allowed origin.
 */
export function serverPerTest(options: { sandbox?: SandboxOptions; clockAheadMs?: number } = {}): {
  readonly current: RemoteTestServer;
  /** The tickets the sandbox (Ripio) received, with their fields and files. */
  tickets(): Promise<ReceivedTicket[]>;
} {
  let server: RemoteTestServer | null = null;
  beforeEach(async () => {
    server = await startRemoteTestServer({
      ...options,
      sandbox: { processingDelayMs: 200, ...options.sandbox },
    });
  }, 20_000);
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return {
    get current(): RemoteTestServer {
      if (!server) throw new Error("The test server runs only inside a test.");
      return server;
    },
    async tickets() {
      return (await this.current.sandbox.control.snapshot()).tickets;
    },
  };
}
