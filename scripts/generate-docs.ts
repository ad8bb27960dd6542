// `npm run docs`: regenerates docs/coverage.md from the frameworks and the checks, and
// docs/checks/<id>.md, one page per check, from the check and its RuleTester cases.
// Tests fail when a file is stale (tests/frameworks/coverage.test.ts, tests/checks/docs.test.ts).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHECKS } from '../src/checks/index.ts';
import { renderCoverageDoc } from '../src/frameworks/coverage-doc.ts';
import { CHECK_DOCS_DIR, renderCheckDocs } from '../tests/helpers/check-docs.ts';

const target = path.resolve(import.meta.dirname, '../docs/coverage.md');
await writeFile(target, await renderCoverageDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);

const pages = await renderCheckDocs(CHECKS);
await mkdir(CHECK_DOCS_DIR, { recursive: true });
for (const file of await readdir(CHECK_DOCS_DIR)) {
  if (!pages.has(file)) await rm(path.join(CHECK_DOCS_DIR, file));
}
for (const [file, text] of pages) await writeFile(path.join(CHECK_DOCS_DIR, file), text);
console.log(`wrote ${pages.size} pages in ${path.relative(process.cwd(), CHECK_DOCS_DIR)}`);
