import { runSections, type Section } from './harness.js';
import { claimRetrievalEvalSection } from './matching/eval-section.js';
import { claimsEvalSection } from './claims/eval-section.js';
import { framingEvalSection } from './framing/eval-section.js';
import { ledgerSection } from './ledger/section.js';
import { infowarEvalSection, narrativeEvalSection } from './narrative/sections.js';
import { narrativeShortTextSection } from './narrative/short-texts.js';
import { infowarClaimsSection } from './narrative/infowar-claims.js';
import { techniqueEvalSection } from './technique/eval-section.js';

/** `npm run eval [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [ledgerSection, techniqueEvalSection, claimRetrievalEvalSection, narrativeEvalSection, narrativeShortTextSection, infowarEvalSection, infowarClaimsSection, framingEvalSection, claimsEvalSection];

const code = await runSections('eval', sections, process.argv.slice(2));
// A section that failed midway may leave a server or worker open, which would keep the process alive.
if (code !== 0) process.exit(code);
