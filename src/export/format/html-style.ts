/** The report's stylesheet: static, no external fonts or images, so the file makes no requests. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6470; --line: #d9dee4; --accent: #1c5fb8; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 1.35rem; margin: 0 0 4px; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); font-size: .9rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.layout { display: grid; grid-template-columns: 1fr 300px; gap: 18px; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
/* Each paragraph of document text (and each cell) takes the direction of its own first letter: Arabic or
   Hebrew text runs right to left with its punctuation in place, inside a left-to-right page. */
.doc { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; line-height: 1.7; unicode-bidi: plaintext; text-align: start; }
mark.h { background: transparent; color: inherit; border-radius: 3px; padding: 0 1px; position: relative; cursor: help; }
mark.h.multi { box-shadow: inset 0 -2px 0 #444; }
mark.h:focus { outline: 2px solid var(--accent); }
mark.h .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10; width: min(420px, 80vw); background: #fff; color: var(--ink);
  border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; box-shadow: 0 6px 18px rgba(0,0,0,.15); font-size: .85rem; line-height: 1.4; white-space: normal; }
mark.h:hover > .tip, mark.h:focus > .tip { display: block; }
.tip b { display: block; }
.tip .ev { color: var(--muted); }
.legend { position: sticky; top: 10px; max-height: calc(100vh - 20px); overflow: auto; }
.legend label { display: flex; gap: 8px; align-items: center; padding: 2px 0; cursor: pointer; font-size: .9rem; }
.legend .sw { width: 14px; height: 14px; border-radius: 3px; border: 1px solid #999; flex: none; }
.legend .n { margin-left: auto; color: var(--muted); }
input.tg { position: absolute; opacity: 0; pointer-events: none; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
td { unicode-bidi: plaintext; text-align: start; }
th { background: #eef1f5; }
td.empty { color: var(--muted); }
.tag { display: inline-block; font-size: .78rem; padding: 0 6px; border-radius: 10px; background: #eef1f5; color: var(--muted); margin-right: 4px; }
.warn { color: #8a5300; }
ul.plain { padding-left: 18px; }
footer { max-width: 1180px; margin: 30px auto; padding: 0 20px; color: var(--muted); font-size: .8rem; }
`;
