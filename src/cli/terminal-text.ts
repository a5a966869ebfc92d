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

/**
 * Data (JSON, CSV, HTML, an export) that a command writes to standard output when that is a terminal: the
 * same characters become spaces as in terminalText, except the CR of a CRLF line end (CSV's), which moves
 * nothing. JSON escapes C0 controls but not C1 (U+009B is CSI to some terminals) or bidirectional
 * overrides, CSV escapes nothing, so an outlet name holding ESC ]0;...BEL retitled the window when an
 * export was read on screen. Written to a file or a pipe, data stays byte for byte as it is.
 */
export function terminalData(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c, at: number, all: string) => (c === '\r' && all[at + 1] === '\n' ? c : ' '));
}
