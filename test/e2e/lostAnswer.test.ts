import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { getMessages } from "../../widget/messages/index.ts";
import { pngBytes } from "../support/files.ts";
import { DIST_DIR } from "./support/requireBuild.ts";
import { startDroppingRelay, type DroppingRelay } from "./support/startDroppingRelay.ts";
import { testServerPerTest } from "../support/testServerPerTest.ts";
import { browserPerFile } from "./support/browserPerFile.ts";

// A user on a flaky network: the proxy makes the ticket, and its 202 is lost on the way back.
// The widget's retry carries the same Idempotency-Key and files, and must end on that ticket.
const en = getMessages("en");
const chromium = browserPerFile();
// Slow enough that PENDING is on screen before Ripio's webhook says CREATED.
const server = testServerPerTest({ staticDir: DIST_DIR, sandbox: { processingDelayMs: 1_500 } });
let relay: DroppingRelay;
let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  relay = await startDroppingRelay(server.url, { dropTickets: 1 });
  context = await chromium.browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
  await relay?.close();
});

describe("a lost answer", () => {
  it("when the first 202 never reaches the widget, then its retry (Chromium's or Retry) shows the same ticket PENDING, then CREATED with its key, and Ripio has one ticket", async () => {
    await page.goto(`${relay.url}/embed.html`);
    await page.getByRole("button", { name: "Help" }).click();
    await page.getByLabel("Summary").fill("Export fails");
    await page.getByLabel("Description").fill("Nothing downloads when I press Export.");
    await page.getByLabel("Attachments").setInputFiles({
      name: "screenshot.png",
      mimeType: "image/png",
      buffer: pngBytes(8 * 1024 * 1024),
    });
    await page.getByRole("button", { name: "Send" }).click();

    // The proxy made the ticket; the widget heard a reset. Chromium itself resends a POST
    // whose kept-alive connection was reset; otherwise the widget says so and offers Retry.
    const lost = page.getByText(en.networkError);
    await lost.or(page.getByText(en.statusPending)).first().waitFor({ timeout: 30_000 });
    expect(relay.dropped).toBe(1);
    if (await lost.isVisible()) {
      expect(server.sandbox.control.snapshot().tickets).toHaveLength(1);
      await page.getByRole("button", { name: en.retry }).click();
    }

    await page.getByText(en.statusPending).waitFor({ state: "visible", timeout: 30_000 });
    await page
      .getByText(/SUP-\d+/)
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
    await page.getByText(en.statusCreated).waitFor({ state: "visible" });
    const [ticket, ...others] = server.sandbox.control.snapshot().tickets;
    expect(others).toEqual([]);
    expect(ticket?.status).toBe("CREATED");
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: ticket?.issueKey ?? "" })
        .count(),
    ).toBe(1);
  });
});
