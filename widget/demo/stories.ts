import { API, MIB, TICKET_LIMITS, type Locale } from "../../contract/index.ts";
import type { Messages } from "../messages/Messages.ts";
import { fill } from "../messages/fill.ts";
import { getCaptureMessages } from "../messages/captureCatalogue.ts";
import type { HelpWidgetOptions } from "../app/HelpWidgetOptions.ts";
import type { FaultSpec, ScenarioPatch } from "./sandboxApi.ts";
import { sampleFile, type Play } from "./play.ts";
import { fakeDisplayMedia, withoutScreenCapture } from "./fakeDisplay.ts";

/** One state of the widget, live against the sandbox in its own scenario. */
export interface Story {
  id: string;
  title: string;
  group: (typeof STORY_GROUPS)[number];
  scenario?: ScenarioPatch;
  faults?: FaultSpec[];
  customerId?: string;
  /** A new customer for each run (a list of its own), instead of `customerId`. */
  freshCustomer?: boolean;
  /** A short-lived first token, to show the widget fetching a fresh one. */
  tokenTtlSeconds?: number;
  props?: Partial<Pick<HelpWidgetOptions, "locale" | "theme" | "position" | "context">> & {
    inline?: boolean;
  };
  play?: (play: Play, text: Messages, locale: Locale) => Promise<void> | void;
  /** Runs before the widget mounts (e.g. stands in for the browser's screen sharing); returns its undo. */
  setup?: () => () => void;
}

/** The sidebar's groups, in order. */
export const STORY_GROUPS = [
  "Form",
  "Validation",
  "Sending",
  "Outcome",
  "Errors",
  "Capture",
  "Your tickets",
  "Look",
] as const;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function fillValid(play: Play, text: Messages): void {
  play.fill(text.summaryLabel, "Export to CSV does nothing");
  play.fill(text.descriptionLabel, "On the Orders page, clicking Export shows a spinner forever.");
}

function sendValid(play: Play, text: Messages): void {
  fillValid(play, text);
  play.click(text.send);
}

/** A play that types this text (leaving Summary empty when `null`) and presses Send. */
function sendTyped(summary: string | null, description: string): NonNullable<Story["play"]> {
  return (play, text) => {
    if (summary !== null) play.fill(text.summaryLabel, summary);
    play.fill(text.descriptionLabel, description);
    play.click(text.send);
  };
}

const png = (name = "screenshot.png", size = 48_000): File => sampleFile(name, size, "image/png");

/** Starts a recording; the story's fake screen answers the browser's prompt at once. */
async function record(play: Play, text: Messages, locale: Locale): Promise<void> {
  play.click(text.recordScreen);
  await play.waitForText(getCaptureMessages(locale).stop);
}

/** Sends a valid ticket and waits for its status, then back to an empty form. */
async function sendOne(play: Play, text: Messages, summary: string): Promise<void> {
  play.fill(text.summaryLabel, summary);
  play.fill(text.descriptionLabel, "Sent from the gallery to fill the list.");
  play.click(text.send);
  await play.waitForText(text.sendAnother);
  play.click(text.sendAnother);
}

/** Six tickets for the paged list story, oldest first. */
const MANY_SUMMARIES = [
  "Password reset email never arrives",
  "Two-factor code rejected",
  "Invoice shows the wrong VAT",
  "Export to CSV does nothing",
  "Dashboard chart is blank",
  "Card payment declined twice",
];

/**
 * Routes the list's own requests (`GET /api/tickets`, any query) through `answer` instead of
 * straight to the proxy, for a story's lifetime; returns its undo.
 */
function onListRequests(
  answer: (url: URL, init: RequestInit | undefined, send: typeof fetch) => Promise<Response>,
): () => void {
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(String(input), location.href);
    const isList = url.pathname.endsWith(API.tickets) && (init?.method ?? "GET") === "GET";
    return isList ? answer(url, init, original) : original(input, init);
  };
  return () => {
    window.fetch = original;
  };
}

/** Makes the list's pages `size` rows long where the widget asks for 20; returns its undo. */
const withListPageSize = (size: number): (() => void) =>
  onListRequests((url, init, send) => {
    if (url.searchParams.get("limit") === "20") url.searchParams.set("limit", String(size));
    return send(url.href, init);
  });

/** The list stories: each on a customer of its own, so its list holds only what it sent. */
function historyStories(): Story[] {
  const group = "Your tickets";
  return [
    {
      id: "history-empty",
      title: "Empty list",
      group,
      freshCustomer: true,
      play: (play, text) => play.click(text.yourTickets),
    },
    {
      id: "history-few",
      title: "A few tickets",
      group,
      freshCustomer: true,
      play: async (play, text) => {
        for (const summary of [
          "Login link expired",
          "Invoice shows the wrong VAT",
          "Export does nothing",
        ])
          await sendOne(play, text, summary);
        play.click(text.yourTickets);
      },
    },
    {
      id: "history-many",
      title: "Many, with Show more",
      group,
      freshCustomer: true,
      scenario: { processingDelayMs: 300 },
      // Pages of 4 instead of 20, so six tickets (sent in seconds, within the demo's ticket
      // limit) fill more than one: the list's own first-page requests ask for 4.
      setup: () => withListPageSize(4),
      play: async (play, text) => {
        for (const summary of MANY_SUMMARIES) await sendOne(play, text, summary);
        play.click(text.yourTickets);
      },
    },
    {
      id: "history-pending",
      title: "PENDING turning CREATED",
      group,
      freshCustomer: true,
      scenario: { processingDelayMs: 4_000 },
      play: async (play, text) => {
        sendValid(play, text);
        await play.waitForText(text.statusPending);
        play.click(text.yourTickets);
      },
    },
    {
      id: "history-failed",
      title: "Not registered",
      group,
      freshCustomer: true,
      scenario: { nextOutcome: "FAILED" },
      play: async (play, text) => {
        sendValid(play, text);
        await play.waitForText(text.statusFailed);
        play.click(text.yourTickets);
      },
    },
    {
      id: "history-error",
      title: "List failing to load",
      group,
      freshCustomer: true,
      // Stands in for a proxy whose store is away: the list's requests answer 503.
      setup: () =>
        onListRequests(async () =>
          Response.json(
            { error: { code: "STORE_UNAVAILABLE", message: "Store away" } },
            { status: 503 },
          ),
        ),
      play: (play, text) => play.click(text.yourTickets),
    },
  ];
}

/** Every story of the gallery, in sidebar order. */
export const stories: Story[] = [
  { id: "empty", title: "Empty form", group: "Form" },
  {
    id: "filled",
    title: "Filled, with attachments",
    group: "Form",
    play: async (play, text) => {
      fillValid(play, text);
      await play.attach([png(), sampleFile("invoice.pdf", 220_000, "application/pdf")]);
    },
  },
  {
    id: "technical-details",
    title: "Technical details, one removed",
    group: "Form",
    props: { context: { plan: "pro", appVersion: "4.2.1" } },
    play: async (play, text) => {
      fillValid(play, text);
      play.click(text.details.title);
      await play.waitForText("4.2.1");
      play.click(fill(text.details.remove, { name: text.details.items.page }));
    },
  },
  {
    id: "summary-required",
    title: "Summary required",
    group: "Validation",
    play: sendTyped(null, "Something is wrong."),
  },
  {
    id: "summary-too-long",
    title: "Summary too long",
    group: "Validation",
    play: sendTyped(
      "🙂".repeat(TICKET_LIMITS.summaryMaxChars + 1),
      "240 emoji fit; one more does not.",
    ),
  },
  {
    id: "description-too-long",
    title: "Description too long",
    group: "Validation",
    play: sendTyped("Long logs", "log line ".repeat(600)),
  },
  {
    id: "file-rejected",
    title: "Files refused (type, size, count)",
    group: "Validation",
    play: async (play) => {
      const huge = png("recording.png", 1024);
      Object.defineProperty(huge, "size", { value: TICKET_LIMITS.maxFileBytes + 1 });
      await play.attach([new File(["MZ"], "setup.exe"), huge]);
      await play.attach([1, 2, 3, 4, 5, 6].map((n) => png(`step-${n}.png`)));
    },
  },
  {
    id: "content-mismatch",
    title: "File content does not match",
    group: "Validation",
    play: async (play, text) => {
      fillValid(play, text);
      await play.attach([
        new File(["MZ\x90\x00not really a png"], "photo.png", { type: "image/png" }),
      ]);
      play.click(text.send);
    },
  },
  {
    id: "uploading",
    title: "Uploading, with progress",
    group: "Sending",
    scenario: { latencyMs: 20_000 },
    play: async (play, text) => {
      fillValid(play, text);
      await play.attach([sampleFile("capture.pdf", 12 * MIB, "application/pdf")]);
      play.click(text.send);
    },
  },
  {
    id: "pending",
    title: "PENDING",
    group: "Outcome",
    scenario: { processingDelayMs: 10 * 60_000 },
    play: sendValid,
  },
  { id: "created", title: "CREATED", group: "Outcome", play: sendValid },
  {
    id: "failed",
    title: "FAILED",
    group: "Outcome",
    scenario: { nextOutcome: "FAILED" },
    play: sendValid,
  },
  {
    id: "disabled",
    title: "Tickets disabled (20061)",
    group: "Errors",
    scenario: { ticketsEnabled: false },
    play: sendValid,
  },
  {
    id: "no-email",
    title: "Customer without email",
    group: "Errors",
    customerId: "cus_no_email",
    play: sendValid,
  },
  {
    id: "identity-refresh",
    title: "Identity expired, then refreshed",
    group: "Errors",
    tokenTtlSeconds: 1,
    play: async (play, text) => {
      await wait(2_500);
      sendValid(play, text);
    },
  },
  {
    id: "upstream-down",
    title: "Ripio unavailable",
    group: "Errors",
    faults: [{ target: "tickets", mode: "status", status: 503, count: 1000 }],
    play: sendValid,
  },
  {
    id: "capture-editor",
    title: "Screenshot editor",
    group: "Capture",
    setup: () => fakeDisplayMedia("page"),
    play: async (play, text, locale) => {
      const capture = getCaptureMessages(locale);
      fillValid(play, text);
      play.click(text.takeScreenshot);
      await play.waitForText(capture.attach);
      play.click(capture.blackOut);
    },
  },
  {
    id: "capture-recording",
    title: "Recording the screen",
    group: "Capture",
    setup: () => fakeDisplayMedia("page"),
    play: async (play, text, locale) => {
      fillValid(play, text);
      await record(play, text, locale);
    },
  },
  {
    id: "capture-recording-closed",
    title: "Recording, dialog closed",
    group: "Capture",
    setup: () => fakeDisplayMedia("page"),
    play: async (play, text, locale) => {
      fillValid(play, text);
      await record(play, text, locale);
      // Closing does not stop it: the launcher says it records, and reopening comes back to it.
      play.click(text.close);
    },
  },
  {
    id: "capture-auto-stop",
    title: "Recording stops near the limit",
    group: "Capture",
    // Noise compresses badly, so the little room left fills within seconds.
    setup: () => fakeDisplayMedia("noise"),
    play: async (play, text, locale) => {
      fillValid(play, text);
      const nearlyFull = Math.round(24.85 * MIB);
      await play.attach([
        sampleFile("statement-2025.pdf", nearlyFull, "application/pdf"),
        sampleFile("statement-2026.pdf", nearlyFull, "application/pdf"),
      ]);
      await record(play, text, locale);
    },
  },
  {
    id: "capture-unsupported",
    title: "No screen capture (phones)",
    group: "Capture",
    setup: withoutScreenCapture,
    play: fillValid,
  },
  ...historyStories(),
  { id: "dark", title: "Dark theme", group: "Look", props: { theme: "dark" }, play: fillValid },
  { id: "spanish", title: "Spanish", group: "Look", props: { locale: "es" }, play: sendValid },
  {
    id: "portuguese",
    title: "Portuguese",
    group: "Look",
    props: { locale: "pt" },
    play: sendValid,
  },
  { id: "inline", title: "Inline in the page", group: "Look", props: { inline: true } },
  {
    id: "floating",
    title: "Floating, bottom left",
    group: "Look",
    props: { position: "bottom-left" },
  },
  {
    id: "long-content",
    title: "Long content",
    group: "Look",
    play: async (play, text) => {
      play.fill(text.summaryLabel, "A".repeat(TICKET_LIMITS.summaryMaxChars - 5));
      play.fill(text.descriptionLabel, "Steps to reproduce. ".repeat(240));
      await play.attach([
        png("a-screenshot-with-a-very-long-file-name-from-a-phone-camera-2026-11-24.png"),
        sampleFile("statement.pdf", 3 * MIB, "application/pdf"),
        png("second.png"),
      ]);
    },
  },
];
