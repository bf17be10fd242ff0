import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { MIB, TICKET_LIMITS } from "../../contract/index.ts";
import { fill, getMessages } from "../../widget/messages/index.ts";
import { getCaptureMessages } from "../../widget/messages/captureCatalogue.ts";
import {
  defaultSelection,
  selectionAfterKey,
  type Rect,
} from "../../widget/capture/screenshot/selection.ts";
import { pdfBytes } from "../support/files.ts";
import { STATIC_DIRS } from "./support/requireBuild.ts";
import { recordCspViolations } from "./support/recordCspViolations.ts";
import { installDeepActiveElement } from "./support/installDeepActiveElement.ts";
import { recordSentFiles } from "./support/recordSentFiles.ts";
import { isLosslessWebp } from "../../widget/capture/screenshot/isLosslessWebp.ts";
import { testServerPerTest } from "../support/testServerPerTest.ts";
import { browserPerFile } from "./support/browserPerFile.ts";

const en = getMessages("en");
const capture = getCaptureMessages("en");
// The embed page's own background (server/routes/embedPageHtml.ts), and the dialog's.
const PAGE_BACKGROUND = [255, 251, 230];
const STAMP = /\d{8}-\d{6}/.source;

// Chromium grants getDisplayMedia({preferCurrentTab}) the current tab without its prompt.
const chromium = browserPerFile(["--auto-accept-this-tab-capture"]);
const server = testServerPerTest({ staticDir: STATIC_DIRS, sandbox: { processingDelayMs: 300 } });
let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  context = await chromium.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await installDeepActiveElement(context);
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

/** The numbers of a size or rectangle as the widget writes them in English (1,280). */
const numbers = (values: object): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, new Intl.NumberFormat("en").format(value)]),
  );

/** A pattern for a catalogue string whose placeholders may hold anything. */
function templatePattern(template: string): RegExp {
  const parts = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join(".+?"));
}

async function openWidget(): Promise<void> {
  await page.goto(`${server.url}/embed.html`);
  await page.getByRole("button", { name: en.launcher }).click();
  await page.getByRole("dialog", { name: en.dialogTitle }).waitFor();
  await page.getByLabel(en.summaryLabel).fill("The balance is wrong");
  await page.getByLabel(en.descriptionLabel).fill("It shows the old balance after a transfer.");
}

/** Presses Send and waits for the issue key of the CREATED ticket. */
async function sendAndSeeIssueKey(timeout = 20_000): Promise<void> {
  await page.getByRole("button", { name: en.send }).click();
  await page
    .getByText(/SUP-\d+/)
    .first()
    .waitFor({ timeout });
}

/** Noise drawn on the host page every frame, so a recording has something to encode. */
async function animateHostPage(): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 480;
    canvas.height = 270;
    document.querySelector("main")?.prepend(canvas);
    const context = canvas.getContext("2d");
    const image = context?.createImageData(canvas.width, canvas.height);
    const draw = (): void => {
      if (!context || !image) return;
      for (let i = 0; i < image.data.length; i += 4) {
        const v = (Math.random() * 256) | 0;
        image.data.set([v, (v * 7) & 255, (v * 13) & 255, 255], i);
      }
      context.putImageData(image, 0, 0);
      requestAnimationFrame(draw);
    };
    draw();
  });
}

/** Fills the host page with small coloured text: a screenshot whose PNG is over 1 MiB. */
async function drawDenseHostPage(): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [innerWidth, innerHeight];
    Object.assign(canvas.style, { position: "fixed", inset: "0" });
    document.body.prepend(canvas);
    const context = canvas.getContext("2d");
    if (!context) return;
    const gradient = context.createLinearGradient(0, 0, canvas.width, 0);
    gradient.addColorStop(0, "#fffbe6");
    gradient.addColorStop(1, "#e0f2fe");
    context.fillStyle = gradient;
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (let line = 0; line < canvas.height / 12; line += 1) {
      context.fillStyle = `hsl(${(line * 37) % 360} 70% 35%)`;
      context.font = `${11 + (line % 4)}px sans-serif`;
      context.fillText(
        "Account 0012 3456 7890 · Balance ARS 1.234.567,89 · ".repeat(6),
        0,
        line * 12,
      );
    }
  });
}

/** Presses Tab (or `key`) until `focused` (run in the page) holds; fails after 20 presses. */
async function tabUntil(focused: (arg: string) => boolean, arg = "", key = "Tab"): Promise<void> {
  for (let presses = 0; presses < 20; presses += 1) {
    if (await page.evaluate(focused, arg)) return;
    await page.keyboard.press(key);
  }
  throw new Error("The element never got focus by Tab.");
}

/** Keeps what getDisplayMedia grants from now on, so a test can see whether it still runs. */
async function recordSharedStreams(): Promise<void> {
  await page.evaluate(() => {
    const devices = navigator.mediaDevices;
    const ask = devices.getDisplayMedia.bind(devices);
    const granted: MediaStream[] = [];
    Object.assign(window, { granted });
    devices.getDisplayMedia = async (options) => {
      const stream = await ask(options);
      granted.push(stream);
      return stream;
    };
  });
}

/** How many streams were granted, and how many of their tracks still run (in the page). */
const sharing = (): Promise<{ granted: number; live: number }> =>
  page.evaluate(() => {
    const { granted } = window as unknown as { granted: MediaStream[] };
    const tracks = granted.flatMap((stream) => stream.getTracks());
    return {
      granted: granted.length,
      live: tracks.filter((track) => track.readyState === "live").length,
    };
  });

const focusedText = (): Promise<string | undefined> =>
  page.evaluate(() => deepActiveElement()?.textContent?.trim());
const focusedIsFileInput = (): Promise<boolean> =>
  page.evaluate(() => (deepActiveElement() as HTMLInputElement | null)?.type === "file");

describe("Take screenshot", () => {
  it("when a user crops, blacks out by keyboard and attaches, then the sandbox gets that picture with the region black and the page (not the form) under the dialog", async () => {
    const csp = await recordCspViolations(page);
    const sent = await recordSentFiles(page);
    await openWidget();
    const leaving: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() !== "GET" || !path.startsWith("/assets/")) leaving.push(path);
    });

    // Keyboard only, from the button to the attached file.
    await page.getByRole("button", { name: en.takeScreenshot }).focus();
    await page.keyboard.press("Enter");
    const editor = page.getByRole("application");
    await editor.waitFor();
    await expect.poll(() => page.evaluate(() => deepActiveElement()?.tagName)).toBe("CANVAS");
    const full = await editor.evaluate((c: HTMLCanvasElement) => ({
      width: c.width,
      height: c.height,
    }));
    expect(full).toEqual({ width: 1280, height: 720 });
    expect(await editor.getAttribute("aria-label")).toBe(fill(capture.imageLabel, numbers(full)));

    // Crop (the default tool) to the default selection, the middle half.
    const crop = defaultSelection(full);
    await page.keyboard.press("Enter");
    await page.getByText(fill(capture.cropped, numbers(crop))).waitFor({ state: "attached" });

    // Black out: Tab to the tool, choose it, Shift+Tab back to the picture; move the
    // selection up twice and narrow it once; Enter applies.
    await tabUntil((name) => deepActiveElement()?.textContent === name, capture.blackOut);
    await page.keyboard.press("Enter");
    const blackOut = page.getByRole("button", { name: capture.blackOut, exact: true });
    // Preact renders a state change a moment after the event: wait for it, as a user would.
    await expect.poll(() => blackOut.getAttribute("aria-pressed")).toBe("true");
    await tabUntil(() => deepActiveElement()?.tagName === "CANVAS", "", "Shift+Tab");
    let region: Rect = defaultSelection(crop);
    for (const [key, shift] of [
      ["ArrowUp", false],
      ["ArrowUp", false],
      ["ArrowLeft", true],
    ] as const) {
      await page.keyboard.press(shift ? `Shift+${key}` : key);
      region = selectionAfterKey(region, key, shift, crop) ?? region;
    }
    await page.getByText(fill(capture.selection, numbers(region))).waitFor({ state: "attached" });
    await page.keyboard.press("Enter");
    await page.getByText(capture.blackedOut).waitFor({ state: "attached" });

    await tabUntil((name) => deepActiveElement()?.textContent === name, capture.attach);
    await page.keyboard.press("Enter");
    const listed = page.getByText(new RegExp(`^screenshot-${STAMP}\\.png$`));
    await listed.waitFor();
    await expect.poll(focusedIsFileInput).toBe(true);
    expect(leaving).toEqual([]);

    await sendAndSeeIssueKey();
    const [ticket] = server.sandbox.control.snapshot().tickets;
    const [file] = await sent.list();
    expect(ticket?.files.map((f) => [f.name, f.size, f.sha256, f.contentType])).toEqual([
      [file?.name, file?.size, file?.sha256, "image/png"],
    ]);

    const inside = (dx: number, dy: number): [number, number] => [region.x + dx, region.y + dy];
    const w = region.width - 1;
    const h = region.height - 1;
    // Where the dialog stood on the page: x 860–1260, y ≤ 636 (bottom-right, 400 px wide).
    const underDialog: [number, number] = [900 - crop.x, crop.height - 10];
    const { width, height, rgba } = await sent.pixels(0, [
      inside(0, 0),
      inside(w, 0),
      inside(0, h),
      inside(w, h),
      inside(w >> 1, h >> 1),
      underDialog,
    ]);
    expect({ width, height }).toEqual({ width: crop.width, height: crop.height });
    for (const pixel of rgba.slice(0, 5)) expect(pixel).toEqual([0, 0, 0, 255]);
    expect(rgba[5]?.slice(0, 3)).toEqual(PAGE_BACKGROUND);
    expect(await csp()).toEqual([]);
  });

  it("when Send is pressed with the editor open, then nothing is sent: the editor says to attach or discard first and Attach screenshot has focus", async () => {
    await openWidget();
    await page.getByRole("button", { name: en.takeScreenshot }).click();
    await page.getByRole("application").waitFor();
    await page.getByRole("button", { name: en.send }).click();
    await page.getByText(capture.finishScreenshot).waitFor();
    await expect.poll(focusedText).toBe(capture.attach);
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);

    await page.keyboard.press("Enter");
    await page.getByText(new RegExp(`^screenshot-${STAMP}\\.png$`)).waitFor();
    expect(await page.getByText(capture.finishScreenshot).count()).toBe(0);
    await page.getByRole("button", { name: en.send }).click();
    await page.getByText(en.statusPending).first().waitFor({ timeout: 20_000 });
    const [ticket] = server.sandbox.control.snapshot().tickets;
    expect(ticket?.files.map((f) => f.contentType)).toEqual(["image/png"]);
  });

  it("when the picture is large, then it goes as a lossless WebP (VP8L) when that is smaller than its PNG", async () => {
    const sent = await recordSentFiles(page);
    await openWidget();
    await drawDenseHostPage();
    await page.getByRole("button", { name: en.takeScreenshot }).click();
    await page.getByRole("application").waitFor();
    await page.getByRole("button", { name: capture.attach }).click();
    await page.getByText(new RegExp(`^screenshot-${STAMP}\\.webp$`)).waitFor();
    await page.getByRole("button", { name: en.send }).click();
    await page.getByText(en.statusPending).first().waitFor({ timeout: 20_000 });

    const [file] = await sent.list();
    // The chunk headers before the picture's: VP8X, and an ICC profile of a few hundred bytes.
    const bytes = await sent.bytes(0, 64 * 1024);
    expect(file?.type).toBe("image/webp");
    expect(file?.size).toBeLessThan(await sent.pngSize(0));
    expect(isLosslessWebp(bytes)).toBe(true);
    const [ticket] = server.sandbox.control.snapshot().tickets;
    expect(ticket?.files.map((f) => [f.name, f.sha256, f.contentType])).toEqual([
      [file?.name, file?.sha256, "image/webp"],
    ]);
  });

  for (const locale of ["en", "es", "pt"] as const) {
    it(`when the browser refuses the capture in ${locale}, then a calm notice in ${locale} says so and nothing is attached`, async () => {
      const text = getMessages(locale);
      await page.goto(`${server.url}/embed.html?locale=${locale}`);
      await page.getByRole("button", { name: text.launcher }).click();
      await page.getByRole("dialog", { name: text.dialogTitle }).waitFor();
      // What a user's "Block" or a page policy gives: getDisplayMedia rejects with NotAllowedError.
      await page.evaluate(() => {
        navigator.mediaDevices.getDisplayMedia = () =>
          Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
      });
      await page.getByRole("button", { name: text.takeScreenshot }).click();
      await page.getByText(getCaptureMessages(locale).refused).waitFor();
      expect(await page.getByRole("application").count()).toBe(0);
      expect(await page.getByRole("listitem").count()).toBe(0);
    });
  }
});

describe("the capture chunk", () => {
  it("when the capture code cannot be fetched, then the network message shows, sharing stops, and the next click loads it", async () => {
    await openWidget();
    // The network fails for the capture chunk alone, until it is back.
    let refused = 0;
    await page.route(/\/assets\/help-widget-CapturePanel-[^/]*\.js/, async (route) => {
      refused += 1;
      await route.abort("internetdisconnected");
    });
    await recordSharedStreams();
    const shot = page.getByRole("button", { name: en.takeScreenshot });
    // Hovering fetches the chunk early; its failure is silent (a click will try again). Waited
    // for before the click: whether the click's fetch joined the hover's or came after it was
    // a race, and with it the number of refused requests.
    await shot.hover();
    await expect.poll(() => refused).toBe(1);
    expect(await page.getByText(en.networkError).count()).toBe(0);
    await shot.click();
    await page.getByText(en.networkError).waitFor();
    expect(refused).toBe(2);
    expect(await page.getByRole("application").count()).toBe(0);
    // The tab shared for that click is not left shared.
    await expect.poll(sharing).toEqual({ granted: 1, live: 0 });

    await page.unroute(/\/assets\/help-widget-CapturePanel-[^/]*\.js/);
    await shot.click();
    await page.getByRole("application").waitFor();
    expect(await page.getByText(en.networkError).count()).toBe(0);
  });
});

describe("Record screen", () => {
  it("when a user records for two seconds and stops by keyboard, then a WebM is attached, sent and the ticket is CREATED", async () => {
    const csp = await recordCspViolations(page);
    const sent = await recordSentFiles(page);
    await openWidget();
    await animateHostPage();

    await page.getByRole("button", { name: en.recordScreen }).click();
    await page.getByRole("button", { name: capture.stop }).waitFor();
    await expect.poll(focusedText).toBe(capture.stop);
    await page.getByText(capture.recordingStarted).waitFor({ state: "attached" });
    const timer = page.getByRole("timer");
    await expect.poll(() => timer.textContent(), { timeout: 20_000 }).toMatch(/^0:0[2-9]$/);
    // The encoder may lag on a busy machine: wait until something has been recorded.
    const size = page.getByText(templatePattern(capture.recordingSize));
    await expect.poll(() => size.textContent(), { timeout: 20_000 }).not.toMatch(/^0 B /);
    await page.keyboard.press("Enter");

    await page.getByText(new RegExp(`^recording-${STAMP}\\.webm$`)).waitFor();
    await page.getByText(templatePattern(capture.stoppedByUser)).waitFor();
    await expect.poll(focusedIsFileInput).toBe(true);
    await sendAndSeeIssueKey();

    const [ticket] = server.sandbox.control.snapshot().tickets;
    const [file] = await sent.list();
    expect(file?.head.slice(0, 4)).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(ticket?.status).toBe("CREATED");
    expect(ticket?.files.map((f) => [f.name, f.size, f.sha256, f.contentType])).toEqual([
      [file?.name, file?.size, file?.sha256, "video/webm"],
    ]);
    expect(await csp()).toEqual([]);
  });

  it("when the dialog is closed mid-recording, then the launcher shows it; reopened, Stop has focus, and Send takes the recording along", async () => {
    const sent = await recordSentFiles(page);
    await openWidget();
    await animateHostPage();
    await page.getByRole("button", { name: en.recordScreen }).click();
    await page.getByText(capture.recordingStarted).waitFor({ state: "attached" });

    await page.keyboard.press("Escape");
    const launcher = page.getByRole("button", { name: en.launcherRecording });
    await launcher.waitFor();
    expect(await launcher.textContent()).toBe(en.launcherRecording);
    await expect.poll(focusedText).toBe(en.launcherRecording);
    const size = page.getByText(templatePattern(capture.recordingSize));
    await page.keyboard.press("Enter");
    await expect.poll(focusedText).toBe(capture.stop);
    // The encoder may lag on a busy machine: wait until something has been recorded.
    await expect.poll(() => size.textContent(), { timeout: 20_000 }).not.toMatch(/^0 B /);

    await sendAndSeeIssueKey();
    const [file] = await sent.list();
    expect(file?.name).toMatch(new RegExp(`^recording-${STAMP}\\.webm$`));
    expect(file?.head.slice(0, 4)).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const [ticket] = server.sandbox.control.snapshot().tickets;
    expect(ticket?.files.map((f) => [f.name, f.sha256])).toEqual([[file?.name, file?.sha256]]);
    expect(await page.getByRole("button", { name: en.launcher, exact: true }).count()).toBe(1);
  });

  it("when 49.4 MB is already attached, then the recording stops by itself within the limits and the ticket is accepted", async () => {
    const sent = await recordSentFiles(page);
    const dir = mkdtempSync(join(tmpdir(), "capture-e2e-"));
    try {
      const half = Math.round(24.7 * MIB);
      const paths = ["statement-1.pdf", "statement-2.pdf"].map((name) => {
        const path = join(dir, name);
        writeFileSync(path, pdfBytes(half));
        return path;
      });
      await openWidget();
      await page.getByLabel(en.attachmentsLabel).setInputFiles(paths);
      await page.getByText("statement-2.pdf", { exact: true }).waitFor();
      await animateHostPage();

      await page.getByRole("button", { name: en.recordScreen }).click();
      await page.getByText(templatePattern(capture.stoppedAtLimit)).waitFor({ timeout: 90_000 });
      await page.getByText(new RegExp(`^recording-${STAMP}\\.webm$`)).waitFor();
      expect(await page.getByText(templatePattern(en.fileNotAttached)).count()).toBe(0);

      await sendAndSeeIssueKey(60_000);
      const [ticket] = server.sandbox.control.snapshot().tickets;
      const files = await sent.list();
      expect(ticket?.files.map((f) => f.sha256)).toEqual(files.map((f) => f.sha256));
      expect(files[2]?.head.slice(0, 4)).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
      const total = files.reduce((sum, f) => sum + f.size, 0);
      expect(total).toBeLessThanOrEqual(TICKET_LIMITS.maxTotalBytes);
      expect(files[2]?.size).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The focused element, looking through open shadow roots (runs in the page). */
declare function deepActiveElement(): Element | null;
