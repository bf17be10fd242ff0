import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "../../../widget/api/ApiClientError.ts";
import { createTicketFlow } from "../../../widget/core/createTicketFlow.ts";
import { buildFile, buildTicket } from "../support/builders.ts";
import { buildFlow, fakeClient, fakeVisibility, memoryStorage } from "../support/flowFakes.ts";
import { QueryClient, environmentManager } from "@tanstack/query-core";

const TEXT = { summary: "Export fails", description: "Nothing downloads." };
/** Lets promises settle and TanStack's notifications (a zero timeout) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

// In Node, TanStack Query takes the runtime for a server and schedules no refetch timers;
// the core runs in a browser, so these tests say so.
beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === "undefined"));
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A flow that has sent TEXT with `files` and been accepted as ticket t-1. */
async function sentTicket(files: File[] = [], overrides: Parameters<typeof buildFlow>[0] = {}) {
  const built = buildFlow(overrides);
  built.flow.saveDraft(TEXT);
  built.flow.addFiles(files);
  const outcome = built.flow.send(TEXT);
  built.submits[0]?.answer(buildTicket({ ticketId: "t-1" }));
  await outcome;
  await settle();
  return { ...built, outcome: await outcome };
}

describe("the draft", () => {
  it("when text is saved, then it is stored per customer with its key, and a new flow resumes both", () => {
    const { flow, storage } = buildFlow();
    flow.saveDraft(TEXT);
    const { draft } = flow.getSnapshot();
    expect(draft.text).toEqual(TEXT);
    expect(JSON.parse(storage.data.get("draft/alice") ?? "null")).toEqual({
      ...TEXT,
      idempotencyKey: draft.idempotencyKey,
    });

    const fake = fakeClient();
    const again = createTicketFlow({
      client: fake.client,
      queryClient: new QueryClient(),
      storage,
      visibility: fakeVisibility(),
      customerKey: "alice",
    });
    expect(again.getSnapshot().draft).toEqual(draft);
  });

  it("when nothing changes, then the snapshot is the same object; a change makes a new one", () => {
    const { flow } = buildFlow();
    const before = flow.getSnapshot();
    expect(flow.getSnapshot()).toBe(before);
    flow.saveDraft(TEXT);
    expect(flow.getSnapshot()).not.toBe(before);
    expect(before.draft.text).toBeNull();
  });
});

describe("sending", () => {
  it("when bytes leave, then the snapshot shows the percent; a 202 shows the ticket and empties the form", async () => {
    const onSubmitted = vi.fn();
    const { flow, submits, storage } = buildFlow({ host: { onSubmitted } });
    flow.saveDraft(TEXT);
    flow.addFiles([buildFile("a.png", { type: "image/png" })]);
    const key = flow.getSnapshot().draft.idempotencyKey;
    const outcome = flow.send(TEXT);
    await settle();

    const [submit] = submits;
    expect(submit?.request).toMatchObject({ ...TEXT, idempotencyKey: key });
    expect(submit?.request.files.map((f) => f.name)).toEqual(["a.png"]);
    submit?.request.onProgress?.({ loaded: 420, total: 1000 });
    expect(flow.getSnapshot().send).toEqual({ phase: "sending", percent: 42 });

    submit?.answer(buildTicket({ ticketId: "t-1" }));
    expect(await outcome).toEqual({ kind: "accepted", ticket: buildTicket({ ticketId: "t-1" }) });
    const after = flow.getSnapshot();
    expect(after.last).toEqual({ ticket: buildTicket({ ticketId: "t-1" }), ...TEXT, fileCount: 1 });
    expect(after.attachments).toEqual([]);
    expect(after.draft.text).toBeNull();
    expect(after.draft.idempotencyKey).not.toBe(key);
    expect(after.send).toEqual({ phase: "idle" });
    expect(after.form.generation).toBe(1);
    expect(storage.data.has("draft/alice")).toBe(false);
    expect(storage.data.has("last/alice")).toBe(true);
    expect(onSubmitted).toHaveBeenCalledExactlyOnceWith(buildTicket({ ticketId: "t-1" }));
  });

  it("when Send is pressed twice, then one request is made and the second says busy", async () => {
    const { flow, submits } = buildFlow();
    const first = flow.send(TEXT);
    expect(await flow.send(TEXT)).toEqual({ kind: "busy" });
    expect(submits).toHaveLength(1);
    submits[0]?.answer(buildTicket());
    await first;
  });

  it("when the send is cancelled, then it says so and text and files stay", async () => {
    const { flow, submits } = buildFlow();
    flow.saveDraft(TEXT);
    flow.addFiles([buildFile("a.png", { type: "image/png" })]);
    const outcome = flow.send(TEXT);
    flow.cancelSend();
    expect(await outcome).toEqual({ kind: "cancelled" });
    expect(submits[0]?.signal?.aborted).toBe(true);
    const snapshot = flow.getSnapshot();
    expect(snapshot.send).toEqual({ phase: "cancelled" });
    expect(snapshot.draft.text).toEqual(TEXT);
    expect(snapshot.files.map((f) => f.name)).toEqual(["a.png"]);
    flow.dismissSend();
    expect(flow.getSnapshot().send).toEqual({ phase: "idle" });
  });

  it("when the proxy refuses data.png by its position, then data.png alone is marked, not a.png beside it", async () => {
    const { flow, submits } = buildFlow();
    flow.addFiles([
      buildFile("a.png", { type: "image/png" }),
      buildFile("data.png", { type: "image/png" }),
    ]);
    const outcome = flow.send(TEXT);
    const error = new ApiClientError({
      code: "FILE_CONTENT_MISMATCH",
      status: 415,
      message: "data.png: the content is not what its extension says.",
      field: "attachments",
      file: { index: 1, name: "data.png" },
    });
    submits[0]?.fail(error);
    expect(await outcome).toEqual({ kind: "refused", error });
    expect(flow.getSnapshot().attachments.map((a) => [a.file.name, a.rejection])).toEqual([
      ["a.png", null],
      ["data.png", "FILE_CONTENT_MISMATCH"],
    ]);
    expect(flow.getSnapshot().files.map((f) => f.name)).toEqual(["a.png"]);
  });
});

describe("following the status", () => {
  it("when the ticket is accepted, then it is long-polled, and CREATED is shown and told to the host once", async () => {
    const onStatusChange = vi.fn();
    const { flow, polls } = await sentTicket([], { host: { onStatusChange } });
    expect(polls.map((p) => p.request)).toEqual([{ ticketId: "t-1", waitSeconds: 20 }]);

    await vi.advanceTimersByTimeAsync(5000); // held by the proxy
    polls[0]?.answer(buildTicket({ ticketId: "t-1", status: "CREATED" }));
    await settle();
    expect(flow.getSnapshot().last?.ticket).toEqual(
      buildTicket({ ticketId: "t-1", status: "CREATED" }),
    );
    expect(flow.getSnapshot().followed.ticket?.issueKey).toBe("SUP-1001");
    expect(onStatusChange).toHaveBeenCalledExactlyOnceWith(
      buildTicket({ ticketId: "t-1", status: "CREATED" }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls).toHaveLength(1);
  });

  it("when PENDING comes back unheld, then it asks again with backoff, not at once", async () => {
    const { polls } = await sentTicket();
    polls[0]?.answer(buildTicket({ ticketId: "t-1" }));
    await vi.advanceTimersByTimeAsync(999);
    expect(polls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls).toHaveLength(2);
    polls[1]?.answer(buildTicket({ ticketId: "t-1" }));
    await vi.advanceTimersByTimeAsync(1999);
    expect(polls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls).toHaveLength(3);
  });

  it("when a PENDING answer was held, then it asks again at once", async () => {
    const { polls } = await sentTicket();
    await vi.advanceTimersByTimeAsync(20_000);
    polls[0]?.answer(buildTicket({ ticketId: "t-1" }));
    await vi.advanceTimersByTimeAsync(100);
    expect(polls).toHaveLength(2);
  });

  it("when asking fails for a while, then trouble shows and it retries until the answer comes", async () => {
    const { flow, polls } = await sentTicket();
    const down = new ApiClientError({ code: "UPSTREAM_UNAVAILABLE", status: 503, message: "" });
    polls[0]?.fail(down);
    await settle();
    expect(flow.getSnapshot().followed.trouble).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    polls[1]?.answer(buildTicket({ ticketId: "t-1", status: "CREATED" }));
    await settle();
    expect(flow.getSnapshot().followed).toMatchObject({ trouble: false, error: null });
    expect(flow.getSnapshot().last?.ticket.status).toBe("CREATED");
  });

  it("when the page is hidden, then the long poll is cancelled and none is made until it shows again", async () => {
    const { polls, visibility } = await sentTicket();
    visibility.set(false);
    await settle();
    expect(polls[0]?.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls).toHaveLength(1);
    visibility.set(true);
    await settle();
    expect(polls).toHaveLength(2);
  });

  it("when the view unsubscribes, then the send in flight is aborted and the status no longer asked", async () => {
    const { flow, polls, submits, unsubscribe } = await sentTicket();
    flow.sendAnother();
    const outcome = flow.send(TEXT);
    unsubscribe();
    expect(await outcome).toEqual({ kind: "cancelled" });
    expect(submits[1]?.signal?.aborted).toBe(true);
    expect(polls.every((p) => p.signal?.aborted)).toBe(true);
  });

  it("when a reload finds a PENDING last ticket, then the flow shows it and follows it again", async () => {
    const storage = memoryStorage();
    storage.write("last/alice", {
      ticket: buildTicket({ ticketId: "t-7" }),
      ...TEXT,
      fileCount: 0,
    });
    const { flow, polls } = buildFlow({ storage });
    await settle();
    expect(flow.getSnapshot().last?.ticket.ticketId).toBe("t-7");
    expect(polls.map((p) => p.request.ticketId)).toEqual(["t-7"]);
  });
});

describe("leaving a ticket", () => {
  it("when Try again is pressed as FAILED arrives, then the form comes back with text and files, and no late news of it returns", async () => {
    const files = [buildFile("a.png", { type: "image/png" })];
    const { flow, polls, storage } = await sentTicket(files);
    await vi.advanceTimersByTimeAsync(5000);
    polls[0]?.answer(buildTicket({ ticketId: "t-1", status: "FAILED" }));
    await settle();
    expect(flow.getSnapshot().last?.ticket.status).toBe("FAILED");

    flow.tryAgain();
    const snapshot = flow.getSnapshot();
    expect(snapshot.last).toBeNull();
    expect(snapshot.form).toMatchObject({ seed: TEXT, autoSubmit: true, filesLost: false });
    expect(snapshot.files).toEqual(files);
    expect(snapshot.draft.text).toEqual(TEXT);
    expect(storage.data.has("last/alice")).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flow.getSnapshot().last).toBeNull();
    expect(polls).toHaveLength(1);
  });

  it("when Try again follows a reload, then the files are said to be lost and nothing is sent by itself", () => {
    const storage = memoryStorage();
    const failed = buildTicket({ ticketId: "t-7", status: "FAILED" });
    storage.write("last/alice", { ticket: failed, ...TEXT, fileCount: 2 });
    const { flow } = buildFlow({ storage });
    flow.tryAgain();
    expect(flow.getSnapshot().form).toMatchObject({ autoSubmit: false, filesLost: true });
  });

  it("when Send another is pressed, then an empty form stays and the ticket is forgotten", async () => {
    const { flow, storage } = await sentTicket();
    flow.sendAnother();
    expect(flow.getSnapshot()).toMatchObject({ last: null, form: { generation: 2, seed: null } });
    expect(storage.data.has("last/alice")).toBe(false);
  });
});

describe("another customer", () => {
  it("when Bob replaces Alice, then her draft, files, send and ticket are dropped and his own are shown", async () => {
    const { flow, submits, storage } = await sentTicket();
    flow.sendAnother();
    flow.saveDraft({ summary: "Alice's", description: "private" });
    flow.addFiles([buildFile("alice-private.png", { type: "image/png" })]);
    const sending = flow.send({ summary: "Alice's", description: "private" });
    storage.write("draft/bob", { summary: "Bob's", description: "own", idempotencyKey: "k-bob" });

    flow.setCustomer("bob");
    expect(await sending).toEqual({ kind: "cancelled" });
    expect(submits[1]?.signal?.aborted).toBe(true);
    const snapshot = flow.getSnapshot();
    expect(snapshot).toMatchObject({
      customerKey: "bob",
      attachments: [],
      files: [],
      last: null,
      send: { phase: "idle" },
      draft: { text: { summary: "Bob's", description: "own" }, idempotencyKey: "k-bob" },
    });
    // Hers stays hers, under her key, for when she is back.
    expect(storage.data.has("draft/alice")).toBe(true);
  });

  it("when the identity it follows names Bob, then the flow switches at once and Alice's send is cancelled", async () => {
    let state = { customerKey: "alice" as string | null };
    const listeners = new Set<() => void>();
    const identity = {
      getState: () => state,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const { flow, submits } = buildFlow({ customerKey: null, identity });
    expect(flow.getSnapshot().customerKey).toBe("alice");
    flow.addFiles([buildFile("alice-private.png", { type: "image/png" })]);
    const sending = flow.send(TEXT);

    state = { customerKey: "bob" };
    for (const listener of listeners) listener();
    expect(submits[0]?.signal?.aborted).toBe(true);
    expect(await sending).toEqual({ kind: "cancelled" });
    expect(flow.getSnapshot()).toMatchObject({ customerKey: "bob", attachments: [] });
  });

  it("when a capture Alice started ends after Bob came, then its file is not added to Bob's draft", () => {
    const { flow } = buildFlow();
    flow.setCustomer("bob");
    const added = flow.addFiles([buildFile("recording.webm", { type: "video/webm" })], "alice");
    expect(added).toEqual([]);
    expect(flow.getSnapshot().attachments).toEqual([]);
  });

  it("when the customer becomes known, then the files offered meanwhile stay and the stored draft shows", () => {
    const storage = memoryStorage();
    storage.write("draft/alice", { ...TEXT, idempotencyKey: "k-1" });
    const { flow } = buildFlow({ storage, customerKey: null });
    flow.addFiles([buildFile("a.png", { type: "image/png" })]);
    flow.setCustomer("alice");
    expect(flow.getSnapshot()).toMatchObject({ customerKey: "alice", draft: { text: TEXT } });
    expect(flow.getSnapshot().files).toHaveLength(1);
  });
});
