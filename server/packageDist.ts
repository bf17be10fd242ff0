import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `<package>/dist`, what `npm run build` makes, found from this module whether it runs from
 * source (`server/`, under tsx) or compiled (`dist/node/server/`): the nearest folder up
 * that holds a package.json.
 */
export function packageDist(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}.`);
    dir = parent;
  }
  return join(dir, "dist");
}
