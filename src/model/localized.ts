import { counted } from '../base/counted.ts';

/** Every text a person reads exists in Japanese and English. */
export interface Localized {
  readonly ja: string;
  readonly en: string;
}

export type Lang = keyof Localized;

/**
 * Fills `{{name}}` placeholders; a missing value stays visible rather than vanishing.
 * `{{name|one|other}}` is a count with its noun, for English: "1 day" and "90 days" from
 * `{{days|day|days}}` (the value, a space, then `one` when the value is 1, else `other`).
 */
export function render(template: string, data: Readonly<Record<string, unknown>> = {}): string {
  const parts = compiled(template);
  if (parts.length === 1) return template;
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    // Even indexes are literal text, odd ones placeholders.
    const part = parts[i]!;
    if (i % 2 === 0) text += part as string;
    else if (typeof part === 'string') text += part in data ? formatValue(data[part]) : `{{${part}}}`;
    else if (part.name in data) {
      text += counted(formatValue(data[part.name]), part.one, part.other);
    } else text += `{{${part.name}|${part.one}|${part.other}}}`;
  }
  return text;
}

/** A counted noun: `{{name|one|other}}`. */
interface Counted {
  readonly name: string;
  readonly one: string;
  readonly other: string;
}

/** Templates split once into literal text and placeholders (a scan renders millions). */
const COMPILED = new Map<string, readonly (string | Counted)[]>();

function compiled(template: string): readonly (string | Counted)[] {
  let parts = COMPILED.get(template);
  if (!parts) {
    const split: (string | Counted)[] = template.split(/\{\{\s*(\w+(?:\|[^|{}]+\|[^|{}]+)?)\s*\}\}/);
    for (let i = 1; i < split.length; i += 2) {
      const [name, one, other] = (split[i] as string).split('|');
      if (one !== undefined && other !== undefined) split[i] = { name: name!, one, other };
    }
    parts = split;
    COMPILED.set(template, parts);
  }
  return parts;
}

function placeholderName(part: string | Counted): string {
  return typeof part === 'string' ? part : part.name;
}

/**
 * The values a template's placeholders take, formatted as `render` writes them: what a findings
 * file keeps of a message, so that a reader renders the same text from the template.
 */
export function templateValues(
  text: Localized,
  data: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> | undefined {
  if (data === undefined) return undefined;
  let values: Record<string, string> | undefined;
  for (const name of placeholderNames(text)) {
    if (!(name in data)) continue;
    values ??= {};
    values[name] = formatValue(data[name]);
  }
  return values;
}

/**
 * The placeholders of a text's two templates, each once, in the order templateValues' object
 * holds them (first seen, Japanese then English; integer-like names first, as in any object).
 */
export function placeholderNames(text: Localized): readonly string[] {
  let names = PLACEHOLDERS.get(text);
  if (!names) {
    const ordered: Record<string, true> = {};
    for (const template of [text.ja, text.en]) {
      const parts = compiled(template);
      for (let i = 1; i < parts.length; i += 2) ordered[placeholderName(parts[i]!)] = true;
    }
    names = Object.keys(ordered);
    PLACEHOLDERS.set(text, names);
  }
  return names;
}

const PLACEHOLDERS = new WeakMap<Localized, readonly string[]>();

export function renderLocalized(text: Localized, data?: Readonly<Record<string, unknown>>): Localized {
  return { ja: render(text.ja, data), en: render(text.en, data) };
}

/** A placeholder's value as `render` writes it. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value === undefined) return '(absent)';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
