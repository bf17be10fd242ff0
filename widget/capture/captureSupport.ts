/** What the browser offers the capture: the pieces of `window` it is decided from. */
export interface CaptureEnvironment {
  getDisplayMedia?: unknown;
  MediaRecorder?: { isTypeSupported?(type: string): boolean } | undefined;
  /** Chromium's Permissions Policy view; a frame without `allow="display-capture"` says no. */
  allowsDisplayCapture?: boolean | undefined;
}

/** Which of the two captures to offer. */
export interface CaptureSupport {
  screenshot: boolean;
  recording: boolean;
}

// In order of preference: WebM is what the issue asks for; Safari before 18.4 only has MP4.
const RECORDING_TYPES = ["video/webm", "video/mp4"] as const;

/** The container MediaRecorder will write, or null when it writes none Ripio accepts. */
export function recordingType(env: CaptureEnvironment): (typeof RECORDING_TYPES)[number] | null {
  const isTypeSupported = env.MediaRecorder?.isTypeSupported;
  if (typeof isTypeSupported !== "function") return null;
  return RECORDING_TYPES.find((type) => isTypeSupported.call(env.MediaRecorder, type)) ?? null;
}

/**
 * What to offer. Phones have no `getDisplayMedia`, so no button there; recording also needs
 * MediaRecorder with a container Ripio accepts. A frame whose policy forbids display capture
 * would only ever be refused, so nothing is offered there either.
 */
export function captureSupport(env: CaptureEnvironment = browserEnvironment()): CaptureSupport {
  const screenshot =
    typeof env.getDisplayMedia === "function" && env.allowsDisplayCapture !== false;
  return { screenshot, recording: screenshot && recordingType(env) !== null };
}

interface PolicyDocument {
  featurePolicy?: { allowsFeature(feature: string): boolean };
}

/** The capture environment of this page. */
export function browserEnvironment(): CaptureEnvironment {
  const devices = globalThis.navigator?.mediaDevices;
  const policy = (globalThis.document as PolicyDocument | undefined)?.featurePolicy;
  return {
    getDisplayMedia: devices?.getDisplayMedia,
    MediaRecorder: globalThis.MediaRecorder,
    allowsDisplayCapture: policy?.allowsFeature("display-capture"),
  };
}

/** Members of the Screen Capture spec that TypeScript's DOM types do not list yet. */
export interface DisplayCaptureOptions extends DisplayMediaStreamOptions {
  preferCurrentTab?: boolean;
  selfBrowserSurface?: "include" | "exclude";
}

/**
 * What `getDisplayMedia` is asked for: video only, this tab offered first (Chromium; under
 * --auto-accept-this-tab-capture it is granted without the prompt). "include" because
 * Chromium's default leaves out the very tab that asks. A recording narrows the frame rate
 * and size once granted (RecordingSession), to keep these bytes out of the first open.
 */
export const DISPLAY_MEDIA_OPTIONS: DisplayCaptureOptions = {
  video: true,
  audio: false,
  preferCurrentTab: true,
  selfBrowserSurface: "include",
};
