import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A build of the script tag on React, for the "before" figures of issue 13. */
export interface ReactVariant {
  /** Holds help-widget.js, assets/ and embed-manifest.json, like dist/, with .br/.gz twins. */
  dir: string;
  remove(): void;
}

function run(args: readonly string[]): void {
  const child = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (child.status !== 0) throw new Error(`${args.join(" ")} exited with ${child.status}`);
}

/**
 * Builds the same widget source as `npm run build` with React instead of preact/compat
 * (`vite build --mode embed-react`), then its loader and compressed twins, into a temp dir:
 * both variants are measured from the same commit, side by side, in one bench run.
 */
export function buildReactVariant(): ReactVariant {
  const dir = join(mkdtempSync(join(tmpdir(), "ripio-bench-react-")), "dist");
  const remove = (): void => rmSync(join(dir, ".."), { recursive: true, force: true });
  try {
    const vite = "node_modules/vite/bin/vite.js";
    run([vite, "build", "--mode", "embed-react", "--outDir", dir, "--logLevel", "warn"]);
    run([vite, "build", "--mode", "loader", "--outDir", dir, "--logLevel", "warn"]);
    run(["scripts/precompress.mjs", dir]);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
