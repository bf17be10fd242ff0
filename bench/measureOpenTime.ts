import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, CDPSession } from "playwright-core";
import { launchBrowser } from "../test/e2e/support/launchBrowser.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { median } from "./median.ts";
import { startBenchProxy } from "./processes.ts";

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
// After the field is usable: effects run after paint and the first requests are answered.
const OPEN_SETTLE_MS = 300;

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
// Focus moving from the loader's button to the field, both in the widget's shadow root, is
// not seen by the document (the retargeted target and relatedTarget are both the host), so
// every shadow root the page makes reports its own focusin.
const shadowRoots = [];
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attachShadow.call(this, init);
  shadowRoots.push(root);
  return root;
};
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
    // Focus moving into the shadow root from outside reaches the document as a composed focusin.
    document.addEventListener("focusin", check, { capture: true });
    for (const root of shadowRoots) root.addEventListener("focusin", check, { capture: true });
    // A fallback in case focus arrives some other way: check every frame.
    const frame = () => check() || requestAnimationFrame(frame);
    requestAnimationFrame(frame);
  });
};`;

/** Main-thread time the page has used so far (CDP Performance metrics, thread time, ms). */
interface MainThread {
  taskMs: number;
  scriptMs: number;
}

async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const seconds = (name: string): number => {
    const value = metrics.find((metric) => metric.name === name)?.value;
    if (value === undefined) throw new Error(`CDP reported no ${name}`);
    return value;
  };
  return { taskMs: seconds("TaskDuration") * 1000, scriptMs: seconds("ScriptDuration") * 1000 };
}

/** One open: ms from the click to a usable Summary field, and the main-thread time it took. */
interface OpenSample extends MainThread {
  ms: number;
}

/** One open in a fresh context (empty cache). */
async function openOnce(
  browser: Browser,
  url: string,
  warm: boolean,
  slow: boolean,
): Promise<OpenSample> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: OPEN_TIMER_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Thread time, not wall time: on a shared machine, time spent descheduled is not the page's.
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    if (slow) {
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
    const before = await mainThread(cdp);
    // Cold: a click with no hover before it, so nothing was prefetched.
    if (warm) await launcher.click();
    else await launcher.dispatchEvent("click");
    const times = await page.evaluate<OpenTimes | undefined>("window.openTimes");
    // What the open set going (effects after paint, the first requests) is part of its cost.
    await sleep(OPEN_SETTLE_MS);
    const after = await mainThread(cdp);
    if (!times || !(await page.getByLabel("Summary").isEditable())) {
      throw new Error("the widget opened without an editable Summary field");
    }
    return {
      ms: times.readyAt - times.clickAt,
      taskMs: after.taskMs - before.taskMs,
      scriptMs: after.scriptMs - before.scriptMs,
    };
  } finally {
    await context.close();
  }
}

type Variant = "preact" | "react";
type Samples = Record<"cold" | "warm", OpenSample[]>;
const medianOf = (samples: readonly OpenSample[], key: keyof OpenSample): number =>
  median(samples.map((sample) => sample[key]));

/**
 * Launcher click to an editable Summary field, cold and after prefetch, on loopback and a slow
 * link, and the main-thread time of the open: the script tag as built (preact/compat) against
 * the same build on React (`reactDistDir`, bench/buildReactVariant.ts), each served by its own
 * sandbox-mode proxy, runs alternating between the two.
 */
export async function measureOpenTime(reactDistDir: string): Promise<BenchResult[]> {
  const proxies = {
    preact: await startBenchProxy(),
    react: await startBenchProxy(undefined, { staticDir: reactDistDir }),
  };
  const browser = await launchBrowser();
  try {
    const url = (variant: Variant): string => `${proxies[variant].url}/embed.html`;
    // Warm-up: the browser's first contexts are slower.
    for (const variant of ["preact", "react"] as const)
      await openOnce(browser, url(variant), false, false);
    const runs = async (slow: boolean, count: number): Promise<Record<Variant, Samples>> => {
      const samples: Record<Variant, Samples> = {
        preact: { cold: [], warm: [] },
        react: { cold: [], warm: [] },
      };
      for (let i = 0; i < count; i++) {
        // Swapping which goes first, so drift on a noisy machine hits both.
        for (const variant of i % 2 === 0
          ? (["preact", "react"] as const)
          : (["react", "preact"] as const)) {
          samples[variant].cold.push(await openOnce(browser, url(variant), false, slow));
          samples[variant].warm.push(await openOnce(browser, url(variant), true, slow));
        }
      }
      return samples;
    };
    const fast = await runs(false, RUNS.fast);
    const slow = await runs(true, RUNS.slow);
    const figure = (
      name: string,
      set: Record<Variant, Samples>,
      open: "cold" | "warm",
      key: keyof OpenSample,
    ) => result(name, medianOf(set.preact[open], key), "ms", medianOf(set.react[open], key), null);
    return [
      figure("open_ms_cold", fast, "cold", "ms"),
      figure("open_ms_warm", fast, "warm", "ms"),
      figure("open_ms_cold_1600kbps_150ms", slow, "cold", "ms"),
      figure("open_ms_warm_1600kbps_150ms", slow, "warm", "ms"),
      figure("open_main_thread_ms_cold", fast, "cold", "taskMs"),
      figure("open_main_thread_ms_warm", fast, "warm", "taskMs"),
      figure("open_script_ms_cold", fast, "cold", "scriptMs"),
      figure("open_script_ms_warm", fast, "warm", "scriptMs"),
    ];
  } finally {
    await browser.close();
    await proxies.preact.stop();
    await proxies.react.stop();
  }
}
