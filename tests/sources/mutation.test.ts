import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/input-error.ts';
import { CHECKS } from '../../src/checks/index.ts';
import { DEFAULT_PARAMETERS } from '../../src/model/parameters.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import { CHECK_ERROR } from '../../src/scan/finding.ts';
import type { ScanPlan } from '../../src/scan/plan.ts';
import { readInventory } from '../../src/scan/read-inventory.ts';

/**
 * Mutation test of the export readers, for kansa's promise on hostile or messy input: a bad
 * file gets an error or a skip with its reason, a scan never ends in an internal error, and a
 * value of an unexpected type never turns a FAIL into a PASS (it reads as unknown). Seeded
 * mutants of a fixed set of files are read and evaluated in process, as the CLI scans them.
 */
const MUTATION_SEED = 20261202;
const MUTANTS_PER_FILE = 14;
const ROOT = path.resolve(import.meta.dirname, '../..');
const FILES = [
  'tests/corpus/data/aws/api-describe/ec2-describe-security-groups.json',
  'tests/corpus/data/aws/api-describe/eks-describe-cluster.json',
  'tests/corpus/data/aws/api-describe/iam-list-roles.json',
  'tests/corpus/data/aws/config-rule-events/restricted-ssh-invoking-event-object.json',
  'tests/corpus/data/aws/steampipe/aws-s3-bucket.csv',
  'tests/corpus/data/azure/arm-templates/bicep-build-main.json',
  'tests/corpus/data/azure/cli-yaml/storage-account-show.yaml',
  'tests/corpus/data/azure/rest-api-examples/MySQLFlexibleConfigurationsListByServer.json',
  'tests/corpus/data/gcp/asset-export/cloud-run-and-functions.ndjson',
  'tests/corpus/data/gcp/asset-inventory/get-effective-iam-policy.json',
  'tests/corpus/data/gcp/gcloud/container-clusters-list.json',
  'tests/corpus/data/gcp/policy-library/iam-policies-without-ancestors.json',
  'tests/iac/fixtures/gcp/plan.json',
  'tests/iac/fixtures/state/aws.tfstate',
  'tests/corpus/data/aws/config-console/advanced-query-export.csv',
  'tests/corpus/data/aws/aws-recon/stream-output.jsonl',
  'tests/corpus/data/aws/cloudquery/aws_ec2_security_groups.json',
  'tests/corpus/data/aws/cloudquery/aws_iam_credential_reports.json',
];

/** Every check, on every resource it applies to. */
const ALL_CHECKS: ScanPlan = {
  id: 'all-checks',
  parameters: DEFAULT_PARAMETERS,
  requirements: [
    { id: 'all', clause: 'all', checks: CHECKS.map((c) => c.meta.id), severityCeiling: 'critical' },
  ],
  customChecks: [],
  severityOverrides: {},
};
const NOW = new Date('2026-12-01T00:00:00Z');

/** mulberry32: a small seeded generator, so that a failure names a mutant that can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Mutant {
  readonly label: string;
  readonly bytes: Buffer;
  /** A deciding value now has another type: the verdicts may turn unknown, never pass. */
  readonly retyped: boolean;
}

type Key = string | number;
type Json = unknown;

/** Values of each JSON type, and the hostile ones: a very long string and a deep array. */
const REPLACEMENTS: readonly Json[] = ['x', 7, true, false, [], {}, 'A'.repeat(100_000), nested(2_000)];

function nested(depth: number): Json {
  let value: Json = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const kind = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Every path to a value in the document, the root's excepted. */
function pathsOf(value: Json, at: Key[] = []): Key[][] {
  const children = Array.isArray(value)
    ? value.map((child, i) => pathsOf(child, [...at, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([key, child]) => pathsOf(child, [...at, key]))
      : [];
  return [...(at.length > 0 ? [at] : []), ...children.flat()];
}

/** One structural change at a random path of a parsed document (mutated in place). */
function mutateDocument(document: Json, random: () => number): { label: string; retyped: boolean } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const at = pick(pathsOf(document));
  if (!at) return { label: 'none', retyped: false };
  const key = at.at(-1) as Key;
  const parent = at
    .slice(0, -1)
    .reduce<Json>((value, k) => (value as Record<Key, Json>)[k], document) as Record<Key, Json>;
  const old = parent[key];
  const where = at.join('.');
  switch (pick(['retype', 'retype', 'retype', 'stringify', 'delete', 'numbered keys', 'other case'])) {
    case 'retype': {
      const value = pick(REPLACEMENTS.filter((v) => kind(v) !== kind(old)));
      parent[key] = value;
      return { label: `${where}: ${kind(old)} → ${kind(value)}`, retyped: true };
    }
    case 'stringify':
      // Numbers and booleans as strings ("22", "true"), and dates as epoch numbers.
      if (typeof old === 'string' && /^\d{4}-\d\d-\d\dT/.test(old)) parent[key] = Date.parse(old) / 1000;
      else if (typeof old === 'number' || typeof old === 'boolean') parent[key] = String(old);
      else return { label: 'none', retyped: false };
      return { label: `${where}: ${JSON.stringify(old)} → ${JSON.stringify(parent[key])}`, retyped: true };
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return { label: `${where}: deleted`, retyped: false };
    case 'numbered keys':
      if (!Array.isArray(old)) return { label: 'none', retyped: false };
      parent[key] = Object.fromEntries(old.map((v, i) => [String(i), v]));
      return { label: `${where}: array → object with numeric keys`, retyped: true };
    default: {
      if (typeof key !== 'string') return { label: 'none', retyped: false };
      const other = key === key.toUpperCase() ? key.toLowerCase() : key.toUpperCase();
      parent[other] = pick(REPLACEMENTS);
      return { label: `${where}: duplicated as ${other}`, retyped: false };
    }
  }
}

/** One change of the bytes: cut short, a UTF-8 BOM, NUL bytes. */
function mutateBytes(raw: Buffer, random: () => number): Mutant {
  const at = Math.floor(random() * raw.length);
  const change = Math.floor(random() * 3);
  if (change === 0) return { label: `cut at byte ${at}`, bytes: raw.subarray(0, at), retyped: false };
  if (change === 1)
    return { label: 'BOM', bytes: Buffer.concat([Buffer.from('\uFEFF'), raw]), retyped: false };
  const bytes = Buffer.concat([raw.subarray(0, at), Buffer.alloc(3), raw.subarray(at)]);
  return { label: `NUL bytes at ${at}`, bytes, retyped: false };
}

/** JSON lines in a `.json` file (CloudQuery's file destination names its JSON lines so). */
function jsonLines(raw: Buffer): boolean {
  const lines = raw.toString('utf8').trim().split('\n');
  return (
    lines.length > 1 &&
    lines.every((line) => {
      try {
        JSON.parse(line);
        return true;
      } catch {
        return false;
      }
    })
  );
}

function mutant(file: string, raw: Buffer, random: () => number): Mutant {
  const ndjson = file.endsWith('.ndjson') || (file.endsWith('.json') && jsonLines(raw));
  const json = ndjson || /\.(json|tfstate)$/.test(file);
  if (!json || random() < 0.2) return mutateBytes(raw, random);
  if (!ndjson) {
    const document = JSON.parse(raw.toString('utf8')) as Json;
    const { label, retyped } = mutateDocument(document, random);
    return { label, retyped, bytes: Buffer.from(JSON.stringify(document, null, 1)) };
  }
  const lines = raw.toString('utf8').split('\n').filter(Boolean);
  const line = Math.floor(random() * lines.length);
  const record = JSON.parse(lines[line] as string) as Json;
  const { label, retyped } = mutateDocument(record, random);
  lines[line] = JSON.stringify(record);
  return { label: `line ${line + 1}, ${label}`, retyped, bytes: Buffer.from(`${lines.join('\n')}\n`) };
}

interface Scanned {
  /** Status by check and resource. */
  readonly verdicts: ReadonlyMap<string, string>;
  /** What the readers said they could not read: skipped records and file errors. */
  readonly unread: number;
  /** Exceptions other than kansa's input errors, and checks that threw. */
  readonly internalErrors: readonly string[];
}

const log = pino({ level: 'silent' });

async function scan(file: string): Promise<Scanned> {
  const verdicts = new Map<string, string>();
  const internalErrors: string[] = [];
  let unread = 0;
  try {
    const { inventory, files } = await readInventory({ inputs: [file], live: [], concurrency: 1 }, log);
    unread = files.reduce((n, f) => n + f.skipped.length + (f.error ? 1 : 0), 0);
    for (const finding of evaluate(inventory, ALL_CHECKS, NOW)) {
      verdicts.set(`${finding.checkId} ${finding.resource.id}`, finding.status);
      if (finding.messageId === CHECK_ERROR)
        internalErrors.push(`${finding.checkId} threw: ${finding.data?.error}`);
    }
  } catch (error) {
    if (error instanceof InputError) unread++;
    else internalErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  return { verdicts, unread, internalErrors };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-mutants-'));
});

describe(`mutants of real export dialects (seed ${MUTATION_SEED}, ${MUTANTS_PER_FILE} per file)`, () => {
  for (const [index, relative] of FILES.entries()) {
    it(relative, async () => {
      const random = generator(MUTATION_SEED + index);
      const raw = await readFile(path.join(ROOT, relative));
      const target = path.join(dir, path.basename(relative));
      await writeFile(target, raw);
      const original = await scan(target);
      expect(original.internalErrors).toEqual([]);
      const problems: string[] = [];
      for (let i = 0; i < MUTANTS_PER_FILE; i++) {
        const { label, bytes, retyped } = mutant(relative, raw, random);
        await writeFile(target, bytes);
        const scanned = await scan(target);
        for (const error of scanned.internalErrors) problems.push(`${label}: ${error}`);
        // A record the reader skipped with its reason is the promised outcome: the scan is partial.
        if (!retyped || scanned.unread > original.unread) continue;
        for (const [key, status] of original.verdicts) {
          if (status === 'FAIL' && scanned.verdicts.get(key) === 'PASS')
            problems.push(`${label}: ${key} FAIL → PASS`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
