import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor } from "@testing-library/react";
import { fill, formatPercent, getMessages } from "../../../widget/messages/index.ts";
import { buildFile, buildTicket } from "../support/builders.ts";
import { FakeXhr } from "../support/FakeXhr.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";

const en = getMessages("en");

// Status requests go through fetch; here they never answer, so nothing else moves.
beforeEach(() => {
  FakeXhr.last = null;
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  vi.stubGlobal("fetch", () => new Promise(() => {}));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function startSending() {
  const rendered = renderWidget({ apiBase: "https://proxy.example" });
  await fillTicket(rendered.user, "Upload", "With a video.");
  await rendered.user.upload(
    screen.getByLabelText("Attachments"),
    buildFile("clip.mp4", { type: "video/mp4" }),
  );
  await rendered.user.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(FakeXhr.last).not.toBeNull());
  return { ...rendered, xhr: FakeXhr.last as FakeXhr };
}

describe("upload progress (XMLHttpRequest upload events)", () => {
  it("when bytes leave, then the progressbar follows them with its percent", async () => {
    const { xhr } = await startSending();
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("https://proxy.example/api/tickets");
    expect(xhr.headers["Idempotency-Key"]).toMatch(/\S{16,}/);
    const bar = screen.getByRole("progressbar", { name: en.uploadLabel });
    expect(bar).toHaveAttribute("aria-valuenow", "0");

    act(() => xhr.progress(420, 1000));
    expect(bar).toHaveAttribute("aria-valuenow", "42");
    expect(bar).toHaveAttribute("aria-valuetext", formatPercent(42, "en"));
    expect(screen.getByText(formatPercent(42, "en"))).toBeInTheDocument();
    expect(screen.getByText(en.sending)).toBeInTheDocument();

    // Every byte out, no answer yet: the user is told what is being waited for.
    act(() => xhr.progress(1000, 1000));
    expect(screen.getByText(en.sendingWaiting)).toBeInTheDocument();

    act(() => xhr.answer(202, buildTicket({ ticketId: "t-9" })));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending));
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("when Cancel is pressed, then the request is aborted and text and files stay", async () => {
    const { user, xhr } = await startSending();
    act(() => xhr.progress(100, 1000));
    await user.click(screen.getByRole("button", { name: en.cancel }));
    expect(xhr.aborted).toBe(true);
    expect(screen.getByText(en.cancelled)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Upload");
    expect(screen.getByText("clip.mp4")).toBeInTheDocument();
  });

  it("when the text of a cancelled ticket is edited, then the cancelled notice goes at the first keystroke", async () => {
    const { user } = await startSending();
    await user.click(screen.getByRole("button", { name: en.cancel }));
    expect(screen.getByText(en.cancelled)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: "Summary" }), "!");
    expect(screen.queryByText(en.cancelled)).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Upload!");
  });

  it("when a send is retried after a network error, then it carries the same Idempotency-Key", async () => {
    const { user, xhr } = await startSending();
    const key = xhr.headers["Idempotency-Key"];
    act(() => {
      xhr.dispatchEvent(new Event("error"));
    });
    expect(await screen.findByText(en.networkError)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Upload");
    await user.click(screen.getByRole("button", { name: en.retry }));
    await waitFor(() => expect(FakeXhr.last).not.toBe(xhr));
    expect(FakeXhr.last?.headers["Idempotency-Key"]).toBe(key);
  });

  it("when a ticket was accepted, then the next draft gets a new Idempotency-Key", async () => {
    const { user, xhr } = await startSending();
    const key = xhr.headers["Idempotency-Key"];
    act(() => xhr.answer(202, buildTicket({ ticketId: "t-9" })));
    await user.click(await screen.findByRole("button", { name: en.sendAnother }));
    await fillTicket(user, "Second", "Another one.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(FakeXhr.last).not.toBe(xhr));
    expect(FakeXhr.last?.headers["Idempotency-Key"]).not.toBe(key);
  });
});

describe("answers the client turns into the form's state", () => {
  it("when the proxy refuses a field, then its error lands under that field", async () => {
    const { xhr } = await startSending();
    act(() =>
      xhr.answer(400, {
        error: { code: "DESCRIPTION_TOO_LONG", message: "too long", field: "description" },
      }),
    );
    expect(await screen.findByText(en.errors.DESCRIPTION_TOO_LONG)).toBeInTheDocument();
    const description = screen.getByRole("textbox", { name: "Description" });
    expect(description).toHaveAttribute("aria-invalid", "true");
    expect(description).toHaveFocus();
  });

  it("when the proxy refuses a file's bytes, then that file is marked refused and named under Attachments", async () => {
    const { xhr } = await startSending();
    act(() =>
      xhr.answer(415, {
        error: {
          code: "FILE_CONTENT_MISMATCH",
          message: 'The content of "clip.mp4" is not a mp4 file.',
          field: "attachments",
          file: { index: 0, name: "clip.mp4" },
        },
      }),
    );
    const reason = en.fileReasons.FILE_CONTENT_MISMATCH;
    const text = await screen.findByText(fill(en.fileRefused, { name: "clip.mp4", reason }));
    expect(text).toHaveAttribute("role", "alert");
    expect(screen.getByLabelText("Attachments")).toHaveAttribute("aria-invalid", "true");
    const row = screen.getByText("clip.mp4", { selector: ".rhw-file-name" }).closest("li");
    expect(row).toHaveTextContent(fill(en.fileNotAttached, { reason }));
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Upload");
  });

  it("when the proxy refuses data.png with a.png beside it, then data.png alone is marked refused", async () => {
    const { user } = renderWidget({ apiBase: "https://proxy.example" });
    await fillTicket(user, "Two pictures", "One of them is broken.");
    const pictures = [
      buildFile("a.png", { type: "image/png" }),
      buildFile("data.png", { type: "image/png" }),
    ];
    await user.upload(screen.getByLabelText("Attachments"), pictures);
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last as FakeXhr;
    act(() =>
      xhr.answer(415, {
        error: {
          // The text names data.png, which contains "a.png": only the file index may decide.
          code: "FILE_CONTENT_MISMATCH",
          message: "data.png: the content is not what its extension says.",
          field: "attachments",
          file: { index: 1, name: "data.png" },
        },
      }),
    );
    const reason = en.fileReasons.FILE_CONTENT_MISMATCH;
    expect(
      await screen.findByText(fill(en.fileRefused, { name: "data.png", reason })),
    ).toBeInTheDocument();
    const row = (name: string) =>
      screen.getByText(name, { selector: ".rhw-file-name" }).closest("li");
    expect(row("data.png")).toHaveTextContent(fill(en.fileNotAttached, { reason }));
    expect(row("a.png")).not.toHaveTextContent(fill(en.fileNotAttached, { reason }));
    expect(
      screen.getByRole("button", { name: fill(en.removeFile, { name: "a.png" }) }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: fill(en.dismissFile, { name: "data.png" }) }),
    ).toBeInTheDocument();
  });

  it("when the proxy says IDENTITY_EXPIRED, then a fresh token is fetched once and the send repeated by itself", async () => {
    const getCustomerToken = vi.fn(async () => "fresh-token");
    const rendered = renderWidget({
      apiBase: "https://proxy.example",
      customerToken: "stale-token",
      getCustomerToken,
    });
    await fillTicket(rendered.user, "Expired", "Token ran out.");
    await rendered.user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const first = FakeXhr.last as FakeXhr;
    expect(first.headers["X-Customer-Token"]).toBe("stale-token");
    act(() => first.answer(401, { error: { code: "IDENTITY_EXPIRED", message: "expired" } }));
    await waitFor(() => expect(FakeXhr.last).not.toBe(first));
    const second = FakeXhr.last as FakeXhr;
    expect(second.headers["X-Customer-Token"]).toBe("fresh-token");
    expect(second.headers["Idempotency-Key"]).toBe(first.headers["Idempotency-Key"]);
    act(() => second.answer(202, buildTicket()));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending));
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
  });
});
