import { join } from "node:path";
import { result, type BenchResult } from "./benchResult.ts";
import { bundleSizes } from "./measureSizes.ts";
import {
  chunkGzipBytes,
  copyFixture,
  firstLoadGzipBytes,
  lockedPackages,
  packBoth,
  run,
  scratchFolder,
} from "../test/packages/support/scratch.ts";

/** Measured before the React component loaded its form on intent, and before the split (issue 17). */
const BEFORE = { firstLoadGzip: 50_203, installSeconds: 74, installPackages: 147 };
const TARGETS = { firstLoadGzip: 8 * 1024, installSeconds: 10 };

/**
 * What `ripio-help-widget` costs a React developer, measured as test/packages does it: the
 * packed package installed into a fresh React 19 + Vite app (test/packages/react-app, from its
 * lock file, so the npm cache is warm), the install's time and the packages it added; then
 * the app built with and without the widget, and the first load's gzip bytes compared. The
 * form chunk is set beside the script tag's first open (the same form, on preact/compat).
 */
export async function measureReactPackage(): Promise<BenchResult[]> {
  const scratch = scratchFolder("ripio-bench-react-app-");
  try {
    const tarballs = await packBoth(scratch.dir);
    const app = copyFixture("react-app", scratch.dir);
    await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: app });
    const before = new Set(lockedPackages(app).keys());
    const started = performance.now();
    await run("npm", ["install", "--no-audit", "--no-fund", tarballs.widget], { cwd: app });
    const installSeconds = (performance.now() - started) / 1000;
    const added = [...lockedPackages(app).keys()].filter((path) => !before.has(path)).length;
    await run("npx", ["vite", "build", "--logLevel", "warn"], { cwd: app });
    await run("npx", ["vite", "build", "--mode", "baseline", "--logLevel", "warn"], { cwd: app });
    const firstLoad =
      firstLoadGzipBytes(join(app, "dist"), "index.html") -
      firstLoadGzipBytes(join(app, "dist-baseline"), "baseline.html");
    const form = chunkGzipBytes(join(app, "dist"), "HelpWidgetInShadow");
    const scriptTag = bundleSizes();
    return [
      result(
        "react_first_load_gzip_bytes",
        firstLoad,
        "B",
        BEFORE.firstLoadGzip,
        TARGETS.firstLoadGzip,
      ),
      result("react_form_gzip_bytes", form, "B", scriptTag.appGzip, null),
      result(
        "widget_install_seconds",
        installSeconds,
        "s",
        BEFORE.installSeconds,
        TARGETS.installSeconds,
      ),
      result("widget_install_packages", added, "pkg", BEFORE.installPackages, null),
    ];
  } finally {
    scratch.remove();
  }
}
