import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { ERROR_CODES, MIB, type Locale } from "../../../contract/index.ts";
import {
  formatBytes,
  getMessages,
  messages,
  resolveLocale,
  type Messages,
} from "../../../widget/messages/index.ts";
import { buildTicket, fakeToken } from "../support/builders.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { storeLastTicket } from "../support/storedTicket.ts";

/** Every string of a catalogue with its path ("errors.TICKETS_DISABLED"). */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    leaves(inner, path ? `${path}.${key}` : key),
  );
}
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

// Strings that may read the same in every language: nothing but placeholders and symbols.
const SAME_IN_ALL = new Set(["counter"]);
const en = leaves(messages.en);

describe("the message catalogue", () => {
  it("when any locale is read, then it has exactly the English keys, none of them empty", () => {
    for (const locale of ["es", "pt"] as const) {
      const theirs = leaves(messages[locale]);
      expect(theirs.map(([path]) => path)).toEqual(en.map(([path]) => path));
      for (const [path, text] of theirs) expect(text.trim(), `${locale}.${path}`).not.toBe("");
    }
    for (const [path, text] of en) expect(text.trim(), `en.${path}`).not.toBe("");
  });

  it("when es and pt are compared with en, then every string is translated (but format-only ones)", () => {
    for (const locale of ["es", "pt"] as const) {
      const theirs = new Map(leaves(messages[locale]));
      for (const [path, english] of en) {
        if (SAME_IN_ALL.has(path)) continue;
        expect(theirs.get(path), `${locale}.${path}`).not.toBe(english);
      }
    }
  });

  it("when a string has placeholders, then every locale has the same ones", () => {
    for (const locale of ["es", "pt"] as const) {
      const theirs = new Map(leaves(messages[locale]));
      for (const [path, english] of en) {
        expect(placeholders(theirs.get(path) ?? ""), `${locale}.${path}`).toEqual(
          placeholders(english),
        );
      }
    }
  });

  it("when the contract's error codes are listed, then each has a text with no placeholder in every locale", () => {
    for (const locale of ["en", "es", "pt"] as const) {
      const errors: Messages["errors"] = getMessages(locale).errors;
      expect(Object.keys(errors).sort()).toEqual([...ERROR_CODES].sort());
      for (const code of ERROR_CODES) expect(placeholders(errors[code]), code).toEqual([]);
    }
  });
});

describe("choosing the locale", () => {
  it.each([
    [undefined, "es-AR", "es"],
    [undefined, "es", "es"],
    [undefined, "pt-BR", "pt"],
    [undefined, "pt_PT", "pt"],
    [undefined, "fr-FR", "en"],
    [undefined, undefined, "en"],
    ["pt", "es-MX", "pt"],
    ["en", "pt-BR", "en"],
    ["de", "es-CL", "es"],
  ] as const)(
    "when the option is %s and the browser says %s, then %s is used",
    (option, browser, expected) => {
      expect(resolveLocale(option, browser)).toBe(expected);
    },
  );

  it("when sizes are shown, then MB means MiB and digits follow the locale", () => {
    expect(formatBytes(50 * MIB, "en")).toBe("50 MB");
    expect(formatBytes(31.25 * MIB, "en")).toBe("31.2 MB");
    expect(formatBytes(31.25 * MIB, "es")).toBe("31,2 MB");
    expect(formatBytes(31.25 * MIB, "pt")).toBe("31,2 MB");
    expect(formatBytes(512 * 1024, "en")).toBe("512 kB");
    expect(formatBytes(0, "en")).toBe("0 B");
    expect(formatBytes(64, "es")).toBe("64 B");
  });

  it("when a size is near a limit, then totals round down and a file's size rounds up", () => {
    expect(formatBytes(50 * MIB - 1, "en")).toBe("49.9 MB");
    expect(formatBytes(25 * MIB + 1, "en", "up")).toBe("25.1 MB");
    expect(formatBytes(25 * MIB, "en", "up")).toBe("25 MB");
  });
});

describe("the rendered widget in each locale", () => {
  // English strings long enough to be recognisable if they leaked into another locale.
  const englishOnly = (locale: Locale): string[] => {
    const theirs = new Map(leaves(messages[locale]));
    return en
      .filter(([path, text]) => !SAME_IN_ALL.has(path) && theirs.get(path) !== text)
      .flatMap(([, text]) => text.split(/\{\w+\}/))
      .map((part) => part.trim())
      .filter((part) => part.length >= 4);
  };

  const shownText = (container: HTMLElement): string => {
    const attributes = Array.from(container.querySelectorAll("*")).flatMap((el) =>
      ["aria-label", "title", "placeholder", "alt", "aria-valuetext"].map(
        (name) => el.getAttribute(name) ?? "",
      ),
    );
    return [container.textContent ?? "", ...attributes].join("\n");
  };

  it.each(["es", "pt"] as const)(
    "when the form is rendered in %s, then no English text or label appears",
    (locale) => {
      const { container } = renderWidget({ locale, defaultOpen: true });
      const m = getMessages(locale);
      expect(screen.getByRole("dialog", { name: m.dialogTitle })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: m.launcher })).toBeInTheDocument();
      expect(screen.getByRole("textbox", { name: m.summaryLabel })).toBeInTheDocument();
      expect(screen.getByRole("textbox", { name: m.descriptionLabel })).toBeInTheDocument();
      expect(screen.getByLabelText(m.attachmentsLabel)).toBeInTheDocument();
      expect(screen.getByRole("button", { name: m.send })).toBeInTheDocument();
      const shown = shownText(container);
      for (const english of englishOnly(locale)) expect(shown, english).not.toContain(english);
      expect(container.querySelector(".rhw-root")).toHaveAttribute(
        "lang",
        locale === "pt" ? "pt-BR" : "es",
      );
    },
  );

  it.each(["es", "pt"] as const)(
    "when a ticket's outcome is shown in %s, then it is all in that language",
    (locale) => {
      const m = getMessages(locale);
      const token = fakeToken("cus_test");
      for (const ticket of [
        buildTicket({ status: "CREATED", issueKey: "SUP-7" }),
        buildTicket({ ticketId: "t-2", status: "FAILED" }),
      ] as const) {
        storeLastTicket(token, ticket);
        const { container, unmount } = renderWidget({ locale, customerToken: token });
        const status = screen.getByRole("status");
        if (ticket.status === "CREATED") {
          expect(status).toHaveTextContent(m.statusCreated);
          expect(status).toHaveTextContent(m.emailNote);
          expect(screen.getByRole("button", { name: m.copy })).toBeInTheDocument();
        } else {
          expect(status).toHaveTextContent(m.statusFailed);
          expect(screen.getByRole("button", { name: m.tryAgain })).toBeInTheDocument();
        }
        expect(screen.getByRole("button", { name: m.sendAnother })).toBeInTheDocument();
        const shown = shownText(container);
        for (const english of englishOnly(locale)) expect(shown, english).not.toContain(english);
        unmount();
      }
    },
  );

  it("when rendered in English, then the fixed accessible names are there", () => {
    renderWidget({ locale: "en", defaultOpen: true });
    expect(screen.getByRole("button", { name: "Help" })).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Contact support" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Summary" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Description" })).toBeInTheDocument();
    expect(screen.getByLabelText("Attachments")).toHaveAttribute("type", "file");
    expect(screen.getByRole("button", { name: "Send" })).toBeInTheDocument();
  });
});
