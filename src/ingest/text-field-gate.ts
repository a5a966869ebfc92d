/**
 * JSON Lines whose records have no field to take the text from (`{"id": 1, "body_text": "..."}`) failed
 * line by line: one "no text" error per record, 3,000 of them for a 3,000-line file, each recorded as a
 * failure, none naming the fields the records do have. CSV has a header to check once; JSONL has not,
 * so the gate holds the outputs of the first records until one has a text field (then they pass on, in
 * order, as the records' own errors). If the first NO_TEXT_FIELD_LIMIT records, or all of a shorter file,
 * have none, the file fails once, naming the fields seen and the --map that picks one; if none of the
 * first NO_TEXT_FIELD_LIMIT lines is a JSON object at all, the file is no JSON Lines and fails once too.
 */
import { DEFAULT_COLUMNS, hasTextField, type ColumnMap } from './csv.js';
import { InputError } from './types.js';

/** Records without a text field, from the start of a file, after which the file is given up. */
export const NO_TEXT_FIELD_LIMIT = 20;
/** Outputs held while no record has shown a text field (lines that are no JSON object count too). */
const HOLD_LIMIT = 200;
/** Field names quoted in the message, at most. */
const SHOWN_FIELDS = 20;

export class TextFieldGate<T> {
  private open = false;
  private held: { item: T; noTextField: boolean }[] = [];
  private noTextField = 0;
  private readonly fields = new Set<string>();
  private firstProblem: string | undefined;

  constructor(
    private readonly map: ColumnMap,
    private readonly label: string,
    /** Wraps the file's error as an item of the stream (a BatchRecord, or the error itself). */
    private readonly wrap: (error: InputError) => T,
  ) {}

  /**
   * Takes one record's output with the record's field names (`undefined` for a line that is no JSON
   * object) and returns what to pass on now; `stop` says the file is given up (its last item is the error).
   */
  pass(item: T, fields: readonly string[] | undefined, line: number, problem?: string): { items: T[]; stop: boolean } {
    if (this.open) return { items: [item], stop: false };
    if (fields !== undefined && hasTextField(fields, this.map)) return { items: this.release(item), stop: false };
    this.held.push({ item, noTextField: fields !== undefined });
    if (fields === undefined) {
      this.firstProblem ??= problem;
      // Not one JSON object in the first lines: a text file read as JSONL (--input-format jsonl) failed
      // once per line.
      if (this.noTextField === 0 && this.held.length >= NO_TEXT_FIELD_LIMIT) {
        this.held = [];
        const error = new InputError(
          'malformed',
          `${this.label}: not JSON Lines: none of its first ${NO_TEXT_FIELD_LIMIT} lines is a JSON object${this.firstProblem ? ` (${this.firstProblem})` : ''}`,
          `Each line must be one JSON object; the file was read no further than line ${line}. A text file is read as text by its extension (.txt) or with --input-format text.`,
        );
        return { items: [this.wrap(error)], stop: true };
      }
      return this.held.length >= HOLD_LIMIT ? { items: this.release(), stop: false } : { items: [], stop: false };
    }
    this.noTextField++;
    for (const f of fields) if (this.fields.size <= SHOWN_FIELDS) this.fields.add(f);
    if (this.noTextField < NO_TEXT_FIELD_LIMIT) return { items: [], stop: false };
    return { items: this.giveUp(`the first ${this.noTextField} records have no`, `the file was read no further than line ${line}`), stop: true };
  }

  /** What is still held at the end of the file. */
  end(): T[] {
    if (this.open || this.noTextField === 0) return this.release();
    return this.giveUp(this.noTextField === 1 ? 'its one record has no' : `none of its ${this.noTextField} records has a`, 'no record of it was read');
  }

  private release(next?: T): T[] {
    this.open = true;
    const items = this.held.map((h) => h.item);
    this.held = [];
    return next === undefined ? items : [...items, next];
  }

  /** The file's one error, after the held errors of other kinds (lines that are no JSON object). */
  private giveUp(which: string, read: string): T[] {
    const others = this.held.filter((h) => !h.noTextField).map((h) => h.item);
    this.held = [];
    const looked = this.map.text
      ? `field "${this.map.text}" (--map text=${this.map.text})`
      : `field named ${[...DEFAULT_COLUMNS.text, ...(this.map.title ? [this.map.title] : DEFAULT_COLUMNS.title)].join(', ')}`;
    const names = [...this.fields].slice(0, SHOWN_FIELDS).map((f) => JSON.stringify(f.length > 40 ? `${f.slice(0, 39)}…` : f));
    const seen = names.length ? `fields seen: ${names.join(', ')}${this.fields.size > SHOWN_FIELDS ? ', ...' : ''}` : 'no fields at all';
    const error = new InputError(
      'malformed',
      `${this.label}: no text to read: ${which} ${looked} (${seen})`,
      `Name the field that holds the text with --map text=FIELD (names match exactly); ${read}.`,
    );
    return [...others, this.wrap(error)];
  }
}
