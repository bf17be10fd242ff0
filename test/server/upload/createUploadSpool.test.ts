import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUploadSpool } from "../../../server/upload/createUploadSpool.ts";

describe("createUploadSpool", () => {
  it("when files are spooled, then each gets its own path in the folder and remove() deletes them all, created or not", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spool-"));
    try {
      const spool = createUploadSpool(dir);
      const other = createUploadSpool(dir);
      const paths = [spool.nextPath("png"), spool.nextPath("pdf"), other.nextPath("png")];
      expect(new Set(paths).size).toBe(3);
      expect(paths.every((path) => path.startsWith(dir))).toBe(true);
      await writeFile(paths[0] ?? "", "x", { flag: "wx", mode: 0o600 });
      await writeFile(paths[2] ?? "", "y", { flag: "wx", mode: 0o600 });
      expect((await stat(paths[0] ?? "")).mode & 0o777).toBe(0o600);
      await spool.remove(); // paths[1] was never created
      expect(await readdir(dir)).toEqual([paths[2]?.slice(dir.length + 1)]);
      await other.remove();
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
