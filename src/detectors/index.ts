import type { Detector } from '../core/detect/types.js';
import { checkWorthy } from './claim/check-worthy.js';
import { reportedSpeech } from './claim/reported-speech.js';
import { documentReference } from './evidence/document-reference.js';
import { link } from './evidence/link.js';
import { namedSource } from './evidence/named-source.js';
import { number } from './evidence/number.js';
import { quotation } from './evidence/quotation.js';
import { claimAttribution } from './ledger/claim-attribution.js';
import { preemptiveRebuttal } from './ledger/preemptive-rebuttal.js';
import { heading } from './structure/heading.js';
import { labelWord } from './structure/label-word.js';
import { numberedItem } from './structure/numbered-item.js';
import { techniqueDetectors } from './technique/index.js';

/** Built-in detectors in pipeline order: structure first (others may read its findings), then the rest. */
export const builtinDetectors: readonly Detector[] = [
  heading,
  labelWord,
  numberedItem,
  link,
  namedSource,
  quotation,
  number,
  documentReference,
  claimAttribution,
  preemptiveRebuttal,
  checkWorthy,
  reportedSpeech,
  ...techniqueDetectors,
];
