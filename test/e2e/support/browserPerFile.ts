import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./launchBrowser.ts";
import { requireBuild } from "./requireBuild.ts";

/** The calling file's Chromium. */
export interface BrowserPerFile {
  readonly browser: Browser;
}

/**
 * Chromium (launchBrowser.ts, with `extraArgs`) for all the tests of the calling file, once
 * the build they load is there (requireBuild.ts); closed after them.
 */
export function browserPerFile(extraArgs: readonly string[] = []): BrowserPerFile {
  let browser: Browser | null = null;
  beforeAll(async () => {
    requireBuild();
    browser = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
  return {
    get browser() {
      if (!browser) throw new Error("The browser runs only inside the file's tests.");
      return browser;
    },
  };
}
