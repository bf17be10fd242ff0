import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { signCustomerToken } from "../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../server/sandbox/createSandbox.ts";
import { getMessages } from "../../widget/messages/index.ts";
import { historyMessages } from "../../widget/messages/historyCatalogue.ts";
import { killProxyProcesses } from "../support/proxy/spawnProxy.ts";
import { PROCESS_IDENTITY_SECRET, startProxyProcess } from "../support/proxy/startProxyProcess.ts";
import { startRedis, type TestRedis } from "../support/startRedis.ts";
import { launchBrowser } from "./support/launchBrowser.ts";
import { requireBuild } from "./support/requireBuild.ts";
import { hostPageHtml, startHostPage, type HostPage } from "./support/startHostPage.ts";

// Two replicas on one Redis; Ripio's webhooks reach A only, the browser talks to B only. The
// row turns by B's wake-up from Redis (or, failing that, B's Retrieve every 5 s; that only the
// wake-up can do it is shown in test/server/replicas/redisListReplicas.test.ts with a 4 s wait).
const en = getMessages("en");
const list = historyMessages.en;
let browser: Browser;
let ripio: Sandbox;
let host: HostPage;
let redis: TestRedis;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  requireBuild();
  browser = await launchBrowser();
  ripio = createSandbox({ processingDelayMs: 10 * 60_000 });
  await ripio.listen();
  host = await startHostPage();
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await context?.close();
  await killProxyProcesses();
  await browser?.close();
  await host?.close();
  await redis?.close();
  await ripio?.close();
});

describe("Your tickets on two replicas", { timeout: 120_000 }, () => {
  it("when Ripio's webhook reaches A, then the PENDING row in a list served by B turns CREATED by itself", async () => {
    const env = { ALLOWED_ORIGINS: host.origin };
    const [a, b] = await Promise.all([
      startProxyProcess({ ripioUrl: ripio.url, storeUrl: redis.url, env }),
      startProxyProcess({ ripioUrl: ripio.url, storeUrl: redis.url, env }),
    ]);
    ripio.control.registerWebhook(`${a.url}/webhooks/ripio`);
    const token = await signCustomerToken("cus_demo_alice", PROCESS_IDENTITY_SECRET, 600);
    host.setHtml(hostPageHtml(b.url, token));
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(host.origin);

    await page.getByRole("button", { name: en.launcher }).click();
    await page.getByLabel(en.summaryLabel).fill("Listed on B, registered through A");
    await page.getByLabel(en.descriptionLabel).fill("Replicas share the list.");
    await page.getByRole("button", { name: en.send }).click();
    await page.getByText(en.statusPending).first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: en.yourTickets }).click();
    const row = page.getByRole("listitem").filter({ hasText: "Listed on B" });
    await row.getByText(list.pending).waitFor({ timeout: 30_000 });

    const [sent] = ripio.control.snapshot().tickets;
    const created = ripio.control.completeTicket(sent?.ticketId ?? "", "CREATED");
    await row.getByText(created?.issueKey ?? "no key").waitFor({ timeout: 30_000 });
  });
});
