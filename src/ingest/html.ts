/**
 * HTML → article text. linkedom parses the page (no browser, no script execution), our clean-up drops
 * page furniture, @mozilla/readability picks the article body, and html-blocks.ts writes it as text with
 * heading and list markers and a source map into the raw markup. Pages Readability cannot handle (too
 * short, odd layout, pathological nesting) fall back to the whole cleaned body.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { SourceMap } from '../core/text/source-map.js';
import { blocksToText, textView } from './html-blocks.js';
import { flattenDeepNesting } from './html-depth.js';
import { removeBoilerplateElements } from './html-clean.js';
import { tagOf, type DomDocument, type DomNode } from './html-dom.js';
import type { Reader } from './types.js';
import { oneLine, titleFromPath } from './title.js';
import { normalisePublishedAt } from './dates.js';

export const htmlReader: Reader = {
  name: 'html',
  description: 'HTML pages: article extracted with Readability, share bars / ads / cookie prompts removed',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  mediaTypes: ['text/html', 'application/xhtml+xml'],
  sniff(head) {
    const h = head.trimStart().slice(0, 1024).toLowerCase();
    if (h.startsWith('<!doctype html') || h.startsWith('<html')) return 1;
    return /<(p|div|body|head|article|h[1-6])[\s>]/u.test(h) ? 0.7 : 0;
  },
  *read(input) {
    const page = htmlToText(input.text);
    const warnings = [...input.warnings, ...page.warnings];
    yield {
      text: page.text,
      sourceMap: page.sourceMap,
      source: {
        kind: 'html',
        ...(input.uri ? { uri: input.uri } : {}),
        mediaType: input.mediaType === 'application/xhtml+xml' ? input.mediaType : 'text/html',
        ...(page.siteName ? { outlet: page.siteName } : {}),
        ...(page.byline ? { author: page.byline } : {}),
        ...(page.publishedAt ? { publishedAt: page.publishedAt } : {}),
      },
      ...(page.title ? { title: page.title } : titleFromPath(input.uri)),
      // <html lang> is often a site template's default: a hint that identification overrides when sure of
      // another language (Document.declaredLanguage); the user's --language is an order.
      ...(input.language ? { language: input.language } : page.lang ? { declaredLanguage: page.lang } : {}),
      warnings,
    };
  },
};

export interface HtmlText {
  readonly text: string;
  readonly sourceMap: SourceMap;
  readonly title?: string;
  readonly byline?: string;
  readonly siteName?: string;
  readonly publishedAt?: string;
  readonly lang?: string;
  /** `readability` or `body` (fallback). */
  readonly extractor: 'readability' | 'body';
  readonly warnings: string[];
}

/** Parse budget for Readability: beyond this many elements the page is read as a plain body instead. */
const MAX_ELEMENTS = 30_000;
const MAX_DEPTH = 400;

/** linkedom makes a bare fragment's first element the document element; a fragment is wrapped in a page first. */
function parsePage(raw: string): DomDocument {
  const head = raw.slice(0, 65_536);
  const hasBody = /<body[\s>]/iu.test(raw);
  const page = /<html[\s>]/iu.test(head)
    ? raw
    : /<body[\s>]/iu.test(head)
      ? `<!DOCTYPE html><html>${raw}</html>`
      : `<!DOCTYPE html><html><body>${raw}</body></html>`;
  const document = parseHTML(page).document as unknown as DomDocument;
  // Broken markup (an <html> tag after text, inside a comment ...) can leave no document element or body.
  if (document.documentElement && document.body) return hasBody ? document : adoptStrayContent(document, document.documentElement, document.body);
  return parseHTML(`<!DOCTYPE html><html><body>${raw}</body></html>`).document as unknown as DomDocument;
}

/**
 * A page with `<html>` but no `<body>` tag (`<html><p>...</p></html>`, common in hand-written and generated
 * pages): linkedom creates an empty body and leaves the content beside it under <html>, where a browser
 * puts it inside the body. It is moved there, in order. Only for a page without any `<body>` tag, into an
 * empty body that is a child of <html>: in broken markup with a stray `<body>` tag linkedom can place
 * nodes in an order that is not the markup's, and moving them would reorder the text against the markup
 * (seeded random pages as in test/ingest/readers-fuzz.test.ts: 36 of 5,000 then mapped offsets backwards).
 */
function adoptStrayContent(document: DomDocument, root: DomNode, body: DomNode): DomDocument {
  if (tagOf(root) !== 'html' || body.parentNode !== root || body.childNodes.length > 0) return document;
  for (const node of Array.from(root.childNodes)) {
    if (node !== body && tagOf(node) !== 'head') body.insertBefore?.(node, null);
  }
  return document;
}

function safeTitle(document: DomDocument): string {
  try {
    return document.title;
  } catch {
    return '';
  }
}

function reparse(raw: string): DomDocument {
  const document = parsePage(raw);
  removeBoilerplateElements(document);
  return document;
}

/** Counts elements and the deepest nesting, iteratively. */
function measure(document: DomDocument): { elements: number; depth: number } {
  const root = document.documentElement;
  if (!root) return { elements: 0, depth: 0 };
  let elements = 0;
  let depth = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [DomNode, number];
    elements++;
    if (d > depth) depth = d;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i] as DomNode;
      if (k.nodeType === 1) stack.push([k, d + 1]);
    }
  }
  return { elements, depth };
}

export function htmlToText(markup: string): HtmlText {
  const warnings: string[] = [];
  // Same length as `markup`, so every offset below is one into the file.
  const flat = flattenDeepNesting(markup);
  const raw = flat.html;
  const view = textView(raw);
  const document = parsePage(raw);
  const pageTitle = cleanTitle(safeTitle(document));
  const lang =
    (document.documentElement?.getAttribute?.('lang') ?? '').trim().split(/[-_]/u)[0]?.toLowerCase() ||
    undefined;
  removeBoilerplateElements(document);
  const bodyText = (document.body?.textContent ?? '').replace(/\s+/gu, ' ').trim();

  let article: ReturnType<Readability<DomNode>['parse']> = null;
  let ranReadability = false;
  const measured = measure(document);
  const elements = measured.elements;
  const depth = Math.max(measured.depth, flat.depth);
  if (depth > MAX_DEPTH) {
    // Readability recurses over the tree; a pathologically deep page would exhaust the stack.
    warnings.push(
      `the page nests elements ${depth} levels deep; article extraction was skipped and the whole page text was used`,
    );
  } else if (elements <= MAX_ELEMENTS) {
    ranReadability = true;
    try {
      article = new Readability<DomNode>(document as never, {
        serializer: (node) => node as unknown as DomNode,
        charThreshold: 300,
      }).parse();
    } catch (e) {
      warnings.push(`article extraction failed (${(e as Error).message}); the whole page text was used`);
    }
  } else {
    warnings.push(
      `the page has ${elements} elements; article extraction was skipped and the whole page text was used`,
    );
  }
  const articleText = (article?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  // Readability sometimes keeps only a fragment of short pages (a single div among many paragraphs).
  const useArticle = article?.content && articleText.length >= Math.min(200, bodyText.length * 0.5);
  // Readability edits the DOM it reads, so the fallback reads a fresh parse of the page.
  let root: DomNode | null = article?.content ?? null;
  if (!useArticle) {
    const fresh = ranReadability ? reparse(raw) : document;
    root = fresh.body ?? fresh.documentElement;
  }
  const title = cleanTitle(article?.title ?? '') || pageTitle;
  // Readability removes the headline from the body (it becomes the title); headlines carry much of a
  // text's framing, so one that the page shows is put back as the first heading. A <title> that is not
  // shown on the page (a site name, a tab label) is only metadata.
  const headline =
    useArticle && title && bodyText.includes(title) && !articleText.startsWith(title) ? title : undefined;
  const built = root
    ? blocksToText(root, raw, view, headline)
    : { text: '', sourceMap: SourceMap.identity(), dropped: 0 };
  return {
    text: built.text,
    sourceMap: built.sourceMap,
    ...(title ? { title } : {}),
    ...(article?.byline?.trim() ? { byline: article.byline.trim() } : {}),
    ...(article?.siteName?.trim() ? { siteName: article.siteName.trim() } : {}),
    ...(normalisePublishedAt(article?.publishedTime ?? '') ? { publishedAt: normalisePublishedAt(article?.publishedTime ?? '') as string } : {}),
    ...(lang ? { lang } : {}),
    extractor: useArticle ? 'readability' : 'body',
    warnings,
  };
}

function cleanTitle(t: string | null | undefined): string {
  return oneLine(t ?? '');
}
