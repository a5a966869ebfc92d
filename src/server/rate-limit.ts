/**
 * A token-bucket rate limiter per client (the API token's id, else the remote address). Each bucket holds
 * `burst` requests and refills at `perMinute`; an empty bucket answers 429 with Retry-After. Buckets idle
 * for longer than a full refill are dropped, so memory stays bounded by the number of active clients.
 */
import { isIP } from 'node:net';
import { ApiError } from './errors.js';
import { embeddedIpv4, expandIpv6 } from './analysis/private-address.js';

export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  readonly perMinute: number;
  /** Requests a client may make at once before the sustained rate applies. */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes `cost` tokens for `key`, or throws a 429 ApiError. */
  take(key: string, cost = 1): void {
    const now = this.now();
    const ratePerMs = this.options.perMinute / 60_000;
    this.sweep(now, ratePerMs);
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < cost) {
      const waitS = Math.max(1, Math.ceil((cost - bucket.tokens) / ratePerMs / 1000));
      throw new ApiError(429, 'rate-limited', `too many requests: the limit is ${this.options.perMinute} per minute`, `Retry after ${waitS} s.`, { 'retry-after': String(waitS) });
    }
    bucket.tokens -= cost;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number, ratePerMs: number): void {
    const full = this.options.burst / ratePerMs;
    if (now - this.lastSweep < Math.min(full, 60_000)) return;
    this.lastSweep = now;
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }
}

/**
 * The bucket key of a client without a token. An IPv6 client usually holds a whole /64 (2^64 addresses),
 * so one bucket per address would let it take a fresh bucket for every request: IPv6 clients are keyed by
 * their /64, and an IPv4 address written as IPv6 (`::ffff:a.b.c.d`) by the IPv4 address.
 */
export function clientKey(ip: string): string {
  const groups = isIP(ip) === 6 ? expandIpv6(ip) : null;
  if (!groups) return `ip:${ip}`;
  const v4 = embeddedIpv4(ip);
  if (v4 !== null && groups[5] === 0xffff) return `ip:${v4}`;
  return `ip6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
