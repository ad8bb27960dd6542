#!/usr/bin/env node
// Node 24 runs the TypeScript sources directly (type stripping): no build step.
import { main } from '../src/cli/main.ts';

// `kansa … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
