import type { Ticket } from "../../contract/index.ts";

/** TICKET_HISTORY_DAYS in ms: how long a store keeps each customer's list. */
export function historyTtlMs(config: { ticketHistoryDays: number }): number {
  return config.ticketHistoryDays * 24 * 60 * 60 * 1000;
}

/** What a customer's list keeps of a ticket besides its status: never the description or files. */
export interface TicketListing {
  summary: string;
  attachmentCount: number;
}

/** A ticket in its owner's list; `createdAt` is ms on the store's clock. */
export interface HistoryRow extends Ticket, TicketListing {
  createdAt: number;
}

/** Where a page starts: after this row (newest first, by `createdAt` then `ticketId`). */
export interface HistoryPosition {
  createdAt: number;
  ticketId: string;
}

/** One page of a customer's list, and the list's version (it grows on every change). */
export interface HistoryPage {
  tickets: HistoryRow[];
  /** The last row's position when more rows follow, else null. */
  next: HistoryPosition | null;
  /** For `waitForListChange`: a change after this version wakes the wait. */
  version: number;
}

/** The order of a list: newest first, then by id (descending), so every row has one place. */
export function newerFirst(a: HistoryPosition, b: HistoryPosition): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.ticketId < b.ticketId ? 1 : a.ticketId > b.ticketId ? -1 : 0;
}

/** True when `row` comes after `cursor` in the list's order. */
export function isAfter(row: HistoryPosition, cursor: HistoryPosition | undefined): boolean {
  return cursor === undefined || newerFirst(cursor, row) < 0;
}

/** The cursor on the wire: opaque to the widget (base64url of the position). */
export function encodeCursor(position: HistoryPosition): string {
  return Buffer.from(`${position.createdAt}.${position.ticketId}`, "utf8").toString("base64url");
}

/** The position a cursor names, or null when it is not one this proxy made. */
export function decodeCursor(cursor: string): HistoryPosition | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.(.+)$/s.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { createdAt: Number(match[1]), ticketId: match[2] };
}
