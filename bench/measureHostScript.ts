import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../test/e2e/support/launchBrowser.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { hostPage } from "./hostPage.ts";
import { median } from "./median.ts";
import { staticServer } from "./staticServer.ts";

const LOADS_EACH = 13;
const TRACED_LOADS = 5;
// Async scripts have run by the load event; this leaves time for anything they queue.
const SETTLE_MS = 300;
// Nothing reads the token before the widget is opened; a real one is not needed here.
const WIDGET_TAG = `<script src="/help-widget.js" async data-customer-token="bench.token.unused"></script>`;

/**
 * Script time of one fresh load (new context, so no cache): CDP ScriptDuration after load and
 * a settle. Nothing of Playwright's own is evaluated in the page before the metric is read,
 * so the figure is the page's; the check that the widget did start comes after.
 */
async function scriptMs(browser: Browser, url: string, withWidget: boolean): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Thread time, not wall time: on a shared machine, time spent descheduled is not the page's.
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await page.goto(url, { waitUntil: "load" });
    await sleep(SETTLE_MS);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const seconds = metrics.find((metric) => metric.name === "ScriptDuration")?.value;
    if (seconds === undefined) throw new Error("CDP reported no ScriptDuration");
    const state = await page.evaluate(() => ({
      host: (window as { hostReady?: number }).hostReady !== undefined,
      widget: document.querySelector("[data-ripio-help]") !== null,
    }));
    if (!state.host || state.widget !== withWidget) {
      throw new Error(`host page did not run as expected: ${JSON.stringify(state)}`);
    }
    return seconds * 1000;
  } finally {
    await context.close();
  }
}

interface TraceEvent {
  name: string;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/**
 * The loader's own script time in one load, from a Chromium trace: the thread time of the
 * EvaluateScript task for help-widget.js (before opening, the loader runs nothing else). It
 * does not depend on the host's work, so it is far less noisy than a difference of two totals.
 */
async function loaderScriptMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ["devtools.timeline"] });
    await page.goto(url, { waitUntil: "load" });
    await sleep(SETTLE_MS);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as {
      traceEvents: TraceEvent[];
    };
    const evaluations = trace.traceEvents.filter(
      (event) =>
        event.name === "EvaluateScript" && event.args?.data?.url?.endsWith("/help-widget.js"),
    );
    if (evaluations.length === 0)
      throw new Error("no EvaluateScript for help-widget.js in the trace");
    return evaluations.reduce((sum, event) => sum + (event.tdur ?? 0), 0) / 1000;
  } finally {
    await context.close();
  }
}

/** Host page script time with vs without the widget's script tag, before it is opened. */
export async function measureHostScript(distDir = "widget/dist"): Promise<BenchResult[]> {
  const server = await staticServer(distDir, {
    "/plain.html": hostPage(null),
    "/with.html": hostPage(WIDGET_TAG),
  });
  const browser = await launchBrowser();
  try {
    const plain: number[] = [];
    const withWidget: number[] = [];
    const load = async (widget: boolean, keep: boolean): Promise<void> => {
      const ms = await scriptMs(browser, `${server.url}/${widget ? "with" : "plain"}.html`, widget);
      if (keep) (widget ? withWidget : plain).push(ms);
    };
    // Warm-up (not kept): the first contexts of a browser are slower.
    await load(false, false);
    await load(true, false);
    // Alternating, and swapping which goes first, so drift on a noisy machine hits both.
    for (let i = 0; i < LOADS_EACH; i++) {
      await load(i % 2 === 0, true);
      await load(i % 2 !== 0, true);
    }
    const loader: number[] = [];
    for (let i = 0; i < TRACED_LOADS; i++)
      loader.push(await loaderScriptMs(browser, `${server.url}/with.html`));
    const plainMs = median(plain);
    const withMs = median(withWidget);
    return [
      result("host_script_ms_ratio", withMs / plainMs, "×", 1, 1.05),
      result("host_script_ms", withMs, "ms", plainMs, null),
      // Its ratio is the loader's share of the plain page's script time, without the noise.
      result("host_script_loader_ms", median(loader), "ms", plainMs, null),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
