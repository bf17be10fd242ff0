import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The widget package's browser files (loader, chunks); the end-to-end tests run what users get. */
export const DIST_DIR = resolve("widget/dist");
/** The demo gallery, shipped in the proxy package. */
export const GALLERY_DIR = resolve("server/dist/gallery");
/** What the proxy serves by default, in its order (server/packageDist.ts). */
export const STATIC_DIRS = [DIST_DIR, GALLERY_DIR];

/** Fails with the fix when `npm run build` has not been run. */
export function requireBuild(): void {
  const needed = [
    resolve(DIST_DIR, "help-widget.js"),
    resolve(DIST_DIR, "embed-manifest.json"),
    resolve(GALLERY_DIR, "index.html"),
  ];
  for (const file of needed) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`npm run build\` (npm test does it first).`);
    }
  }
}
