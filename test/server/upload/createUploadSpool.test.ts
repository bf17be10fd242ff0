import { once } from "node:events";
import type { WriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUploadSpool, openSpoolFile } from "../../../server/upload/createUploadSpool.ts";
import { spoolFileOwner } from "../../../server/upload/spoolFileName.ts";

const OWNER = { host: "web-1", pid: 4242 };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "spool-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Writes `text` through a spool file's stream and waits until it is closed. */
async function writeAll(out: WriteStream, text: string): Promise<void> {
  out.end(text);
  await once(out, "close");
}

describe("createUploadSpool", () => {
  it("when the spool writes an attachment, then only its owner may read the file (0600)", async () => {
    const { path, out } = createUploadSpool(dir, OWNER).create("png");
    await writeAll(out, "bytes");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, "utf8")).toBe("bytes");
  });

  it("when a file already sits at a spool path, then creating it again fails instead of writing into it", async () => {
    const { path, out } = createUploadSpool(dir, OWNER).create("pdf");
    await writeAll(out, "first");
    const again = openSpoolFile(path);
    const [error] = (await once(again, "error")) as [NodeJS.ErrnoException];
    expect(error.code).toBe("EEXIST");
    expect(await readFile(path, "utf8")).toBe("first");
  });

  it("when files are spooled, then each is named after its owner and remove() deletes only its own upload's", async () => {
    const spool = createUploadSpool(dir, OWNER);
    const other = createUploadSpool(dir, OWNER);
    const files = [spool.create("png"), spool.create("pdf"), other.create("png")];
    await Promise.all(files.map((file) => writeAll(file.out, "x")));
    expect(new Set(files.map((file) => file.path)).size).toBe(3);
    for (const file of files) expect(spoolFileOwner(basename(file.path))).toEqual(OWNER);

    await spool.remove();
    expect(await readdir(dir)).toEqual([basename(files[2]?.path ?? "")]);
    await spool.remove(); // already gone: fine
    await other.remove();
    expect(await readdir(dir)).toEqual([]);
  });
});
