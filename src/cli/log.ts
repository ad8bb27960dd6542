import type { DestinationStream, Logger } from 'pino';
import type { Lang } from '../model/localized.ts';
import { localizeProblem } from '../report/problem-text.ts';
import { escapeControls, truncateDisplay } from '../report/terminal-text.ts';
import type { LogFormat } from './log-options.ts';

/**
 * The scan's logger on stderr. `text` (the default) gives one readable line per event in the
 * report language, with control characters escaped; `json` gives pino's JSON lines for
 * schedulers and log shippers. The same line is never printed twice. pino is loaded here, when
 * a scan starts, so that `kansa --version` and `--help` load nothing but the command-line parser.
 */
export async function createLogger(options: {
  level: string;
  format: LogFormat;
  lang: Lang;
}): Promise<Logger> {
  const { pino } = await import('pino');
  const base = { level: options.level, base: { name: 'kansa' } };
  if (options.format === 'json') return pino(base, pino.destination({ fd: 2, sync: true }));
  return pino(
    base,
    readableLines(options.lang, (line) => process.stderr.write(line)),
  );
}

const LEVEL_LABEL: Record<Lang, Record<number, string>> = {
  ja: { 10: 'トレース', 20: 'デバッグ', 30: '情報', 40: '警告', 50: 'エラー', 60: '致命的' },
  en: { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' },
};

/** Fields pino adds to every line: not repeated in the readable form. */
const OWN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg']);

/** Longest field value printed in a readable line. */
const FIELD_CHARS = 200;

/** A pino destination that turns each JSON line into `kansa: warning: message (key=value …)`. */
export function readableLines(lang: Lang, write: (line: string) => void): DestinationStream {
  const printed = new Set<string>();
  return {
    write(json: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(json) as Record<string, unknown>;
      } catch {
        write(json);
        return;
      }
      const fields = Object.entries(record)
        .filter(([key]) => !OWN_FIELDS.has(key))
        .map(
          ([key, value]) =>
            `${key}=${truncateDisplay(typeof value === 'string' ? localizeProblem(value, lang) : JSON.stringify(value), FIELD_CHARS)}`,
        );
      const level = LEVEL_LABEL[lang][record.level as number] ?? String(record.level);
      const message = typeof record.msg === 'string' ? localizeProblem(record.msg, lang) : '';
      const line = escapeControls(
        `kansa: ${level}: ${message}${fields.length ? ` (${fields.join(', ')})` : ''}`,
      );
      if (printed.has(line)) return;
      printed.add(line);
      write(`${line}\n`);
    },
  };
}
