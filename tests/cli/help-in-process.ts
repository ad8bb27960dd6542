import { Command } from 'commander';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface HelpRun {
  readonly code: number;
  readonly stdout: string;
  /** The program main() built and parsed: the real one, every command and option of it. */
  readonly program: Command;
}

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection', 'beforeExit'] as const;

/**
 * Runs `kansa ARGS` (a `--help`) in this process, without spawning: its standard output, exit
 * code and the program it parsed. The listeners main() adds to the process are taken off again
 * (test files share a worker).
 */
export async function helpInProcess(args: readonly string[]): Promise<HelpRun> {
  const listeners = new Map(PROCESS_EVENTS.map((event) => [event, process.listeners(event)]));
  const stdoutListeners = process.stdout.listeners('error');
  const parse = vi.spyOn(Command.prototype, 'parseAsync');
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    const program = parse.mock.contexts[0] as Command | undefined;
    if (!program) throw new Error('main() parsed no program');
    return { code, stdout, program };
  } finally {
    write.mockRestore();
    parse.mockRestore();
    for (const [event, before] of listeners) {
      for (const listener of process.listeners(event)) {
        if (!before.includes(listener)) process.removeListener(event, listener);
      }
    }
    for (const listener of process.stdout.listeners('error')) {
      if (!stdoutListeners.includes(listener)) process.stdout.removeListener('error', listener as never);
    }
  }
}
