import { execFileSync } from 'node:child_process';

/** Whether the machine can make a FIFO (`mkfifo`), for the tests that feed one as an input. */
export const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
