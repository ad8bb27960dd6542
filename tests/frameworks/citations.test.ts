import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/frameworks/framework.ts';
import { listFrameworks, loadFramework, POLICIES_DIR } from '../../src/frameworks/load.ts';

/**
 * Every citation of every framework names a place that exists in the cited guideline, in the
 * guideline's own numbering, and each requirement's force is the one its clause words.
 * policies/sources/*.headings.json hold the cited places with their sentences, copied from the
 * guideline texts (shared/seeds), so the test never reads outside the repository.
 */
interface Headings {
  readonly document: string;
  readonly file: string;
  readonly anchors: Readonly<Record<string, readonly string[]>>;
}

const SOURCES_DIR = path.join(POLICIES_DIR, 'sources');
const headingsByFile = new Map<string, Headings>();
const frameworks: Framework[] = [];

beforeAll(async () => {
  for (const name of await readdir(SOURCES_DIR)) {
    const headings = JSON.parse(await readFile(path.join(SOURCES_DIR, name), 'utf8')) as Headings;
    headingsByFile.set(headings.file, headings);
  }
  for (const name of await listFrameworks()) frameworks.push(await loadFramework(name));
});

const squash = (text: string) => text.replace(/\s+/g, '');

/** The words by which the guidelines state each force. */
const MUST =
  /必要|必須|必ず|要する|ものとする|しなければならない|原則と|こととし|こと。|(?:する|行う|とる)。/;
const DESIRABLE = /望ましい|望まれ/;
const RECOMMENDED = /推奨/;
const CONFIRM = /確認する/;

describe('citations', () => {
  it('every framework document is a guideline whose headings are in policies/sources, cited by its title', () => {
    for (const framework of frameworks) {
      for (const [key, document] of Object.entries(framework.documents)) {
        const headings = headingsByFile.get(document.file);
        expect(headings, `${framework.id}: document ${key} (${document.file})`).toBeDefined();
        expect(
          squash(document.title.ja).startsWith(squash(headings!.document)),
          `${framework.id}: ${key}`,
        ).toBe(true);
      }
    }
  });

  it('every citation names a place that exists in the guideline, in its own numbering', () => {
    const missing: string[] = [];
    for (const framework of frameworks) {
      for (const requirement of framework.requirements) {
        for (const { doc, at } of requirement.citations) {
          const headings = headingsByFile.get(framework.documents[doc]!.file)!;
          if (!(at in headings.anchors)) missing.push(`${framework.id} ${requirement.id}: ${doc} "${at}"`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('users see guideline titles, never file names', () => {
    for (const framework of frameworks) {
      for (const requirement of framework.requirements) {
        expect(requirement.clause, `${framework.id} ${requirement.id}`).not.toMatch(/\d{3}_|\.txt|^\d{3} /);
      }
    }
  });

  it("each requirement's force is worded in the clauses it cites", () => {
    const wrong: string[] = [];
    for (const framework of frameworks) {
      for (const requirement of framework.requirements) {
        const texts = requirement.citations.map(({ doc, at }) =>
          headingsByFile.get(framework.documents[doc]!.file)!.anchors[at]!.join(' '),
        );
        const some = (words: RegExp) => texts.some((text) => words.test(text));
        const ok = {
          must: MUST.test(texts[0] ?? ''),
          desirable: some(DESIRABLE),
          recommended: some(RECOMMENDED),
          confirm: some(CONFIRM),
        }[requirement.force];
        if (!ok)
          wrong.push(`${framework.id} ${requirement.id}: ${requirement.force} (${requirement.clause})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the Osaka checklist items cite 第4章 3.x with the "3." level the guideline numbers them by', () => {
    const osaka = frameworks.find((f) => f.id === 'osaka')!;
    for (const { id, citations } of osaka.requirements) {
      for (const { doc, at } of citations) if (doc === 'osaka') expect(at, id).toMatch(/^第4章 3\.\d/);
    }
  });
});
