// `npm run build` (and `prepack`): compiles src/ to dist/ with tsc, then copies the files the
// compiled code reads at run time beside it (the HTML report's page script and style sheet).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;

rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`],
  {
    stdio: 'inherit',
  },
);
// The page script's modules (joined into the page by src/report/html/client-script.ts), not their types.
cpSync(`${root}src/report/html/client/`, `${dist}report/html/client/`, {
  recursive: true,
  filter: (source) => !/\.(ts|json)$/.test(source),
});
cpSync(`${root}src/report/html/style.css`, `${dist}report/html/style.css`);
