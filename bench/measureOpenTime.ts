import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../test/e2e/support/launchBrowser.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { median } from "./median.ts";
import { startProxyProcess } from "./processes.ts";

const RUNS = { fast: 7, slow: 4 };
/** 1.6 Mbps down, 750 kbps up, 150 ms round trip (bytes per second, as CDP wants them). */
const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
// import() evaluates the chunk once its bytes are in; this covers that after the response ends.
const WARM_SETTLE_MS = 250;

interface OpenTimes {
  clickAt: number;
  readyAt: number;
}

/**
 * Runs in the page before its own scripts: `armOpenTimer()` starts a timer at the next click
 * (capture phase, before the launcher's own handler) that stops when the Summary field inside
 * the widget's shadow root has focus and is editable, i.e. the user can type. Plain JS in a
 * string: a function would be serialized with tsx's `__name` helpers, unknown in the page.
 */
const OPEN_TIMER_SCRIPT = `
window.armOpenTimer = () => {
  window.openTimes = new Promise((resolve) => {
    let clickAt = -1;
    const check = () => {
      const root = document.querySelector("[data-ripio-help]")?.shadowRoot;
      const label = [...(root?.querySelectorAll("label") ?? [])].find((l) => l.textContent.trim() === "Summary");
      const field = label?.control;
      if (clickAt < 0 || !field || root.activeElement !== field || field.disabled || field.readOnly) return false;
      resolve({ clickAt, readyAt: performance.now() });
      return true;
    };
    addEventListener("click", () => { clickAt = performance.now(); }, { capture: true, once: true });
    // Focus moving into the shadow root reaches the document as a composed focusin.
    document.addEventListener("focusin", check, { capture: true });
    // A fallback in case focus arrives some other way: check every frame.
    const frame = () => check() || requestAnimationFrame(frame);
    requestAnimationFrame(frame);
  });
};`;

/** One open in a fresh context (empty cache): ms from the click to a usable Summary field. */
async function openOnce(
  browser: Browser,
  url: string,
  warm: boolean,
  slow: boolean,
): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: OPEN_TIMER_SCRIPT });
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
    }
    await page.goto(url, { waitUntil: "load" });
    const launcher = page.getByRole("button", { name: "Help" });
    await launcher.waitFor();
    if (warm) {
      // Hovering prefetches the app chunk (the loader's pointerenter); wait until it is in.
      const chunk = page.waitForResponse((res) => res.url().includes("/help-widget-app-"));
      await launcher.hover();
      await (await chunk).finished();
      await sleep(WARM_SETTLE_MS);
    }
    await page.evaluate("window.armOpenTimer()");
    // Cold: a click with no hover before it, so nothing was prefetched.
    if (warm) await launcher.click();
    else await launcher.dispatchEvent("click");
    const times = await page.evaluate<OpenTimes | undefined>("window.openTimes");
    if (!times || !(await page.getByLabel("Summary").isEditable())) {
      throw new Error("the widget opened without an editable Summary field");
    }
    return times.readyAt - times.clickAt;
  } finally {
    await context.close();
  }
}

/** Launcher click to an editable Summary field, cold and after prefetch, on loopback and a slow link. */
export async function measureOpenTime(): Promise<BenchResult[]> {
  const proxy = await startProxyProcess();
  const browser = await launchBrowser();
  try {
    const url = `${proxy.url}/embed.html`;
    await openOnce(browser, url, false, false); // warm-up: the browser's first context is slower
    const runs = async (slow: boolean, count: number) => {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < count; i++) {
        cold.push(await openOnce(browser, url, false, slow));
        warm.push(await openOnce(browser, url, true, slow));
      }
      return { cold: median(cold), warm: median(warm) };
    };
    const fast = await runs(false, RUNS.fast);
    const slow = await runs(true, RUNS.slow);
    return [
      result("open_ms_cold", fast.cold, "ms", null, null),
      result("open_ms_warm", fast.warm, "ms", fast.cold, null),
      result("open_ms_cold_1600kbps_150ms", slow.cold, "ms", null, null),
      result("open_ms_warm_1600kbps_150ms", slow.warm, "ms", slow.cold, null),
    ];
  } finally {
    await browser.close();
    await proxy.stop();
  }
}
