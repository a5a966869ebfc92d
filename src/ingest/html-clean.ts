/**
 * Clean-up around article extraction. Readability finds the article body, but news pages put share bars,
 * "Advertisement" labels, cookie banners and newsletter prompts inside it or next to it; these would
 * otherwise reach the analysis as sentences. Removal is by element (class / id / role words) before
 * extraction, and by whole block text after it — never by editing words inside a sentence.
 */
import { attr, ELEMENT_NODE, tagOf, type DomDocument, type DomNode } from './html-dom.js';

const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'form',
  'nav',
  'button',
  'select',
  'input',
  'textarea',
  'canvas',
  'object',
  'embed',
]);
const JUNK_NAME =
  /(?:^|[-_\s])(share|sharing|social|sharebar|share-bar|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|paywall|advert|advertisement|ads|ad-slot|adslot|promo|sponsor|sponsored|related|recommended|outbrain|taboola|popup|modal)(?:$|[-_\s\d])/iu;
const JUNK_ROLE = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog']);

/** Removes elements that are never article text. Iterative: pages nested 10,000 levels deep must not overflow the stack. */
export function removeBoilerplateElements(document: DomDocument): number {
  const doomed: DomNode[] = [];
  const root = document.body ?? document.documentElement;
  if (!root) return 0;
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (node !== root && isBoilerplate(node)) {
      doomed.push(node);
      continue;
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  for (const node of doomed) node.remove?.();
  return doomed.length;
}

function isBoilerplate(node: DomNode): boolean {
  const tag = tagOf(node);
  if (DROP_TAGS.has(tag)) return true;
  if (
    attr(node, 'hidden') !== '' ||
    node.getAttribute?.('hidden') === '' ||
    attr(node, 'aria-hidden') === 'true'
  )
    return true;
  if (JUNK_ROLE.has(attr(node, 'role').toLowerCase())) return true;
  // Class and id words; the body and main article containers themselves are never dropped.
  if (tag === 'body' || tag === 'main' || tag === 'article') return false;
  return JUNK_NAME.test(attr(node, 'class')) || JUNK_NAME.test(attr(node, 'id'));
}

const SHARE_WORDS = new Set([
  'share',
  'shares',
  'sharing',
  'tweet',
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'telegram',
  'linkedin',
  'reddit',
  'email',
  'e-mail',
  'print',
  'copy',
  'link',
  'copied',
  'vk',
  'vkontakte',
  'ok',
  'pinterest',
  'messenger',
  'viber',
  'mail',
  'on',
  'this',
  'article',
  'story',
  'page',
  'via',
]);
const JUNK_LINE = new RegExp(
  [
    String.raw`advertisement`,
    String.raw`advertising`,
    String.raw`sponsored(?: content)?`,
    String.raw`ad`,
    String.raw`story continues below(?: advertisement)?`,
    String.raw`continue reading(?: below)?`,
    String.raw`read more`,
    String.raw`read also`,
    String.raw`see also`,
    String.raw`related(?: articles| stories| content| posts)?`,
    String.raw`(?:you )?may also like`,
    String.raw`most (?:read|popular)`,
    String.raw`follow us(?: on .{1,40})?`,
    String.raw`(?:subscribe|sign up)(?: now| today| for free)?(?: to| for)? ?(?:our|the)? ?(?:newsletter|updates|daily briefing)?.{0,60}`,
    String.raw`(?:we|this (?:web)?site) uses? cookies.{0,200}`,
    String.raw`(?:accept|reject|manage)(?: all)? cookies`,
    String.raw`cookie (?:policy|settings|preferences)`,
    String.raw`skip to (?:main )?content`,
    String.raw`back to top`,
    String.raw`comments?(?: \(\d+\))?`,
    String.raw`leave a comment`,
    String.raw`image:? .{0,80}getty images`,
  ].join('|'),
  'iu',
);

/** True for a block that is page furniture: a share bar, an ad label, a cookie or subscription prompt. */
export function isJunkBlock(text: string): boolean {
  // Trailing punctuation trimmed by a loop: `/[.!:…]+$/` tried every start in a run of dots (a block of
  // 40,000 dots and a letter: 7 s).
  const trimmed = text.trim();
  let end = trimmed.length;
  while (end > 0 && '.!:…'.includes(trimmed[end - 1] as string)) end--;
  const t = trimmed.slice(0, end);
  if (t.length === 0) return true;
  if (t.length <= 300 && new RegExp(`^(?:${JUNK_LINE.source})$`, 'iu').test(t)) return true;
  const words = t
    .toLowerCase()
    .split(/[\s|·•/,]+/u)
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 12 &&
    words.every((w) => SHARE_WORDS.has(w)) &&
    words.some((w) => w !== 'on' && w !== 'this')
  );
}
