import { describe, expect, it } from "vitest";
import type { CaptureInProgress } from "../../../widget/core/CaptureInProgress.ts";
import { createRecordingSession } from "../../../widget/capture/recording/createRecordingSession.ts";
import type {
  ScreenRecorder,
  ScreenRecorderDeps,
  StopReason,
} from "../../../widget/capture/recording/createScreenRecorder.ts";
import { getCaptureMessages } from "../../../widget/messages/captureCatalogue.ts";
import { fill } from "../../../widget/messages/fill.ts";

const text = getCaptureMessages("en");

/** A recorder the test drives: progress and the end come when the test says. */
function fakeRecorder() {
  const made: { deps: ScreenRecorderDeps; stops: number; cancelled: boolean }[] = [];
  const startRecorder = (deps: ScreenRecorderDeps): ScreenRecorder => {
    const entry = { deps, stops: 0, cancelled: false };
    made.push(entry);
    return { stop: () => void (entry.stops += 1), cancel: () => void (entry.cancelled = true) };
  };
  const current = () => {
    const entry = made.at(-1);
    if (!entry) throw new Error("No recorder started.");
    return entry;
  };
  return {
    startRecorder,
    made,
    progress: (bytes: number, elapsedMs: number) => current().deps.onProgress({ bytes, elapsedMs }),
    end: (reason: StopReason, bytes: number, elapsedMs = 5_000) =>
      current().deps.onDone({
        blob: new Blob([new Uint8Array(bytes)], { type: "video/webm" }),
        reason,
        elapsedMs,
      }),
  };
}

/** A stream whose one video track records the constraints it was asked for. */
function fakeStream() {
  const constraints: MediaTrackConstraints[] = [];
  const track = {
    applyConstraints: (c: MediaTrackConstraints) => (constraints.push(c), Promise.resolve()),
  };
  return { stream: { getVideoTracks: () => [track] } as unknown as MediaStream, constraints };
}

/** What the session told the widget around it. */
function recordEvents(attach = true) {
  const log = {
    notices: [] as string[],
    closes: [] as boolean[],
    files: [] as File[],
    capture: null as CaptureInProgress | null,
    started: 0,
  };
  const events = {
    notice: (line: string) => void log.notices.push(line),
    close: (returnFocus: boolean) => void log.closes.push(returnFocus),
    files: (files: File[]) => (log.files.push(...files), attach),
    inProgress: (capture: CaptureInProgress) => void (log.capture = capture),
    started: () => void (log.started += 1),
  };
  return { log, events };
}

function start(options: { attach?: boolean; room?: number } = {}) {
  const recorder = fakeRecorder();
  const { stream, constraints } = fakeStream();
  const { log, events } = recordEvents(options.attach);
  const session = createRecordingSession({
    stream,
    mimeType: "video/webm",
    roomBytes: () => options.room ?? 50 * 1024 * 1024,
    text: () => text,
    events: () => events,
    startRecorder: recorder.startRecorder,
    now: () => new Date(2026, 11, 4, 9, 30, 15),
  });
  return { session, recorder, log, constraints };
}

describe("createRecordingSession", () => {
  it("when it starts, then the stream is narrowed first, Send can settle it, and the start is announced", async () => {
    const { session, recorder, log, constraints } = start();
    await session.start();
    expect(constraints).toEqual([{ frameRate: { max: 30 }, width: { max: 1920 } }]);
    expect(recorder.made).toHaveLength(1);
    expect(recorder.made[0]?.deps.mimeType).toBe("video/webm");
    expect(log.capture?.kind).toBe("recording");
    expect(log.started).toBe(1);
    expect(session.getSnapshot().announcement).toBe(text.recordingStarted);
  });

  it("when a full minute passes, then it is announced once; progress shows size and time", async () => {
    const { session, recorder } = start();
    await session.start();
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getSnapshot().announcement));
    recorder.progress(1_000, 30_000);
    recorder.progress(2_000, 61_000);
    recorder.progress(3_000, 62_000);
    expect(session.getSnapshot()).toMatchObject({ bytes: 3_000, elapsedMs: 62_000 });
    const minuteLines = new Set(seen.filter((line) => line !== text.recordingStarted));
    expect([...minuteLines]).toEqual([fill(text.recordingTime, { time: "1:00" })]);
  });

  it("when the user stops, then the file is attached with a dated name and focus returns to the field", async () => {
    const { session, recorder, log } = start();
    await session.start();
    session.stop();
    expect(recorder.made[0]?.stops).toBe(1);
    recorder.end("user", 4_096);
    expect(log.files.map((f) => [f.name, f.size, f.type])).toEqual([
      ["recording-20261204-093015.webm", 4_096, "video/webm"],
    ]);
    expect(log.notices).toHaveLength(1);
    expect(log.closes).toEqual([true]);
  });

  it("when Send settles it, then it stops, says so, keeps focus on Send and answers attached", async () => {
    const { session, recorder, log } = start();
    await session.start();
    const settled = log.capture?.settle();
    const again = log.capture?.settle();
    expect(recorder.made[0]?.stops).toBe(1);
    recorder.end("user", 2_048);
    await expect(settled).resolves.toBe(true);
    await expect(again).resolves.toBe(true);
    expect(log.notices).toEqual([fill(text.stoppedToSend, { time: "0:05" })]);
    expect(log.closes).toEqual([false]);
  });

  it("when Send settles it and the file is refused, then the answer is false and focus goes to the field", async () => {
    const { session, recorder, log } = start({ attach: false });
    await session.start();
    const settled = log.capture?.settle();
    recorder.end("user", 2_048);
    await expect(settled).resolves.toBe(false);
    expect(log.closes).toEqual([true]);
  });

  it("when nothing was recorded, then nothing is attached and the user is told", async () => {
    const { session, recorder, log } = start();
    await session.start();
    recorder.end("ended", 0);
    expect(log.files).toEqual([]);
    expect(log.notices).toEqual([text.nothingRecorded]);
    expect(await log.capture?.settle()).toBe(true);
  });

  it("when the view goes away mid-recording, then the recorder is cancelled and a waiting Send goes on", async () => {
    const { session, recorder, log } = start();
    await session.start();
    const settled = log.capture?.settle();
    session.dispose();
    expect(recorder.made[0]?.cancelled).toBe(true);
    await expect(settled).resolves.toBe(true);
    session.stop();
    expect(recorder.made[0]?.stops).toBe(1); // the settle's stop only
  });

  it("when the view goes away before the stream is narrowed, then no recorder starts", async () => {
    const { session, recorder, log } = start();
    const starting = session.start();
    session.dispose();
    await starting;
    expect(recorder.made).toEqual([]);
    expect(log.capture).toBeNull();
  });

  it("when the recorder cannot start, then the user is told and the session closes", async () => {
    const { stream } = fakeStream();
    const { log, events } = recordEvents();
    const session = createRecordingSession({
      stream,
      mimeType: "video/webm",
      roomBytes: () => 1024,
      text: () => text,
      events: () => events,
      startRecorder: () => {
        throw new Error("NotSupportedError");
      },
    });
    await session.start();
    expect(log.notices).toEqual([text.recordingFailed]);
    expect(log.closes).toEqual([false]);
  });
});
