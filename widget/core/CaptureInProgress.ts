/** What is being captured: a screenshot in its editor, or a screen recording. */
export type CaptureKind = "screenshot" | "recording";

/**
 * A capture the user is making and has not attached yet: a recording running, or a
 * screenshot in its editor. It is known outside the capture code so that Send can settle it
 * first (nothing made is lost when the form moves on) and the launcher can show a recording.
 */
export interface CaptureInProgress {
  kind: CaptureKind;
  /**
   * Gets the capture out of Send's way. A recording stops and is attached through the usual
   * judging: true once attached, or when nothing was recorded. A screenshot may still need
   * blacking out, so it is never attached for the user: its editor says so and takes focus,
   * and the answer is false. The same promise answers every call until it settles.
   */
  settle(): Promise<boolean>;
}
