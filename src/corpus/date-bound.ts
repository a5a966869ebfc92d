/**
 * The stored publication date that an inclusive `--to` reaches, compared as text with the dates the
 * store keeps (ISO 8601 of any precision: `2024-03-04`, `2024-03-04T10:00:00.000Z`). A bare day, month
 * or year covers all of it: `--to 2024-03` used to stop before 1 March (`2024-03-04` sorts after
 * `2024-03`), so `--from 2024-01 --to 2024-03` left out March and `--to 2024` the whole year, silently.
 */
export function inclusiveUpperBound(to: string): string {
  if (/^\d{4}$/u.test(to)) return `${to}-99`;
  if (/^\d{4}-\d{2}$/u.test(to)) return `${to}-99`;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(to)) return `${to}T99`;
  return to;
}
