import { TERMINAL_UNSAFE } from '../export/format/escape.js';

/**
 * Text from documents, feeds, records and fact-check files reaches the terminal in reports and messages.
 * Its control characters (ESC starts terminal escape sequences that can retitle the window, clear the
 * screen, hide text or move the cursor) and bidirectional overrides become spaces; newlines and tabs
 * stay. Same length, so offsets and column alignment still hold.
 */
export function terminalText(text: string): string {
  // The characters stripControls removes from reports, replaced rather than removed.
  return text.replace(TERMINAL_UNSAFE, ' ');
}
