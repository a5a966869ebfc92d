import { memo } from 'preact/compat';
import type { Finding } from '../api.js';
import { legendKey, type LegendEntry, type Paragraph } from '../highlight.js';

interface Props {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly findings: readonly Finding[];
  readonly legend: ReadonlyMap<string, LegendEntry>;
  readonly active: number | null;
  /** Focus or click: selects the finding (the explanation panel keeps it). */
  readonly onActivate: (finding: number | null) => void;
  /** Mouse over: shows the finding while none is selected; null when the mouse leaves. */
  readonly onPreview: (finding: number | null) => void;
  /** Enter on a span: select it and take the keyboard to its explanation. */
  readonly onOpen: (finding: number) => void;
}

const Para = memo(function Para({ text, p, block, findings, legend, active, onActivate, onPreview, onOpen }: { text: string; p: Paragraph; block: boolean; findings: readonly Finding[]; legend: ReadonlyMap<string, LegendEntry>; active: number | null; onActivate: (i: number | null) => void; onPreview: (i: number | null) => void; onOpen: (i: number) => void }) {
  // A block of a long paragraph is an inline-block inside its paragraph: laid out (and skipped off screen)
  // on its own, and no line break between blocks when the text is copied or read.
  const Tag = block ? 'span' : 'p';
  return (
    <Tag class={block ? 'para-block' : 'para'}>
      {p.pieces.map((piece) => {
        const content = text.slice(piece.start, piece.end);
        if (piece.findings.length === 0) return content;
        // The innermost (shortest) finding names the colour; all of them are listed on focus.
        const top = [...piece.findings].sort((a, b) => spanLen(findings[a]) - spanLen(findings[b]))[0] as number;
        const f = findings[top] as Finding;
        const color = legend.get(legendKey(f))?.color ?? 0;
        const isActive = active !== null && piece.findings.includes(active);
        return (
          <mark
            key={piece.start}
            class={`hl c${color}${piece.findings.length > 1 ? ' multi' : ''}${isActive ? ' active' : ''}`}
            tabIndex={0}
            data-finding={f.id}
            // The technique and message describe the span; they do not name it. aria-label is not allowed on
            // <mark> (ARIA gives it no name), so screen readers dropped it or read it instead of the words;
            // a title is the mark's description, announced with its text on focus (and a hover tooltip).
            title={`${legendKey(f)}: ${f.message}`}
            onMouseEnter={() => onPreview(top)}
            onMouseLeave={() => onPreview(null)}
            onFocus={() => onActivate(top)}
            onClick={() => onActivate(top)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              onOpen(top);
            }}
          >
            {content}
          </mark>
        );
      })}
    </Tag>
  );
});

/** The blocks of each paragraph together (a paragraph longer than highlight.ts's MAX_BLOCK has several). */
function groups(paragraphs: readonly Paragraph[]): Paragraph[][] {
  const out: Paragraph[][] = [];
  let current: Paragraph[] = [];
  for (const p of paragraphs) {
    current.push(p);
    if (!p.more) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

function spanLen(f: Finding | undefined): number {
  return f ? f.span.end - f.span.start : Infinity;
}

/** The document text with highlighted spans; each paragraph re-renders only when its own state changes. */
export function HighlightedText({ text, paragraphs, findings, legend, active, onActivate, onPreview, onOpen }: Props) {
  return (
    // A named region (a landmark screen-reader users can jump to): aria-label on a plain <div> is ignored.
    <section class="doc-text" aria-label="Document text with highlighted findings">
      {groups(paragraphs).map((group) => {
        const para = (p: Paragraph, block: boolean) => {
          const hasActive = active !== null && (findings[active]?.span.start ?? -1) < p.end && (findings[active]?.span.end ?? -1) > p.start;
          return <Para key={p.start} text={text} p={p} block={block} findings={findings} legend={legend} active={hasActive ? active : null} onActivate={onActivate} onPreview={onPreview} onOpen={onOpen} />;
        };
        if (group.length === 1) return para(group[0] as Paragraph, false);
        return (
          <p key={(group[0] as Paragraph).start} class="para long">
            {group.map((p) => para(p, true))}
          </p>
        );
      })}
    </section>
  );
}
