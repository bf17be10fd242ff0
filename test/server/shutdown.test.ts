import { hostname } from "node:os";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIB } from "../../contract/index.ts";
import { signCustomerToken } from "../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../server/sandbox/createSandbox.ts";
import { spoolDirName } from "../../server/upload/prepareSpoolDir.ts";
import { spoolFileName, spoolHostTag } from "../../server/upload/spoolFileName.ts";
import { pngBytes } from "../support/files.ts";
import { getTicket, postTicket, ticketParts } from "../support/proxyHttp.ts";
import { startTestServer } from "../support/startTestServer.ts";
import { expectApiError } from "./support/expectApiError.ts";
import { TEST_IDENTITY_SECRET } from "./support/customerTokens.ts";
import { LAUNCHER, MAIN, NPM_START, type Launch } from "../support/proxy/launches.ts";
import { killProxyProcesses, spawnProxy, type ProxyProcess } from "../support/proxy/spawnProxy.ts";
import { realModeEnv } from "./support/realModeEnv.ts";
import { startRawUpload } from "./support/rawUpload.ts";

let ripio: Sandbox;
let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), "proxy-stop-"));
  ripio = createSandbox({ processingDelayMs: 60_000 });
  await ripio.listen();
});
afterEach(async () => {
  await killProxyProcesses();
  await ripio.close();
  await rm(tmp, { recursive: true, force: true });
});

/** The spool folder of a proxy whose TMPDIR is `tmp`. */
const spoolDir = (): string => join(tmp, spoolDirName(process.getuid?.()));
const alice = (): Promise<string> => signCustomerToken("cus_demo_alice", TEST_IDENTITY_SECRET, 600);
const waitMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// Child processes on a shared, busy machine: give what they do the time of a slow start.
const SLOW = { timeout: 20_000 };

/**
 * The proxy as `launch` starts it, with silent logs and TMPDIR `tmp`, in a process group of its
 * own as a service manager runs it: the tests signal the group and watch it end.
 */
const startGroup = (launch: Launch, env: Record<string, string> = {}): Promise<ProxyProcess> =>
  spawnProxy({ launch, detached: true, env: { LOG_LEVEL: "silent", TMPDIR: tmp, ...env } });

describe("close()", () => {
  it("when a client leaves mid-upload just before close(), then close() resolves only once its files are gone", async () => {
    const server = await startTestServer({ tmpDir: tmp });
    const token = await server.tokenFor("cus_demo_alice");
    const files = [{ name: "big.png", bytes: pngBytes(8 * MIB) }];
    const upload = startRawUpload(server.url, token, ticketParts({ files }));
    upload.req.write(upload.body.subarray(0, 4 * MIB));
    await expect.poll(async () => (await readdir(tmp)).length, SLOW).toBe(1);
    upload.req.destroy();
    await server.close();
    expect(await readdir(tmp)).toEqual([]);
  });

  it("when clients leave at every moment of an upload (even before it is read), then close() still completes and no file is left", async () => {
    // A body window longer than the test: only noticing each departure lets close() finish.
    const server = await startTestServer({ tmpDir: tmp, bodyWindowMs: 120_000 });
    const token = await server.tokenFor("cus_demo_alice");
    const files = [{ name: "shot.png", bytes: pngBytes(MIB) }];
    for (let i = 0; i < 20; i += 1) {
      const upload = startRawUpload(server.url, token, ticketParts({ files }), {
        "idempotency-key": `leaver-${i}`,
      });
      upload.req.write(upload.body.subarray(0, 1024));
      await waitMs(i % 4);
      upload.req.destroy();
    }
    await server.close();
    expect(await readdir(tmp)).toEqual([]);
  });

  it("when an upload is still coming as the grace runs out, then it is answered 503 and its file removed", async () => {
    const server = await startTestServer({ tmpDir: tmp, shutdownGraceMs: 1_500 });
    const token = await server.tokenFor("cus_demo_alice");
    const files = [{ name: "slow.png", bytes: pngBytes(4 * MIB) }];
    const upload = startRawUpload(server.url, token, ticketParts({ files }));
    upload.req.write(upload.body.subarray(0, MIB));
    await expect.poll(async () => (await readdir(tmp)).length, SLOW).toBe(1);
    const closed = server.close();
    // The rest of its body never comes within the grace.
    const answer = await upload.response;
    expect(answer).toMatchObject({
      status: 503,
      body: { error: { code: "UPSTREAM_UNAVAILABLE" } },
    });
    await closed;
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe("stopping the process", { timeout: 90_000 }, () => {
  it("when the launcher's process group gets SIGTERM with 10 uploads in flight, then all 10 reach Ripio, no spool file is left, and it exits 0", async () => {
    // A file a crashed proxy on this host left behind: swept at the next start.
    const dead = spawn(process.execPath, ["-e", ""]);
    await once(dead, "exit");
    await mkdir(spoolDir(), { recursive: true, mode: 0o700 });
    const owner = { host: spoolHostTag(hostname()), pid: dead.pid ?? -1 };
    const orphan = spoolFileName(owner, "0f8fad5b-d9cb-469f-a165-70867728950e", 0, "png");
    await writeFile(join(spoolDir(), orphan), "left by a crash");

    // The launcher forwards the signal and the group delivers it too: the server gets it twice.
    const proxy = await startGroup(LAUNCHER, {
      ...realModeEnv(ripio, tmp),
      SHUTDOWN_GRACE_SECONDS: "20",
    });
    expect(await readdir(spoolDir())).toEqual([]);
    const token = await alice();
    const files = [{ name: "shot.png", bytes: pngBytes(3 * MIB) }];
    const uploads = Array.from({ length: 10 }, () =>
      startRawUpload(proxy.url, token, ticketParts({ files })),
    );
    for (const upload of uploads) upload.req.write(upload.body.subarray(0, 2 * MIB));
    await expect.poll(async () => (await readdir(spoolDir())).length, SLOW).toBe(10);

    proxy.signalGroup("SIGTERM");
    await waitMs(300);
    proxy.signalGroup("SIGTERM"); // Ctrl-C pressed twice, systemd's repeat: still one drain
    for (const upload of uploads) upload.req.end(upload.body.subarray(2 * MIB));

    const answers = await Promise.all(uploads.map((upload) => upload.response));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(202));
    expect(await proxy.exited).toBe(0);
    expect(ripio.control.snapshot().tickets).toHaveLength(10);
    expect(await readdir(spoolDir())).toEqual([]);
  });

  it("when a Create hangs at Ripio, then SIGTERM answers it 503 and the process exits 0 within its grace", async () => {
    ripio.control.addFault({ target: "tickets", mode: "hang" });
    const proxy = await startGroup(MAIN, {
      ...realModeEnv(ripio, tmp),
      SHUTDOWN_GRACE_SECONDS: "6",
    });
    const sent = postTicket(proxy.url, await alice(), undefined, {
      origin: "https://shop.example.com",
    });
    await expect
      .poll(() => ripio.control.snapshot().requests.some((r) => r.status === "hang"), SLOW)
      .toBe(true);
    proxy.signalGroup("SIGTERM");
    expectApiError(await sent, "UPSTREAM_UNAVAILABLE");
    // The process's own timer exits 1 at the grace; 0 means the drain finished before it.
    expect(await proxy.exited).toBe(0);
    expect(await readdir(spoolDir())).toEqual([]);
  });

  it("when SIGTERM arrives during a long poll, then the poll answers at once and the process exits 0", async () => {
    const proxy = await startGroup(MAIN, realModeEnv(ripio, tmp));
    const token = await alice();
    const origin = { origin: "https://shop.example.com" };
    const ticketId = String((await postTicket(proxy.url, token, undefined, origin)).body.ticketId);
    const poll = getTicket(proxy.url, token, ticketId, 25);
    await waitMs(300);
    proxy.signalGroup("SIGTERM");
    expect((await poll).body).toMatchObject({ ticketId, status: "PENDING" });
    expect(await proxy.exited).toBe(0);
  });

  it("when SIGTERM reaches only the npm process (Docker's CMD npm start), then the server stops too", async () => {
    const proxy = await startGroup(NPM_START);
    process.kill(proxy.pid, "SIGTERM");
    expect(await proxy.exited).toBe(0);
    await expect.poll(() => proxy.groupAlive(), SLOW).toBe(false);
    await expect(request(`${proxy.url}/healthz`)).rejects.toThrow();
  });
});
