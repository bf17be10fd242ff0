import { expect } from "vitest";
import { screen } from "@testing-library/react";
import { buildFile } from "./builders.ts";
import { fillTicket } from "./fillTicket.ts";
import { renderWidget } from "./renderWidget.tsx";

const SUMMARY = "Where is my order?";
const DESCRIPTION = "Order 1234 has not arrived.";

/** Renders the widget, fills a ticket with one PDF, and presses Send. */
export async function sendFilledTicket(options: Parameters<typeof renderWidget>[0]) {
  const rendered = renderWidget(options);
  const { user } = rendered;
  await fillTicket(user, SUMMARY, DESCRIPTION);
  await user.upload(
    screen.getByLabelText("Attachments"),
    buildFile("receipt.pdf", { type: "application/pdf" }),
  );
  await user.click(screen.getByRole("button", { name: "Send" }));
  return rendered;
}

/** The ticket `sendFilledTicket` typed and attached is all still in the form. */
export function expectDraftKept(): void {
  expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue(SUMMARY);
  expect(screen.getByRole("textbox", { name: "Description" })).toHaveValue(DESCRIPTION);
  expect(screen.getByText("receipt.pdf")).toBeInTheDocument();
}
