/**
 * Short-lived, single-use download tickets. A browser cannot add an Authorization header to a navigation,
 * so on a private server the web app had to fetch a corpus export with its token and hold all of it in
 * memory before saving it (hundreds of MB for a large corpus). Instead, an authenticated request asks for
 * a ticket: an unguessable URL that serves one download, within a minute, without the header, so the
 * browser's own download manager streams the export to disk.
 *
 * Tickets live in this process's memory only (a restart forgets them, which only costs a new click). The
 * map is bounded: each client holds a few unused tickets at most, and tickets are forgotten one TTL after
 * they expire (until then a used or expired ticket answers 410 with the reason rather than a bare 404).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from './errors.js';

export interface DownloadTicketOptions {
  /** How long a ticket may be used, in ms (default 60 s: long enough for a click, short for a leak). */
  readonly ttlMs: number;
  /** Unused, unexpired tickets one client (token, else address) may hold at once. */
  readonly perOwner: number;
  /** Tickets held in all, used and expired ones included until they are forgotten. */
  readonly max: number;
  /** The clock, ms since the epoch; tests inject one instead of waiting. */
  readonly now: () => number;
}

export const DEFAULT_TICKET_OPTIONS: DownloadTicketOptions = {
  ttlMs: 60_000,
  perOwner: 10,
  max: 1000,
  now: () => Date.now(),
};

interface Entry<T> {
  readonly owner: string;
  readonly payload: T;
  readonly expiresAt: number;
  used: boolean;
}

export interface IssuedTicket {
  /** The secret: 32 random bytes, base64url (43 characters). */
  readonly ticket: string;
  readonly expiresAt: number;
}

/** The form of a ticket, for the route's parameter schema. */
export const TICKET_PATTERN = '^[A-Za-z0-9_-]{43}$';

const HINT =
  "Ask for a new ticket: POST /api/export/tickets with the export's parameters (the web app does this on every click).";

/**
 * Tickets are looked up by their SHA-256, so the map's string comparison never runs on the secret itself
 * (no timing to learn it from) and a heap dump holds no usable ticket.
 */
function keyOf(ticket: string): string {
  return createHash('sha256').update(ticket, 'utf8').digest('hex');
}

export class DownloadTickets<T> {
  /** In order of issue; with one TTL, also in order of expiry, so a sweep stops at the first live entry. */
  private readonly entries = new Map<string, Entry<T>>();
  readonly options: DownloadTicketOptions;

  constructor(options: Partial<DownloadTicketOptions> = {}) {
    this.options = { ...DEFAULT_TICKET_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** A new ticket for `owner`, carrying `payload`; 429 when the owner holds too many, 503 when the server does. */
  issue(owner: string, payload: T): IssuedTicket {
    const now = this.options.now();
    this.sweep(now);
    const live = [...this.entries.values()].filter((e) => e.owner === owner && !e.used && e.expiresAt > now);
    if (live.length >= this.options.perOwner) {
      const wait = Math.max(1, Math.ceil(((live[0] as Entry<T>).expiresAt - now) / 1000));
      throw new ApiError(
        429,
        'too-many-tickets',
        `this client already holds ${live.length} unused download tickets`,
        `Use them, or wait ${wait} s for the oldest to expire.`,
        { 'retry-after': String(wait) },
      );
    }
    if (this.entries.size >= this.options.max) this.forgetSpent(now);
    if (this.entries.size >= this.options.max) {
      const first = this.entries.values().next().value as Entry<T>;
      const wait = Math.max(1, Math.ceil((first.expiresAt - now) / 1000));
      throw new ApiError(
        503,
        'busy',
        'too many download tickets are outstanding on this server',
        `Retry in ${wait} s.`,
        { 'retry-after': String(wait) },
      );
    }
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = now + this.options.ttlMs;
    this.entries.set(keyOf(ticket), { owner, payload, expiresAt, used: false });
    return { ticket, expiresAt };
  }

  /** The ticket's payload, and the ticket is spent; 404 when unknown, 410 when used or expired. */
  redeem(ticket: string): T {
    const entry = this.check(ticket);
    entry.used = true;
    return entry.payload;
  }

  /** The payload without spending the ticket (HEAD requests, which link checkers and proxies send). */
  peek(ticket: string): T {
    return this.check(ticket).payload;
  }

  private check(ticket: string): Entry<T> {
    const now = this.options.now();
    this.sweep(now);
    const entry = this.entries.get(keyOf(ticket));
    if (!entry)
      throw new ApiError(
        404,
        'unknown-ticket',
        'no such download ticket: it was never issued by this server, or it expired a while ago',
        HINT,
      );
    if (entry.used)
      throw new ApiError(
        410,
        'ticket-used',
        'this download ticket has been used: each ticket serves one download',
        HINT,
      );
    if (entry.expiresAt <= now)
      throw new ApiError(
        410,
        'ticket-expired',
        `this download ticket expired (tickets last ${Math.round(this.options.ttlMs / 1000)} s)`,
        HINT,
      );
    return entry;
  }

  /** Forgets tickets one TTL past their expiry, oldest first. */
  private sweep(now: number): void {
    for (const [key, e] of this.entries) {
      if (e.expiresAt + this.options.ttlMs > now) break;
      this.entries.delete(key);
    }
  }

  /** When the map is full, used and expired tickets go early: they only make a 410 of a 404. */
  private forgetSpent(now: number): void {
    for (const [key, e] of this.entries) if (e.used || e.expiresAt <= now) this.entries.delete(key);
  }
}
