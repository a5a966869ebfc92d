/**
 * The reverse proxies whose X-Forwarded-For the server believes (`serve --trust-proxy ADDRS`). Behind a
 * proxy every connection comes from the proxy, so without this all clients share one rate-limit bucket;
 * but the header is written by whoever sends the request, so it is believed only from the proxies named
 * here. The client is then the last address in the header that is not one of them (fastify's trustProxy
 * with a list: proxy-addr walks the header from the right); a client that writes its own header in front
 * gains nothing, and one that connects directly, past the proxy, is counted by its own address.
 *
 * A hop count ("trust one proxy") cannot tell the proxy from a direct client, which is why fastify 5.12
 * ignores the header for one, and `true` believes the header's first address, which the client chooses.
 */
import { isIP } from 'node:net';

/** proxy-addr's names for address ranges. */
const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `loopback` (a proxy on this machine), `uniquelocal`, `linklocal`, IP addresses and CIDR ranges
 * (`10.0.0.0/8`), comma-separated, as a list; throws an Error that names the part it cannot read.
 */
export function parseTrustedProxies(value: string): string[] {
  const parts = value.split(',').map((p) => p.trim());
  for (const part of parts) {
    if (!isTrustedProxy(part)) {
      throw new Error(
        `--trust-proxy: "${part}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return parts;
}

function isTrustedProxy(part: string): boolean {
  if (NAMES.has(part)) return true;
  const [address = '', prefix, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/u.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
