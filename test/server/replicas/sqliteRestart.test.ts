import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signCustomerToken } from "../../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../../server/sandbox/createSandbox.ts";
import { getTicket, postTicket } from "../../support/proxyHttp.ts";
import { killProxyProcesses } from "../../support/proxy/spawnProxy.ts";
import {
  failedStart,
  PROCESS_IDENTITY_SECRET,
  startProxyProcess,
} from "../../support/proxy/startProxyProcess.ts";
import { expectApiError } from "../support/expectApiError.ts";

// The embedded default: a real-mode proxy with STORE_URL unset keeps ./data/help-proxy.sqlite
// (here, under a temporary working folder) and forgets nothing across a restart.
let ripio: Sandbox;
let cwd: string;
beforeAll(async () => {
  ripio = createSandbox({ processingDelayMs: 10 * 60_000 });
  await ripio.listen();
});
afterAll(() => ripio.close());
afterEach(async () => {
  await killProxyProcesses();
  await rm(cwd, { recursive: true, force: true });
  ripio.control.reset();
});

/** Debian's `nobody`. */
const NOBODY = 65534;
const token = (customerId: string) => signCustomerToken(customerId, PROCESS_IDENTITY_SECRET, 600);

// Child processes start slowly on a busy machine: room beyond the project's 30 s.
describe("restarts on the embedded SQLite store", { timeout: 120_000 }, () => {
  it("when the proxy is stopped and started again, then the owner still reads the ticket, others still cannot, and the same key gives the same ticket", async () => {
    cwd = await mkdtemp(join(tmpdir(), "proxy-restart-"));
    const alice = await token("cus_demo_alice");
    const key = { "idempotency-key": "restart-key" };
    const before = await startProxyProcess({ ripioUrl: ripio.url, cwd });
    const sent = await postTicket(before.url, alice, undefined, key);
    expect(sent.status).toBe(202);
    const ticketId = String(sent.body.ticketId);
    expect(await before.stop()).toBe(0);
    expect(existsSync(join(cwd, "data", "help-proxy.sqlite"))).toBe(true);

    const after = await startProxyProcess({ ripioUrl: ripio.url, cwd });
    expect(await getTicket(after.url, alice, ticketId)).toMatchObject({
      status: 200,
      body: { ticketId, status: "PENDING", issueKey: null },
    });
    expectApiError(
      await getTicket(after.url, await token("cus_demo_bob"), ticketId),
      "TICKET_NOT_FOUND",
    );
    const again = await postTicket(after.url, alice, undefined, key);
    expect(again).toMatchObject({ status: 202, body: { ticketId } });
    expect(ripio.control.snapshot().tickets).toHaveLength(1);

    // And Ripio's later answer reaches it: the restarted proxy asks Retrieve while PENDING.
    ripio.control.completeTicket(ticketId, "CREATED");
    expect((await getTicket(after.url, alice, ticketId, 10)).body).toMatchObject({
      status: "CREATED",
      issueKey: expect.stringMatching(/^SUP-\d+$/),
    });
  });

  it("when the SQLite file cannot be opened, then the proxy does not start and says which path", async () => {
    cwd = await mkdtemp(join(tmpdir(), "proxy-badstore-"));
    const underAFile = join(cwd, "a-file", "help.sqlite");
    await writeFile(join(cwd, "a-file"), "");
    const aFolder = join(cwd, "a-folder");
    await mkdir(aFolder);
    const notADatabase = join(cwd, "garbage.sqlite");
    await writeFile(notADatabase, "this is not an SQLite database, just text".repeat(100));
    for (const path of [underAFile, aFolder, notADatabase]) {
      const result = await failedStart({ ripioUrl: ripio.url, storeUrl: `sqlite:${path}` });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`The store at ${path} cannot be used`);
    }
  });

  it("when the SQLite file can be read but not written, then the proxy does not start and says which path", async () => {
    cwd = await mkdtemp(join(tmpdir(), "proxy-readonly-"));
    const folder = join(cwd, "state");
    const path = join(folder, "help.sqlite");
    // A good store file first, then made read-only for the proxy's user.
    const first = await startProxyProcess({ ripioUrl: ripio.url, storeUrl: `sqlite:${path}`, cwd });
    expect(await first.stop()).toBe(0);
    for (const file of await readdir(folder)) await chmod(join(folder, file), 0o444);
    await chmod(folder, 0o555);
    await chmod(cwd, 0o755);
    // Root may write anything: then the proxy runs as `nobody`, as a service user would.
    const asUser = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const result = await failedStart({
      ripioUrl: ripio.url,
      storeUrl: `sqlite:${path}`,
      ...asUser,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`The store at ${path} cannot be used`);
    await chmod(folder, 0o755);
  });
});
