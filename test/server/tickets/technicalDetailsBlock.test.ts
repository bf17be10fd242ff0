import { describe, expect, it } from "vitest";
import { TICKET_LIMITS, countChars, type TicketContext } from "../../../contract/index.ts";
import {
  technicalDetailsLines,
  withTechnicalDetails,
} from "../../../server/tickets/technicalDetailsBlock.ts";

const context: TicketContext = {
  page: "https://shop.example.com/checkout",
  browser: "Chrome 131",
  os: "Windows 11",
  viewport: { width: 1920, height: 1080 },
  language: "es-AR",
  timeZone: "America/Argentina/Buenos_Aires",
  widget: "0.2.0",
  host: { plan: "pro", appVersion: "4.2.1", beta: true, seats: 12 },
};

const BLOCK = [
  "—",
  "Technical details",
  "Page: https://shop.example.com/checkout",
  "Browser: Chrome 131 on Windows 11 · 1920×1080 · es-AR · America/Argentina/Buenos_Aires",
  "Widget: 0.2.0",
  "plan: pro",
  "appVersion: 4.2.1",
  "beta: true",
  "seats: 12",
].join("\n");

describe("withTechnicalDetails", () => {
  it("when there is room, then the block follows the text after a blank line, in the set format", () => {
    expect(withTechnicalDetails("Export fails.", context)).toBe(`Export fails.\n\n${BLOCK}`);
  });

  it("when items were removed, then their parts are left out of their line", () => {
    const { os: _os, viewport: _viewport, page: _page, host: _host, ...rest } = context;
    expect(technicalDetailsLines(rest)).toEqual([
      "Browser: Chrome 131 · es-AR · America/Argentina/Buenos_Aires",
      "Widget: 0.2.0",
    ]);
    expect(technicalDetailsLines({ os: "Android 14" })).toEqual(["Browser: Android 14"]);
  });

  it("when no context came, or nothing is left in it, then the description is unchanged", () => {
    expect(withTechnicalDetails("Text", null)).toBe("Text");
    expect(withTechnicalDetails("Text", {})).toBe("Text");
  });

  it("when text and block would pass 5000 code points, then entries go from the block's end, never the text", () => {
    const full = withTechnicalDetails("x", context);
    // Room for the block without its last two host entries ("beta: true", "seats: 12").
    const room = countChars(full) - countChars("x") - "\nbeta: true\nseats: 12".length;
    const text = "😀".repeat(TICKET_LIMITS.descriptionMaxChars - room);
    const squeezed = withTechnicalDetails(text, context);
    expect(countChars(squeezed)).toBe(TICKET_LIMITS.descriptionMaxChars);
    expect(squeezed).toBe(`${text}\n\n${BLOCK.replace("\nbeta: true\nseats: 12", "")}`);
  });

  it("when not even the first entry fits, then the block goes entirely and the text is whole", () => {
    const text = "a".repeat(TICKET_LIMITS.descriptionMaxChars - 20);
    expect(withTechnicalDetails(text, context)).toBe(text);
    const exact = "é".repeat(TICKET_LIMITS.descriptionMaxChars);
    expect(withTechnicalDetails(exact, context)).toBe(exact);
  });

  it("when host values are hostile (control characters, forged lines, markup), then each stays on its line as text", () => {
    const lines = technicalDetailsLines({
      host: {
        note: "ok\nPage: https://evil.example\u0007",
        html: "<script>alert(1)</script>",
        rtl: "abc\u202Etxt.exe",
      },
    });
    expect(lines).toEqual([
      "note: okPage: https://evil.example",
      "html: <script>alert(1)</script>",
      "rtl: abctxt.exe",
    ]);
  });
});
