import { afterEach, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { getMessages } from "../../widget/messages/index.ts";
import { STATIC_DIRS } from "./support/requireBuild.ts";
import { installDeepActiveElement } from "./support/installDeepActiveElement.ts";
import { testServerPerTest } from "../support/testServerPerTest.ts";
import { browserPerFile } from "./support/browserPerFile.ts";

const en = getMessages("en");
// The dark theme's defaults (widget/shell/styles.ts), as the browser computes them.
const DARK_ACCENT = "rgb(138, 180, 255)";
const DARK_ACCENT_FG = "rgb(11, 21, 48)";

const chromium = browserPerFile();
const server = testServerPerTest({ staticDir: STATIC_DIRS });
let context: BrowserContext;
let page: Page;
afterEach(async () => {
  await context?.close();
});

async function openPage(query: string, colorScheme: "light" | "dark" = "light"): Promise<void> {
  context = await chromium.browser.newContext({
    viewport: { width: 1024, height: 700 },
    colorScheme,
  });
  await installDeepActiveElement(context);
  page = await context.newPage();
  await page.goto(`${server.url}/embed.html${query}`);
}

/** A host stylesheet, as a constructed one: /embed.html's CSP forbids inline styles. */
async function addHostCss(css: string): Promise<void> {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/** What the launcher looks like while it has keyboard focus: colours, ring, type, place. */
async function focusedLauncherLook(): Promise<Record<string, string | number | boolean>> {
  const launcher = page.getByRole("button", { name: en.launcher, exact: true });
  for (let presses = 0; presses < 15; presses += 1) {
    const onLauncher = (name: string): boolean =>
      deepActiveElement()?.getRootNode() instanceof ShadowRoot &&
      deepActiveElement()?.textContent?.trim() === name;
    if (await page.evaluate(onLauncher, en.launcher)) break;
    await page.keyboard.press("Tab");
  }
  return launcher.evaluate((button) => {
    const style = getComputedStyle(button);
    const box = button.getBoundingClientRect();
    // The loader fixes its wrapper in place, the app the button itself.
    let fixed: Element | null = button;
    while (fixed && getComputedStyle(fixed).position !== "fixed") fixed = fixed.parentElement;
    return {
      focused: button === deepActiveElement(),
      background: style.backgroundColor,
      color: style.color,
      ring: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      ringOffset: style.outlineOffset,
      shadow: style.boxShadow,
      zIndex: fixed ? getComputedStyle(fixed).zIndex : "none fixed",
      font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
      height: Math.round(box.height),
      right: Math.round(innerWidth - box.right),
      bottom: Math.round(innerHeight - box.bottom),
    };
  });
}

/** Opens the widget by pointer (the app chunk loads), closes it by Escape: focus is back on the launcher. */
async function loadAppAndClose(): Promise<void> {
  await page.getByRole("button", { name: en.launcher, exact: true }).click();
  await page.getByRole("dialog", { name: en.dialogTitle }).waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("dialog", { name: en.dialogTitle }).waitFor({ state: "hidden" });
}

/** The app's own launcher has its icon; the loader's is text alone. */
const appLauncherShown = (): Promise<number> =>
  page.getByRole("button", { name: en.launcher, exact: true }).locator("svg").count();

describe("the launcher before and after the app chunk loads", () => {
  it("when the host sets the theme's custom properties, then the launcher looks the same before and after", async () => {
    await openPage("?theme=light");
    await addHostCss(`[data-ripio-help] {
      --ripio-help-accent: #0a7d5a;
      --ripio-help-accent-fg: #fff8e1;
      --ripio-help-font: Georgia, serif;
      --ripio-help-offset: 32px;
    }`);
    const before = await focusedLauncherLook();
    expect(await appLauncherShown()).toBe(0);
    expect(before).toMatchObject({
      focused: true,
      background: "rgb(10, 125, 90)",
      color: "rgb(255, 248, 225)",
      ring: "solid 3px rgb(10, 125, 90)",
      font: "600 16px Georgia, serif",
      right: 32,
      bottom: 32,
    });

    await loadAppAndClose();
    expect(await appLauncherShown()).toBe(1);
    expect(await focusedLauncherLook()).toEqual(before);
  });

  for (const [query, scheme, accent, accentFg] of [
    ["?theme=light", "dark", "rgb(29, 78, 216)", "rgb(255, 255, 255)"],
    ["?theme=dark", "light", DARK_ACCENT, DARK_ACCENT_FG],
    ["?theme=auto", "dark", DARK_ACCENT, DARK_ACCENT_FG],
    ["", "dark", DARK_ACCENT, DARK_ACCENT_FG],
  ] as const) {
    it(`when the page is ${query || "without a theme"} on a ${scheme} system and sets nothing, then the launcher's default colours do not change when the app loads`, async () => {
      await openPage(query, scheme);
      const before = await focusedLauncherLook();
      expect(before).toMatchObject({ background: accent, color: accentFg, zIndex: "2147483000" });
      await loadAppAndClose();
      expect(await appLauncherShown()).toBe(1);
      expect(await focusedLauncherLook()).toEqual(before);
    });
  }
});

/** The focused element, looking through open shadow roots (runs in the page). */
declare function deepActiveElement(): Element | null;
