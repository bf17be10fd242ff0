import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { defaultStaticDirs, packageDist, widgetDist } from "../../server/packageDist.ts";

let root: string | null = null;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

function fakePackage(): string {
  root = mkdtempSync(join(tmpdir(), "package-dist-"));
  writeFileSync(join(root, "package.json"), "{}");
  mkdirSync(join(root, "server"), { recursive: true });
  mkdirSync(join(root, "dist", "server"), { recursive: true });
  return root;
}

describe("packageDist", () => {
  it("when the proxy runs from source, then the static folder is the package's dist", () => {
    const dir = fakePackage();
    expect(packageDist(pathToFileURL(join(dir, "server", "createApp.ts")).href)).toBe(
      join(dir, "dist"),
    );
  });

  it("when the proxy runs compiled from dist/server, then it is the same folder", () => {
    const dir = fakePackage();
    const compiled = join(dir, "dist", "server", "createApp.js");
    expect(packageDist(pathToFileURL(compiled).href)).toBe(join(dir, "dist"));
  });

  it("when the module is this repository's, then it finds the proxy package's dist", () => {
    expect(packageDist()).toBe(join(process.cwd(), "server", "dist"));
  });
});

describe("widgetDist", () => {
  it("when the proxy runs in this repository, then the widget's files come from its workspace", () => {
    expect(widgetDist()).toBe(join(process.cwd(), "widget", "dist"));
  });

  it("when the widget package is installed beside the proxy, then Node's resolution finds it", () => {
    const dir = fakePackage();
    const widget = join(dir, "node_modules", "ripio-help-widget");
    mkdirSync(widget, { recursive: true });
    writeFileSync(join(widget, "package.json"), JSON.stringify({ name: "ripio-help-widget" }));
    const compiled = pathToFileURL(join(dir, "dist", "server", "createApp.js")).href;
    expect(defaultStaticDirs(compiled)).toEqual([
      join(widget, "dist"),
      join(dir, "dist", "gallery"),
    ]);
  });
});
