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

  it('holds at most `max` tickets: spent ones go first, then the oldest of the client holding the most', () => {
    const now = 0;
    const t = new DownloadTickets<number>({ max: 4, perOwner: 100, now: () => now });
    const first = t.issue('a', 0).ticket;
    const second = t.issue('a', 1).ticket;
    t.issue('a', 2);
    t.issue('b', 3);
    t.redeem(first);
    // Full, but one is spent: it makes room.
    t.issue('c', 4);
    expect(t.size).toBe(4);
    expect(codeOf(() => t.redeem(first))).toBe('404 unknown-ticket');
    // Full of unused tickets: 'a' holds the most, and its oldest goes; 'b' and 'c' keep theirs.
    expect(codeOf(() => t.issue('d', 5))).toBe('ok');
    expect(t.size).toBe(4);
    expect(codeOf(() => t.peek(second))).toBe('404 unknown-ticket');
  });

  it('cannot be filled by many clients so that another is refused: a hundred addresses of ten tickets each', () => {
    const now = 0;
    const t = new DownloadTickets<number>({ max: 1000, perOwner: 10, now: () => now });
    const held = new Map<string, string[]>();
    for (let c = 0; c < 100; c++)
      for (let i = 0; i < 10; i++) {
        const owner = `203.0.113.${c}`;
        held.set(owner, [...(held.get(owner) ?? []), t.issue(owner, i).ticket]);
      }
    expect(t.size).toBe(1000);
    // Everyone else still gets tickets, each at the cost of the oldest ticket of a client holding ten.
    const mine: string[] = [];
    for (let i = 0; i < 10; i++) mine.push(t.issue('an analyst', i).ticket);
    expect(t.size).toBe(1000);
    for (const m of mine) expect(codeOf(() => t.peek(m))).toBe('ok');
    // The floods pay, not the analyst: the first ten flooders lost one ticket each, their oldest.
    const lost = [...held.values()].filter((tickets) => codeOf(() => t.peek(tickets[0] as string)) !== 'ok');
    expect(lost).toHaveLength(10);
    for (const tickets of lost) expect(codeOf(() => t.peek(tickets[1] as string))).toBe('ok');
  });

  it('bounds the bytes the payloads hold: the client holding the most bytes gives up its oldest', () => {
    const t = new DownloadTickets<number>({ maxBytes: 1000, perOwner: 10 }, (n) => n);
    const big = [t.issue('big', 400).ticket, t.issue('big', 400).ticket];
    const small = t.issue('small', 100).ticket;
    expect(t.bytes).toBe(900);
    const other = t.issue('other', 300).ticket;
    expect(t.bytes).toBe(800);
    expect(codeOf(() => t.peek(big[0] as string))).toBe('404 unknown-ticket');
    for (const kept of [big[1], small, other]) expect(codeOf(() => t.peek(kept as string))).toBe('ok');
    // A used ticket holds no payload any more; one larger than the whole bound is refused.
    t.redeem(other);
    expect(t.bytes).toBe(500);
    expect(codeOf(() => t.issue('huge', 1001))).toBe('503 busy');
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
