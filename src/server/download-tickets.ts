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
 * The whole map is bounded too, in tickets and in the bytes their payloads hold; when a new ticket would
 * pass either bound, spent tickets go first, then the oldest unused ticket of the client that holds the
 * most (by count, or by bytes), so that many clients filling the map (a hundred addresses of ten tickets
 * each) cost themselves their oldest tickets and never deny a ticket to anyone else.
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
  /** Bytes the unused tickets' payloads may hold in all (as the weigh function of the map counts them). */
  readonly maxBytes: number;
  /** The clock, ms since the epoch; tests inject one instead of waiting. */
  readonly now: () => number;
}

export const DEFAULT_TICKET_OPTIONS: DownloadTicketOptions = {
  ttlMs: 60_000,
  perOwner: 10,
  max: 1000,
  maxBytes: 64 * 1024 * 1024,
  now: () => Date.now(),
};

interface Entry<T> {
  readonly owner: string;
  /** Dropped (null) once the ticket is used: only its 410 is still needed. */
  payload: T | null;
  /** The payload's bytes while it is held. */
  bytes: number;
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
  /** Bytes held by the payloads of unused tickets. */
  private held = 0;
  readonly options: DownloadTicketOptions;

  /** `weigh`: the bytes a payload holds (default 0: only the count of tickets is bounded). */
  constructor(
    options: Partial<DownloadTicketOptions> = {},
    private readonly weigh: (payload: T) => number = () => 0,
  ) {
    this.options = { ...DEFAULT_TICKET_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes the unused tickets' payloads hold. */
  get bytes(): number {
    return this.held;
  }

  /**
   * A new ticket for `owner`, carrying `payload`; 429 when the owner holds too many. When the server holds
   * too many, the oldest unused ticket of the heaviest holder makes room (see the file's comment); 503 only
   * for a payload larger than the whole byte bound.
   */
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
    const bytes = this.weigh(payload);
    if (bytes > this.options.maxBytes)
      throw new ApiError(
        503,
        'busy',
        'this download is too large to hold a ticket for on this server',
        'Narrow the export (filters, limit), or download it with GET /api/export and the token.',
      );
    if (this.entries.size >= this.options.max || this.held + bytes > this.options.maxBytes)
      this.forgetSpent(now);
    while (this.entries.size >= this.options.max) this.evict((s) => s.count);
    while (this.held + bytes > this.options.maxBytes) this.evict((s) => s.bytes);
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = now + this.options.ttlMs;
    this.entries.set(keyOf(ticket), { owner, payload, bytes, expiresAt, used: false });
    this.held += bytes;
    return { ticket, expiresAt };
  }

  /** The ticket's payload, and the ticket is spent; 404 when unknown, 410 when used or expired. */
  redeem(ticket: string): T {
    const entry = this.check(ticket);
    const payload = entry.payload as T;
    entry.used = true;
    this.release(entry);
    return payload;
  }

  /** The payload without spending the ticket (HEAD requests, which link checkers and proxies send). */
  peek(ticket: string): T {
    return this.check(ticket).payload as T;
  }

  private check(ticket: string): Entry<T> {
    const now = this.options.now();
    this.sweep(now);
    const entry = this.entries.get(keyOf(ticket));
    if (!entry)
      throw new ApiError(
        404,
        'unknown-ticket',
        'no such download ticket: it was never issued by this server, it expired a while ago, or the server dropped it to make room for newer tickets',
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
      this.forget(key, e);
    }
  }

  /** When the map is full, used and expired tickets go early: they only make a 410 of a 404. */
  private forgetSpent(now: number): void {
    for (const [key, e] of this.entries) if (e.used || e.expiresAt <= now) this.forget(key, e);
  }

  /**
   * Forgets the oldest ticket of the client that holds the most by `measure` (ties: the client whose oldest
   * ticket is older). Called after forgetSpent, so every ticket left is unused and unexpired.
   */
  private evict(measure: (held: { count: number; bytes: number }) => number): void {
    const byOwner = new Map<string, { count: number; bytes: number; oldest: string }>();
    for (const [key, e] of this.entries) {
      const held = byOwner.get(e.owner);
      if (held) {
        held.count++;
        held.bytes += e.bytes;
      } else byOwner.set(e.owner, { count: 1, bytes: e.bytes, oldest: key });
    }
    let heaviest: { count: number; bytes: number; oldest: string } | null = null;
    for (const held of byOwner.values()) if (!heaviest || measure(held) > measure(heaviest)) heaviest = held;
    if (!heaviest) throw new Error('download tickets: nothing to evict');
    this.forget(heaviest.oldest, this.entries.get(heaviest.oldest) as Entry<T>);
  }

  private forget(key: string, entry: Entry<T>): void {
    this.release(entry);
    this.entries.delete(key);
  }

  /** The payload is no longer needed (the ticket was used, or is forgotten). */
  private release(entry: Entry<T>): void {
    this.held -= entry.bytes;
    entry.bytes = 0;
    entry.payload = null;
  }
}
