/**
 * `npx tsx bench/technique/refresh-examples.ts`, after `npm run train technique`: rewrites the `valid` and
 * `invalid` examples of the 19 model-based technique detectors from our own candidate sentences
 * (example-candidates.json), marking the spans the current model finds for that technique (at the default
 * threshold, else with an explicit lower `threshold` / `spanThreshold` option, which the example states).
 * Review the diff: the examples document what the trained model does, they are not a gold standard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createDocument } from '../../src/core/text/document.js';
import { segmentText } from '../../src/core/segment/segment.js';
import { loadTechniqueModel } from '../../src/models/technique/load.js';
import { analyseTechniques } from '../../src/models/technique/model.js';
import { techniqueInfo } from '../../src/models/technique/labels.js';
const cands = JSON.parse(readFileSync(new URL('./example-candidates.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const VALID = ['The council meets on Tuesday at the town hall.', 'The report was published in March and has forty pages.', 'Trains to the airport leave every twenty minutes.', 'The museum opens at ten and closes at six.'];
const model = loadTechniqueModel();
for (const [label, texts] of Object.entries(cands)) {
  const k = model.classifier.outputs.indexOf(label);
  const th = model.thresholds[label] ?? 0.2;
  const spansAt = (t: string, threshold: number, st = model.spanThreshold) => {
    const doc = createDocument({ text: t, language: 'en' });
    const run = analyseTechniques(model, doc.text, segmentText(doc.text, 'en'), st);
    return run.spans.filter((s) => s.spanConfidence * (s.probs[k] as number) >= threshold);
  };
  const invalid: string[] = [];
  for (const t of texts) {
    let opt = '';
    let spans = spansAt(t, th);
    if (spans.length === 0) {
      spans = spansAt(t, 0.02);
      opt = ', options: { threshold: 0.02 }';
    }
    if (spans.length === 0) {
      spans = spansAt(t, 0.02, 0.1);
      opt = ', options: { threshold: 0.02, spanThreshold: 0.1 }';
    }
    if (spans.length === 0) {
      spans = spansAt(t, 0.002, 0.05);
      opt = ', options: { threshold: 0.002, spanThreshold: 0.05 }';
    }
    if (spans.length === 0) continue;
    let marked = t;
    for (const s of [...spans].sort((a, b) => b.start - a.start)) marked = marked.slice(0, s.start) + '⟦' + marked.slice(s.start, s.end) + '⟧' + marked.slice(s.end);
    invalid.push(`    { text: ${JSON.stringify(marked)}, data: { technique: '${label}' }${opt} },`);
    if (invalid.length >= 2) break;
  }
  const valid = VALID.filter((t) => spansAt(t, th).length === 0).slice(0, 2);
  const slug = techniqueInfo(label)?.slug ?? '';
  const p = new URL(`../../src/detectors/technique/${slug}.ts`, import.meta.url);
  let src = readFileSync(p, 'utf8');
  const block = `  valid: ${JSON.stringify(valid).replace(/","/g, '", "')},\n  invalid: [\n${invalid.join('\n')}\n  ],\n`;
  src = src.replace(/ {2}valid: \[[^\n]*\],\n {2}invalid: \[[\s\S]*?\n {2}\],\n| {2}valid: \[\],\n {2}invalid: \[\],\n/u, block);
  writeFileSync(p, src);
  console.log(label, invalid.length, valid.length);
}
