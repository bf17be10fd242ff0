import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `<package>/dist` of the proxy package (`ripio-help-proxy`), found from this module whether it
 * runs from source (`server/`, under tsx) or compiled (`server/dist/server/`): the nearest
 * folder up that holds a package.json. The build puts the demo gallery in its `gallery/`.
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

/**
 * The browser files of the proxy's dependency `ripio-help-widget` (the loader, its chunks),
 * found by Node's module resolution from this module: in a clone, the workspace's widget/dist;
 * in an install, node_modules/ripio-help-widget/dist.
 */
export function widgetDist(moduleUrl: string = import.meta.url): string {
  const manifest = createRequire(moduleUrl).resolve("ripio-help-widget/package.json");
  return join(dirname(manifest), "dist");
}

/** What the proxy serves by default: the widget's browser files, then the demo gallery. */
export function defaultStaticDirs(moduleUrl: string = import.meta.url): string[] {
  return [widgetDist(moduleUrl), join(packageDist(moduleUrl), "gallery")];
}
