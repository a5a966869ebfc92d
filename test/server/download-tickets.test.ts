/** The ticket map itself: bounded whatever the clients do, and spent tickets forgotten. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/server/errors.js';
import { DownloadTickets, TICKET_PATTERN } from '../../src/server/download-tickets.js';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof ApiError ? `${e.status} ${e.code}` : String(e);
  }
  return 'ok';
}

describe('DownloadTickets', () => {
  it('issues 256-bit base64url tickets that the route pattern accepts', () => {
    const t = new DownloadTickets<number>();
    const { ticket } = t.issue('a', 1);
    expect(ticket).toMatch(new RegExp(TICKET_PATTERN, 'u'));
    expect(Buffer.from(ticket, 'base64url')).toHaveLength(32);
  });

  it('holds at most `max` tickets: spent ones go first, then 503 busy until the oldest expires', () => {
    let now = 0;
    const t = new DownloadTickets<number>({ max: 4, perOwner: 100, now: () => now });
    const first = t.issue('a', 0).ticket;
    for (let i = 1; i < 4; i++) t.issue('a', i);
    t.redeem(first);
    // Full, but one is spent: it makes room.
    t.issue('b', 4);
    expect(t.size).toBe(4);
    expect(codeOf(() => t.redeem(first))).toBe('404 unknown-ticket');
    expect(codeOf(() => t.issue('c', 5))).toBe('503 busy');
    now += 60_000;
    expect(codeOf(() => t.issue('c', 5))).toBe('ok');
  });

  it('forgets tickets one lifetime after they expire, used or not', () => {
    let now = 0;
    const t = new DownloadTickets<number>({ now: () => now });
    for (let i = 0; i < 50; i++) t.issue(`client ${i % 5}`, i);
    expect(t.size).toBe(50);
    now += 120_000;
    t.issue('later', 0);
    expect(t.size).toBe(1);
  });

  it('spends a ticket once; peeking does not spend it', () => {
    const t = new DownloadTickets<string>();
    const { ticket } = t.issue('a', 'payload');
    expect(t.peek(ticket)).toBe('payload');
    expect(t.redeem(ticket)).toBe('payload');
    expect(codeOf(() => t.redeem(ticket))).toBe('410 ticket-used');
    expect(codeOf(() => t.peek(ticket))).toBe('410 ticket-used');
  });
});
