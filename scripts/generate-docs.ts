// `npm run docs`: regenerates docs/coverage.md from the frameworks and the checks.
// A test fails when the file is stale (tests/frameworks/coverage.test.ts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderCoverageDoc } from '../src/frameworks/coverage-doc.ts';

const target = path.resolve(import.meta.dirname, '../docs/coverage.md');
await writeFile(target, await renderCoverageDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
