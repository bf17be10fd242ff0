/**
 * Fakes for the edges of the ticket flow's core (createTicketFlow): an API client whose
 * answers the test gives by hand, a storage in memory, a page whose visibility the test sets.
 */
import { QueryClient } from "@tanstack/query-core";
import type { Ticket } from "../../../contract/index.ts";
import { abortError, type ApiClientError } from "../../../widget/api/ApiClientError.ts";
import type { ApiClient, TicketSubmission } from "../../../widget/api/createApiClient.ts";
import { createTicketFlow, type TicketFlowDeps } from "../../../widget/core/createTicketFlow.ts";
import type { FlowStorage, Visibility } from "../../../widget/core/ticketFlowTypes.ts";

/** A request the fake client holds until the test answers it. */
interface Held<Request> {
  request: Request;
  signal: AbortSignal | undefined;
  answer(ticket: Ticket): void;
  fail(error: ApiClientError): void;
}

/** An ApiClient that records each call and answers only when the test says so. */
export function fakeClient() {
  const submits: Held<TicketSubmission>[] = [];
  const polls: Held<{ ticketId: string; waitSeconds: number | undefined }>[] = [];
  function hold<R>(list: Held<R>[], request: R, signal: AbortSignal | undefined): Promise<Ticket> {
    return new Promise((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(abortError()), { once: true });
      list.push({ request, signal, answer: resolve, fail: reject });
    });
  }
  const client: ApiClient = {
    submitTicket: (submission) => hold(submits, submission, submission.signal),
    getTicket: (ticketId, options = {}) =>
      hold(polls, { ticketId, waitSeconds: options.waitSeconds }, options.signal),
    getConfig: () => Promise.reject(new Error("the ticket flow never asks for the config")),
    listTickets: () => Promise.reject(new Error("the ticket flow never asks for the list")),
    removeTicket: () => Promise.reject(new Error("the ticket flow never removes from the list")),
  };
  return { client, submits, polls };
}

/** A FlowStorage in a Map, as sessionStorage would keep it (JSON, so nothing is shared). */
export function memoryStorage(): FlowStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    read(key, isValid) {
      const text = data.get(key);
      if (text === undefined) return null;
      const value: unknown = JSON.parse(text);
      return isValid(value) ? value : null;
    },
    write(key, value) {
      if (value === null) data.delete(key);
      else data.set(key, JSON.stringify(value));
    },
  };
}

/** A page the test shows and hides. */
export function fakeVisibility(): Visibility & { set(visible: boolean): void } {
  let visible = true;
  const listeners = new Set<() => void>();
  return {
    isVisible: () => visible,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      visible = next;
      for (const listener of listeners) listener();
    },
  };
}

/** A core with fakes at every edge (override any), subscribed as a view would be. */
export function buildFlow(overrides: Partial<TicketFlowDeps> = {}) {
  const fake = fakeClient();
  const storage = memoryStorage();
  const visibility = fakeVisibility();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const flow = createTicketFlow({
    client: fake.client,
    queryClient,
    storage,
    visibility,
    customerKey: "alice",
    ...overrides,
  });
  let renders = 0;
  const unsubscribe = flow.subscribe(() => (renders += 1));
  return { flow, ...fake, storage, visibility, queryClient, unsubscribe, renders: () => renders };
}
