import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { getMessages } from "../../widget/messages/index.ts";
import { getCaptureMessages } from "../../widget/messages/captureCatalogue.ts";
import { stories } from "../../widget/demo/stories.ts";
import { historyMessages } from "../../widget/messages/historyCatalogue.ts";
import { startTestServer } from "../support/startTestServer.ts";
import { axeViolations } from "./support/axeViolations.ts";
import { launchBrowser } from "./support/launchBrowser.ts";
import { STATIC_DIRS, requireBuild } from "./support/requireBuild.ts";

const en = getMessages("en");
const es = getMessages("es");
const pt = getMessages("pt");
const capture = getCaptureMessages("en");
const history = historyMessages.en;
/** A catalogue string whose `{placeholders}` may hold anything. */
const pattern = (template: string): RegExp =>
  new RegExp(
    template
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+?"),
  );
const SCREENSHOTS = "screenshots";

const text = (page: Page, value: string | RegExp) => page.getByText(value).first();

/** What each story must show once its scenario has played out. */
const expected: Record<string, (page: Page) => Promise<unknown>> = {
  empty: (page) => page.getByLabel("Summary").waitFor(),
  filled: (page) => text(page, "invoice.pdf").waitFor(),
  "technical-details": async (page) => {
    await page.getByRole("button", { name: `Remove ${en.details.items.browser}` }).waitFor();
    await page.getByRole("button", { name: `Remove ${en.details.items.page}` }).waitFor({
      state: "detached",
    });
  },
  "summary-required": (page) => text(page, en.errors.SUMMARY_REQUIRED).waitFor(),
  "summary-too-long": (page) => text(page, en.errors.SUMMARY_TOO_LONG).waitFor(),
  "description-too-long": (page) => text(page, en.errors.DESCRIPTION_TOO_LONG).waitFor(),
  "file-rejected": (page) => text(page, "setup.exe").waitFor(),
  "content-mismatch": (page) =>
    text(page, `photo.png was not attached: ${en.fileReasons.FILE_CONTENT_MISMATCH}`).waitFor(),
  uploading: (page) => page.getByRole("progressbar").waitFor(),
  pending: (page) => text(page, en.statusPending).waitFor(),
  created: (page) => text(page, /SUP-\d+/).waitFor(),
  failed: (page) => page.getByRole("button", { name: en.tryAgain }).waitFor(),
  disabled: (page) => text(page, en.errors.TICKETS_DISABLED).waitFor(),
  "no-email": (page) => text(page, en.errors.CUSTOMER_EMAIL_MISSING).waitFor(),
  "identity-refresh": (page) => text(page, /SUP-\d+/).waitFor(),
  "upstream-down": (page) => text(page, en.errors.UPSTREAM_UNAVAILABLE).waitFor(),
  "capture-editor": async (page) => {
    await page.getByRole("application").waitFor();
    await page.locator('[aria-pressed="true"]', { hasText: capture.blackOut }).waitFor();
  },
  "capture-recording": async (page) => {
    await page.getByRole("button", { name: capture.stop }).waitFor();
    await page.getByRole("timer").waitFor();
  },
  "capture-recording-closed": async (page) => {
    await page.getByRole("button", { name: en.launcherRecording }).waitFor();
  },
  "capture-auto-stop": async (page) => {
    await text(page, pattern(capture.stoppedAtLimit)).waitFor({ timeout: 60_000 });
    await text(page, /^recording-\d{8}-\d{6}\.webm$/).waitFor();
  },
  "capture-unsupported": async (page) => {
    await page.getByLabel("Summary").waitFor();
    expect(await page.getByRole("button", { name: en.takeScreenshot }).count()).toBe(0);
    expect(await page.getByRole("button", { name: en.recordScreen }).count()).toBe(0);
  },
  "history-empty": (page) => text(page, history.empty).waitFor(),
  "history-few": async (page) => {
    await text(page, "Login link expired").waitFor();
    const list = page.getByRole("region", { name: history.heading });
    expect(await list.getByRole("listitem").count()).toBe(3);
  },
  "history-many": async (page) => {
    const list = page.getByRole("region", { name: history.heading });
    await list.getByRole("button", { name: history.showMore }).waitFor();
    expect(await list.getByRole("listitem").count()).toBe(4);
    await list.getByRole("button", { name: history.showMore }).click();
    await text(page, "Password reset email never arrives").waitFor();
    expect(await list.getByRole("listitem").count()).toBe(6);
    expect(await list.getByRole("button", { name: history.showMore }).count()).toBe(0);
  },
  "history-pending": (page) =>
    page
      .getByRole("listitem")
      .getByText(/SUP-\d+/)
      .waitFor({ timeout: 20_000 }),
  "history-failed": (page) => page.getByRole("button", { name: history.sendAgain }).waitFor(),
  "history-error": (page) => text(page, history.loadFailed).waitFor(),
  dark: (page) => page.getByLabel("Summary").waitFor(),
  spanish: async (page) => {
    await text(page, /SUP-\d+/).waitFor();
    await page.getByRole("dialog", { name: es.dialogTitle }).waitFor();
  },
  portuguese: async (page) => {
    await text(page, /SUP-\d+/).waitFor();
    await page.getByRole("dialog", { name: pt.dialogTitle }).waitFor();
  },
  inline: (page) => page.getByLabel("Summary").waitFor(),
  floating: (page) => page.getByRole("dialog", { name: "Contact support" }).waitFor(),
  "long-content": (page) => text(page, "statement.pdf").waitFor(),
};

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  requireBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  server = await startTestServer({ staticDir: STATIC_DIRS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the demo gallery", () => {
  it("when every story is listed, then each one has an expected state here", () => {
    expect(Object.keys(expected).sort()).toEqual(stories.map((story) => story.id).sort());
  });

  for (const story of stories) {
    it(`when the "${story.title}" story plays, then it shows its state with no WCAG 2.2 A/AA violation`, async () => {
      // axe is injected as a script, which the gallery's own CSP would rightly refuse.
      const context = await browser.newContext({
        bypassCSP: true,
        viewport: { width: 1280, height: 860 },
        // No opening animation half-way through a screenshot or a contrast check.
        reducedMotion: "reduce",
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/#${story.id}`);
        await expected[story.id]?.(page);
        await page.screenshot({ path: `${SCREENSHOTS}/${story.id}.png` });
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
