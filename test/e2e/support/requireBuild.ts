import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The built embed and demo; the end-to-end tests run against what users get. */
export const DIST_DIR = resolve("dist");

/** Fails with the fix when `npm run build` has not been run. */
export function requireBuild(): void {
  for (const file of ["help-widget.js", "index.html", "embed-manifest.json"]) {
    if (!existsSync(resolve(DIST_DIR, file))) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` (npm test does it first).`);
    }
  }
}
