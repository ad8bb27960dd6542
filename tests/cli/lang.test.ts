import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultLang, langOfArgs } from '../../src/cli/lang.ts';

describe('the language when --lang is not given', () => {
  it('is read from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(defaultLang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(defaultLang({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(defaultLang({ LC_ALL: 'C.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('en');
    expect(langOfArgs(['scan', '--lang=en'], { LANG: 'ja_JP.UTF-8' })).toBe('en');
  });

  it("is the process's ICU locale when no variable names one", () => {
    // The child's ICU takes its default locale from its own environment; defaultLang is given
    // none, so only that default can make it Japanese.
    const lang = (env: NodeJS.ProcessEnv) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { defaultLang } = await import(${JSON.stringify(new URL('../../src/cli/lang.ts', import.meta.url).href)}); process.stdout.write(defaultLang({}));`,
        ],
        { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' },
      );
    expect(lang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(lang({ LANG: 'en_US.UTF-8' })).toBe('en');
  });
});
