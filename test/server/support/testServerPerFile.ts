import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from "../../support/startTestServer.ts";
import { viewTestServer, type TestServerView } from "../../support/testServerPerTest.ts";

/** The file's proxy as its tests use it, and Alice's token. */
export interface TestServerPerFile extends TestServerView {
  /** A fresh token for cus_demo_alice, signed before each test. */
  readonly alice: string;
}

/**
 * One proxy (startTestServer, with `options`) for all the tests of the calling file, closed
 * after them. Before each test the sandbox is reset (the proxy's webhook stays registered) and
 * Alice's token signed again.
 */
export function testServerPerFile(options: TestServerOptions = {}): TestServerPerFile {
  let server: TestServer | null = null;
  const running = (): TestServer => {
    if (!server) throw new Error("The test server runs only inside the file's tests.");
    return server;
  };
  const perFile = Object.assign(viewTestServer(running), { alice: "" });
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    await server?.close();
    server = null;
  });
  beforeEach(async () => {
    running().sandbox.control.reset();
    perFile.alice = await running().tokenFor("cus_demo_alice");
  });
  return perFile;
}
