import { useEffect, useRef, useState } from "react";

/**
 * The stream once the browser grants it; `onError` when it does not. The stream's owner
 * (CaptureButtons) stops its tracks when the session ends, so a re-run effect (StrictMode)
 * can never stop a stream still in use.
 */
export function useDisplayStream(
  pending: Promise<MediaStream>,
  onError: (error: unknown) => void,
): MediaStream | null {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const latestOnError = useRef(onError);
  useEffect(() => {
    latestOnError.current = onError;
  });
  useEffect(() => {
    let live = true;
    pending.then(
      (granted) => live && setStream(granted),
      (error: unknown) => live && latestOnError.current(error),
    );
    return () => {
      live = false;
    };
  }, [pending]);
  return stream;
}
