/**
 * Story "play" steps: they drive the real widget inside its shadow root the way a user
 * would (typing fires input events, files go through the real file input).
 */
export interface Play {
  fill(label: string, text: string): void;
  /** Resolves once every file is listed (the dropzone reads files asynchronously). */
  attach(files: File[]): Promise<void>;
  click(name: string): void;
  /** Resolves once this text shows in the widget (a step that appears later, e.g. an editor). */
  waitForText(text: string): Promise<void>;
}

function byLabel(root: ShadowRoot, label: string): HTMLInputElement | HTMLTextAreaElement {
  const fields = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
  for (const field of fields) {
    const names = [...(field.labels ?? [])].map((l) => l.textContent?.trim() ?? "");
    names.push(field.getAttribute("aria-label") ?? "");
    if (names.some((name) => name === label || name.startsWith(`${label} `))) return field;
  }
  throw new Error(`No field labelled "${label}" in the widget.`);
}

const LIST_TIMEOUT_MS = 5000;

/** Waits until each name appears in the widget's text (listed files, or any text). */
function listed(root: ShadowRoot, names: string[]): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const shown = root.textContent ?? "";
      if (names.every((name) => shown.includes(name))) resolve();
      else if (performance.now() - started > LIST_TIMEOUT_MS)
        reject(new Error(`Files not listed: ${names.join(", ")}`));
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** Scrolls the last of these files' rows into view, so the story shows how each was judged. */
function showLastListed(root: ShadowRoot, names: string[]): void {
  const last = names.at(-1);
  const rows = [...root.querySelectorAll("li")];
  rows
    .findLast((row) => last !== undefined && row.textContent?.includes(last))
    ?.scrollIntoView({
      block: "nearest",
    });
}

/** Step helpers bound to one widget's shadow root. */
export function createPlay(root: ShadowRoot): Play {
  return {
    fill(label, text) {
      const field = byLabel(root, label);
      // React tracks the last value it set; go through the native setter so it sees a change.
      const proto = Object.getPrototypeOf(field) as object;
      Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(field, text);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    },
    attach(files) {
      const input = root.querySelector<HTMLInputElement>('input[type="file"]');
      if (!input) throw new Error("No file input in the widget.");
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      const names = files.map((file) => file.name);
      return listed(root, names).then(() => showLastListed(root, names));
    },
    click(name) {
      const button = [...root.querySelectorAll("button")].find(
        (b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").trim() === name,
      );
      if (!button) throw new Error(`No button "${name}" in the widget.`);
      // A person scrolls to a button before pressing it; what it shows next is then in view.
      button.scrollIntoView({ block: "nearest" });
      button.click();
    },
    waitForText: (text) => listed(root, [text]),
  };
}

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A file with the right magic bytes for its extension, padded to `size`. */
export function sampleFile(name: string, size: number, type: string): File {
  const bytes = new Uint8Array(size);
  if (name.endsWith(".png")) bytes.set(PNG_HEAD);
  if (name.endsWith(".pdf")) bytes.set([...("%PDF-1.7\n" as string)].map((c) => c.charCodeAt(0)));
  return new File([bytes], name, { type });
}
