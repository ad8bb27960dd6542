import { Command } from 'commander';
import { vi } from 'vitest';
import { kansaHere } from './run-kansa.ts';

export interface HelpRun {
  readonly code: number;
  readonly stdout: string;
  /** The program the CLI built and parsed: the real one, every command and option of it. */
  readonly program: Command;
}

/**
 * Runs `kansa ARGS` (a `--help`) in this worker (kansaHere, tests/cli/run-kansa.ts): its standard
 * output, exit code and the program it parsed.
 */
export async function helpInProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<HelpRun> {
  const parse = vi.spyOn(Command.prototype, 'parseAsync');
  try {
    const { code, stdout } = await kansaHere(args, env);
    const program = parse.mock.contexts[0] as Command | undefined;
    if (!program) throw new Error('the CLI parsed no program');
    return { code: code ?? -1, stdout, program };
  } finally {
    parse.mockRestore();
  }
}
