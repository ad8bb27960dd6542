// `npm run build` (and `prepack`): writes the generated validators and parsed frameworks, tsc
// compiles src/ to build/ (type-checked JavaScript), then rolldown bundles it into dist/kansa/:
// the entry, one chunk for what every command loads, and a chunk per lazily imported part (each
// report format, each cloud's collector). Node loads a few files instead of some 400, which is
// most of a small scan's start. The clouds' SDKs, pino and jsonc-parser stay ordinary
// dependencies (the SDKs load only for live scans; the other two resolve files at run time).
// dist/kansa/ sits two levels below the package root, as src/cli/ does, so the paths the code
// resolves from import.meta.url (policies/, package.json) hold. Last, the built CLI scans
// fixtures/sample-tenancy under V8's coverage (scripts/called-functions.ts), and the functions no
// scan called are compiled lazily again (scripts/chunk-rewrites.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'rolldown';
import { calledFunctions } from './called-functions.ts';
import {
  builtinsWithoutFacade,
  chunkImportCycle,
  compileFunctionsEagerly,
  compileUncalledLazily,
} from './chunk-rewrites.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

rmSync(`${root}build/`, { recursive: true, force: true });
rmSync(`${root}dist/`, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}scripts/generate-validators.ts`], { stdio: 'inherit' });
execFileSync(process.execPath, [`${root}scripts/generate-frameworks.ts`], { stdio: 'inherit' });
execFileSync(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`],
  {
    stdio: 'inherit',
  },
);
// The schema validators are generated JavaScript (scripts/generate-validators.ts), which tsc
// does not copy: they go beside the compiled modules that import them.
for (const file of globSync('src/**/*.generated.js', { cwd: root })) {
  cpSync(`${root}${file}`, `${root}build/${file.slice('src/'.length)}`);
}
/**
 * commander imports node:child_process for executable subcommands (`git`-style `kansa-scan`
 * programs), which kansa has none of: loading it (and the net and dgram modules behind it) cost
 * every command ~2 ms. Taken when commander spawns one instead. A commander that no longer
 * imports it so is left as it is.
 */
const commanderSpawnsLazily: Plugin = {
  name: 'commander-spawns-lazily',
  transform: {
    filter: { id: /[\\/]commander[\\/]lib[\\/]command\.js$/ },
    handler(code) {
      const eager = "import childProcess from 'node:child_process';";
      if (!code.includes(eager)) return null;
      return code.replace(
        eager,
        "const childProcess = { spawn: (...args) => process.getBuiltinModule('node:child_process').spawn(...args) };",
      );
    },
  },
};

await build({
  input: `${root}build/cli/main.js`,
  plugins: [commanderSpawnsLazily],
  platform: 'node',
  external: [
    /^node:/,
    /^@aws-sdk\//,
    /^@smithy\//,
    /^@azure\//,
    /^@google-cloud\//,
    /^google-auth-library$/,
    /^pg$/,
    /^pino$/,
    /^jsonc-parser$/,
  ],
  logLevel: 'warn',
  output: {
    dir: `${root}dist/kansa/`,
    format: 'esm',
    entryFileNames: 'main.js',
    chunkFileNames: '[name]-[hash].js',
    // ASCII only, so that Node decodes each chunk to a one-byte string (half the memory, a
    // faster decode and scan): the Japanese texts are written as escapes, and doc comments (which
    // the code does not read) are left out; licences stay.
    charset: 'ascii',
    comments: { legal: true, annotation: true, jsdoc: false },
    // What the entry imports statically (every command loads it) in one chunk, not a dozen small
    // ones: each file costs Node about a millisecond to resolve, read and link.
    codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] },
  },
});
// Each chunk rewritten for a faster start (scripts/chunk-rewrites.ts): built-in modules without
// an ESM facade, functions compiled when the chunk loads so that the compile cache keeps them.
const chunks = new Map(
  globSync('*.js', { cwd: `${root}dist/kansa/` }).map((file) => [
    file,
    readFileSync(`${root}dist/kansa/${file}`, 'utf8'),
  ]),
);
const cycle = chunkImportCycle(chunks);
if (cycle)
  throw new Error(`build: chunks import each other (${cycle.join(' → ')}): see scripts/chunk-rewrites.ts`);
const written = new Map<string, string>();
for (const [file, code] of chunks) {
  written.set(file, builtinsWithoutFacade(compileFunctionsEagerly(code)));
  writeFileSync(`${root}dist/kansa/${file}`, written.get(file)!);
}
// What the chunks as written do not call on a scan of the sample tenancy, lazy again.
for (const [file, coverage] of calledFunctions(root))
  writeFileSync(`${root}dist/kansa/${file}`, compileUncalledLazily(written.get(file)!, coverage));
// What the HTML report reads beside its module at run time: its style sheet and the page script's
// modules (joined into the page by src/report/html/client-script.ts), not their types.
cpSync(`${root}src/report/html/style.css`, `${root}dist/kansa/style.css`);
cpSync(`${root}src/report/html/client/`, `${root}dist/kansa/client/`, {
  recursive: true,
  filter: (source) => !/\.(ts|json)$/.test(source),
});
rmSync(`${root}build/`, { recursive: true, force: true });
