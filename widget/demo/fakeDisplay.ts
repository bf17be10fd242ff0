/*
 * Stand-ins for the browser's screen sharing, for the gallery's capture stories: a story
 * cannot wait for a person to answer the browser's prompt. Each function changes the page's
 * browser objects and returns the function that puts them back.
 */

/** What the "shared screen" shows: a made-up account page, or noise (hard to compress). */
export type FakeScreen = "page" | "noise";

function drawPage(context: CanvasRenderingContext2D, frame: number): void {
  const { width, height } = context.canvas;
  context.fillStyle = "#f4f6fb";
  context.fillRect(0, 0, width, height);
  context.fillStyle = "#0a7d5a";
  context.fillRect(0, 0, width, 72);
  context.fillStyle = "#fff";
  context.font = "bold 30px system-ui, sans-serif";
  context.fillText("Acme Wallet", 32, 47);
  context.fillStyle = "#1b1f27";
  context.font = "24px system-ui, sans-serif";
  const rows = [
    ["Account", "0012 3456 7890 1234"],
    ["Balance", "ARS 1.234.567,89"],
    ["Last transfer", "Pending since 09:41"],
  ];
  rows.forEach(([label, value], i) => {
    const y = 150 + i * 70;
    context.fillStyle = "#505968";
    context.fillText(label ?? "", 64, y);
    context.fillStyle = "#1b1f27";
    context.fillText(value ?? "", 360, y);
  });
  context.fillStyle = "#b42318";
  context.fillText("Error 500: the export could not be created.", 64, 420);
  // Something moves, so the stream keeps sending frames.
  context.fillStyle = "#1d4ed8";
  context.fillRect(64 + ((frame * 4) % (width - 192)), height - 80, 64, 16);
}

function drawNoise(context: CanvasRenderingContext2D, image: ImageData): void {
  for (let i = 0; i < image.data.length; i += 4) {
    const v = (Math.random() * 256) | 0;
    image.data[i] = v;
    image.data[i + 1] = (v * 7) & 255;
    image.data[i + 2] = (v * 13) & 255;
    image.data[i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

function drawnStream(screen: FakeScreen): MediaStream {
  const canvas = document.createElement("canvas");
  [canvas.width, canvas.height] = screen === "page" ? [1280, 720] : [640, 360];
  const context = canvas.getContext("2d");
  if (!context) throw new Error("No 2D canvas in this browser.");
  const image = context.createImageData(canvas.width, canvas.height);
  let frame = 0;
  let running = true;
  const draw = (): void => {
    if (!running) return;
    if (screen === "page") drawPage(context, frame);
    else drawNoise(context, image);
    frame += 1;
    requestAnimationFrame(draw);
  };
  draw();
  const stream = canvas.captureStream(30);
  for (const track of stream.getTracks()) {
    const stop = track.stop.bind(track);
    track.stop = () => {
      running = false;
      stop();
    };
  }
  return stream;
}

/** getDisplayMedia answers at once with a drawn "screen" instead of asking the user. */
export function fakeDisplayMedia(screen: FakeScreen): () => void {
  const devices = navigator.mediaDevices;
  Object.defineProperty(devices, "getDisplayMedia", {
    configurable: true,
    value: () => Promise.resolve(drawnStream(screen)),
  });
  return () => Reflect.deleteProperty(devices, "getDisplayMedia");
}

/** A browser without screen capture or MediaRecorder, as phones are. */
export function withoutScreenCapture(): () => void {
  const devices = navigator.mediaDevices;
  const recorder = Object.getOwnPropertyDescriptor(window, "MediaRecorder");
  Object.defineProperty(devices, "getDisplayMedia", { configurable: true, value: undefined });
  Object.defineProperty(window, "MediaRecorder", { configurable: true, value: undefined });
  return () => {
    Reflect.deleteProperty(devices, "getDisplayMedia");
    if (recorder) Object.defineProperty(window, "MediaRecorder", recorder);
  };
}
