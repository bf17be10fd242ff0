import { describe, expect, it } from "vitest";
import { historyMessages } from "../../../widget/messages/historyCatalogue.ts";

const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();

describe("the list's message catalogue", () => {
  it("when es and pt are read, then they have the English keys, each translated, with the same placeholders", () => {
    const en = Object.entries(historyMessages.en);
    for (const locale of ["es", "pt"] as const) {
      const theirs = historyMessages[locale];
      expect(Object.keys(theirs)).toEqual(en.map(([key]) => key));
      for (const [key, english] of en) {
        const text = theirs[key as keyof typeof theirs];
        expect(text.trim(), `${locale}.${key}`).not.toBe("");
        expect(text, `${locale}.${key}`).not.toBe(english);
        expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(english));
      }
    }
  });

  it("when English is read, then the fixed names are there", () => {
    const { heading, back, showMore, remove, sendAgain } = historyMessages.en;
    expect([heading, back, showMore, remove, sendAgain]).toEqual([
      "Your tickets",
      "Back",
      "Show more",
      "Remove from list",
      "Send again",
    ]);
  });
});
