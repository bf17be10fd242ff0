import { describe, expect, it } from "vitest";
import { MIB, TICKET_LIMITS } from "../../../contract/index.ts";
import { captureFileName } from "../../../widget/capture/captureFileName.ts";
import { MIN_RECORDING_BYTES, captureRoom } from "../../../widget/capture/captureRoom.ts";
import { captureSupport, recordingType } from "../../../widget/capture/captureSupport.ts";
import {
  PNG_KEPT_BELOW_BYTES,
  chooseScreenshotType,
} from "../../../widget/capture/screenshot/encodeScreenshot.ts";
import { isLosslessWebp } from "../../../widget/capture/screenshot/isLosslessWebp.ts";

const files = (...sizes: number[]) => sizes.map((size) => ({ size }));
const recorderWith = (...types: string[]) => ({
  isTypeSupported: (type: string) => types.includes(type),
});

describe("what is offered", () => {
  it("when there is no getDisplayMedia (a phone), then neither capture is offered", () => {
    expect(captureSupport({ MediaRecorder: recorderWith("video/webm") })).toEqual({
      screenshot: false,
      recording: false,
    });
  });

  it("when getDisplayMedia is there but MediaRecorder is not, then only the screenshot is", () => {
    expect(captureSupport({ getDisplayMedia: () => undefined })).toEqual({
      screenshot: true,
      recording: false,
    });
  });

  it("when MediaRecorder writes neither WebM nor MP4, then recording is not offered", () => {
    const env = { getDisplayMedia: () => undefined, MediaRecorder: recorderWith("video/ogg") };
    expect(captureSupport(env).recording).toBe(false);
  });

  it("when both containers are written, then WebM is chosen; with only MP4, MP4", () => {
    expect(recordingType({ MediaRecorder: recorderWith("video/mp4", "video/webm") })).toBe(
      "video/webm",
    );
    expect(recordingType({ MediaRecorder: recorderWith("video/mp4") })).toBe("video/mp4");
  });

  it("when the frame's policy forbids display capture, then nothing is offered", () => {
    const env = {
      getDisplayMedia: () => undefined,
      MediaRecorder: recorderWith("video/webm"),
      allowsDisplayCapture: false,
    };
    expect(captureSupport(env)).toEqual({ screenshot: false, recording: false });
  });
});

describe("the room a capture has", () => {
  it("when nothing is attached, then it is one file's limit", () => {
    expect(captureRoom([], "recording")).toEqual({
      bytes: TICKET_LIMITS.maxFileBytes,
      refusal: null,
    });
  });

  it("when 49.4 MB is attached, then it is what is left of the total", () => {
    const attached = files(Math.round(24.7 * MIB), Math.round(24.7 * MIB));
    const used = attached[0]!.size * 2;
    expect(captureRoom(attached, "recording").bytes).toBe(TICKET_LIMITS.maxTotalBytes - used);
  });

  it("when every file slot is taken, then neither capture may start", () => {
    const full = files(...Array.from({ length: TICKET_LIMITS.maxFiles }, () => 1024));
    expect(captureRoom(full, "screenshot").refusal).toBe("TOO_MANY_FILES");
    expect(captureRoom(full, "recording").refusal).toBe("TOO_MANY_FILES");
  });

  it("when less than a short recording's worth is left, then only a screenshot may start", () => {
    const left = MIN_RECORDING_BYTES - 1;
    const attached = files(
      TICKET_LIMITS.maxFileBytes,
      TICKET_LIMITS.maxTotalBytes - TICKET_LIMITS.maxFileBytes - left,
    );
    expect(captureRoom(attached, "recording")).toEqual({
      bytes: left,
      refusal: "ATTACHMENTS_TOO_LARGE",
    });
    expect(captureRoom(attached, "screenshot").refusal).toBeNull();
  });

  it("when the total is used up, then a screenshot may not start either", () => {
    const attached = files(TICKET_LIMITS.maxFileBytes, TICKET_LIMITS.maxFileBytes);
    expect(captureRoom(attached, "screenshot")).toEqual({
      bytes: 0,
      refusal: "ATTACHMENTS_TOO_LARGE",
    });
  });
});

describe("naming", () => {
  it("when a capture is named, then it is kind-YYYYMMDD-HHMMSS.ext in local time, zero padded", () => {
    const at = new Date(2026, 0, 5, 7, 8, 9);
    expect(captureFileName("screenshot", "png", at)).toBe("screenshot-20260105-070809.png");
    expect(captureFileName("recording", "webm", new Date(2026, 10, 27, 23, 59, 30))).toBe(
      "recording-20261127-235930.webm",
    );
  });
});

describe("PNG or WebP", () => {
  const webp = (size: number, lossless = true) => ({ size, type: "image/webp", lossless });

  it("when the PNG is small, then it stays PNG even if WebP is smaller (no time spent on WebP)", () => {
    const png = { size: PNG_KEPT_BELOW_BYTES };
    expect(chooseScreenshotType(png, webp(10))).toBe("png");
  });

  it("when the PNG is large and the lossless WebP smaller, then WebP", () => {
    const png = { size: 3 * MIB };
    expect(chooseScreenshotType(png, webp(MIB))).toBe("webp");
    expect(chooseScreenshotType(png, webp(4 * MIB))).toBe("png");
  });

  it("when the browser's WebP at quality 1 is lossy, then PNG however small the WebP", () => {
    expect(chooseScreenshotType({ size: 3 * MIB }, webp(MIB / 4, false))).toBe("png");
  });

  it("when the browser cannot write WebP (it hands back a PNG), then PNG", () => {
    const handedBack = { size: MIB, type: "image/png", lossless: false };
    expect(chooseScreenshotType({ size: 3 * MIB }, handedBack)).toBe("png");
  });
});

describe("a lossless WebP, from its bytes", () => {
  const chunk = (id: string, size: number): number[] => [
    ...[...id].map((c) => c.charCodeAt(0)),
    size & 255,
    (size >> 8) & 255,
    (size >> 16) & 255,
    size >>> 24,
    ...new Array<number>(size + (size % 2)).fill(0),
  ];
  const riff = (...chunks: number[][]): Uint8Array => {
    const body = chunks.flat();
    const size = body.length + 4;
    const head = [..."RIFF"].map((c) => c.charCodeAt(0));
    const webpTag = [..."WEBP"].map((c) => c.charCodeAt(0));
    return Uint8Array.from([...head, size & 255, (size >> 8) & 255, 0, 0, ...webpTag, ...body]);
  };

  it("when the picture is VP8L, plain or after an extended header and an ICC profile, then lossless", () => {
    expect(isLosslessWebp(riff(chunk("VP8L", 20)))).toBe(true);
    // Chromium 156's layout at quality 1: VP8X, ICCP (odd sizes are padded), VP8L.
    expect(isLosslessWebp(riff(chunk("VP8X", 10), chunk("ICCP", 457), chunk("VP8L", 30)))).toBe(
      true,
    );
  });

  it("when the picture is VP8 (lossy), with or without an alpha chunk, then not lossless", () => {
    expect(isLosslessWebp(riff(chunk("VP8 ", 20)))).toBe(false);
    expect(isLosslessWebp(riff(chunk("VP8X", 10), chunk("ALPH", 9), chunk("VP8 ", 20)))).toBe(
      false,
    );
  });

  it("when the bytes are a PNG, or a WebP cut short, then not lossless", () => {
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...new Array(20).fill(0),
    ]);
    expect(isLosslessWebp(png)).toBe(false);
    expect(isLosslessWebp(riff(chunk("VP8X", 10), chunk("ICCP", 400)).subarray(0, 40))).toBe(false);
  });
});
