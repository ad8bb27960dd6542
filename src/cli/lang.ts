import { Option } from 'commander';
import type { Lang } from '../model/localized.ts';

/**
 * The report language when `--lang` is not given: Japanese when the locale says so. Without the
 * variables (Windows, a bare container), the locale ICU found for the process: navigator.language
 * is that, without making a date format (Intl.DateTimeFormat loads ICU's calendar and date data,
 * ~12 ms of every command's start).
 */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || navigator.language;
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * The language of a command line's messages before it is parsed (a usage error is told in
 * it): `--lang ja` or `--lang=ja` when given and valid, else the locale's.
 */
export function langOfArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (const [i, arg] of argv.entries()) {
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'ja' || value === 'en') return value;
  }
  return defaultLang(env);
}

/**
 * The command line without its `--lang` when it asks for help (`kansa help scan --lang ja`):
 * the language is read before parsing, and commander's `help` command takes no option.
 */
export function withoutLangForHelp(argv: readonly string[]): readonly string[] {
  if (argv[0] !== 'help') return argv;
  return argv.filter((arg, i) => arg !== '--lang' && argv[i - 1] !== '--lang' && !arg.startsWith('--lang='));
}

/**
 * `--lang` as every command takes it. Its default is named once, by where it comes from (the
 * help would otherwise show the locale's value of the machine that printed it beside it).
 */
export function langOption(description = 'language of what a person reads'): Option {
  return new Option('--lang <lang>', description)
    .choices(['ja', 'en'])
    .default(defaultLang(), 'from the locale (LC_ALL, LC_MESSAGES, LANG)');
}
