import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { packageDist } from "../../server/packageDist.ts";

let root: string | null = null;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

function fakePackage(): string {
  root = mkdtempSync(join(tmpdir(), "package-dist-"));
  writeFileSync(join(root, "package.json"), "{}");
  mkdirSync(join(root, "server"), { recursive: true });
  mkdirSync(join(root, "dist", "node", "server"), { recursive: true });
  return root;
}

describe("packageDist", () => {
  it("when the proxy runs from source, then the static folder is the package's dist", () => {
    const dir = fakePackage();
    expect(packageDist(pathToFileURL(join(dir, "server", "createApp.ts")).href)).toBe(
      join(dir, "dist"),
    );
  });

  it("when the proxy runs compiled from dist/node/server, then it is the same folder", () => {
    const dir = fakePackage();
    const compiled = join(dir, "dist", "node", "server", "createApp.js");
    expect(packageDist(pathToFileURL(compiled).href)).toBe(join(dir, "dist"));
  });

  it("when the module is this repository's, then it finds this repository's dist", () => {
    expect(packageDist()).toBe(join(process.cwd(), "dist"));
  });
});
