/** Every text a person reads exists in Japanese and English. */
export interface Localized {
  readonly ja: string;
  readonly en: string;
}

export type Lang = keyof Localized;

/** Fills `{{name}}` placeholders; a missing value stays visible rather than vanishing. */
export function render(template: string, data: Readonly<Record<string, unknown>> = {}): string {
  const parts = compiled(template);
  if (parts.length === 1) return template;
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    // Even indexes are literal text, odd ones placeholder names.
    const part = parts[i]!;
    text += i % 2 === 0 ? part : part in data ? formatValue(data[part]) : `{{${part}}}`;
  }
  return text;
}

/** Templates split once into literal text and placeholder names (a scan renders millions). */
const COMPILED = new Map<string, readonly string[]>();

function compiled(template: string): readonly string[] {
  let parts = COMPILED.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    COMPILED.set(template, parts);
  }
  return parts;
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
      for (let i = 1; i < parts.length; i += 2) ordered[parts[i]!] = true;
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
