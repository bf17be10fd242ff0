import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devices, type Browser, type BrowserContext, type Page } from "playwright-core";
import { getMessages } from "../../widget/messages/index.ts";
import { historyMessages } from "../../widget/messages/historyCatalogue.ts";
import { startTestServer } from "../support/startTestServer.ts";
import { axeViolations } from "./support/axeViolations.ts";
import { launchBrowser } from "./support/launchBrowser.ts";
import { DIST_DIR, requireBuild } from "./support/requireBuild.ts";

const en = getMessages("en");
const list = historyMessages.en;
type Server = Awaited<ReturnType<typeof startTestServer>>;

let browser: Browser;
let server: Server;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuild();
  browser = await launchBrowser();
  // Ripio registers nothing by itself: each test completes its ticket when it means to.
  server = await startTestServer({
    staticDir: DIST_DIR,
    sandbox: { processingDelayMs: 10 * 60_000 },
  });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.close();
  await browser?.close();
});

/** A browser of its own (a second device), on the embed page as `customer`, the widget open. */
async function deviceFor(customer: string, query = "", options = {}, messages = en): Promise<Page> {
  // axe is injected as a script, which the page's own CSP would rightly refuse.
  const context = await browser.newContext({
    bypassCSP: true,
    reducedMotion: "reduce",
    ...options,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/embed.html?customer=${customer}${query}`);
  await page.getByRole("button", { name: messages.launcher }).click();
  await page.getByRole("dialog", { name: messages.dialogTitle }).waitFor();
  return page;
}

async function openList(page: Page): Promise<void> {
  await page.getByRole("button", { name: en.yourTickets }).click();
  await page.getByRole("heading", { name: list.heading }).waitFor();
}

describe("Your tickets across devices", { timeout: 90_000 }, () => {
  it("when a ticket is sent on one device, then a second device of the same customer lists it and shows its key once CREATED by itself; another customer never sees it", async () => {
    const summary = `Cross-device ${Date.now()}`;
    const phone = await deviceFor("cus_demo_alice");
    await phone.getByLabel("Summary").fill(summary);
    await phone.getByLabel("Description").fill("Sent from the first browser.");
    await phone.getByRole("button", { name: en.send }).click();
    await phone.getByText(en.statusPending).first().waitFor();
    const ticketId = server.sandbox.control.snapshot().tickets.at(-1)?.ticketId ?? "";

    const laptop = await deviceFor("cus_demo_alice");
    await openList(laptop);
    const row = laptop.getByRole("listitem").filter({ hasText: summary });
    await row.getByText(list.pending).waitFor();
    expect(await axeViolations(laptop)).toEqual([]);

    // Ripio's webhook: the open list's PENDING row turns by itself, no reload, no click.
    const created = server.sandbox.control.completeTicket(ticketId, "CREATED");
    await row.getByText(created?.issueKey ?? "no key").waitFor();
    await row.getByText(list.created).waitFor();

    const stranger = await deviceFor("cus_demo_bob");
    await openList(stranger);
    await stranger.getByText(list.empty).waitFor();
    expect(await stranger.getByText(summary).count()).toBe(0);
  });

  it("when the list is shown dark on a phone in Spanish, keyboard only, then it has no WCAG 2.2 A/AA violation", async () => {
    const es = getMessages("es");
    const page = await deviceFor("cus_demo_alice", "&locale=es&theme=dark", devices["Pixel 7"], es);
    const button = page.getByRole("button", { name: es.yourTickets });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: historyMessages.es.heading }).waitFor();
    await page.getByRole("listitem").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: historyMessages.es.back }).click();
    await page.getByLabel(es.summaryLabel).waitFor();
  });
});
