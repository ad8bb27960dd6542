import { describe, expect, it } from 'vitest';
import { compilersChosen } from '../../src/scan/read-inventory.ts';

// readInventory reads export files with TurboFan off, unless Node was started with its compilers
// chosen: then it leaves them alone (turning TurboFan back on in a --jitless process crashes V8).
describe('compilersChosen', () => {
  it('is false for a plain node, and for flags that choose no compiler', () => {
    expect(compilersChosen([])).toBe(false);
    expect(compilersChosen(['--max-old-space-size=4096', '--enable-source-maps'], '--stack-size=2000')).toBe(
      false,
    );
    expect(compilersChosen(['--optimize-for-size', '--turbo-inlining'])).toBe(false);
  });

  it('is true for compiler flags on the command line, in either spelling', () => {
    for (const flag of [
      '--jitless',
      '--no-turbofan',
      '--no_turbofan',
      '--turbofan',
      '--no-opt',
      '--max-opt=2',
      '--no-maglev',
      '--max_opt=1',
    ]) {
      expect(compilersChosen(['--enable-source-maps', flag]), flag).toBe(true);
    }
  });

  it('is true for a compiler flag in NODE_OPTIONS (which execArgv does not show)', () => {
    expect(compilersChosen([], '--max-old-space-size=4096 --jitless')).toBe(true);
  });
});
