import { describe, expect, it } from "vitest";
import { captureMessages } from "../../../widget/messages/captureCatalogue.ts";

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
const en = Object.entries(captureMessages.en);

describe("the screen capture's messages", () => {
  it("when any locale is read, then it has exactly the English keys, none empty", () => {
    for (const locale of ["es", "pt"] as const) {
      const theirs = Object.entries(captureMessages[locale]);
      expect(theirs.map(([key]) => key)).toEqual(en.map(([key]) => key));
      for (const [key, text] of theirs) expect(text.trim(), `${locale}.${key}`).not.toBe("");
    }
  });

  it("when es and pt are compared with en, then every string is translated, with the same placeholders", () => {
    for (const locale of ["es", "pt"] as const) {
      const theirs = new Map(Object.entries(captureMessages[locale]));
      for (const [key, english] of en) {
        expect(theirs.get(key), `${locale}.${key}`).not.toBe(english);
        expect(placeholders(theirs.get(key) ?? ""), `${locale}.${key}`).toEqual(
          placeholders(english),
        );
      }
    }
  });

  it("when a string is read, then no number is written in it (limits come from contract/)", () => {
    for (const locale of ["en", "es", "pt"] as const) {
      for (const [key, text] of Object.entries(captureMessages[locale]))
        expect(text, `${locale}.${key}`).not.toMatch(/\d/);
    }
  });

  it("when the fixed English button names are looked up, then they are the documented ones", () => {
    expect(captureMessages.en.attach).toBe("Attach screenshot");
    expect(captureMessages.en.stop).toBe("Stop recording");
  });
});
