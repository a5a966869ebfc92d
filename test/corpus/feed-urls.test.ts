/** URLs whose path mentions feed/rss/atom: read as feeds when they are, as pages when they are not. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources, type SourceItem } from '../../src/corpus/ingest/sources.js';

const PAGE =
  '<!DOCTYPE html><html><head><title>Atomic claims</title></head><body><p>The minister said the new plant will power the whole country by next year.</p></body></html>';
const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Desk</title><item><title>One</title><link>https://example.org/1</link><description>Item text here.</description></item></channel></rss>';

const routes: Record<string, [string, string]> = {
  '/news/atomic-energy-claims': ['text/html; charset=utf-8', PAGE],
  '/anatomy-of-a-lie': ['application/octet-stream', PAGE],
  '/feed.xml': ['application/rss+xml', RSS],
  '/rss-as-html': ['text/html', RSS],
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

async function read(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const item of readSources([`${base}${path}`], {}, { bytesDone: 0, bytesTotal: undefined }))
    out.push(describeItem(item));
  return out;
}

function describeItem(item: SourceItem): string {
  if (item.kind === 'document')
    return `${item.document.source.kind}: ${item.document.title ?? ''} | ${item.document.source.outlet ?? ''}`;
  return `${item.kind}: ${item.kind === 'error' ? item.error.message : item.reason}`;
}

describe('URLs that mention feed, rss or atom', () => {
  it('read an article as a page, by its content type or its content (it failed as "not an RSS or Atom feed")', async () => {
    expect(await read('/news/atomic-energy-claims')).toEqual(['html: Atomic claims | ']);
    expect(await read('/anatomy-of-a-lie')).toEqual(['html: Atomic claims | ']);
  });

  it('still read a feed as a feed, also one sent as text/html', async () => {
    expect(await read('/feed.xml')).toEqual(['feed: One | Feed Desk']);
    expect(await read('/rss-as-html')).toEqual(['feed: One | Feed Desk']);
  });

  it('refuse a feed URL with a password, without printing it', async () => {
    const out: string[] = [];
    for await (const item of readSources(
      ['https://user:secret@example.org/feed.xml'],
      {},
      { bytesDone: 0, bytesTotal: undefined },
    ))
      out.push(describeItem(item));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^error: the URL of https:\/\/example\.org\/feed\.xml holds a user name or password/u,
    );
    expect(out[0]).not.toContain('secret');
  });
});
