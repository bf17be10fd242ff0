import { describe, expect, it } from "vitest";
import { checkTicketContext } from "../../../contract/index.ts";
import {
  browserName,
  collectContext,
  osName,
  usableHostContext,
  withoutRemoved,
  type BrowserFacts,
} from "../../../widget/context/collectContext.ts";

const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
  firefoxMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
  samsungAndroid:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  headless:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
};

describe("browserName and osName", () => {
  it.each([
    [UA.chromeWindows, "Chrome 131", "Windows"],
    [UA.edge, "Edge 131", "Windows"],
    [UA.firefoxMac, "Firefox 133", "macOS"],
    [UA.safariIphone, "Safari 17.1", "iOS 17.1"],
    [UA.samsungAndroid, "Samsung Internet 26", "Android 14"],
    [UA.headless, "Chrome 131", "Linux"],
  ])("when the user agent is %s, then it is %s on %s", (ua, browser, os) => {
    expect(browserName(ua)).toBe(browser);
    expect(osName(ua)).toBe(os);
  });

  it("when the user agent is unknown, then neither is named (left out, not guessed)", () => {
    expect(browserName("curl/8.5.0")).toBeUndefined();
    expect(osName("curl/8.5.0")).toBeUndefined();
  });
});

const facts = (over: Partial<BrowserFacts> = {}): BrowserFacts => ({
  origin: "https://shop.example.com",
  pathname: "/checkout",
  userAgent: UA.chromeWindows,
  width: 1920,
  height: 1080,
  language: "es-AR",
  timeZone: "America/Argentina/Buenos_Aires",
  ...over,
});

describe("collectContext", () => {
  it("when gathered, then every item keeps the contract's rules", () => {
    const context = collectContext(facts(), { plan: "pro" });
    expect(context).toMatchObject({
      page: "https://shop.example.com/checkout",
      browser: "Chrome 131",
      os: "Windows",
      viewport: { width: 1920, height: 1080 },
      language: "es-AR",
      timeZone: "America/Argentina/Buenos_Aires",
      host: { plan: "pro" },
    });
    expect(checkTicketContext(context).ok).toBe(true);
  });

  it("when the page is not http(s) or its path is very long, then it is left out or cut to the limit", () => {
    expect(collectContext(facts({ origin: "null", pathname: "blank" }), {}).page).toBeUndefined();
    const long = collectContext(facts({ pathname: `/${"p".repeat(3000)}` }), {});
    expect(checkTicketContext(long).ok).toBe(true);
    expect(long.page?.length).toBe(1000);
  });

  it("when the language carries control characters, then they are removed", () => {
    expect(collectContext(facts({ language: "es\u0000-AR\n" }), {}).language).toBe("es-AR");
  });
});

describe("usableHostContext and withoutRemoved", () => {
  it("when the host passes bad entries, then only the good ones (first ten) are kept, each other named", () => {
    const twelve = Object.fromEntries([...Array(12).keys()].map((i) => [`k${i}`, i]));
    const { host, leftOut } = usableHostContext({ bad: { nested: 1 }, ...twelve });
    expect(Object.keys(host)).toEqual([...Array(10).keys()].map((i) => `k${i}`));
    expect(leftOut).toHaveLength(3);
    expect(usableHostContext(["plan"]).leftOut).toHaveLength(1);
  });

  it("when items are removed, then they are left out, and nothing left gives null", () => {
    const context = collectContext(facts(), { plan: "pro" });
    const kept = withoutRemoved(context, new Set(["page", "host:plan"]));
    expect(kept?.page).toBeUndefined();
    expect(kept?.host).toBeUndefined();
    expect(kept?.browser).toBe("Chrome 131");
    const all = [
      "page",
      "browser",
      "os",
      "viewport",
      "language",
      "timeZone",
      "widget",
      "host:plan",
    ];
    expect(withoutRemoved(context, new Set(all))).toBeNull();
  });
});

describe("host values with control characters", () => {
  it("when a host value is made of control characters, then it is sent cleaned, as the preview shows it", () => {
    const { host } = usableHostContext({ note: "a\u0000".repeat(100), plan: "pro\r\n" });
    expect(host).toEqual({ note: "a".repeat(100), plan: "pro" });
  });
});
