/** Colours for technique and family highlights, chosen to stay readable behind black text. */
const COLOURS = [
  '#ffd8a8', '#c3fae8', '#d0bfff', '#ffc9c9', '#b2f2bb', '#a5d8ff', '#ffec99', '#fcc2d7', '#99e9f2', '#e9fac8',
  '#eebefa', '#ffe8cc', '#d3f9d8', '#dbe4ff', '#fff3bf', '#f3d9fa', '#c5f6fa', '#ffdeeb', '#e6fcf5', '#edf2ff',
  '#fff4e6', '#f8f0fc', '#ebfbee',
];

/** Stable colour per label: the same technique has the same colour in every report. */
export function colourFor(label: string): string {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return COLOURS[(h >>> 0) % COLOURS.length] as string;
}

/** The label a finding is highlighted and listed under: its first taxonomy label, else its detector id. */
export function legendLabel(finding: { taxonomy: readonly string[]; detector: string }): string {
  const t = finding.taxonomy.find((x) => x.startsWith('semeval2023:')) ?? finding.taxonomy[0];
  return t ? (t.split(':')[1] ?? t) : finding.detector;
}
