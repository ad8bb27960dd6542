import { parseJson } from './input-bytes.ts';

/** One value of a stream of JSON values, with the line it starts on. */
export interface StreamValue {
  readonly value: unknown;
  readonly line: number;
}

/**
 * A JSON file's document, or, when the text is no one document but several one after another,
 * their values; otherwise the document's own syntax error.
 */
export function parseJsonText(
  file: string,
  text: string,
  utf16: boolean,
): { readonly document: unknown } | { readonly values: readonly StreamValue[] } {
  try {
    return { document: parseJson(file, text, utf16) };
  } catch (error) {
    const values = jsonValues(text);
    if (!values) throw error;
    return { values };
  }
}

/**
 * The values of a text that is several JSON objects or arrays one after another, each
 * pretty-printed over many lines: what `jq` prints for a stream (`jq '.[]' export.json`,
 * `jq 'select(…)'`), and some test suites' fixtures. Undefined when the text is not such a
 * stream of two values or more (one JSON document, NDJSON, or malformed JSON, whose own
 * error then stands). Each value is found by its brackets, strings and their escapes skipped,
 * and parsed on its own.
 */
export function jsonValues(text: string): StreamValue[] | undefined {
  const values: StreamValue[] = [];
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const start = skipSpace(text, at);
    line += newlines(text, at, start);
    if (start === text.length) break;
    const open = text[start];
    if (open !== '{' && open !== '[') return undefined;
    const end = valueEnd(text, start);
    if (end === undefined) return undefined;
    try {
      values.push({ value: JSON.parse(text.slice(start, end)), line });
    } catch {
      return undefined;
    }
    line += newlines(text, start, end);
    at = end;
  }
  return values.length >= 2 ? values : undefined;
}

/** Just past the bracket that closes the object or array opening at `start`. */
function valueEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      // A string's end: the next quote not escaped by a backslash.
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++)
        if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) depth++;
    else if ((char === CLOSE_BRACE || char === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return undefined;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === NEWLINE) count++;
  return count;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;
