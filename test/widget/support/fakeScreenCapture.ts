/**
 * The browser's screen sharing and MediaRecorder, which jsdom lacks: the edge the capture code
 * talks to, reduced to what it uses, so a recording can run in a widget test. Screenshots need
 * a real canvas and stay in Chromium (test/e2e/capture.test.ts).
 */

/** A shared tab's video track. */
export class FakeTrack extends EventTarget {
  readonly kind = "video";
  readyState: MediaStreamTrackState = "live";
  stop(): void {
    this.readyState = "ended";
  }
  applyConstraints(): Promise<void> {
    return Promise.resolve();
  }
}

/** What `installScreenCapture` gives a test; `restore()` puts jsdom back as it was. */
export interface FakeScreenCapture {
  /** Every track getDisplayMedia granted, in order. */
  tracks: FakeTrack[];
  /** How many recorders were started. */
  recorders(): number;
  restore(): void;
}

/**
 * getDisplayMedia grants a one-track stream at once; MediaRecorder writes WebM and, when
 * stopped, delivers `recording` as its last chunk and then `stop`, a task later, as browsers do.
 */
export function installScreenCapture(recording: Uint8Array<ArrayBuffer>): FakeScreenCapture {
  const tracks: FakeTrack[] = [];
  let started = 0;

  class FakeMediaRecorder extends EventTarget {
    static isTypeSupported(type: string): boolean {
      return type === "video/webm";
    }
    state: RecordingState = "inactive";
    readonly mimeType = "video/webm;codecs=vp8";
    start(): void {
      this.state = "recording";
      started += 1;
    }
    stop(): void {
      if (this.state === "inactive") return;
      this.state = "inactive";
      setTimeout(() => {
        const data = new Blob([recording], { type: "video/webm" });
        this.dispatchEvent(Object.assign(new Event("dataavailable"), { data }));
        this.dispatchEvent(new Event("stop"));
      }, 0);
    }
  }

  const stream = (): MediaStream => {
    const track = new FakeTrack();
    tracks.push(track);
    return { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  };
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getDisplayMedia: () => Promise.resolve(stream()) },
  });
  Object.defineProperty(globalThis, "MediaRecorder", {
    configurable: true,
    value: FakeMediaRecorder,
  });
  return {
    tracks,
    recorders: () => started,
    restore: () => {
      Reflect.deleteProperty(navigator, "mediaDevices");
      Reflect.deleteProperty(globalThis, "MediaRecorder");
    },
  };
}
