import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type FileFinding,
  type LoadedFindingsFile as FindingsFile,
  loadAll,
  readFindings,
} from '../../../src/report/read-findings.ts';
import { kansaHere } from '../../cli/run-kansa.ts';

export type { FindingsFile };

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs a kansa command in this worker (tests/cli/run-kansa.ts), with its arguments spread. */
export const kansa = (...args: string[]) => kansaHere(args);

/** Scans the sample tenancy into a fresh findings file. */
export async function scanSample(): Promise<{ dir: string; path: string; file: FindingsFile }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kansa-report-'));
  const output = path.join(dir, 'findings.json');
  const result = await kansa(
    'scan',
    '--input',
    path.join(ROOT, 'fixtures/sample-tenancy'),
    '--format',
    'json',
    '--output',
    output,
  );
  if (result.code !== 0) throw new Error(`scan failed: ${result.stderr}`);
  return { dir, path: output, file: loadAll(await readFindings(output)) };
}

/** Attacker-controlled strings: each would set window.__pwned if it ever ran. */
export const PLANTED = [
  '<script>window.__pwned = "script"</script>',
  '"><img src=x onerror="window.__pwned = \'img\'">',
  '</script><script>window.__pwned = "breakout"</script>',
  "'><svg onload=\"window.__pwned='svg'\"></svg>",
  '<!--<script>window.__pwned = "comment"</script>-->',
] as const;

const id32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * The file with findings whose resource names, ids, accounts, tags (as evidence) and messages
 * are the planted strings, and an input path and skip reason carrying them too.
 */
export function withPlanted(file: FindingsFile): FindingsFile {
  const base = file.findings.find((f) => f.status === 'FAIL' && f.severity === 'critical')!;
  const planted: FileFinding[] = PLANTED.map((text, i) => ({
    ...base,
    id: id32(`planted-${i}`),
    message: { ja: `悪意のある名前 ${text}`, en: `hostile name ${text}` },
    resource: {
      ...base.resource,
      id: `arn:aws:s3:::planted-${i}${text}`,
      name: `planted-${i}${text}`,
      account: i === 0 ? `${base.resource.account}${text}` : base.resource.account,
    },
    evidence: [
      { source: 'explicit', path: `tags.Name${text}`, value: { Name: text, [text]: 'tag' } },
      { source: 'default', path: 'x', value: text, note: { ja: text, en: text }, resourceId: text },
    ],
  }));
  const coverage = {
    ...file.coverage,
    files: [
      ...file.coverage.files,
      {
        path: `exports/${PLANTED[2]}.json`,
        sha256: '',
        bytes: 0,
        resources: 0,
        skipped: [{ index: 0, reason: PLANTED[1] }],
        error: PLANTED[0],
      },
    ],
  };
  return recount({ ...file, findings: [...planted, ...file.findings], coverage });
}

/**
 * A file of `n` findings made from the sample's (resources renamed and spread over more
 * accounts), as a large tenancy would give: for the 100,000-finding browser test.
 */
export function scaled(file: FindingsFile, n: number): FindingsFile {
  const findings: FileFinding[] = [];
  for (let k = 0; findings.length < n; k++) {
    for (const f of file.findings) {
      if (findings.length === n) break;
      findings.push({
        ...f,
        id: id32(`${f.id}-${k}`),
        resource: {
          ...f.resource,
          id: `${f.resource.id}-${k}`,
          name: `${f.resource.name}-${k}`,
          account:
            k % 10 === 0
              ? f.resource.account
              : `${f.resource.account.slice(0, -2)}${String(k % 97).padStart(2, '0')}`,
        },
      });
    }
  }
  return recount({ ...file, findings });
}

/** The summary counts of a file whose findings were changed. */
export function recount(file: FindingsFile): FindingsFile {
  const byStatus = { FAIL: 0, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 };
  const failedBySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of file.findings) {
    byStatus[f.status]++;
    if (f.status === 'FAIL') failedBySeverity[f.severity]++;
  }
  return { ...file, summary: { findings: file.findings.length, byStatus, failedBySeverity } };
}
