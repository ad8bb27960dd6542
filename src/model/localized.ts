/** Every text a person reads exists in Japanese and English. */
export interface Localized {
  readonly ja: string;
  readonly en: string;
}

export type Lang = keyof Localized;

/** Fills `{{name}}` placeholders; a missing value stays visible rather than vanishing. */
export function render(template: string, data: Readonly<Record<string, unknown>> = {}): string {
  if (!template.includes('{{')) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? formatValue(data[key]) : whole,
  );
}

export function renderLocalized(text: Localized, data?: Readonly<Record<string, unknown>>): Localized {
  return { ja: render(text.ja, data), en: render(text.en, data) };
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value === undefined) return '(absent)';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
