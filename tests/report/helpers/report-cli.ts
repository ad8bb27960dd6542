// `kansa report` as the CLI will run it, until src/cli/main.ts registers the command: the same
// commander setup (exit override, usage errors → 2, InputError → message and 2).
import { Command, CommanderError } from 'commander';
import { InputError } from '../../../src/base/input-error.ts';
import { registerReportCommand } from '../../../src/cli/report-command.ts';

const program = new Command('kansa').exitOverride();
registerReportCommand(program);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else if (error instanceof InputError) {
    process.stderr.write(`kansa: ${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
