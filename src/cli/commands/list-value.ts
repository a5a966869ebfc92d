/**
 * A comma-separated option value (`--outlet "RT,Sputnik"`) as its items. A name that holds a comma is
 * written in double quotes (`--outlet '"Acme, Inc.",RT'`), as in a CSV field, with `""` for a quotation
 * mark inside; outlet and entity names such as "Acme, Inc." or "Washington, D.C." were split in two
 * and matched nothing.
 */
export function splitListValue(value: string): string[] {
  const items: string[] = [];
  let item = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') {
        item += '"';
        i++;
      } else if (c === '"') quoted = false;
      else item += c;
    } else if (c === '"' && item.trim() === '') {
      // Opens a quoted item only at the item's start: a quotation mark inside a name is kept as written.
      item = '';
      quoted = true;
    } else if (c === ',') {
      items.push(item);
      item = '';
    } else item += c;
  }
  if (quoted) throw new ListValueError(`unclosed quotation mark in "${value}"`);
  items.push(item);
  return items.map((x) => x.trim()).filter(Boolean);
}

export class ListValueError extends Error {}
