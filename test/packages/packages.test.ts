import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../e2e/support/launchBrowser.ts";
import { requireBuild } from "../e2e/support/requireBuild.ts";
import {
  chunkGzipBytes,
  copyFixture,
  firstLoadGzipBytes,
  installedNames,
  lockedPackages,
  packBoth,
  run,
  scratchFolder,
} from "./support/scratch.ts";
import { serveApp } from "./support/serveApp.ts";
import { INSTALLED_BIN } from "../support/proxy/launches.ts";
import { spawnProxy, type ProxyProcess } from "../support/proxy/spawnProxy.ts";

/*
 * The two packages as their users meet them, outside this repository: both packed; the widget
 * installed into a fresh React 19 + Vite app (test/packages/react-app, its lock committed), which
 * is type-checked, built, measured and rendered on a server; the proxy installed into an empty
 * folder (test/packages/proxy-host) and started by its bin. Then tickets, in Chromium, from the
 * app and from the proxy's /embed.html.
 */
const SERVER_ONLY = ["express", "redis", "@redis/client", "busboy", "pino", "better-sqlite3"];
const FIRST_LOAD_BUDGET_BYTES = 8 * 1024;
const IDENTITY_SECRET = "a-host-backend-secret-of-32-chars!";

const scratch = scratchFolder("ripio-packages-");
let appDir: string;
let proxyDir: string;
let widgetInstall: { seconds: number; added: string[]; output: string };
let proxy: ProxyProcess;
let app: Awaited<ReturnType<typeof serveApp>> | null = null;
let browser: Browser;

beforeAll(async () => {
  requireBuild();
  const tarballs = await packBoth(scratch.dir);
  appDir = copyFixture("react-app", scratch.dir);
  proxyDir = copyFixture("proxy-host", scratch.dir);
  await run("cp", [tarballs.widget, tarballs.proxy, proxyDir], { cwd: scratch.dir });

  const installApp = async () => {
    await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: appDir });
    const before = new Set(lockedPackages(appDir).keys());
    const started = performance.now();
    const output = await run("npm", ["install", "--no-audit", "--no-fund", tarballs.widget], {
      cwd: appDir,
    });
    const seconds = (performance.now() - started) / 1000;
    const added = [...lockedPackages(appDir).keys()].filter((path) => !before.has(path));
    widgetInstall = { seconds, added, output };
  };
  // No prebuilt better-sqlite3 can be fetched here: compile it at once instead of timing out.
  const installProxy = () =>
    run("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: proxyDir,
      env: { npm_config_build_from_source: "true" },
    });
  await Promise.all([installApp(), installProxy()]);
  console.log(
    `ripio-help-widget install: ${widgetInstall.seconds.toFixed(1)} s, added ${widgetInstall.added.join(", ")}`,
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await proxy?.stop();
  scratch.remove();
});

describe("ripio-help-widget installed into a fresh React 19 + Vite app", () => {
  it("when installed, then it adds itself alone: no server package, nothing compiled", () => {
    expect(widgetInstall.added).toEqual(["node_modules/ripio-help-widget"]);
    const installed = installedNames(appDir);
    for (const name of SERVER_ONLY) expect(installed, name).not.toContain(name);
    const scripts = [...lockedPackages(appDir)].filter(([, entry]) => entry.hasInstallScript);
    expect(scripts.map(([path]) => path).filter((path) => !path.includes("esbuild"))).toEqual([]);
  });

  it("when the app is type-checked under strict, then the package's types pass", async () => {
    await run("npx", ["tsc", "-p", "."], { cwd: appDir });
  });

  it(`when built, then the widget adds at most ${FIRST_LOAD_BUDGET_BYTES} B gzip to the first load`, async () => {
    await run("npx", ["vite", "build", "--logLevel", "warn"], { cwd: appDir });
    await run("npx", ["vite", "build", "--mode", "baseline", "--logLevel", "warn"], {
      cwd: appDir,
    });
    const withWidget = firstLoadGzipBytes(join(appDir, "dist"), "index.html");
    const without = firstLoadGzipBytes(join(appDir, "dist-baseline"), "baseline.html");
    const form = chunkGzipBytes(join(appDir, "dist"), "HelpWidgetInShadow");
    console.log(
      `first load: ${withWidget} B gzip with the widget, ${without} B without: +${withWidget - without} B; the form chunk ${form} B`,
    );
    expect(form, "the form is a chunk of its own").toBeGreaterThan(0);
    expect(withWidget - without).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });

  it("when rendered on the server (Node, no DOM), then it gives the page with the widget's host element", async () => {
    await run(
      "npx",
      ["vite", "build", "--ssr", "src/server.tsx", "--outDir", "dist-server", "--logLevel", "warn"],
      {
        cwd: appDir,
      },
    );
    const html = await renderOnServer({ apiBase: "http://127.0.0.1:1", customerToken: "x.y.z" });
    expect(html).toContain("Scratch app");
    expect(html).toContain('<div class="ripio-help-widget"></div>');
  });
});

describe("ripio-help-proxy installed into an empty folder and started by its bin", () => {
  let page: { html: string; props: unknown } = { html: "", props: {} };
  beforeAll(async () => {
    // The host app listens first: its origin is the one the proxy lets call /api.
    app = await serveApp(join(appDir, "dist"), () => page);
    // In a process group of its own, so that stop() waits for npm's child, the proxy, too.
    proxy = await spawnProxy({
      launch: INSTALLED_BIN,
      cwd: proxyDir,
      detached: true,
      env: { LOG_LEVEL: "warn", HELP_IDENTITY_SECRET: IDENTITY_SECRET, ALLOWED_ORIGINS: app.url },
    });
  });

  it("when started with RIPIO_BASE_URL unset, then it runs the sandbox and answers /healthz", async () => {
    expect(proxy.output()).toContain("sandbox mode");
    const health = await fetch(`${proxy.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });

  it("when asked for the script tag, the embed page and the gallery, then it serves them from the packages", async () => {
    const loader = await fetch(`${proxy.url}/help-widget.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get("content-type")).toMatch(/javascript/);
    expect(await loader.text()).toContain("RipioHelp");
    const embed = await fetch(`${proxy.url}/embed.html`);
    expect(embed.status).toBe(200);
    expect(await embed.text()).toContain("data-customer-token");
    const gallery = await fetch(`${proxy.url}/`);
    expect(gallery.status).toBe(200);
    expect(await gallery.text()).toContain("<div id=");
  });

  it("when a ticket is sent from /embed.html, then it reaches CREATED", async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.url}/embed.html`);
    await sendTicket(page);
    await page
      .getByText(/SUP-\d+/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.close();
  });

  it("when the React app sends a ticket through it, then the host's onSubmitted and onStatusChange fire with no hydration warning", async () => {
    const customerToken = await signWithInstalledToken("cus_demo_alice");
    const props = { apiBase: proxy.url, customerToken };
    page = { html: await renderOnServer(props), props };
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    tab.on("pageerror", (error) => problems.push(error.message));
    await tab.goto(app?.url ?? "");
    await sendTicket(tab);
    const log = tab.getByRole("list", { name: "Host log" });
    await expect.poll(() => log.textContent()).toContain("submitted PENDING");
    await expect
      .poll(() => log.textContent(), { timeout: 30_000 })
      .toMatch(/status CREATED SUP-\d+/);
    expect(problems, problems.join("\n")).toEqual([]);
    await tab.close();
  });

  it("when npx is sent SIGTERM, then the proxy drains and every process ends, as with npm start", async () => {
    // SIGTERM to npx alone, as Docker sends it to its command; stop() waits for the whole group.
    await proxy.stop();
    expect(proxy.output()).toContain("SIGTERM: finishing in-flight requests");
  });
});

/** Renders the app with the server bundle, in a Node process of its own (the app's node_modules). */
async function renderOnServer(props: { apiBase: string; customerToken: string }): Promise<string> {
  const script = `const { render } = await import("./dist-server/server.js");
process.stdout.write(render(JSON.parse(process.env.PROPS)));`;
  return run(process.execPath, ["--input-type=module", "--eval", script], {
    cwd: appDir,
    env: { PROPS: JSON.stringify(props) },
  });
}

/** The host backend's part: a token signed with the installed ripio-help-widget/token. */
async function signWithInstalledToken(customerId: string): Promise<string> {
  const script = `const { signCustomerToken } = await import("ripio-help-widget/token");
process.stdout.write(await signCustomerToken(${JSON.stringify(customerId)}, process.env.SECRET, 600));`;
  return run(process.execPath, ["--input-type=module", "--eval", script], {
    cwd: appDir,
    env: { SECRET: IDENTITY_SECRET },
  });
}

/** Opens the widget by its launcher and sends a ticket, as a person would. */
async function sendTicket(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Help" }).click();
  const dialog = page.getByRole("dialog", { name: "Contact support" });
  await dialog.waitFor({ state: "visible", timeout: 30_000 });
  await dialog.getByLabel("Summary").fill("The export button does nothing");
  await dialog.getByLabel("Description").fill("Clicking Export on the reports page shows no file.");
  await dialog.getByRole("button", { name: "Send" }).click();
}
