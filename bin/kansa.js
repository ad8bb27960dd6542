#!/usr/bin/env node
// Plain JavaScript that any Node.js parses (no optional chaining, no top-level await, no
// static imports): on an older Node, the first thing the user sees is what is needed.
var major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`kansa needs Node.js 24 or later (found ${process.versions.node.split('.')[0]}.x)\n`);
  process.exit(2);
}

// Node's compile cache keeps the V8 code of kansa's modules (in the OS temp directory, or
// NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so that later runs do not
// compile them again. A cache that cannot be made or written is skipped: never an error.
// A checkout runs the TypeScript sources directly (Node 24 strips the types); the published
// package ships only the compiled dist/ (Node does not strip types under node_modules).
// Built-in modules by process.getBuiltinModule (Node 24 has it), not import(): an imported one
// builds an ESM facade that loads what the module keeps lazy (node:fs its promises API).
var nodeModule = process.getBuiltinModule('node:module');
try {
  nodeModule.enableCompileCache();
} catch (_) {
  // Running without the cache is only slower.
}
var source = new URL('../src/cli/main.ts', import.meta.url);
import(process.getBuiltinModule('node:fs').existsSync(source) ? source.href : '../dist/kansa/main.js')
  .then((cli) => {
    // `kansa … | head` closes the pipe early: that is not an error.
    process.stdout.on('error', (error) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode === undefined ? 0 : process.exitCode);
    });
    return cli.main(process.argv.slice(2));
  })
  .then((code) => {
    process.exitCode = code;
  });
