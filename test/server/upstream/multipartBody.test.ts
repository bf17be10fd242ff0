import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { multipartBody } from "../../../server/upstream/multipartBody.ts";

describe("multipartBody", () => {
  it("when streamed, then its length is exact and it can be streamed again (for a retry)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "multipart-"));
    try {
      await writeFile(join(dir, "a"), "PNGDATA");
      await writeFile(join(dir, "b"), "");
      const body = multipartBody(
        [["summary", "héllo"]],
        [
          {
            field: "files",
            fileName: 'we"ird.png',
            contentType: "image/png",
            path: join(dir, "a"),
            size: 7,
          },
          {
            field: "files",
            fileName: "empty.pdf",
            contentType: "application/pdf",
            path: join(dir, "b"),
            size: 0,
          },
        ],
      );
      const first = await text(body.open());
      expect(Buffer.byteLength(first)).toBe(body.length);
      expect(first).toContain('filename="we%22ird.png"');
      expect(await text(body.open())).toBe(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
