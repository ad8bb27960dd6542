import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.ts';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as never, written };
}

describe('the progress line', () => {
  it('speaks the report language on a terminal', () => {
    const ja = terminal(true);
    progressReporter(ja.stream, 'ja').update({ unit: 'files', done: 3, total: 3, resources: 12 });
    expect(ja.written.join('')).toContain('インベントリを読み込み中: 3/3 ファイル、リソース 12 件');
    const en = terminal(true);
    progressReporter(en.stream, 'en').update({ unit: 'files', done: 3, total: 3, resources: 12 });
    expect(en.written.join('')).toContain('reading inventory: 3/3 files, 12 resources');
  });

  it('stays quiet when stderr is not a terminal', () => {
    const pipe = terminal(false);
    const progress = progressReporter(pipe.stream, 'en');
    progress.update({ unit: 'files', done: 1, total: 1, resources: 1 });
    progress.done();
    expect(pipe.written).toEqual([]);
  });
});
