import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { MIB, TICKET_LIMITS } from "../../../contract/index.ts";
import { fill, formatBytes, getMessages, limitValues } from "../../../widget/messages/index.ts";
import { buildFile } from "../support/builders.ts";
import { attachmentsDropzone, dropFiles, pasteFiles } from "../support/dropFiles.ts";
import { renderWidget } from "../support/renderWidget.tsx";

const en = getMessages("en");
const limits = limitValues("en");
const reason = (code: keyof typeof en.fileReasons): string =>
  fill(en.fileNotAttached, { reason: fill(en.fileReasons[code], limits) });
const totals = (count: number, bytes: number): string =>
  fill(en.totals, {
    count,
    maxFiles: TICKET_LIMITS.maxFiles,
    size: formatBytes(bytes, "en"),
    maxTotalSize: limits.maxTotalSize,
  });

function attachmentsInput(): HTMLInputElement {
  return screen.getByLabelText("Attachments") as HTMLInputElement;
}
function fileRow(name: string): HTMLElement {
  const row = screen.getByText(name).closest("li");
  if (!row) throw new Error(`${name} is not listed`);
  return row;
}

describe("adding files", () => {
  it("when files are dropped on the dropzone, then each is listed with its size and a remove button", async () => {
    renderWidget();
    dropFiles(attachmentsDropzone(), [
      buildFile("screenshot.png", { type: "image/png", size: 2 * MIB }),
      buildFile("clip.mp4", { type: "video/mp4", size: MIB / 2 }),
    ]);
    const row = within(await waitFor(() => fileRow("screenshot.png")));
    expect(row.getByText(formatBytes(2 * MIB, "en"))).toBeInTheDocument();
    expect(
      row.getByRole("button", { name: fill(en.removeFile, { name: "screenshot.png" }) }),
    ).toBeInTheDocument();
    expect(fileRow("clip.mp4")).toBeInTheDocument();
    expect(screen.getByText(totals(2, 2.5 * MIB))).toBeInTheDocument();
  });

  it("when files are chosen with the file picker (a click), then they are listed", async () => {
    const { user } = renderWidget();
    await user.upload(attachmentsInput(), [
      buildFile("a.jpg", { type: "image/jpeg" }),
      buildFile("b.pdf", { type: "application/pdf" }),
    ]);
    expect(await screen.findByText("a.jpg")).toBeInTheDocument();
    expect(screen.getByText("b.pdf")).toBeInTheDocument();
  });

  it("when a file is pasted while focus is in the widget, then it is attached and the text field is untouched", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    await user.click(summary);
    pasteFiles(summary, [buildFile("image.png", { type: "image/png" })]);
    expect(await screen.findByText("image.png")).toBeInTheDocument();
    expect(summary).toHaveValue("");
  });

  it("when a file is pasted outside the widget, then the widget does not take it", () => {
    renderWidget();
    const outside = document.createElement("textarea");
    document.body.append(outside);
    pasteFiles(outside, [buildFile("image.png", { type: "image/png" })]);
    expect(screen.queryByText("image.png")).not.toBeInTheDocument();
    outside.remove();
  });

  it("when the Attachments control has focus and Enter or Space is pressed, then the file picker opens", async () => {
    const { user } = renderWidget();
    const input = attachmentsInput();
    let pickerOpened = 0;
    input.addEventListener("click", () => (pickerOpened += 1));
    input.focus();
    await user.keyboard("{Enter}");
    await user.keyboard(" ");
    expect(pickerOpened).toBe(2);
    expect(input).toHaveAttribute("type", "file");
    expect(input).toHaveAttribute("tabindex", "0");
  });

  it("when a file is removed, then it leaves the list and the totals", async () => {
    const { user } = renderWidget();
    await user.upload(attachmentsInput(), [
      buildFile("keep.png", { type: "image/png", size: MIB }),
      buildFile("drop.png", { type: "image/png", size: MIB }),
    ]);
    await user.click(
      await screen.findByRole("button", { name: fill(en.removeFile, { name: "drop.png" }) }),
    );
    expect(screen.queryByText("drop.png")).not.toBeInTheDocument();
    expect(screen.getByText("keep.png")).toBeInTheDocument();
    expect(screen.getByText(totals(1, MIB))).toBeInTheDocument();
  });
});

describe("files the rules refuse (listed with the reason, never counted)", () => {
  it("when an .exe is dropped, then it is listed as not attached because of its type", async () => {
    renderWidget();
    dropFiles(attachmentsDropzone(), [
      buildFile("setup.exe", { type: "application/x-msdownload" }),
    ]);
    expect(await screen.findByText("setup.exe")).toBeInTheDocument();
    expect(
      within(fileRow("setup.exe")).getByText(reason("FILE_TYPE_NOT_ALLOWED"), { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: fill(en.dismissFile, { name: "setup.exe" }) }),
    ).toBeInTheDocument();
    expect(screen.getByText(totals(0, 0))).toBeInTheDocument();
  });

  it("when a .png claims to be an executable, then extension and MIME type are judged together", async () => {
    renderWidget();
    dropFiles(attachmentsDropzone(), [buildFile("cat.png", { type: "application/x-msdownload" })]);
    await screen.findByText("cat.png");
    expect(
      within(fileRow("cat.png")).getByText(reason("FILE_TYPE_NOT_ALLOWED"), { exact: false }),
    ).toBeInTheDocument();
  });

  it("when a .mov comes with an empty MIME type (as browsers give it), then it is accepted", async () => {
    const { user } = renderWidget();
    const summary = screen.getByRole("textbox", { name: "Summary" });
    await user.click(summary);
    pasteFiles(summary, [buildFile("recording.mov", { type: "" })]);
    dropFiles(attachmentsDropzone(), [buildFile("other.MOV", { type: "" })]);
    await screen.findByText("other.MOV");
    expect(screen.getByText(totals(2, 128))).toBeInTheDocument();
    expect(screen.queryByText(/Not attached/)).not.toBeInTheDocument();
  });

  it("when a file is exactly 25 MB it is accepted, and one byte more is refused as too large", async () => {
    renderWidget();
    dropFiles(attachmentsDropzone(), [
      buildFile("exact.mp4", { type: "video/mp4", size: TICKET_LIMITS.maxFileBytes }),
      buildFile("big.mp4", { type: "video/mp4", size: TICKET_LIMITS.maxFileBytes + 1 }),
    ]);
    await screen.findByText("big.mp4");
    expect(
      within(fileRow("big.mp4")).getByText(reason("FILE_TOO_LARGE"), { exact: false }),
    ).toBeInTheDocument();
    expect(within(fileRow("exact.mp4")).queryByText(/Not attached/)).not.toBeInTheDocument();
    expect(screen.getByText(totals(1, TICKET_LIMITS.maxFileBytes))).toBeInTheDocument();
  });

  it("when a file would take the total over 50 MB, then it is refused and the others stay", async () => {
    const { user } = renderWidget();
    const size = 20 * MIB;
    await user.upload(attachmentsInput(), [
      buildFile("one.mp4", { type: "video/mp4", size }),
      buildFile("two.mp4", { type: "video/mp4", size }),
    ]);
    await screen.findByText("two.mp4");
    dropFiles(attachmentsDropzone(), [buildFile("three.mp4", { type: "video/mp4", size })]);
    await screen.findByText("three.mp4");
    expect(
      within(fileRow("three.mp4")).getByText(reason("ATTACHMENTS_TOO_LARGE"), { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText(totals(2, 2 * size))).toBeInTheDocument();
  });

  it("when a sixth file is added, then it is refused for the count", async () => {
    const { user } = renderWidget();
    const five = ["1", "2", "3", "4", "5"].map((n) => buildFile(`${n}.png`, { type: "image/png" }));
    await user.upload(attachmentsInput(), five);
    await screen.findByText("5.png");
    dropFiles(attachmentsDropzone(), [buildFile("6.png", { type: "image/png" })]);
    await screen.findByText("6.png");
    expect(
      within(fileRow("6.png")).getByText(reason("TOO_MANY_FILES"), { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText(totals(5, 5 * 64))).toBeInTheDocument();
  });

  it("when a file is refused, then the refusal is announced politely with its name and reason", async () => {
    renderWidget();
    dropFiles(attachmentsDropzone(), [
      buildFile("setup.exe", { type: "application/x-msdownload" }),
    ]);
    const text = fill(en.fileRefused, {
      name: "setup.exe",
      reason: fill(en.fileReasons.FILE_TYPE_NOT_ALLOWED, limits),
    });
    const announcement = await screen.findByText(text);
    expect(announcement).toHaveAttribute("aria-live", "polite");
  });
});

describe("pasting text that comes with a picture of itself (Word, Excel)", () => {
  it("when text is pasted into Description with an image beside it, then the text goes in and nothing is attached", async () => {
    const { user } = renderWidget();
    const description = screen.getByRole("textbox", { name: "Description" });
    await user.click(description);
    const event = new Event("paste", { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, "clipboardData", {
      value: {
        files: [buildFile("image.png", { type: "image/png" })],
        types: ["text/plain", "Files"],
      },
    });
    description.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(screen.queryByText("image.png")).not.toBeInTheDocument();
  });
});
