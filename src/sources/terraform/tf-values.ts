import { isObject, type JsonObject } from './kind.ts';

/**
 * The attribute values of one instance with their unknown (`after_unknown`) and sensitive
 * (`after_sensitive`, `sensitive_values`) marks, which mirror the values' shape with `true` leaves.
 */
export class TfValues {
  readonly values: JsonObject;
  readonly #unknownMarks: unknown;
  readonly #sensitiveMarks: unknown;

  constructor(values: JsonObject, unknownMarks: unknown, sensitiveMarks: unknown) {
    this.values = values;
    this.#unknownMarks = unknownMarks;
    this.#sensitiveMarks = sensitiveMarks;
  }

  /** An attribute by path (`versioning.0.enabled`): known value, unknown until apply, sensitive, or absent (null). */
  read(path: string): TfRead {
    let value: unknown = this.values;
    let unknownMark: unknown = this.#unknownMarks;
    let sensitiveMark: unknown = this.#sensitiveMarks;
    for (const key of path.split('.')) {
      if (unknownMark === true) return { state: 'unknown' };
      if (sensitiveMark === true) return { state: 'sensitive' };
      value = step(value, key);
      unknownMark = step(unknownMark, key);
      sensitiveMark = step(sensitiveMark, key);
    }
    if (unknownMark === true || containsTrue(unknownMark)) return { state: 'unknown' };
    if (sensitiveMark === true || containsTrue(sensitiveMark)) return { state: 'sensitive' };
    return value === undefined || value === null ? { state: 'absent' } : { state: 'known', value };
  }

  /** A text attribute by path when the values show it and it is not empty (a state writes an unset id as ""). */
  knownText(path: string): string | undefined {
    const read = this.read(path);
    return read.state === 'known' && typeof read.value === 'string' && read.value !== ''
      ? read.value
      : undefined;
  }

  /**
   * The values of the object at a path (`users.0` of `data.azuread_users`) with their marks, as
   * an instance's own: one object of several a data source read, judged by itself.
   */
  at(path: string): TfValues {
    const keys = path.split('.');
    // A mark on an object above the path (the whole list unknown, or sensitive) covers it.
    const markAt = (mark: unknown) => keys.reduce((at, key) => (at === true ? true : step(at, key)), mark);
    const values = keys.reduce(step, this.values as unknown);
    return new TfValues(
      isObject(values) ? values : {},
      markAt(this.#unknownMarks),
      markAt(this.#sensitiveMarks),
    );
  }

  /**
   * The attribute names of the object at a path (`''`: the instance's own): those the plan shows
   * and those known only after apply, which `after` leaves out.
   */
  keys(path: string): string[] {
    const at = (root: unknown) =>
      path
        .split('.')
        .filter((key) => key !== '')
        .reduce(step, root);
    const value = at(this.values);
    const mark = at(this.#unknownMarks);
    return [
      ...new Set([
        ...(isObject(value) ? Object.keys(value) : []),
        ...(isObject(mark) ? Object.keys(mark) : []),
      ]),
    ];
  }

  /** The values with their marks, as text: equal for instances the plan shows alike. */
  signature(): string {
    return JSON.stringify([this.values, this.#unknownMarks ?? null, this.#sensitiveMarks ?? null]);
  }

  /**
   * The values as text with what is sensitive left out, and the unknown marks: equal for copies
   * of one plan, whether a copy keeps its sensitive values, leaves them out or writes a
   * placeholder in their stead (a redacted plan).
   */
  disclosed(): string {
    const open = (value: unknown, mark: unknown): unknown => {
      if (mark === true) return null;
      if (Array.isArray(value)) return value.map((item, i) => open(item, step(mark, String(i))));
      if (isObject(value))
        return Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => step(mark, key) !== true)
            .map(([key, item]) => [key, open(item, step(mark, key))]),
        );
      return value;
    };
    return JSON.stringify([open(this.values, this.#sensitiveMarks), this.#unknownMarks ?? null]);
  }

  /**
   * The entries of a map at a path (a resource's `tags`), keys taken whole (a tag key may hold
   * dots): those the plan shows, and the keys whose values are known only after apply or
   * sensitive; undefined when the whole map is known only after apply or sensitive.
   */
  entries(path: string): { readonly known: JsonObject; readonly unread: readonly string[] } | undefined {
    const inner = this.at(path);
    const unknownMark = inner.#unknownMarks;
    const sensitiveMark = inner.#sensitiveMarks;
    if (unknownMark === true || sensitiveMark === true) return undefined;
    const value = inner.values;
    const known: JsonObject = {};
    const unread: string[] = [];
    for (const key of new Set([
      ...Object.keys(value),
      ...(isObject(unknownMark) ? Object.keys(unknownMark) : []),
    ])) {
      if (containsTrue(step(unknownMark, key)) || containsTrue(step(sensitiveMark, key))) unread.push(key);
      else if (value[key] !== undefined) known[key] = value[key];
    }
    return { known, unread };
  }

  /**
   * Whether the plan shows a value at the path, even one with parts known only after apply
   * (`logging = [{ target_prefix = "log/", target_bucket = (known after apply) }]`): `read`
   * calls such a block unknown, yet it is there, and what is known of it can be read.
   */
  present(path: string): boolean {
    let value: unknown = this.values;
    let unknownMark: unknown = this.#unknownMarks;
    for (const key of path.split('.')) {
      if (unknownMark === true) return false;
      value = step(value, key);
      unknownMark = step(unknownMark, key);
    }
    return unknownMark !== true && value !== undefined && value !== null;
  }
}

export type TfRead =
  | { readonly state: 'known'; readonly value: unknown }
  | { readonly state: 'unknown' | 'sensitive' | 'absent' };

function step(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  return isObject(value) ? value[key] : undefined;
}

function containsTrue(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(containsTrue);
  if (isObject(mark)) return Object.values(mark).some(containsTrue);
  return false;
}
