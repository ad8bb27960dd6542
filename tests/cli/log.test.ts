import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/cli/log.ts';

/** What the logger writes on stderr while `run` runs. */
function stderrOf(run: () => void): string {
  const lines: string[] = [];
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    write.mockRestore();
  }
  return lines.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('the scan logger (pino, made when a line is first logged)', () => {
  it('drops lines below the level, and writes those at or above it with the bindings of a child', () => {
    const log = createLogger({ level: 'warn', format: 'text', lang: 'en' });
    const child = log.child({ provider: 'aws' });
    expect(stderrOf(() => child.info('read 3 files'))).toBe('');
    expect(stderrOf(() => child.warn('file skipped'))).toBe('kansa: warning: file skipped (provider=aws)\n');
    expect(stderrOf(() => log.error({ file: 'a.json' }, 'broken'))).toBe(
      'kansa: error: broken (file=a.json)\n',
    );
    expect(stderrOf(() => child.debug('after pino was made, still below the level'))).toBe('');
  });

  it('logs the lower levels when asked, and nothing when silent', () => {
    const debug = createLogger({ level: 'debug', format: 'text', lang: 'ja' });
    expect(stderrOf(() => debug.debug('x'))).toBe('kansa: デバッグ: x\n');
    expect(debug.isLevelEnabled('trace')).toBe(false);
    const silent = createLogger({ level: 'silent', format: 'text', lang: 'en' });
    expect(stderrOf(() => silent.fatal('x'))).toBe('');
  });
});
