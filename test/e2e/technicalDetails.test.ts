import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { devices, type Browser, type BrowserContext, type Page } from "playwright-core";
import { getMessages } from "../../widget/messages/index.ts";
import { fill } from "../../widget/messages/fill.ts";
import { startTestServer, type TestServer } from "../support/startTestServer.ts";
import { launchBrowser } from "./support/launchBrowser.ts";
import { DIST_DIR, requireBuild } from "./support/requireBuild.ts";
import { recordCspViolations } from "./support/recordCspViolations.ts";

const es = getMessages("es");
const TIME_ZONE = "America/Argentina/Buenos_Aires";
const HOST_CONTEXT = { plan: "pro", appVersion: "4.2.1", note: "<b>x</b>" };

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  requireBuild();
  browser = await launchBrowser();
  server = await startTestServer({ staticDir: DIST_DIR });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  server.sandbox.control.reset();
  context = await browser.newContext({
    locale: "es-AR",
    timezoneId: TIME_ZONE,
    viewport: { width: 1280, height: 800 },
  });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

/** Opens /embed.html in Spanish with the host's entries and a secret fragment, and fills a ticket. */
async function openAndFill(description: string): Promise<void> {
  const query = `?locale=es&context=${encodeURIComponent(JSON.stringify(HOST_CONTEXT))}`;
  await page.goto(`${server.url}/embed.html${query}#secret`);
  await page.getByRole("button", { name: es.launcher }).click();
  await page.getByLabel(es.summaryLabel).fill("El pago no avanza");
  await page.getByLabel(es.descriptionLabel).fill(description);
}

/** Presses Enviar and gives the description the sandbox (Ripio) received. */
async function sendAndRead(): Promise<string> {
  await page.getByRole("button", { name: es.send }).click();
  await expect.poll(() => server.sandbox.control.snapshot().tickets.length).toBe(1);
  return server.sandbox.control.snapshot().tickets[0]?.description ?? "";
}

describe("technical details in a real browser", () => {
  it("when a ticket is sent from /embed.html?locale=es#secret, then Ripio gets the block without the query or fragment", async () => {
    const csp = await recordCspViolations(page);
    await openAndFill("El botón de pagar queda girando.");
    const disclosure = page.getByRole("button", { name: es.details.title });
    expect(await disclosure.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("checkbox", { name: es.details.include }).isChecked()).toBe(true);
    await disclosure.click();
    await page.getByText("4.2.1").waitFor();
    // Host markup is shown as text.
    await page.getByText("<b>x</b>").waitFor();

    const received = await sendAndRead();
    const version = await page.evaluate(
      () => (window as { RipioHelp?: { version: string } }).RipioHelp?.version,
    );
    const lines = received.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "El botón de pagar queda girando.",
      "",
      "—",
      "Technical details",
    ]);
    expect(lines[4]).toBe(`Page: ${server.url}/embed.html`);
    // Chromium names the zone by its ICU alias (America/Buenos_Aires): as the page reads it.
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone).toMatch(/Buenos_Aires$/);
    expect(lines[5]).toMatch(
      new RegExp(`^Browser: Chrome \\d+ on Linux · 1280×800 · es-AR · ${zone}$`),
    );
    expect(lines.slice(6)).toEqual([
      `Widget: ${version}`,
      "plan: pro",
      "appVersion: 4.2.1",
      "note: <b>x</b>",
    ]);
    expect(received).not.toMatch(/secret|locale=|context=|\?|#/);
    expect(await csp()).toEqual([]);
  });

  it("when the user removes items, then those are absent from what Ripio gets", async () => {
    await openAndFill("Sin la página ni el plan.");
    await page.getByRole("button", { name: es.details.title }).click();
    const page_ = es.details.items.page;
    await page.getByRole("button", { name: fill(es.details.remove, { name: page_ }) }).click();
    await page.getByRole("button", { name: fill(es.details.remove, { name: "plan" }) }).click();
    const received = await sendAndRead();
    expect(received).toContain("Technical details\nBrowser: Chrome");
    expect(received).not.toContain("Page:");
    expect(received).not.toContain("plan: pro");
    expect(received).toContain("appVersion: 4.2.1");
  });

  it("when Include technical details is unchecked, then Ripio gets only what the user typed", async () => {
    await openAndFill("Nada más que esto.");
    await page.getByRole("checkbox", { name: es.details.include }).uncheck();
    expect(await sendAndRead()).toBe("Nada más que esto.");
  });

  it("when the dialog is phone-sized, then the open list fits the screen and every Remove button is reachable", async () => {
    await context.close();
    context = await browser.newContext({ ...devices["Pixel 7"], locale: "es-AR" });
    page = await context.newPage();
    await openAndFill("En el teléfono.");
    await page.getByRole("button", { name: es.details.title }).click();
    const remove = page.getByRole("button", { name: fill(es.details.remove, { name: "note" }) });
    await remove.scrollIntoViewIfNeeded();
    const box = await remove.boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});
