/**
 * Text from documents, feeds, records and fact-check files reaches the terminal in reports and messages.
 * Its control characters (ESC starts terminal escape sequences that can retitle the window, clear the
 * screen, hide text or move the cursor) and bidirectional overrides become spaces; newlines and tabs
 * stay. Same length, so offsets and column alignment still hold.
 */
export function terminalText(text: string): string {
  // Bidirectional overrides and isolates too, as stripControls (export/format/escape.ts) does for reports:
  // they can make a quoted claim read differently from the bytes it is.
  return text.replace(/[^\P{Cc}\n\t]|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ');
}
