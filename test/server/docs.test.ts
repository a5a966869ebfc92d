import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testServer } from './helpers.js';

describe('docs/api.md', () => {
  it('mentions every operation of the OpenAPI document', async () => {
    const s = await testServer();
    try {
      const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId: string }>> };
      const md = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'api.md'), 'utf8');
      const missing = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([m, op]) => !md.includes(`\`${m.toUpperCase()} ${p}\``) || !md.includes(`\`${op.operationId}\``)).map(([m]) => `${m} ${p}`));
      expect(missing).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
