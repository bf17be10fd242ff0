import { afterEach, beforeEach } from "vitest";
import { startTestServer, type TestServer, type TestServerOptions } from "./startTestServer.ts";

/** A test server as the tests of a file see it: the one running now; its hooks close it. */
export type TestServerView = Omit<TestServer, "close">;

/**
 * A view that reads `running()` at each use, so a file can hold it in a const while the
 * server behind it is started and closed by its hooks.
 */
export function viewTestServer(running: () => TestServer): TestServerView {
  return {
    get url() {
      return running().url;
    },
    get sandbox() {
      return running().sandbox;
    },
    tokenFor: (customerId, ttlSeconds) => running().tokenFor(customerId, ttlSeconds),
  };
}

/**
 * A fresh proxy (startTestServer, with `options`) for each test of the calling file, started
 * before it and closed after it (after the file's own afterEach hooks).
 */
export function testServerPerTest(options: TestServerOptions = {}): TestServerView {
  let server: TestServer | null = null;
  beforeEach(async () => {
    server = await startTestServer(options);
  });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return viewTestServer(() => {
    if (!server) throw new Error("The test server runs only inside a test.");
    return server;
  });
}
