import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import { readInventory } from '../../src/scan/read-inventory.ts';
import { findingsFromFile } from '../helpers/findings-file.ts';

/**
 * The fidelity corpus (tests/corpus/SOURCES.md): records in the dialects of public third-party
 * samples, scanned through the real CLI, every labelled verdict checked. Recall and precision
 * on expected FAILs are printed; both must stay at or above 0.95.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'tests/corpus');
const DATA = path.join(CORPUS, 'data');

interface Expectation {
  readonly file: string;
  readonly check: string;
  readonly resource: string;
  /** PASS, FAIL, NOT_APPLICABLE, UNKNOWN, or NONE: the resource yields no finding of this check. */
  readonly status: string;
  readonly source: string;
  /** The framework whose scan gives the verdict (a check outside osaka's): osaka when absent. */
  readonly framework?: string;
}

interface Expectations {
  readonly expectations: readonly Expectation[];
  /** Files (relative to data/) with the number of records that truly carry no resource. */
  readonly skips: Readonly<Record<string, number>>;
  /**
   * Files (relative to data/) read and marked partial on purpose, with what their error says (an
   * errored Terraform plan: its resources are judged, the file is not read as complete).
   */
  readonly partial?: Readonly<Record<string, string>>;
}

interface FindingsFile {
  findings: { checkId: string; status: string; resource: { provider: string; id: string } }[];
  coverage: {
    files: {
      path: string;
      format?: string;
      error?: string;
      resources: number;
      skipped: { reason: string }[];
    }[];
  };
}

const DEFAULT_FRAMEWORK = 'osaka';
const key = (check: string, id: string, framework = DEFAULT_FRAMEWORK) =>
  `${framework}\0${check}\0${id.toLowerCase()}`;
let findings: FindingsFile;
let summary: string;
let expected: Expectations;
const actual = new Map<string, string>();

beforeAll(async () => {
  expected = JSON.parse(await readFile(path.join(CORPUS, 'expectations.json'), 'utf8')) as Expectations;
  const dir = await mkdtemp(path.join(tmpdir(), 'kansa-corpus-'));
  const scan = async (framework: string) => {
    const output = path.join(dir, `findings-${framework}.json`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'bin/kansa.js'), 'scan', '--input', DATA, '--output', output, '--lang', 'en']
        .concat(framework === DEFAULT_FRAMEWORK ? [] : ['--framework', framework])
        // The files marked partial on purpose make the scan partial: exit 0/1 all the same.
        .concat(Object.keys(expected.partial ?? {}).length > 0 ? ['--allow-partial'] : []),
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 },
    );
    const file = (await findingsFromFile(output)) as unknown as FindingsFile;
    for (const finding of file.findings)
      actual.set(key(finding.checkId, finding.resource.id, framework), finding.status);
    return { stdout, file };
  };
  const osaka = await scan(DEFAULT_FRAMEWORK);
  summary = osaka.stdout;
  findings = osaka.file;
  // Checks no osaka requirement names (gov's and kobe's own) are judged on those frameworks' scans.
  const others = new Set(expected.expectations.flatMap((e) => (e.framework ? [e.framework] : [])));
  for (const framework of others) await scan(framework);
  // One CLI run over the whole corpus: allow for a slow, shared machine.
}, 120_000);

describe('the fidelity corpus (records from public samples’ dialects)', () => {
  it('reads every file, and skips only the records that carry no resource', () => {
    for (const file of findings.coverage.files) {
      const relative = path.relative(DATA, path.resolve(ROOT, file.path)).replaceAll(path.sep, '/');
      const partial = expected.partial?.[relative];
      if (partial === undefined) expect(file.error, relative).toBeUndefined();
      else expect(file.error, relative).toContain(partial);
      expect(
        file.skipped.map((s) => s.reason),
        relative,
      ).toHaveLength(expected.skips[relative] ?? 0);
    }
  });

  it('names the skipped records in the terminal summary', () => {
    const skipped = Object.values(expected.skips).reduce((n, count) => n + count, 0);
    expect(summary).toContain(`Records skipped: ${skipped}`);
    // The summary names the first five (by file, with the entry or line), and counts the others.
    // The section's lines: those after its heading, up to the next heading (files passed over follow).
    const lines = summary.split('\n');
    const section = lines.slice(lines.findIndex((line) => line.startsWith('Records skipped')) + 1);
    const end = section.findIndex((line) => !/^\s/.test(line));
    const named = section
      .slice(0, end === -1 ? undefined : end)
      .filter((line) => /^\s+\S+\.json(?: \[\d+\]|:\d+)?: \S/.test(line));
    expect(named).toHaveLength(5);
    expect(summary).toContain(`and ${skipped - 5} more`);
  });

  it('gives every labelled verdict', () => {
    const wrong = expected.expectations.flatMap((e) => {
      const got = actual.get(key(e.check, e.resource, e.framework)) ?? 'NONE';
      return got === e.status
        ? []
        : [`${e.check} ${e.resource}: expected ${e.status}, got ${got} (${e.file})`];
    });
    expect(wrong).toEqual([]);
  });

  it('has recall and precision on expected FAILs of at least 0.95', () => {
    const labelled = expected.expectations;
    const expectedFail = labelled.filter((e) => e.status === 'FAIL');
    const caught = expectedFail.filter((e) => actual.get(key(e.check, e.resource, e.framework)) === 'FAIL');
    const reportedFail = labelled.filter((e) => actual.get(key(e.check, e.resource, e.framework)) === 'FAIL');
    const recall = caught.length / expectedFail.length;
    const precision = reportedFail.length === 0 ? 1 : caught.length / reportedFail.length;
    console.info(
      `corpus: ${labelled.length} labelled verdicts, ${expectedFail.length} expected FAILs; recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});

/**
 * A vendor hands over one tool's output, not the whole corpus: each labelled verdict must also be
 * what a scan of its tool's folder alone (`<cloud>/<dialect>/`) gives. The scan of the whole
 * corpus above lets one folder's records decide another's verdicts (the management groups of one
 * tool's export made another's subscription unknown; one folder's diagnostic settings passed
 * another's vault), which hid what kansa says of the folder alone. The same pipeline as the CLI
 * (readInventory, then evaluate), in this process: fifty-odd CLI runs would cost the suite
 * ~20 s of CPU.
 */
describe('the fidelity corpus, each tool’s folder scanned alone', () => {
  it('gives every labelled verdict', async () => {
    const byFolder = new Map<string, Expectation[]>();
    for (const e of expected.expectations) {
      const folder = e.file.split('/').slice(0, 2).join('/');
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), e]);
    }
    const log = pino({ level: 'silent' });
    const now = new Date();
    const wrong: string[] = [];
    for (const [folder, labelled] of byFolder) {
      const { inventory } = await readInventory(
        { inputs: [path.join(DATA, folder)], live: [], concurrency: 1 },
        log,
      );
      for (const framework of new Set(labelled.map((e) => e.framework ?? DEFAULT_FRAMEWORK))) {
        const verdicts = new Map<string, string>();
        for (const finding of evaluate(inventory, await loadFramework(framework), now))
          verdicts.set(key(finding.checkId, finding.resource.id, framework), finding.status);
        for (const e of labelled.filter((l) => (l.framework ?? DEFAULT_FRAMEWORK) === framework)) {
          const got = verdicts.get(key(e.check, e.resource, e.framework)) ?? 'NONE';
          if (got !== e.status)
            wrong.push(`${e.check} ${e.resource}: expected ${e.status}, got ${got} (${e.file})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
