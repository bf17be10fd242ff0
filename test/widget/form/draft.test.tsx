import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { getMessages } from "../../../widget/messages/index.ts";
import { buildFile, buildTicket, fakeToken } from "../support/builders.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { storeLastTicket } from "../support/storedTicket.ts";

const en = getMessages("en");

describe("the draft (kept per customer in sessionStorage)", () => {
  it("when the widget is unmounted mid-sentence and mounted again, then the text is restored", async () => {
    const first = renderWidget();
    await first.user.type(screen.getByRole("textbox", { name: "Summary" }), "Card declined");
    await first.user.type(screen.getByRole("textbox", { name: "Description" }), "Twice today.");
    first.unmount();

    renderWidget();
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Card declined");
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveValue("Twice today.");
  });

  it("when another customer uses the same tab, then they do not see the first one's draft", async () => {
    const alice = renderWidget({ customerToken: fakeToken("cus_alice") });
    await alice.user.type(screen.getByRole("textbox", { name: "Summary" }), "Alice's problem");
    alice.unmount();

    const bob = renderWidget({ customerToken: fakeToken("cus_bob") });
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("");
    bob.unmount();

    renderWidget({ customerToken: fakeToken("cus_alice") });
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Alice's problem");
  });

  it("when the draft is stored, then the customer id itself is not written into storage", async () => {
    const { user } = renderWidget({ customerToken: fakeToken("cus_private_42") });
    await user.type(screen.getByRole("textbox", { name: "Summary" }), "x");
    const keys = Object.keys(sessionStorage);
    expect(keys).toHaveLength(1);
    expect(keys.join()).not.toContain("cus_private_42");
    const stored = JSON.parse(sessionStorage.getItem(keys[0] ?? "") ?? "{}") as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({ summary: "x", description: "" });
    expect(typeof stored.idempotencyKey).toBe("string");
  });

  it("when only getCustomerToken is given, then the draft is found once the widget opens", async () => {
    const token = fakeToken("cus_lazy");
    const first = renderWidget({ customerToken: token });
    await first.user.type(screen.getByRole("textbox", { name: "Summary" }), "Typed earlier");
    first.unmount();

    renderWidget({ getCustomerToken: () => Promise.resolve(token) });
    expect(await screen.findByDisplayValue("Typed earlier")).toBeInTheDocument();
  });
});

describe("the last ticket after a reload", () => {
  it("when a CREATED ticket was stored, then it shows again with its issueKey and the email note", () => {
    const token = fakeToken("cus_test");
    storeLastTicket(token, buildTicket({ status: "CREATED" }));
    renderWidget({ customerToken: token });
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent(en.statusCreated);
    expect(screen.getByText("SUP-1001")).toBeInTheDocument();
    expect(status).toHaveTextContent(en.emailNote);
    expect(screen.getByRole("heading", { name: en.statusCreated })).toHaveFocus();
  });

  it("when Send another is pressed, then an empty form comes back with focus on Summary", async () => {
    const token = fakeToken("cus_test");
    storeLastTicket(token, buildTicket({ status: "CREATED" }));
    const { user } = renderWidget({ customerToken: token });
    await user.click(screen.getByRole("button", { name: en.sendAnother }));
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveFocus();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    expect(Object.keys(sessionStorage).some((k) => k.includes("/last/"))).toBe(false);
  });

  it("when a FAILED ticket with files was stored, then Try again brings its text back and asks for the files", async () => {
    const token = fakeToken("cus_test");
    storeLastTicket(
      token,
      buildTicket({ ticketId: "t-2", status: "FAILED" }),
      { summary: "Lost order", description: "Order 77 vanished." },
      2,
    );
    const { user } = renderWidget({ customerToken: token });
    expect(screen.getByRole("status")).toHaveTextContent(en.statusFailed);
    await user.click(screen.getByRole("button", { name: en.tryAgain }));
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Lost order");
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveValue("Order 77 vanished.");
    expect(screen.getByText(en.resumeNeedsFiles)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    await user.upload(
      screen.getByLabelText("Attachments"),
      buildFile("again.png", { type: "image/png" }),
    );
    expect(screen.getByText("again.png")).toBeInTheDocument();
  });

  it("when the ticket's key is shown, then Copy puts it on the clipboard and says so", async () => {
    const token = fakeToken("cus_test");
    storeLastTicket(token, buildTicket({ status: "CREATED", issueKey: "SUP-1234" }));
    const { user } = renderWidget({ customerToken: token });
    await user.click(screen.getByRole("button", { name: en.copy }));
    expect(await navigator.clipboard.readText()).toBe("SUP-1234");
    expect(screen.getByRole("button", { name: en.copied })).toBeInTheDocument();
  });
});
