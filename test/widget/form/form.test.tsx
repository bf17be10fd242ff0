import { describe, expect, it } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import { fill, getMessages } from "../../../widget/messages/index.ts";
import { renderWidget } from "../support/renderWidget.tsx";

const en = getMessages("en");
const counter = (count: number, max: number): string =>
  fill(en.counter, { count: count.toLocaleString("en"), max: max.toLocaleString("en") });

/**
 * Puts text into a field at once (typing 5000 characters one by one would take minutes), with
 * the `input` event a browser fires for it: React's onChange also hears `change`, Preact's not.
 */
function setText(field: HTMLElement, text: string): void {
  fireEvent.input(field, { target: { value: text } });
}

describe("the summary as the user meets its limits", () => {
  it("when 240 emoji are typed, then they are accepted: counter 240 / 240, no error", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    setText(summary, "😀".repeat(TICKET_LIMITS.summaryMaxChars));
    await user.tab();
    expect(summary).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByText(counter(240, 240))).toBeInTheDocument();
    expect(screen.queryByText(en.errors.SUMMARY_TOO_LONG)).not.toBeInTheDocument();
    expect(summary).not.toHaveAttribute("maxlength");
  });

  it("when a 241st character is typed, then the error shows under Summary at once, tied to it and announced", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    setText(summary, "😀".repeat(TICKET_LIMITS.summaryMaxChars));
    await user.type(summary, "!");
    expect(summary).toHaveValue("😀".repeat(240) + "!");
    const error = screen.getByText(en.errors.SUMMARY_TOO_LONG);
    expect(error).toHaveAttribute("role", "alert");
    expect(summary).toHaveAttribute("aria-invalid", "true");
    expect(summary).toHaveAccessibleDescription(
      expect.stringContaining(en.errors.SUMMARY_TOO_LONG),
    );
    expect(summary).toHaveAccessibleDescription(expect.stringContaining(counter(241, 240)));
    expect(screen.getByText(counter(241, 240))).toHaveClass("rhw-counter-over");
  });

  it("when Send is pressed with a 241-character summary, then nothing is sent and focus goes to Summary", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    setText(summary, "a".repeat(241));
    setText(screen.getByRole("textbox", { name: "Description" }), "Something broke.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(summary).toHaveFocus();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("when the summary is only spaces, then it counts as empty and is required", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    await user.type(summary, "    ");
    await user.tab();
    expect(screen.getByText(counter(0, 240))).toBeInTheDocument();
    expect(await screen.findByText(en.errors.SUMMARY_REQUIRED)).toBeInTheDocument();
    expect(summary).toHaveAttribute("aria-invalid", "true");
  });

  it("when the summary is only a zero-width space, then it counts as empty and nothing is sent", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    setText(summary, "\u200B");
    setText(screen.getByRole("textbox", { name: "Description" }), "Something broke.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText(en.errors.SUMMARY_REQUIRED)).toBeInTheDocument();
    expect(summary).toHaveAttribute("aria-invalid", "true");
    expect(summary).toHaveFocus();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("when surrounding spaces push the raw length past 240, then only the trimmed text counts", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    setText(summary, `   ${"b".repeat(240)}   `);
    await user.tab();
    expect(summary).toHaveAttribute("aria-invalid", "false");
  });
});

describe("the description as the user meets its limits", () => {
  it("when it has exactly 5000 characters, then it is accepted", async () => {
    const { user } = renderWidget();
    const description = screen.getByRole("textbox", { name: "Description" });
    await user.click(description);
    await user.paste("x".repeat(TICKET_LIMITS.descriptionMaxChars));
    await user.tab();
    expect(description).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByText(counter(5000, 5000))).toBeInTheDocument();
  });

  it("when it has 5001 characters, then the error and the counter say so and the text is kept", async () => {
    const { user } = renderWidget();
    const description = screen.getByRole("textbox", { name: "Description" });
    await user.click(description);
    await user.paste("é".repeat(TICKET_LIMITS.descriptionMaxChars + 1));
    expect(screen.getByText(en.errors.DESCRIPTION_TOO_LONG)).toBeInTheDocument();
    expect(description).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(counter(5001, 5000))).toBeInTheDocument();
    expect((description as HTMLTextAreaElement).value).toHaveLength(5001);
  });

  it("when Send is pressed on an empty form, then both fields say what is missing", async () => {
    const { user } = renderWidget();
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText(en.errors.SUMMARY_REQUIRED)).toBeInTheDocument();
    expect(screen.getByText(en.errors.DESCRIPTION_REQUIRED)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });
});

describe("the form's labels", () => {
  it("when it renders, then every field has its visible label, hint and counter", () => {
    renderWidget();
    const dialog = screen.getByRole("dialog", { name: "Contact support" });
    expect(within(dialog).getByText(en.summaryLabel, { selector: "label" })).toBeVisible();
    expect(within(dialog).getByText(en.descriptionLabel, { selector: "label" })).toBeVisible();
    expect(within(dialog).getByText(en.attachmentsLabel, { selector: "label" })).toBeVisible();
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveAccessibleDescription(
      `${en.summaryHint} ${counter(0, 240)}`,
    );
    expect(screen.getByRole("textbox", { name: "Summary" }).tagName).toBe("INPUT");
    expect(screen.getByRole("textbox", { name: "Description" }).tagName).toBe("TEXTAREA");
  });
});
