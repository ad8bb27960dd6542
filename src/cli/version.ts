import { readFileSync } from 'node:fs';

// Read rather than imported: package.json sits outside the compiled tree (src/ → dist/), and
// both src/cli and dist/cli are two levels below it.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;
