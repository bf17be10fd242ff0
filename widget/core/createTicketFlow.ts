import { isFileRejectionCode, sanitizeFileName } from "../../contract/index.ts";
import { isAbortError } from "../api/ApiClientError.ts";
import { newIdempotencyKey } from "./newIdempotencyKey.ts";
import { createStatusFollower, STATUS_QUERY_ROOT } from "./createStatusFollower.ts";
import {
  FIRST_FORM,
  NOT_FOLLOWED,
  asClientError,
  followedFrom,
  sameFollowed,
} from "./flowValues.ts";
import { attachedFiles, judgeAttachments } from "./judgeAttachments.ts";
import {
  draftKey,
  isLastTicketRecord,
  isStoredDraft,
  lastTicketKey,
  type StoredDraft,
} from "./storedRecords.ts";
import type { FormStart, TicketFlowHost, TicketFlowSnapshot } from "./ticketFlowTypes.ts";
import type { TicketFlowCore, TicketFlowDeps } from "./TicketFlowCore.ts";

export type { TicketFlowCore, TicketFlowDeps } from "./TicketFlowCore.ts";

/**
 * One customer's way through a ticket, with no framework in it: the draft and its files
 * (text kept per customer in `storage`, files in memory), the send with its progress,
 * cancel and idempotency key, following the status (createStatusFollower), Try again and
 * Send another, resuming the stored last ticket after a reload, and the host's callbacks.
 * Views read immutable snapshots and call the commands; every change is made at once, so
 * a command never acts on a state a view has not caught up with.
 *
 * Longer than most files here on purpose: the commands share one state and its rules (a
 * send belongs to the customer it began for; news only of the ticket shown), which read
 * best in one closure. Types are in TicketFlowCore.ts and ticketFlowTypes.ts.
 */
export function createTicketFlow(deps: TicketFlowDeps): TicketFlowCore {
  const { storage, queryClient } = deps;
  const newKey = deps.newKey ?? newIdempotencyKey;
  let client = deps.client;
  let host: TicketFlowHost = deps.host ?? {};
  const listeners = new Set<() => void>();
  let lastId = 0;
  const nextId = (): string => `file-${(lastId += 1)}`;
  // Files cannot be stored; those of the ticket just sent stay here for "Try again".
  let sentFiles: { ticketId: string; files: readonly File[] } | null = null;
  // The attachments the current or last send carried, by position (a refusal names one).
  let sentIds: readonly string[] = [];
  let inFlight: AbortController | null = null;
  // Counts customer switches: a send that began for another customer is not this one's.
  let epoch = 0;
  let stopFollowing: (() => void) | null = null;

  let state: TicketFlowSnapshot = {
    customerKey: null,
    draft: { text: null, idempotencyKey: newKey() },
    attachments: [],
    files: [],
    capture: null,
    send: { phase: "idle" },
    last: null,
    followed: NOT_FOLLOWED,
    form: FIRST_FORM,
  };

  function set(changes: Partial<TicketFlowSnapshot>): void {
    const next = { ...state, ...changes };
    if (changes.attachments) next.files = attachedFiles(changes.attachments);
    state = next;
    for (const listener of [...listeners]) listener();
  }

  const store = (key: (customer: string) => string, value: unknown): void => {
    if (state.customerKey !== null) storage.write(key(state.customerKey), value);
  };
  const nextForm = (start: Partial<Omit<FormStart, "generation">> = {}): FormStart => ({
    ...FIRST_FORM,
    ...start,
    generation: state.form.generation + 1,
  });

  const follower = createStatusFollower({
    client: () => client,
    queryClient,
    visibility: deps.visibility,
    clock: deps.clock ?? { now: () => Date.now() },
    onNews(ticketId, followed) {
      const { last } = state;
      // News of a ticket the user has left (Try again, Send another) is not shown.
      if (!last || last.ticket.ticketId !== ticketId || !followed.ticket) return;
      const news = followed.ticket;
      const changed = news.status !== last.ticket.status || news.issueKey !== last.ticket.issueKey;
      if (!changed && sameFollowed(followed, state.followed)) return;
      const nextLast = changed ? { ...last, ticket: news } : last;
      if (changed) store(lastTicketKey, nextLast);
      set({ last: nextLast, followed });
      if (changed) host.onStatusChange?.(news);
    },
  });

  function loadCustomer(customerKey: string, switching: boolean): void {
    const stored = storage.read(draftKey(customerKey), isStoredDraft);
    const last = storage.read(lastTicketKey(customerKey), isLastTicketRecord);
    const draft = stored
      ? {
          text: { summary: stored.summary, description: stored.description },
          idempotencyKey: stored.idempotencyKey,
        }
      : { text: null, idempotencyKey: switching ? newKey() : state.draft.idempotencyKey };
    const dropped: Partial<TicketFlowSnapshot> = switching
      ? { attachments: [], capture: null, send: { phase: "idle" }, form: nextForm() }
      : {};
    set({ customerKey, draft, last, followed: followedFrom(last), ...dropped });
    follower.follow(last?.ticket ?? null, customerKey);
  }

  function leaveLast(): void {
    store(lastTicketKey, null);
    follower.follow(null, state.customerKey);
  }

  const flow: TicketFlowCore = {
    subscribe(listener) {
      listeners.add(listener);
      if (!stopFollowing) {
        const { identity } = deps;
        const stopStatus = follower.connect();
        const follow = (): void => flow.setCustomer(identity?.getState().customerKey ?? null);
        const stopIdentity = identity?.subscribe(follow);
        follow();
        stopFollowing = () => {
          stopIdentity?.();
          stopStatus();
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        // No one is looking (the widget was unmounted): stop the upload instead of finishing
        // it unseen, and stop asking for the status.
        inFlight?.abort();
        stopFollowing?.();
        stopFollowing = null;
      };
    },
    getSnapshot: () => state,

    setCustomer(customerKey) {
      if (customerKey === null || customerKey === state.customerKey) return;
      const previous = state.customerKey;
      const switching = previous !== null;
      if (switching) {
        epoch += 1;
        inFlight?.abort();
        inFlight = null;
        sentFiles = null;
        sentIds = [];
        follower.follow(null, previous);
        queryClient.removeQueries({ queryKey: [...STATUS_QUERY_ROOT, previous] });
      }
      loadCustomer(customerKey, switching);
    },
    setClient(next) {
      client = next;
    },
    setHost(next) {
      host = next;
    },

    saveDraft(text) {
      const { idempotencyKey } = state.draft;
      const stored: StoredDraft = { ...text, idempotencyKey };
      store(draftKey, stored);
      set({
        draft: { text: { summary: text.summary, description: text.description }, idempotencyKey },
      });
    },
    addFiles(files, forCustomer = null) {
      if (forCustomer !== null && forCustomer !== state.customerKey) return [];
      const judged = judgeAttachments(state.attachments, files, nextId);
      set({ attachments: [...state.attachments, ...judged] });
      return judged;
    },
    removeFile(id) {
      set({ attachments: state.attachments.filter((item) => item.id !== id) });
    },
    refuseSentFile({ index, name }, code) {
      const id = sentIds[index];
      const item = state.attachments.find((a) => a.id === id);
      if (!item || item.rejection !== null || sanitizeFileName(item.file.name) !== name) {
        return null;
      }
      const refused = { ...item, rejection: code };
      set({ attachments: state.attachments.map((a) => (a === item ? refused : a)) });
      return refused;
    },
    setCapture(capture) {
      if (capture !== state.capture) set({ capture });
    },

    async send(values, context = null) {
      if (inFlight) return { kind: "busy" };
      const controller = new AbortController();
      inFlight = controller;
      const began = epoch;
      const sent = state.attachments.filter((item) => item.rejection === null);
      const files = sent.map((item) => item.file);
      sentIds = sent.map((item) => item.id);
      set({ send: { phase: "sending", percent: 0 } });
      try {
        const ticket = await client.submitTicket({
          summary: values.summary,
          description: values.description,
          files,
          idempotencyKey: state.draft.idempotencyKey,
          context,
          signal: controller.signal,
          onProgress: ({ loaded, total }) => {
            if (inFlight !== controller) return;
            const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
            if (state.send.phase !== "sending" || state.send.percent !== percent) {
              set({ send: { phase: "sending", percent } });
            }
          },
        });
        // Another customer is here now: the ticket is the previous one's, shown to no one.
        if (began !== epoch) return { kind: "cancelled" };
        sentFiles = { ticketId: ticket.ticketId, files };
        const last = {
          ticket,
          summary: values.summary,
          description: values.description,
          fileCount: files.length,
        };
        store(lastTicketKey, last);
        store(draftKey, null);
        set({
          send: { phase: "idle" },
          last,
          followed: followedFrom(last),
          draft: { text: null, idempotencyKey: newKey() },
          attachments: [],
          form: nextForm(),
        });
        follower.follow(ticket, state.customerKey);
        host.onSubmitted?.(ticket);
        return { kind: "accepted", ticket };
      } catch (error) {
        if (began !== epoch) return { kind: "cancelled" };
        if (isAbortError(error)) {
          set({ send: { phase: "cancelled" } });
          return { kind: "cancelled" };
        }
        const clientError = asClientError(error);
        set({ send: { phase: "refused", error: clientError } });
        if (clientError.file && isFileRejectionCode(clientError.code)) {
          flow.refuseSentFile(clientError.file, clientError.code);
        }
        return { kind: "refused", error: clientError };
      } finally {
        if (inFlight === controller) inFlight = null;
      }
    },
    cancelSend() {
      inFlight?.abort();
    },
    dismissSend() {
      if (!inFlight && state.send.phase !== "idle") set({ send: { phase: "idle" } });
    },

    tryAgain() {
      const { last } = state;
      if (!last) return;
      const kept = sentFiles?.ticketId === last.ticket.ticketId ? sentFiles.files : null;
      const filesLost = kept === null && last.fileCount > 0;
      const seed = { summary: last.summary, description: last.description };
      // Ripio says to retry a FAILED ticket as a new one: the draft's key is already a new one.
      const { idempotencyKey } = state.draft;
      store(draftKey, { ...seed, idempotencyKey } satisfies StoredDraft);
      leaveLast();
      set({
        attachments: judgeAttachments([], kept ?? [], nextId),
        draft: { text: seed, idempotencyKey },
        last: null,
        followed: NOT_FOLLOWED,
        form: nextForm({ seed, autoSubmit: !filesLost, filesLost }),
      });
    },
    sendAnother() {
      leaveLast();
      set({ last: null, followed: NOT_FOLLOWED, form: nextForm() });
    },
  };

  const firstKey = deps.customerKey ?? deps.identity?.getState().customerKey ?? null;
  if (firstKey !== null) loadCustomer(firstKey, false);
  return flow;
}
