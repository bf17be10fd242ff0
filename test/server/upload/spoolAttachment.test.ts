import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import { ApiError } from "../../../server/http/apiError.ts";
import { createUploadSpool } from "../../../server/upload/createUploadSpool.ts";
import { spoolAttachment } from "../../../server/upload/spoolAttachment.ts";
import { exeBytes, pngBytes } from "../../support/files.ts";
import { sha256 } from "../../support/sandboxFiles.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "spool-file-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const spoolIn = (folder: string) => createUploadSpool(folder, { host: "test", pid: process.pid });

describe("spoolAttachment", () => {
  it("when a valid file streams in, then it is on disk byte for byte with its size and usual type", async () => {
    const bytes = pngBytes(300_000);
    const spooling = spoolAttachment(
      Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]),
      { fileName: "shot.png", index: 0, ext: "png", declaredType: "application/octet-stream" },
      { spool: spoolIn(dir), totals: { bytes: 0 } },
    );
    await spooling.written;
    expect(spooling.file).toMatchObject({ fileName: "shot.png", contentType: "image/png" });
    expect(spooling.file.size).toBe(bytes.length);
    expect(sha256(await readFile(spooling.file.path))).toBe(sha256(bytes));
  });

  it("when the bytes are not what the extension says, then it fails with FILE_CONTENT_MISMATCH naming the file", async () => {
    const spooling = spoolAttachment(
      Readable.from([exeBytes(4096)]),
      { fileName: "setup.png", index: 0, ext: "png", declaredType: "image/png" },
      { spool: spoolIn(dir), totals: { bytes: 0 } },
    );
    await expect(spooling.written).rejects.toMatchObject({
      code: "FILE_CONTENT_MISMATCH",
      message: expect.stringContaining("setup.png") as unknown,
      file: { index: 0, name: "setup.png" },
    });
  });

  it("when the upload's other files already fill the total, then it fails with ATTACHMENTS_TOO_LARGE", async () => {
    const spooling = spoolAttachment(
      Readable.from([pngBytes(64)]),
      { fileName: "last.png", index: 0, ext: "png", declaredType: "image/png" },
      { spool: spoolIn(dir), totals: { bytes: TICKET_LIMITS.maxTotalBytes - 10 } },
    );
    const error: unknown = await spooling.written.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("ATTACHMENTS_TOO_LARGE");
  });

  it("when it is aborted mid-file, then it resolves once the file is closed, so removing it leaves nothing", async () => {
    const source = new PassThrough();
    const spool = spoolIn(dir);
    const spooling = spoolAttachment(
      source,
      { fileName: "big.png", index: 0, ext: "png", declaredType: "image/png" },
      { spool, totals: { bytes: 0 } },
    );
    source.write(pngBytes(64 * 1024));
    await expect.poll(() => readdir(dir)).toHaveLength(1);
    await spooling.abort();
    await spool.remove();
    expect(await readdir(dir)).toEqual([]);
    await expect(spooling.written).rejects.toThrow();
  });
});
