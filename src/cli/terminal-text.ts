/**
 * Text from documents, feeds, records and fact-check files reaches the terminal in reports and messages.
 * Its control characters (ESC starts terminal escape sequences that can retitle the window, clear the
 * screen, hide text or move the cursor) become spaces; newlines and tabs stay. Same length, so offsets and
 * column alignment still hold.
 */
export function terminalText(text: string): string {
  return text.replace(/[^\P{Cc}\n\t]/gu, ' ');
}
