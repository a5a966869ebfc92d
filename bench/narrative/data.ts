/** Reads SemEval-2025 Task 10 subtask 2 (English) from ../shared/data/narratives-2025: documents + gold labels. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldDocument {
  readonly id: string;
  readonly text: string;
  /** Gold coarse and fine labels as sets; both empty for `Other` documents. */
  readonly coarse: ReadonlySet<string>;
  readonly fine: ReadonlySet<string>;
  /** URW or CC, from the file name (EN_UA_… / EN_CC_…). */
  readonly domain: 'URW' | 'CC';
}

export function narrativesDir(dataDir: string): string | null {
  const dir = join(dataDir, 'narratives-2025');
  return existsSync(join(dir, 'subtask-2-annotations.txt')) ? dir : null;
}

export function loadGoldDocuments(dir: string): GoldDocument[] {
  const rows = readFileSync(join(dir, 'subtask-2-annotations.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  return rows
    .map((row) => {
      const [id = '', narr = '', sub = ''] = row.split('\t');
      const set = (s: string): Set<string> =>
        new Set(
          s
            .split(';')
            .map((x) => x.trim())
            .filter((x) => x && x !== 'Other'),
        );
      return {
        id,
        text: readFileSync(join(dir, 'documents', id), 'utf8'),
        coarse: set(narr),
        fine: set(sub),
        domain: id.includes('_CC_') ? ('CC' as const) : ('URW' as const),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
