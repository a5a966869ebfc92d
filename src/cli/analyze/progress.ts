import { terminalText } from '../terminal-text.js';

/**
 * One updating status line on stderr while many inputs are analysed; shown only on a terminal, so logs
 * and pipes stay clean. Cleared before any other message is printed.
 */
export class Progress {
  private shown = false;
  private count = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly enabled: boolean,
  ) {}

  static for(
    stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    quiet: boolean,
  ): Progress {
    return new Progress(stream, !quiet && stream.isTTY === true);
  }

  tick(label: string): void {
    this.count++;
    if (!this.enabled) return;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    // A file name may hold C1 controls (U+009B opens an escape sequence on some terminals) and bidi
    // overrides, as well as newlines and tabs: one line, every such character a space.
    const line = terminalText(`analysing ${this.count}: ${label}`).replace(/[\t\n]/gu, ' ');
    this.stream.write(`\r\u001b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
