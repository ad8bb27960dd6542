import { describe, expect, it } from 'vitest';
import { kansaHere } from './run-kansa.ts';

const COMMANDS = [[], ['scan'], ['report'], ['checks'], ['frameworks'], ['history'], ['diff'], ['send']];

/** Each option of a help text, its wrapped lines joined. */
function options(help: string): string[] {
  const blocks: string[] = [];
  for (const line of help.split('\n')) {
    if (/^ {2}-/.test(line)) blocks.push(line.trim());
    else if (/^ {4,}\S/.test(line) && blocks.length > 0) blocks[blocks.length - 1] += ` ${line.trim()}`;
  }
  return blocks;
}

describe('--help', { timeout: 60_000 }, () => {
  it.each(COMMANDS)(
    'names one default per option, and the language default by its source: %s',
    async (...command) => {
      const run = await kansaHere([...command, '--help'], { LANG: 'ja_JP.UTF-8' });
      expect(run.code).toBe(0);
      const listed = options(run.stdout);
      expect(listed.length).toBeGreaterThan(1);
      for (const option of listed)
        expect(option.match(/default/g)?.length ?? 0, option).toBeLessThanOrEqual(1);
      const lang = listed.find((o) => o.startsWith('--lang'));
      if (lang) expect(lang).toMatch(/default: from the locale/);
    },
  );
});
