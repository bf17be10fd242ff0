import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signCustomerToken } from "../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../server/sandbox/createSandbox.ts";
import { getMessages } from "../../widget/messages/index.ts";
import { startNginx, type TestNginx } from "../support/startNginx.ts";
import { killProxyProcesses } from "../support/proxy/spawnProxy.ts";
import { PROCESS_IDENTITY_SECRET, startProxyProcess } from "../support/proxy/startProxyProcess.ts";
import { startRedis, type TestRedis } from "../support/startRedis.ts";
import { launchBrowser } from "./support/launchBrowser.ts";
import { requireBuild } from "./support/requireBuild.ts";
import { hostPageHtml, startHostPage, type HostPage } from "./support/startHostPage.ts";

// Real mode as a customer deploys it: the host site on its own origin renders the script tag
// with a token its backend signed; the proxy runs as separate processes in front of Ripio
// (the sandbox, run by the test). /embed.html is sandbox-only, hence the host page here.
const en = getMessages("en");
let browser: Browser;
let ripio: Sandbox;
let host: HostPage;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  requireBuild();
  browser = await launchBrowser();
  ripio = createSandbox({ processingDelayMs: 300 });
  await ripio.listen();
  host = await startHostPage();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await ripio?.close();
});
beforeEach(async () => {
  ripio.control.reset();
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
  await killProxyProcesses();
});

async function sendTicket(summary: string): Promise<void> {
  await page.getByRole("button", { name: en.launcher }).click();
  await page.getByLabel(en.summaryLabel).fill(summary);
  await page.getByLabel(en.descriptionLabel).fill("Sent through the load balancer.");
  await page.getByRole("button", { name: en.send }).click();
}

async function statusText(text: string | RegExp): Promise<void> {
  await page.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

describe("behind a real load balancer", () => {
  let redis: TestRedis;
  let nginx: TestNginx;
  afterEach(async () => {
    await nginx?.close();
    await redis?.close();
  });

  it("when a user files a ticket through nginx round robin over two replicas on one Redis, then it reaches CREATED with its SUP key", async () => {
    redis = await startRedis();
    // Info logs: one line per request, so the test can see that both replicas served the widget.
    const env = { ALLOWED_ORIGINS: host.origin, LOG_LEVEL: "info" };
    const [a, b] = await Promise.all([
      startProxyProcess({ ripioUrl: ripio.url, storeUrl: redis.url, env }),
      startProxyProcess({ ripioUrl: ripio.url, storeUrl: redis.url, env }),
    ]);
    // Ripio's webhooks reach one replica; the widget's polls land on either.
    ripio.control.registerWebhook(`${a.url}/webhooks/ripio`);
    nginx = await startNginx([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
    const token = await signCustomerToken("cus_demo_alice", PROCESS_IDENTITY_SECRET, 600);
    host.setHtml(hostPageHtml(nginx.url, token));

    await page.goto(host.origin);
    await sendTicket("Export fails behind the balancer");
    await statusText(/SUP-\d+/);
    const [ticket] = ripio.control.snapshot().tickets;
    expect(ticket).toMatchObject({ customerId: "cus_demo_alice", status: "CREATED" });
    await expect.poll(() => page.getByText(ticket?.issueKey ?? "?").count()).toBeGreaterThan(0);
  });
});

describe("the embedded SQLite store across a restart", () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("when the proxy restarts while a ticket is PENDING, then after a reload the widget resumes it and shows CREATED", async () => {
    dir = await mkdtemp(join(tmpdir(), "e2e-sqlite-"));
    ripio.control.setScenario({ processingDelayMs: 10 * 60_000 });
    const options = { ripioUrl: ripio.url, cwd: dir, env: { ALLOWED_ORIGINS: host.origin } };
    const before = await startProxyProcess(options);
    const token = await signCustomerToken("cus_demo_bob", PROCESS_IDENTITY_SECRET, 600);
    host.setHtml(hostPageHtml(before.url, token));
    await page.goto(host.origin);
    await sendTicket("Card payment stuck");
    await statusText(en.statusPending);
    expect(await before.stop()).toBe(0);

    // Same port, so the page's script tag still points at it; the store is ./data in `dir`.
    const after = await startProxyProcess({ ...options, port: before.port });
    ripio.control.registerWebhook(`${after.url}/webhooks/ripio`);
    await page.reload();
    await page.getByRole("button", { name: en.launcher }).click();
    await statusText(en.statusPending);
    const [ticket] = ripio.control.snapshot().tickets;
    ripio.control.completeTicket(ticket?.ticketId ?? "", "CREATED");
    await statusText(en.statusCreated);
    const issueKey = ripio.control.snapshot().tickets[0]?.issueKey ?? "?";
    expect(await page.getByText(issueKey).count()).toBeGreaterThan(0);
  });
});
