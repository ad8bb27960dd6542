import { createRequire } from 'node:module';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { Lang } from '../model/localized.ts';
import { localizeProblem } from '../report/problem-text.ts';
import { escapeControls, truncateDisplay } from '../report/terminal-text.ts';
import type { LogFormat } from './log-options.ts';

const require = createRequire(import.meta.url);

/**
 * The scan's logger on stderr. `text` (the default) gives one readable line per event in the
 * report language, with control characters escaped; `json` gives pino's JSON lines for
 * schedulers and log shippers. The same line is never printed twice.
 *
 * pino (some 30 modules) is loaded when the first line at or above the level is logged: most
 * scans log nothing at the default level (warn), and loading it was a sixth of a small scan.
 */
export function createLogger(options: { level: string; format: LogFormat; lang: Lang }): Logger {
  return lazyLogger(options.level, () => pinoLogger(options));
}

function pinoLogger(options: { level: string; format: LogFormat; lang: Lang }): Logger {
  // Required, not imported: a log call is synchronous, and pino is a CommonJS package.
  const { pino } = require('pino') as typeof import('pino');
  const base: LoggerOptions = { level: options.level, base: { name: 'kansa' } };
  if (options.format === 'json') return pino(base, pino.destination({ fd: 2, sync: true }));
  return pino(
    base,
    readableLines(options.lang, (line) => process.stderr.write(line)),
  );
}

/** pino's level methods and their values. */
const LEVEL_VALUES: Readonly<Record<string, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};

const ignore = () => {};

/**
 * A Logger that makes the real one (`create`) only when it is needed: a call at or above the
 * level, or anything else than a level method or `child(bindings)`. Until then, calls below the
 * level do nothing, as pino's would.
 */
function lazyLogger(level: string, create: () => Logger): Logger {
  // `silent` (and any level pino would not know) is above every method.
  const threshold = LEVEL_VALUES[level] ?? Number.POSITIVE_INFINITY;
  let real: Logger | undefined;
  const logger = () => {
    real ??= create();
    return real;
  };
  return new Proxy({} as Logger, {
    get(_, key) {
      if (!real && typeof key === 'string') {
        const value = LEVEL_VALUES[key];
        if (value !== undefined && value < threshold) return ignore;
        if (key === 'child') {
          return (bindings: Record<string, unknown>, options?: object) =>
            options === undefined
              ? lazyLogger(level, () => logger().child(bindings))
              : logger().child(bindings, options);
        }
      }
      const target = logger();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(_, key, value) {
      return Reflect.set(logger(), key, value);
    },
  });
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
            `${key}=${truncateDisplay(typeof value === 'string' ? localizeProblem(value, lang) : JSON.stringify(value), FIELD_CHARS, lang)}`,
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
