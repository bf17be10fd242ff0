import { afterEach, describe, expect, it } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import userEvent from "@testing-library/user-event";
import { mountApp } from "../../../widget/embed/mountApp.tsx";
import type { WidgetHandle } from "../../../widget/embed/embedTypes.ts";
import { getMessages } from "../../../widget/messages/index.ts";
import { buildFile } from "../support/builders.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
const server = serverPerFile();
const WAIT = { timeout: 15_000 };
const PRIVATE_FILE = "alice-private.png";

/** Alice starts a ticket: her text in the form and her private picture attached. */
async function aliceLeavesADraft(
  user: UserEvent,
  view: Pick<typeof screen, "getByRole" | "getByLabelText" | "findByText">,
) {
  await user.type(view.getByRole("textbox", { name: "Summary" }), "Alice's card 4242");
  await user.type(view.getByRole("textbox", { name: "Description" }), "Alice's private note.");
  const picture = buildFile(PRIVATE_FILE, { type: "image/png" });
  await user.upload(view.getByLabelText("Attachments"), picture);
  expect(await view.findByText(PRIVATE_FILE)).toBeInTheDocument();
}

/** Nothing of Alice's is on screen, and Bob's ticket reaches Ripio as his, with his text only. */
async function expectBobAloneSends(
  user: UserEvent,
  view: Pick<typeof screen, "getByRole" | "findByRole" | "getByLabelText" | "queryByText">,
  bob: { customerId: string },
) {
  const summary = await view.findByRole("textbox", { name: "Summary" });
  await waitFor(() => expect(summary).toHaveValue(""));
  expect(view.getByRole("textbox", { name: "Description" })).toHaveValue("");
  expect(view.queryByText(PRIVATE_FILE)).toBeNull();

  await user.type(view.getByRole("textbox", { name: "Summary" }), "Bob's question");
  await user.type(view.getByRole("textbox", { name: "Description" }), "Bob writes this.");
  await user.click(view.getByRole("button", { name: en.send }));
  await waitFor(() => expect(view.getByRole("status")).toHaveTextContent(en.statusPending), WAIT);
  const received = await server.tickets();
  expect(received.map((t) => [t.customerId, t.summary, t.files.length])).toEqual([
    [bob.customerId, "Bob's question", 0],
  ]);
}

describe("when the customer changes, nothing of the previous one stays", () => {
  it("when the customerToken prop becomes Bob's, then Alice's draft, file and ticket are gone and Bob's send is his", async () => {
    const alice = await server.customer();
    const bob = await server.customer();
    const { user, rerenderWith } = renderWidget({
      apiBase: server.url,
      customerToken: alice.token,
    });
    // Alice sends a ticket, then starts another.
    await user.type(screen.getByRole("textbox", { name: "Summary" }), "Alice's first");
    await user.type(screen.getByRole("textbox", { name: "Description" }), "Her first ticket.");
    await user.click(screen.getByRole("button", { name: en.send }));
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending),
      WAIT,
    );
    rerenderWith({ customerToken: bob.token });
    expect(screen.getByRole("status").textContent).toBe("");
    await server.resetSandbox();

    await expectBobAloneSends(user, screen, bob);
  });

  it("when Alice's draft is open and the token prop becomes Bob's, then her text and file are gone", async () => {
    const alice = await server.customer();
    const bob = await server.customer();
    const { user, rerenderWith } = renderWidget({
      apiBase: server.url,
      customerToken: alice.token,
    });
    await aliceLeavesADraft(user, screen);
    rerenderWith({ customerToken: bob.token });
    await expectBobAloneSends(user, screen, bob);
  });

  it("when a new getCustomerToken answers for Bob, then the old token is not used and nothing of Alice's shows", async () => {
    const alice = await server.customer();
    const bob = await server.customer();
    const { user, rerenderWith } = renderWidget({
      apiBase: server.url,
      getCustomerToken: () => Promise.resolve(alice.token),
    });
    await aliceLeavesADraft(user, screen);
    rerenderWith({ getCustomerToken: () => Promise.resolve(bob.token) });
    await expectBobAloneSends(user, screen, bob);
  });
});

describe("the script tag's handle", () => {
  let handle: WidgetHandle | null = null;
  afterEach(() => {
    act(() => handle?.unmount());
    handle = null;
    document.body.replaceChildren();
  });

  async function mountInShadow(options: Parameters<WidgetHandle["update"]>[0]) {
    const host = document.createElement("div");
    document.body.append(host);
    const shadowRoot = host.attachShadow({ mode: "open" });
    // Preact's act() does not hand back what its callback returns: keep it here.
    let mounted: WidgetHandle | null = null;
    await act(async () => {
      mounted = await mountApp({ shadowRoot, options: { locale: "en", ...options }, open: true });
    });
    if (!mounted) throw new Error("mountApp gave no handle");
    handle = mounted;
    const view = within(shadowRoot as unknown as HTMLElement);
    await view.findByRole("textbox", { name: "Summary" });
    return { view, user: userEvent.setup(), handle: mounted as WidgetHandle };
  }

  it("when update() gives Bob's customerToken, then Alice's draft and file are gone and Bob's send is his", async () => {
    const alice = await server.customer();
    const bob = await server.customer();
    const { view, user, handle } = await mountInShadow({
      apiBase: server.url,
      customerToken: alice.token,
    });
    await aliceLeavesADraft(user, view);
    act(() => handle.update({ customerToken: bob.token }));
    await expectBobAloneSends(user, view, bob);
  });

  it("when reset() is called at logout, then every stored key is gone, nothing of Alice's shows, and the getter names Bob", async () => {
    const alice = await server.customer();
    const bob = await server.customer();
    let signedIn = alice;
    const { view, user, handle } = await mountInShadow({
      apiBase: server.url,
      getCustomerToken: () => Promise.resolve(signedIn.token),
    });
    await aliceLeavesADraft(user, view);
    const stored = () => Object.keys(sessionStorage).filter((k) => k.startsWith("ripio-help/"));
    expect(stored()).not.toEqual([]);

    signedIn = bob;
    act(() => handle.reset());
    expect(stored()).toEqual([]);
    await expectBobAloneSends(user, view, bob);
  });
});
