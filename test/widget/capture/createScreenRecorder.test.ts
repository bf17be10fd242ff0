import { describe, expect, it } from "vitest";
import {
  createScreenRecorder,
  type RecordingResult,
} from "../../../widget/capture/recording/createScreenRecorder.ts";
import { bytesStillToCome } from "../../../widget/capture/recording/recordingBudget.ts";

/** The browser's MediaRecorder, reduced to what the recorder uses; the test hands it chunks. */
class FakeMediaRecorder extends EventTarget {
  state: RecordingState = "inactive";
  timeslice: number | undefined;
  constructor(
    readonly stream: MediaStream,
    readonly options: MediaRecorderOptions,
  ) {
    super();
  }
  get mimeType(): string {
    return `${this.options.mimeType};codecs=vp8`;
  }
  start(timeslice?: number): void {
    this.state = "recording";
    this.timeslice = timeslice;
  }
  /** A chunk of `size` bytes, as MediaRecorder delivers one per timeslice. */
  emit(size: number): void {
    const event = Object.assign(new Event("dataavailable"), {
      data: new Blob([new Uint8Array(size)]),
    });
    this.dispatchEvent(event);
  }
  /** The size of the chunk `stop()` flushes. */
  lastChunk = 0;
  /** Like the browser: the last chunk, then `stop`, after the current task. */
  stop(): void {
    if (this.state === "inactive") return;
    this.state = "inactive";
    queueMicrotask(() => {
      this.emit(this.lastChunk);
      this.dispatchEvent(new Event("stop"));
    });
  }
}

class FakeTrack extends EventTarget {
  readyState: MediaStreamTrackState = "live";
  stop(): void {
    this.readyState = "ended";
  }
}

function setup(room: number) {
  const track = new FakeTrack();
  const stream = {
    getTracks: () => [track],
    getVideoTracks: () => [track],
  } as unknown as MediaStream;
  let recorder: FakeMediaRecorder | undefined;
  let clock = 0;
  const results: RecordingResult[] = [];
  const progress: number[] = [];
  const handle = createScreenRecorder({
    stream,
    mimeType: "video/webm",
    videoBitsPerSecond: 1_000_000,
    roomBytes: () => room,
    onProgress: ({ bytes }) => progress.push(bytes),
    onDone: (result) => results.push(result),
    now: () => clock,
    tickMs: 3_600_000,
    createMediaRecorder: (s, options) => {
      recorder = new FakeMediaRecorder(s, options);
      return recorder as unknown as MediaRecorder;
    },
  });
  if (!recorder) throw new Error("No recorder was made.");
  const rec = recorder;
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    track,
    recorder: rec,
    handle,
    results,
    progress,
    advance: (ms: number) => {
      clock += ms;
    },
    settle,
  };
}

describe("the screen recorder", () => {
  it("when it starts, then it asks for the bitrate, the container and 500 ms chunks", () => {
    const { recorder } = setup(25_000_000);
    expect(recorder.options).toEqual({ mimeType: "video/webm", videoBitsPerSecond: 1_000_000 });
    expect(recorder.timeslice).toBe(500);
    expect(recorder.state).toBe("recording");
  });

  it("when the chunks approach the room, then it stops by itself, delivers a file within the room and stops sharing", async () => {
    const room = 2_000_000;
    const t = setup(room);
    let chunks = 0;
    while (t.recorder.state === "recording" && chunks < 100) {
      t.advance(500);
      t.recorder.emit(60_000);
      chunks += 1;
    }
    await t.settle();
    expect(t.results).toHaveLength(1);
    const [result] = t.results;
    expect(result?.reason).toBe("limit");
    expect(result?.blob.size).toBeLessThanOrEqual(room);
    expect(result?.blob.size).toBeGreaterThan(room / 2);
    expect(result?.blob.type).toBe("video/webm");
    expect(result?.elapsedMs).toBe(chunks * 500);
    expect(t.track.readyState).toBe("ended");
    // It stopped at the last safe chunk, not before.
    const before = 60_000 * (chunks - 1);
    const tally = { receivedBytes: before, largestChunkBytes: 60_000, msSinceLastChunk: 0 };
    expect(before + bytesStillToCome(tally, 1_000_000)).toBeLessThan(room);
  });

  it("when the last chunk comes out larger than the margin, then the file is still cut to the room", async () => {
    const room = 1_000_000;
    const t = setup(room);
    t.advance(500);
    t.recorder.emit(100_000);
    t.recorder.lastChunk = 2_000_000; // far beyond any margin
    t.handle.stop();
    await t.settle();
    expect(t.results[0]?.blob.size).toBe(room);
  });

  it("when the user ends sharing from the browser's bar, then it stops and keeps what was recorded", async () => {
    const t = setup(25_000_000);
    t.advance(500);
    t.recorder.emit(50_000);
    t.track.dispatchEvent(new Event("ended"));
    await t.settle();
    expect(t.results.map((r) => [r.reason, r.blob.size])).toEqual([["ended", 50_000]]);
  });

  it("when Stop recording is pressed, then the reason is the user's and the size so far was reported", async () => {
    const t = setup(25_000_000);
    t.advance(500);
    t.recorder.emit(10_000);
    t.advance(500);
    t.recorder.emit(20_000);
    t.handle.stop();
    await t.settle();
    expect(t.progress.at(-1)).toBe(30_000);
    expect(t.results.map((r) => r.reason)).toEqual(["user"]);
  });

  it("when it is cancelled (the form went away), then nothing is delivered", async () => {
    const t = setup(25_000_000);
    t.recorder.emit(10_000);
    t.handle.cancel();
    await t.settle();
    expect(t.recorder.state).toBe("inactive");
    expect(t.results).toEqual([]);
  });
});
