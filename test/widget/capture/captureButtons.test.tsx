import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { fill, getMessages, limitValues } from "../../../widget/messages/index.ts";
import { getCaptureMessages } from "../../../widget/messages/captureCatalogue.ts";
import { fillEveryFileSlot } from "../support/dropFiles.ts";
import { renderWidget } from "../support/renderWidget.tsx";

const en = getMessages("en");
const capture = getCaptureMessages("en");

/**
 * jsdom has neither getDisplayMedia nor MediaRecorder — a phone, as far as the widget can
 * tell. These put the browser's own pieces in place (the edge, not our code) for one test.
 */
const undo: (() => void)[] = [];
function browserWith(pieces: { getDisplayMedia?: () => Promise<MediaStream>; recorder?: boolean }) {
  const calls: unknown[] = [];
  if (pieces.getDisplayMedia) {
    const ask = pieces.getDisplayMedia;
    Object.defineProperty(navigator, "mediaDevices", {
      configurable: true,
      value: {
        getDisplayMedia: (options: unknown) => {
          calls.push(options);
          return ask();
        },
      },
    });
    undo.push(() => Reflect.deleteProperty(navigator, "mediaDevices"));
  }
  if (pieces.recorder) {
    const recorder = { isTypeSupported: (type: string) => type === "video/webm" };
    Object.defineProperty(globalThis, "MediaRecorder", { configurable: true, value: recorder });
    undo.push(() => Reflect.deleteProperty(globalThis, "MediaRecorder"));
  }
  return calls;
}
afterEach(() => {
  for (const restore of undo.splice(0)) restore();
});

const refuse = (): Promise<MediaStream> =>
  Promise.reject(new DOMException("Permission denied", "NotAllowedError"));

describe("the capture buttons", () => {
  it("when the browser cannot capture the screen (a phone), then neither button is offered", () => {
    renderWidget();
    expect(screen.getByLabelText(en.attachmentsLabel)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: en.takeScreenshot })).toBeNull();
    expect(screen.queryByRole("button", { name: en.recordScreen })).toBeNull();
  });

  it("when it can capture but not record, then only Take screenshot is offered", () => {
    browserWith({ getDisplayMedia: refuse });
    renderWidget();
    expect(screen.getByRole("button", { name: en.takeScreenshot })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: en.recordScreen })).toBeNull();
  });

  it("when it can do both, then both are offered, named in each locale", () => {
    browserWith({ getDisplayMedia: refuse, recorder: true });
    const { rerenderWith } = renderWidget();
    expect(screen.getByRole("button", { name: en.recordScreen })).toBeInTheDocument();
    for (const locale of ["es", "pt"] as const) {
      rerenderWith({ locale });
      const text = getMessages(locale);
      expect(screen.getByRole("button", { name: text.takeScreenshot })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: text.recordScreen })).toBeInTheDocument();
    }
  });

  it("when the user refuses the browser's prompt, then a calm notice is announced, not an error, and focus stays", async () => {
    const calls = browserWith({ getDisplayMedia: refuse, recorder: true });
    const { user } = renderWidget();
    const button = screen.getByRole("button", { name: en.takeScreenshot });
    await user.click(button);
    const notice = await screen.findByText(capture.refused);
    expect(notice).toHaveAttribute("aria-live", "polite");
    expect(notice.closest('[role="alert"]')).toBeNull();
    expect(button).toHaveFocus();
    expect(calls).toEqual([expect.objectContaining({ preferCurrentTab: true, audio: false })]);
    expect(screen.queryByRole("listitem")).toBeNull();
  });

  it("when another capture is tried after a refusal, then the browser is asked again", async () => {
    const calls = browserWith({ getDisplayMedia: refuse });
    const { user } = renderWidget();
    await user.click(screen.getByRole("button", { name: en.takeScreenshot }));
    await screen.findByText(capture.refused);
    await user.click(screen.getByRole("button", { name: en.takeScreenshot }));
    await waitFor(() => expect(calls).toHaveLength(2));
  });

  it("when every file slot is taken, then the browser is not even asked and the notice says why", async () => {
    const calls = browserWith({ getDisplayMedia: refuse, recorder: true });
    const { user } = renderWidget();
    await fillEveryFileSlot();
    await user.click(screen.getByRole("button", { name: en.recordScreen }));
    const reason = fill(en.fileReasons.TOO_MANY_FILES, limitValues("en"));
    expect(await screen.findByText(fill(capture.noRoom, { reason }))).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
