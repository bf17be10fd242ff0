import type { Readable } from "node:stream";

/** A body must bring at least `minBytes` in every `windowMs` while it is being read. */
export interface BodyProgressLimits {
  minBytes: number;
  windowMs: number;
}

/** A window is judged in this many steps, so a stall is seen within a sixth of it. */
const STEPS = 6;

/**
 * Calls `onStall` once when a body being read brings under `minBytes` in the last `windowMs`
 * (a client trickling bytes to hold a connection). Only time spent reading counts: while the
 * proxy does not read (before a handler takes the body, a duplicate waiting for the first
 * upload, a disk pushing back), the window starts over, so a client is never blamed for our
 * pauses. A phone that keeps sending, however slowly above the floor, is never cut. Stops by
 * itself when the body ends; returns the function that stops it early.
 */
export function watchBodyProgress(
  req: Readable & { readonly complete?: boolean },
  limits: BodyProgressLimits,
  onStall: () => void,
): () => void {
  const steps: number[] = [];
  let bytes = 0;
  let pausedInStep = false;
  const onData = (chunk: Buffer): void => {
    bytes += chunk.length;
  };
  const onPause = (): void => {
    pausedInStep = true;
  };
  // A 'data' listener of our own would start the flow: count only once a reader has.
  const onResume = (): void => {
    req.off("data", onData);
    req.on("data", onData);
  };
  const timer = setInterval(step, limits.windowMs / STEPS);
  timer.unref();

  function step(): void {
    if (req.complete || req.destroyed) return stop();
    const reading = req.readableFlowing === true && !pausedInStep;
    pausedInStep = false;
    if (!reading) {
      steps.length = 0;
      bytes = 0;
      return;
    }
    steps.push(bytes);
    bytes = 0;
    if (steps.length > STEPS) steps.shift();
    const sum = steps.reduce((a, b) => a + b, 0);
    if (steps.length === STEPS && sum < limits.minBytes) {
      stop();
      onStall();
    }
  }
  function stop(): void {
    clearInterval(timer);
    req.off("data", onData);
    req.off("pause", onPause);
    req.off("resume", onResume);
    req.off("end", stop);
    req.off("close", stop);
  }
  req.on("pause", onPause);
  req.on("resume", onResume);
  req.on("end", stop);
  req.on("close", stop);
  if (req.readableFlowing === true) onResume();
  return stop;
}
