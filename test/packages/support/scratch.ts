import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const exec = promisify(execFile);

/** Runs a command to completion; rejects with its output when it fails. */
export async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(" ")} failed in ${options.cwd}:\n${stdout}\n${stderr}`,
      {
        cause: error,
      },
    );
  }
}

/** A temporary folder for one run; `remove()` deletes it and everything installed in it. */
export function scratchFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a committed fixture (test/packages/<name>) into `into`, without anything built. */
export function copyFixture(name: string, into: string): string {
  const from = resolve("test/packages", name);
  const to = join(into, name);
  cpSync(from, to, {
    recursive: true,
    filter: (path) =>
      !["node_modules", "dist", "dist-baseline", "dist-server"].includes(basename(path)),
  });
  return to;
}

/** `npm pack`s both workspaces into `dir`; returns the tarballs' paths by package name. */
export async function packBoth(dir: string): Promise<Record<"widget" | "proxy", string>> {
  const out = await run(
    "npm",
    ["pack", "--workspace", "widget", "--workspace", "server", "--pack-destination", dir, "--json"],
    { cwd: process.cwd() },
  );
  const packed = JSON.parse(out.slice(out.indexOf("["))) as { name: string; filename: string }[];
  const file = (name: string): string => {
    const found = packed.find((p) => p.name === name);
    if (!found) throw new Error(`npm pack made no ${name}`);
    return join(dir, found.filename);
  };
  return { widget: file("ripio-help-widget"), proxy: file("ripio-help-proxy") };
}

/** The lock file's package paths (node_modules/…) with whether each runs an install script. */
export function lockedPackages(appDir: string): Map<string, { hasInstallScript: boolean }> {
  const lock = JSON.parse(readFileSync(join(appDir, "package-lock.json"), "utf8")) as {
    packages: Record<string, { hasInstallScript?: boolean }>;
  };
  return new Map(
    Object.entries(lock.packages)
      .filter(([path]) => path !== "")
      .map(([path, entry]) => [path, { hasInstallScript: entry.hasInstallScript === true }]),
  );
}

/** Every package folder in node_modules (scoped ones as `@scope/name`). */
export function installedNames(appDir: string): string[] {
  const top = join(appDir, "node_modules");
  return readdirSync(top).flatMap((name) =>
    name.startsWith("@")
      ? readdirSync(join(top, name)).map((inner) => `${name}/${inner}`)
      : name.startsWith(".")
        ? []
        : [name],
  );
}

/**
 * What a browser fetches before anything asks for more: the scripts, module preloads and
 * stylesheets the built HTML names, gzip-compressed (level 9) and added up.
 */
export function firstLoadGzipBytes(distDir: string, htmlFile: string): number {
  const html = readFileSync(join(distDir, htmlFile), "utf8");
  const urls = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1] ?? "")
    .filter((url) => /\.(js|css)$/.test(url));
  return urls.reduce(
    (sum, url) => sum + gzipSync(readFileSync(join(distDir, url)), { level: 9 }).length,
    0,
  );
}

/** gzip bytes (level 9) of the built files whose names start with `prefix`. */
export function chunkGzipBytes(distDir: string, prefix: string): number {
  const assets = join(distDir, "assets");
  return readdirSync(assets)
    .filter((name) => name.startsWith(prefix) && name.endsWith(".js"))
    .reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
      0,
    );
}
