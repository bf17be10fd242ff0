import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { getMessages } from "../../../widget/messages/index.ts";
import { expectDraftKept, sendFilledTicket } from "../support/sendFilledTicket.ts";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
// The proxy allows 30 s of clock skew; running its clock 40 s ahead expires a 1 s token.
const server = serverPerFile({ clockAheadMs: 40_000 });
const WAIT = { timeout: 15_000 };

describe("an expired customer token", () => {
  it("when getCustomerToken is given, then it is called once and the ticket goes through by itself", async () => {
    const { customerId, token: stale } = await server.customer({ ttlSeconds: 1 });
    const getCustomerToken = vi.fn(() => server.tokenFor(customerId));
    await sendFilledTicket({ apiBase: server.url, customerToken: stale, getCustomerToken });
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusCreated),
      WAIT,
    );
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
    expect(await server.tickets()).toHaveLength(1);
  });

  it("when the host gave no way to refresh it, then the user is told to sign in again and keeps everything", async () => {
    const { token: stale } = await server.customer({ ttlSeconds: 1 });
    await sendFilledTicket({ apiBase: server.url, customerToken: stale });
    expect(await screen.findByText(en.errors.IDENTITY_EXPIRED, {}, WAIT)).toBeInTheDocument();
    expectDraftKept();
  });
});
