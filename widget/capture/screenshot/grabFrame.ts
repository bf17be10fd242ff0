/** Longest wait for a video frame drawn after the widget was hidden. */
const FRAME_WAIT_MS = 700;

const nextAnimationFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves on a frame captured after `since` (a `performance.now()` time). Where the
 * browser does not say when a frame was captured, the second new frame is taken: the first
 * may have been on its way already. Resolves anyway after FRAME_WAIT_MS, since a still page
 * may send no new frames at all.
 */
function frameAfter(video: HTMLVideoElement, since: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    if (typeof video.requestVideoFrameCallback !== "function") return;
    let frames = 0;
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      frames += 1;
      const captured = metadata.captureTime;
      if (captured === undefined ? frames >= 2 : captured >= since) {
        clearTimeout(timer);
        resolve();
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/**
 * One frame of a display stream as a canvas, then the stream's tracks stopped at once.
 * While the frame is taken, `hide()` takes the widget off the screen (it returns the
 * function that brings it back), so the picture shows the page and not the form. Drawn
 * from a `<video>` — ImageCapture is Chromium-only — that is never put in the document.
 */
export async function grabFrame(
  stream: MediaStream,
  hide: () => () => void,
): Promise<HTMLCanvasElement> {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    const show = hide();
    try {
      // Two animation frames: the page has been painted without the widget.
      await nextAnimationFrame();
      await nextAnimationFrame();
      await frameAfter(video, performance.now());
      const canvas = document.createElement("canvas");
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d");
      if (!context || canvas.width === 0) throw new Error("No video frame to draw.");
      context.drawImage(video, 0, 0);
      return canvas;
    } finally {
      show();
    }
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
