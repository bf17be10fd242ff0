import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { MIB } from "../../contract/index.ts";
import { pngBytes } from "../support/files.ts";
import { call, getTicket, postTicket, ticketParts } from "../support/proxyHttp.ts";
import { startTestServer } from "../support/startTestServer.ts";
import { startRawUpload } from "./support/rawUpload.ts";

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = null;
});

/** Runs `server/main.ts` as `npm start` does, on a free port; resolves its URL from its output. */
async function startMain(): Promise<{ url: string; exited: Promise<number | null> }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => resolve(code)),
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    proc.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`main.ts exited early:\n${output}`)));
  });
  return { url, exited };
}

async function demoToken(url: string): Promise<string> {
  const answer = await call(url, "POST", "/demo/identity", {
    json: { customerId: "cus_demo_alice" },
  });
  return String(answer.body.token);
}

describe("close()", () => {
  it("when a client leaves mid-upload just before close(), then close() resolves only once its files are gone", async () => {
    const tmpDir = await mkdtemp(join(tmpdir(), "proxy-close-"));
    try {
      const server = await startTestServer({ tmpDir });
      const token = await server.tokenFor("cus_demo_alice");
      const files = [{ name: "big.png", bytes: pngBytes(8 * MIB) }];
      const upload = startRawUpload(server.url, token, ticketParts({ files }));
      upload.req.write(upload.body.subarray(0, 4 * MIB));
      await expect.poll(async () => (await readdir(tmpDir)).length).toBe(1);
      upload.req.destroy();
      await server.close();
      expect(await readdir(tmpDir)).toEqual([]);
    } finally {
      await rm(tmpDir, { recursive: true, force: true });
    }
  });
  it("when clients leave at every moment of an upload (even before it is read), then close() still completes and no folder is left", async () => {
    const tmpDir = await mkdtemp(join(tmpdir(), "proxy-close-"));
    try {
      // An idle timeout longer than the test: only noticing each departure lets close() finish.
      const server = await startTestServer({ tmpDir, uploadIdleMs: 120_000 });
      const token = await server.tokenFor("cus_demo_alice");
      const files = [{ name: "shot.png", bytes: pngBytes(MIB) }];
      for (let i = 0; i < 20; i += 1) {
        const upload = startRawUpload(server.url, token, ticketParts({ files }), {
          "idempotency-key": `leaver-${i}`,
        });
        upload.req.write(upload.body.subarray(0, 1024));
        await new Promise((resolve) => setTimeout(resolve, i % 4));
        upload.req.destroy();
      }
      await server.close();
      expect(await readdir(tmpDir)).toEqual([]);
    } finally {
      await rm(tmpDir, { recursive: true, force: true });
    }
  });
});

describe("SIGTERM", () => {
  it("when SIGTERM arrives during an upload, then new connections are refused, the upload still gets 202, and the process exits 0", async () => {
    const { url, exited } = await startMain();
    const token = await demoToken(url);
    const upload = startRawUpload(
      url,
      token,
      ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(6 * MIB) }] }),
    );
    const half = Math.floor(upload.body.length / 2);
    upload.req.write(upload.body.subarray(0, half));
    await new Promise((resolve) => setTimeout(resolve, 200));

    child?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(request(`${url}/healthz`)).rejects.toThrow();

    upload.req.end(upload.body.subarray(half));
    const answer = await upload.response;
    expect(answer).toMatchObject({ status: 202, body: { status: "PENDING" } });
    expect(await exited).toBe(0);
  });

  it("when SIGTERM arrives during a long poll, then the poll answers at once and the process exits 0", async () => {
    const { url, exited } = await startMain();
    const token = await demoToken(url);
    // The sandbox of main.ts takes 1.5 s to process: the poll is still waiting at SIGTERM.
    const ticketId = String((await postTicket(url, token)).body.ticketId);
    const poll = getTicket(url, token, ticketId, 25);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    child?.kill("SIGTERM");
    expect((await poll).body).toMatchObject({ ticketId, status: "PENDING" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await exited).toBe(0);
  });
});
