import { describe, expect, it } from "vitest";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import {
  MIN_BITS_PER_SECOND,
  MIN_SECONDS_PER_FILE,
  TIMESLICE_MS,
  bytesStillToCome,
  fitToRoom,
  recordingBitrate,
  shouldStopRecording,
} from "../../../widget/capture/recording/recordingBudget.ts";

const secondsThatFit = (bytes: number, bitsPerSecond: number): number =>
  (bytes * 8) / bitsPerSecond;

describe("the bitrate asked for", () => {
  it("when a whole file's room is free, then at least two minutes fit in one file, with margin", () => {
    const bitrate = recordingBitrate(TICKET_LIMITS.maxFileBytes);
    expect(secondsThatFit(TICKET_LIMITS.maxFileBytes, bitrate)).toBeGreaterThanOrEqual(
      MIN_SECONDS_PER_FILE / 0.8,
    );
    expect(MIN_SECONDS_PER_FILE).toBeGreaterThanOrEqual(120);
  });

  it("when more than a file's room is free, then the per-file limit still sets it", () => {
    expect(recordingBitrate(TICKET_LIMITS.maxTotalBytes)).toBe(
      recordingBitrate(TICKET_LIMITS.maxFileBytes),
    );
  });

  it("when less room is left, then it is lower, so the recording is longer", () => {
    const full = recordingBitrate(TICKET_LIMITS.maxFileBytes);
    expect(recordingBitrate(TICKET_LIMITS.maxFileBytes / 4)).toBeLessThan(full);
  });

  it("when very little room is left, then it never goes below the legible floor", () => {
    expect(recordingBitrate(600_000)).toBe(MIN_BITS_PER_SECOND);
  });
});

describe("stopping by itself", () => {
  const bitrate = 1_000_000;
  const room = 10_000_000;

  it("when much room is left, then it keeps recording", () => {
    const tally = { receivedBytes: 1_000_000, largestChunkBytes: 70_000, msSinceLastChunk: 100 };
    expect(shouldStopRecording(tally, room, bitrate)).toBe(false);
  });

  it("when what may still come would just not fit, then it stops now, and not a byte earlier", () => {
    const seen = { largestChunkBytes: 70_000, msSinceLastChunk: 100 };
    const margin = bytesStillToCome({ ...seen, receivedBytes: 0 }, bitrate);
    expect(shouldStopRecording({ ...seen, receivedBytes: room - margin }, room, bitrate)).toBe(
      true,
    );
    expect(shouldStopRecording({ ...seen, receivedBytes: room - margin - 1 }, room, bitrate)).toBe(
      false,
    );
  });

  it("when one chunk came out large (a key frame), then the margin grows with it", () => {
    const small = { receivedBytes: 0, largestChunkBytes: 10_000, msSinceLastChunk: 0 };
    const large = { ...small, largestChunkBytes: 2_000_000 };
    expect(bytesStillToCome(large, bitrate)).toBeGreaterThan(bytesStillToCome(small, bitrate));
    expect(bytesStillToCome(large, bitrate)).toBeGreaterThan(2 * large.largestChunkBytes);
  });

  it("when no chunk has arrived for a while (a recorder that delivers only at the end), then the elapsed time counts", () => {
    const tally = { receivedBytes: 0, largestChunkBytes: 0, msSinceLastChunk: 60_000 };
    const expected = ((bitrate / 8) * (60_000 + TIMESLICE_MS)) / 1000;
    expect(bytesStillToCome(tally, bitrate)).toBeGreaterThan(2 * expected);
    expect(shouldStopRecording(tally, 2 * expected, bitrate)).toBe(true);
  });

  it("when the finished recording is larger than its room anyway, then it is cut to fit", async () => {
    const blob = new Blob([new Uint8Array(1000)], { type: "video/webm" });
    expect(fitToRoom(blob, 2000)).toBe(blob);
    const cut = fitToRoom(blob, 600);
    expect(cut.size).toBe(600);
    expect(cut.type).toBe("video/webm");
  });
});
