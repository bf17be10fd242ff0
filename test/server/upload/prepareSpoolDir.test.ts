import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../server/config.ts";
import { createApp } from "../../../server/createApp.ts";
import {
  SPOOL_ORPHAN_AGE_MS,
  isProcessAlive,
  prepareSpoolDir,
  spoolDirName,
  type SpoolSweepDeps,
} from "../../../server/upload/prepareSpoolDir.ts";
import { createUpstreamClient } from "../../../server/upstream/createUpstreamClient.ts";
import { spoolFileName } from "../../../server/upload/spoolFileName.ts";

const UPLOAD = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** The pid of a process that has run and exited: no process has it now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  const pid = child.pid ?? -1;
  await once(child, "exit");
  return pid;
}

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "spool-sweep-"));
  dir = join(root, "spool");
});
afterEach(() => rm(root, { recursive: true, force: true }));

const deps = (over: Partial<SpoolSweepDeps> = {}): SpoolSweepDeps => ({
  owner: { host: "web-1", pid: process.pid },
  uid: process.getuid?.(),
  processStartMs: performance.timeOrigin,
  isAlive: isProcessAlive,
  now: Date.now,
  ...over,
});

describe("prepareSpoolDir", () => {
  it("when the folder is missing, then it is made readable by its owner only", async () => {
    expect(await prepareSpoolDir(dir, deps())).toBe(0);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it("when a crashed process left files, then only this host's orphans are removed", async () => {
    await mkdir(dir, { mode: 0o700 });
    const dead = await deadPid();
    const name = (host: string, pid: number, n: number) =>
      spoolFileName({ host, pid }, UPLOAD, n, "png");
    const files = {
      crashed: name("web-1", dead, 0),
      // A container restarted with our pid: its files predate this process.
      pastLife: name("web-1", process.pid, 1),
      ours: name("web-1", process.pid, 2),
      // The test runner's parent is alive: another replica on this host, uploading now.
      sibling: name("web-1", process.ppid, 3),
      // Another host sharing the folder: not ours to judge, even with a pid free here.
      otherHost: name("web-2", dead, 4),
      stranger: "notes.txt",
    };
    for (const file of Object.values(files)) await writeFile(join(dir, file), "x");
    const before = new Date(performance.timeOrigin - 60_000);
    await utimes(join(dir, files.pastLife), before, before);

    expect(await prepareSpoolDir(dir, deps())).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(
      [files.ours, files.sibling, files.otherHost, files.stranger].sort(),
    );
  });

  it("when a file of this host is older than a day, then it goes even if its pid is alive again", async () => {
    await mkdir(dir, { mode: 0o700 });
    const name = (pid: number, n: number) =>
      spoolFileName({ host: "web-1", pid }, UPLOAD, n, "png");
    // The crashed writer's pid now belongs to another process (here, the test runner's parent).
    const reused = name(process.ppid, 0);
    const fresh = name(process.ppid, 1);
    const otherHost = spoolFileName({ host: "web-2", pid: process.ppid }, UPLOAD, 2, "png");
    for (const file of [reused, fresh, otherHost]) await writeFile(join(dir, file), "x");
    const old = new Date(Date.now() - SPOOL_ORPHAN_AGE_MS - 60_000);
    await utimes(join(dir, reused), old, old);
    await utimes(join(dir, otherHost), old, old);

    expect(await prepareSpoolDir(dir, deps())).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([fresh, otherHost].sort());
  });

  it("when the folder can be written by others, or is a link, then the proxy refuses to use it", async () => {
    await mkdir(dir, { mode: 0o700 });
    await chmod(dir, 0o777);
    await expect(prepareSpoolDir(dir, deps())).rejects.toThrow(/written by other users/);
    const link = join(root, "link");
    await symlink(dir, link);
    await expect(prepareSpoolDir(link, deps())).rejects.toThrow(/not a folder/);
  });
});

describe("createApp's fallback spool folder", () => {
  const savedTmpdir = process.env.TMPDIR;
  afterEach(() => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
  });

  /** createApp alone, as an embedder calls it: no tmpDir, so it makes its own under TMPDIR. */
  async function buildAppAlone(): Promise<void> {
    const ripio = {
      baseUrl: "http://127.0.0.1:9",
      clientId: "c",
      clientSecret: "s",
      webhookSecret: "w",
    };
    const logger = pino({ level: "silent" });
    const upstream = createUpstreamClient({ ripio, logger, now: Date.now });
    try {
      createApp({ config: { ...loadConfig({}), ripio }, logger, upstream });
    } finally {
      await upstream.close();
    }
  }

  it("when createApp is built without a tmpDir, then its folder gets the same owner and mode checks", async () => {
    process.env.TMPDIR = root; // os.tmpdir() reads it on every call
    const fallback = join(root, spoolDirName(process.getuid?.()));
    await mkdir(fallback, { mode: 0o700 });
    await chmod(fallback, 0o777); // made first by someone else in a shared /tmp
    await expect(buildAppAlone()).rejects.toThrow(/written by other users/);
    await chmod(fallback, 0o700);
    await buildAppAlone();
    await rm(fallback, { recursive: true });
    await buildAppAlone();
    expect((await stat(fallback)).mode & 0o777).toBe(0o700);
  });
});
