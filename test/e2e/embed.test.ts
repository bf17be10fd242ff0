import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { devices, type BrowserContext, type Locator, type Page } from "playwright-core";
import { TICKET_LIMITS } from "../../contract/index.ts";
import { getMessages } from "../../widget/messages/index.ts";
import { pdfBytes, pngBytes } from "../support/files.ts";
import { STATIC_DIRS } from "./support/requireBuild.ts";
import { recordCspViolations } from "./support/recordCspViolations.ts";
import { installDeepActiveElement } from "./support/installDeepActiveElement.ts";
import { testServerPerTest } from "../support/testServerPerTest.ts";
import { browserPerFile } from "./support/browserPerFile.ts";

const en = getMessages("en");

const chromium = browserPerFile();
const server = testServerPerTest({ staticDir: STATIC_DIRS, sandbox: { processingDelayMs: 300 } });
let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  context = await chromium.browser.newContext();
  await installDeepActiveElement(context);
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

/** The queued-call stub exactly as the README tells customers to paste it. */
function readmeQueueStub(): string {
  const readme = readFileSync("README.md", "utf8");
  const block =
    /```html\n(<script>\n\s*window\.RipioHelp = window\.RipioHelp \|\|[\s\S]*?<\/script>)\n```/.exec(
      readme,
    );
  if (!block?.[1]) throw new Error("README.md has no queued-call stub snippet.");
  return block[1];
}

async function openWidget(query = ""): Promise<void> {
  await page.goto(`${server.url}/embed.html${query}`);
  await page.getByRole("button", { name: "Help" }).click();
  await expect
    .poll(() => page.getByRole("dialog", { name: "Contact support" }).isVisible())
    .toBe(true);
}

/** Presses Tab until `focused` (run in the page) holds; fails after 15 presses. */
async function tabUntil(focused: (arg: string) => boolean, arg = ""): Promise<void> {
  for (let presses = 0; presses < 15; presses += 1) {
    if (await page.evaluate(focused, arg)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("The element never got focus by Tab.");
}

async function fillTicket(summary: string, description: string): Promise<void> {
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Description").fill(description);
}

async function waitForText(text: string | RegExp, timeout = 20_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: "visible", timeout });
}

/** The inherited text properties the host page sets loudly, at their plain values. */
const PLAIN_TEXT: Record<string, string> = {
  letterSpacing: "normal",
  wordSpacing: "0px",
  textTransform: "none",
  fontStyle: "normal",
  fontVariantCaps: "normal",
  textIndent: "0px",
  textShadow: "none",
};

/** The computed PLAIN_TEXT properties of an element (runs in the page). */
function inheritedText(element: Element): Record<string, string> {
  const style = getComputedStyle(element) as unknown as Record<string, string>;
  const names = [
    "letterSpacing",
    "wordSpacing",
    "textTransform",
    "fontStyle",
    "fontVariantCaps",
    "textIndent",
    "textShadow",
  ];
  return Object.fromEntries(names.map((name) => [name, style[name] ?? ""]));
}

describe("the script-tag embed on a host page", () => {
  it("when a user trips and fixes a rule, attaches a PNG and a PDF and sends, then progress shows and the ticket reaches CREATED with its SUP key", async () => {
    const csp = await recordCspViolations(page);
    await openWidget();
    await fillTicket(
      "x".repeat(TICKET_LIMITS.summaryMaxChars + 1),
      "The export button does nothing.",
    );
    await page.getByRole("button", { name: "Send" }).click();
    await waitForText(en.errors.SUMMARY_TOO_LONG);
    expect(await page.getByLabel("Summary").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Summary").fill("Export fails on the orders page");
    const png = pngBytes(300_000);
    const pdf = pdfBytes(6 * 1024 * 1024);
    await page.getByLabel("Attachments").setInputFiles([
      { name: "screenshot.png", mimeType: "image/png", buffer: png },
      { name: "invoice.pdf", mimeType: "application/pdf", buffer: pdf },
    ]);
    await waitForText("screenshot.png");
    await waitForText("invoice.pdf");

    // Slow the uplink so the progress bar is on screen long enough to be seen.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 4 * 1024 * 1024,
    });
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("progressbar").waitFor({ state: "visible", timeout: 10_000 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await waitForText(/SUP-\d+/);
    const status = page.getByRole("status").filter({ hasText: /SUP-\d+/ });
    expect(await status.count()).toBeGreaterThan(0);

    const [ticket] = server.sandbox.control.snapshot().tickets;
    const sha = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");
    expect(ticket?.customerId).toBe("cus_demo_alice");
    expect(ticket?.files.map((f) => [f.name, f.size, f.sha256])).toEqual([
      ["screenshot.png", png.length, sha(png)],
      ["invoice.pdf", pdf.length, sha(pdf)],
    ]);
    expect(await csp()).toEqual([]);
  });

  it("when Ripio fails the ticket, then the user sees FAILED and Try again makes a new ticket that is CREATED", async () => {
    server.sandbox.control.setScenario({ nextOutcome: "FAILED" });
    await openWidget();
    await fillTicket("Card declined", "My card was declined twice.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: en.tryAgain }).click({ timeout: 20_000 });
    await waitForText(/SUP-\d+/);
    expect(server.sandbox.control.snapshot().tickets.map((t) => t.status)).toEqual([
      "FAILED",
      "CREATED",
    ]);
  });

  it("when tickets are disabled for the account, then the user is told what to do and keeps the text", async () => {
    server.sandbox.control.setScenario({ ticketsEnabled: false });
    await openWidget();
    await fillTicket("Where is my order?", "Order 1234 has not arrived.");
    await page.getByRole("button", { name: "Send" }).click();
    await waitForText(en.errors.TICKETS_DISABLED);
    expect(await page.getByLabel("Summary").inputValue()).toBe("Where is my order?");
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);
  });

  const KEYBOARD_TICKETS = {
    en: ["I cannot sign in", "It says my password is wrong."],
    es: ["No puedo iniciar sesión", "Dice que mi contraseña es incorrecta."],
    pt: ["Não consigo entrar", "Diz que minha senha está errada."],
  } as const;
  for (const [locale, [summary, description]] of Object.entries(KEYBOARD_TICKETS)) {
    it(`when a person uses only the keyboard in ${locale}, then they can open, fill, attach, send and read the result`, async () => {
      const text = getMessages(locale as keyof typeof KEYBOARD_TICKETS);
      // Playwright intercepts file pickers only once a listener exists, and turning that on
      // takes a round trip: do it now, not in the same breath as the key press.
      page.on("filechooser", () => undefined);
      await page.goto(`${server.url}/embed.html?locale=${locale}`);
      await page.getByRole("button", { name: text.launcher }).focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.getByLabel(text.summaryLabel).evaluate((el) => el === deepActiveElement()))
        .toBe(true);
      await page.keyboard.type(summary);
      await page.keyboard.press("Tab");
      await page.keyboard.type(description);
      // Tab to the Attachments field; Enter opens the file picker.
      await tabUntil(() => (deepActiveElement() as HTMLInputElement | null)?.type === "file");
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.keyboard.press("Enter"),
      ]);
      await chooser.setFiles({ name: "screen.png", mimeType: "image/png", buffer: pngBytes(2048) });
      await waitForText("screen.png");
      await tabUntil((send) => deepActiveElement()?.textContent?.trim() === send, text.send);
      await page.keyboard.press("Enter");
      await waitForText(/SUP-\d+/);
      const [ticket] = server.sandbox.control.snapshot().tickets;
      expect(ticket?.files.map((f) => f.name)).toEqual(["screen.png"]);
      await page.keyboard.press("Escape");
      await expect
        .poll(() => page.evaluate(() => deepActiveElement()?.textContent?.trim()))
        .toBe(text.launcher);
    });
  }

  it("when the host page has loud CSS, then none of it reaches the widget and the widget's does not leak out", async () => {
    await page.goto(`${server.url}/embed.html`);
    // The loader's launcher, before the app exists, and the app's widget once open.
    const loaderLauncher = page.getByRole("button", { name: "Help" });
    expect(await loaderLauncher.evaluate(inheritedText)).toEqual(PLAIN_TEXT);
    await loaderLauncher.click();
    await page.getByRole("dialog", { name: "Contact support" }).waitFor();
    for (const element of [
      page.getByRole("heading", { name: en.dialogTitle }),
      page.getByText(en.intro),
      page.getByLabel("Summary"),
      page.getByRole("button", { name: "Send" }),
      page.getByRole("button", { name: "Help" }),
    ]) {
      expect(await element.evaluate(inheritedText)).toEqual(PLAIN_TEXT);
    }
    const summaryFont = await page
      .getByLabel("Summary")
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(summaryFont).not.toMatch(/Comic Sans/i);
    // The loader's stylesheet shares the shadow root: its launcher rules stay on its launcher.
    const closeShadow = await page
      .getByRole("button", { name: en.close })
      .evaluate((el) => getComputedStyle(el).boxShadow);
    expect(closeShadow).toBe("none");

    // The page itself is as loud as it says (else the checks above prove nothing).
    const hostText = await page
      .getByRole("heading", { name: /Your orders/i })
      .evaluate(inheritedText);
    for (const [property, plain] of Object.entries(PLAIN_TEXT)) {
      expect(hostText[property], property).not.toBe(plain);
    }
    const hostButton = page.getByRole("button", { name: "Host page button" });
    expect(await hostButton.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(255, 105, 180)",
    );
  });

  it("when the app chunk fails to load, then a retry is shown and retrying opens the widget", async () => {
    await page.route("**/assets/help-widget-app-*.js*", (route) => route.abort());
    await page.goto(`${server.url}/embed.html`);
    await page.getByRole("button", { name: "Help" }).click();
    await page.getByRole("alert").waitFor({ state: "visible" });
    await page.unroute("**/assets/help-widget-app-*.js*");
    await page.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("dialog", { name: "Contact support" }).waitFor({ state: "visible" });
  });

  it("when the page loads, then the app chunk is not fetched until the user shows intent", async () => {
    const chunks: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/assets/")) chunks.push(request.url());
    });
    await page.goto(`${server.url}/embed.html`);
    await page.getByRole("button", { name: "Help" }).waitFor();
    await page.waitForTimeout(300);
    expect(chunks).toEqual([]);
    await page.getByRole("button", { name: "Help" }).hover();
    await expect.poll(() => chunks.length).toBeGreaterThan(0);
  });
});

/** True when every point of `target`'s box (centre and near its corners) hits `target` itself. */
function unobstructed(target: Element): boolean {
  const box = target.getBoundingClientRect();
  const root = target.getRootNode() as Document | ShadowRoot;
  const inset = 3;
  const points: [number, number][] = [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.left + inset, box.top + inset],
    [box.right - inset, box.top + inset],
    [box.left + inset, box.bottom - inset],
    [box.right - inset, box.bottom - inset],
  ];
  return points.every(([x, y]) => {
    const hit = root.elementFromPoint(x, y);
    return hit !== null && (hit === target || target.contains(hit));
  });
}

/** What of ours covers a grid over the whole viewport: "dialog" where it is the dialog. */
function coverOfViewport(dialog: Element): string[] {
  const root = dialog.getRootNode() as ShadowRoot;
  const cover = new Set<string>();
  for (let x = 5; x < innerWidth; x += 40) {
    for (let y = 5; y < innerHeight; y += 40) {
      const hit = root.elementFromPoint(x, y);
      cover.add(hit && dialog.contains(hit) ? "dialog" : (hit?.outerHTML.slice(0, 60) ?? "none"));
    }
  }
  return [...cover];
}

async function withinViewport(locator: Locator, viewport: { width: number; height: number }) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not rendered");
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  );
}

describe("on a phone (iPhone 13 in Chromium, 390 × 664)", () => {
  it("when /embed.html is opened, then nothing scrolls sideways, the launcher is on screen, and the open dialog fills the screen with nothing of ours over it", async () => {
    const phone = devices["iPhone 13"];
    // Reduced motion: the dialog is where it ends up at once, not rising into place.
    const mobile = await chromium.browser.newContext({ ...phone, reducedMotion: "reduce" });
    try {
      const tab = await mobile.newPage();
      await tab.goto(`${server.url}/embed.html`);
      const launcher = tab.getByRole("button", { name: "Help" });
      await launcher.waitFor();
      const pageWidth = (): Promise<number> =>
        tab.evaluate(() => document.documentElement.scrollWidth);
      expect(await pageWidth(), "the host page scrolls sideways").toBe(phone.viewport.width);
      expect(await withinViewport(launcher, phone.viewport)).toBe(true);

      await launcher.tap();
      const dialog = tab.getByRole("dialog", { name: "Contact support" });
      await dialog.waitFor();
      expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, ...phone.viewport });
      expect(await dialog.evaluate(coverOfViewport)).toEqual(["dialog"]);
      // The dropzone is the box around its text.
      const dropzone = await tab
        .getByText(en.dropzoneText)
        .evaluateHandle((text) => text.parentElement ?? text);
      await dropzone.evaluate((zone) => zone.scrollIntoView({ block: "nearest" }));
      expect(await dropzone.evaluate(unobstructed)).toBe(true);
      const send = tab.getByRole("button", { name: "Send" });
      await send.scrollIntoViewIfNeeded();
      expect(await send.evaluate(unobstructed)).toBe(true);
      expect(await pageWidth()).toBe(phone.viewport.width);

      // Closed again, the launcher is back where the user left it.
      await tab.getByRole("button", { name: en.close }).tap();
      expect(await withinViewport(launcher, phone.viewport)).toBe(true);
    } finally {
      await mobile.close();
    }
  });
});

describe("the JS API", () => {
  it("when two widgets are mounted inline and then unmounted, then they work apart and leave no DOM behind", async () => {
    const token = await server.tokenFor("cus_demo_bob");
    await page.goto(`${server.url}/embed.html`);
    await page.evaluate((customerToken) => {
      const api = (window as unknown as { RipioHelp: { mount(o: object): { unmount(): void } } })
        .RipioHelp;
      for (const id of ["one", "two"]) {
        const target = document.createElement("section");
        target.id = id;
        document.body.append(target);
        (window as unknown as Record<string, unknown>)[`handle_${id}`] = api.mount({
          customerToken,
          target,
          launcher: false,
        });
      }
    }, token);
    await expect.poll(() => page.getByLabel("Summary").count()).toBe(2);
    await page.locator("#one").getByLabel("Summary").fill("Only in the first");
    expect(await page.locator("#two").getByLabel("Summary").inputValue()).toBe("");
    await page.evaluate(() => {
      const w = window as unknown as Record<string, { unmount(): void }>;
      w.handle_one?.unmount();
      w.handle_two?.unmount();
    });
    expect(await page.locator("#one [data-ripio-help], #two [data-ripio-help]").count()).toBe(0);
  });

  it("when a host page calls the README's queued API before the loader arrives, then the calls are replayed", async () => {
    const token = await server.tokenFor("cus_demo_alice");
    const hostPage = `<!doctype html><html lang="en"><head><title>Queued host</title></head><body>
      <main><h1>Queued host</h1></main>
      ${readmeQueueStub()}
      <script>
        window.help = RipioHelp.mount({ customerToken: ${JSON.stringify(token)}, launcher: false });
        help.open();
      </script>
      <script src="/help-widget.js" async></script>
    </body></html>`;
    await page.route(`${server.url}/queued-host.html`, (route) =>
      route.fulfill({ contentType: "text/html", body: hostPage }),
    );
    await page.goto(`${server.url}/queued-host.html`);
    await page.getByRole("dialog", { name: "Contact support" }).waitFor();
    expect(await page.getByRole("button", { name: "Help" }).count()).toBe(0);
    await page.evaluate(() => (window as unknown as { help: { close(): void } }).help.close());
    await expect.poll(() => page.getByRole("dialog", { name: "Contact support" }).count()).toBe(0);
  });
});

/** The focused element, looking through open shadow roots (runs in the page). */
declare function deepActiveElement(): Element | null;
