import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { fill, getMessages, limitValues } from "../../../widget/messages/index.ts";
import { getCaptureMessages } from "../../../widget/messages/captureCatalogue.ts";
import { fileBytes, sha256 } from "../../support/sandboxFiles.ts";
import { fillEveryFileSlot } from "../support/dropFiles.ts";
import { installScreenCapture, type FakeScreenCapture } from "../support/fakeScreenCapture.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
const capture = getCaptureMessages("en");
const server = serverPerFile();
const RECORDING = fileBytes("webm", 30_000);
const RECORDING_NAME = /^recording-\d{8}-\d{6}\.webm$/;

let browser: FakeScreenCapture | null = null;
afterEach(() => {
  browser?.restore();
  browser = null;
});

/** Starts a recording from the open form and waits until the recorder runs. */
async function startRecording(user: ReturnType<typeof renderWidget>["user"]): Promise<void> {
  await user.click(screen.getByRole("button", { name: en.recordScreen }));
  await screen.findByText(capture.recordingStarted);
  expect(screen.getByRole("button", { name: capture.stop })).toHaveFocus();
}

describe("Send while a recording runs", () => {
  it("when Send is pressed mid-recording, then the recording stops, is attached and goes to Ripio with the ticket", async () => {
    browser = installScreenCapture(RECORDING);
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Export fails", "Watch the recording.");
    await startRecording(user);

    await user.click(screen.getByRole("button", { name: en.send }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending));
    const [ticket] = await server.tickets();
    expect(ticket?.files.map((f) => [f.size, f.sha256, f.contentType])).toEqual([
      [RECORDING.length, sha256(RECORDING), "video/webm"],
    ]);
    expect(ticket?.files[0]?.name).toMatch(RECORDING_NAME);
    expect(browser.tracks.map((track) => track.readyState)).toEqual(["ended"]);
    // The launcher no longer says a recording runs.
    expect(screen.getByRole("button", { name: en.launcher })).toBeInTheDocument();
  });

  it("when Send is pressed mid-recording with the summary empty, then the recording goes on and Summary has focus", async () => {
    browser = installScreenCapture(RECORDING);
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await startRecording(user);

    await user.click(screen.getByRole("button", { name: en.send }));
    const summary = screen.getByRole("textbox", { name: en.summaryLabel });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole("button", { name: capture.stop })).toBeInTheDocument();
    expect(browser.tracks.map((track) => track.readyState)).toEqual(["live"]);
    expect(screen.queryByText(RECORDING_NAME)).toBeNull();
    expect(await server.tickets()).toEqual([]);
  });

  it("when the recording cannot be attached (every slot taken meanwhile), then nothing is sent and focus goes to Attachments, where it is listed with the reason", async () => {
    browser = installScreenCapture(RECORDING);
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Export fails", "Five files and a recording.");
    await startRecording(user);
    const input = screen.getByLabelText(en.attachmentsLabel);
    await fillEveryFileSlot();

    await user.click(screen.getByRole("button", { name: en.send }));
    const name = await screen.findByText(RECORDING_NAME);
    await waitFor(() => expect(input).toHaveFocus());
    const reason = fill(en.fileReasons.TOO_MANY_FILES, limitValues("en"));
    const row = name.closest("li");
    if (!row) throw new Error("the recording is not listed");
    expect(row).toHaveTextContent(fill(en.fileNotAttached, { reason }));
    expect(screen.queryByRole("button", { name: capture.stop })).toBeNull();
    expect(screen.getByRole("button", { name: en.send })).not.toHaveAttribute(
      "aria-disabled",
      "true",
    );
    expect(await server.tickets()).toEqual([]);
  });
});

describe("a recording while the dialog is closed", () => {
  for (const locale of ["en", "es", "pt"] as const) {
    it(`when the dialog is closed mid-recording in ${locale}, then the launcher says it records, and reopening comes back to Stop recording`, async () => {
      browser = installScreenCapture(RECORDING);
      const text = getMessages(locale);
      const captureText = getCaptureMessages(locale);
      const { user } = renderWidget({ locale });
      await user.click(screen.getByRole("button", { name: text.recordScreen }));
      await screen.findByText(captureText.recordingStarted);

      await user.click(screen.getByRole("button", { name: text.close }));
      expect(screen.queryByRole("dialog")).toBeNull();
      const launcher = screen.getByRole("button", { name: text.launcherRecording });
      expect(launcher).toHaveFocus();
      expect(browser.tracks.map((track) => track.readyState)).toEqual(["live"]);

      await user.click(launcher);
      expect(screen.getByRole("button", { name: captureText.stop })).toHaveFocus();
      await user.keyboard("{Enter}");
      await screen.findByText(RECORDING_NAME);
      expect(screen.getByRole("button", { name: text.launcher })).toBeInTheDocument();
      expect(screen.queryByRole("button", { name: text.launcherRecording })).toBeNull();
    });
  }

  it("when nothing records, then the launcher is plain Help, and reopening goes to Summary", async () => {
    browser = installScreenCapture(RECORDING);
    const { user } = renderWidget();
    await user.click(screen.getByRole("button", { name: en.close }));
    await user.click(screen.getByRole("button", { name: en.launcher }));
    expect(screen.getByRole("textbox", { name: en.summaryLabel })).toHaveFocus();
    expect(browser.recorders()).toBe(0);
  });
});
