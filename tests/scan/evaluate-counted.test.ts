import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { scanEnd } from '../../src/report/json.ts';
import { FindingTally } from '../../src/report/summary.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import { readInventory } from '../../src/scan/read-inventory.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-12-01T00:00:00Z');

// The terminal-only scan counts the results that are no failure instead of making findings of
// them (evaluate's `counted`): its tally must be the tally of every finding.
describe('evaluate with counted results', () => {
  it('yields the failures only, and tallies as the tally of every finding', async () => {
    const framework = await loadFramework('osaka');
    const { inventory, files, scopes } = await readInventory(
      { inputs: [path.join(ROOT, 'fixtures/sample-tenancy')], live: [], concurrency: 2 },
      pino({ level: 'silent' }),
    );
    const all = [...evaluate(inventory, framework, NOW)];
    const everyFinding = new FindingTally();
    for (const finding of all) everyFinding.add(finding);

    const counted = new FindingTally();
    const yielded = [...evaluate(inventory, framework, NOW, counted)];
    for (const finding of yielded) counted.add(finding);

    expect(new Set(all.map((f) => f.status))).toEqual(new Set(['PASS', 'FAIL', 'UNKNOWN', 'NOT_APPLICABLE']));
    expect(yielded.map((f) => `${f.checkId} ${f.resource.id} ${f.severity}`)).toEqual(
      all.filter((f) => f.status === 'FAIL').map((f) => `${f.checkId} ${f.resource.id} ${f.severity}`),
    );
    const outcome = (tally: FindingTally) => {
      const providers = new Set(inventory.accounts().map((a) => a.provider));
      const { finishedAt: _, ...end } = scanEnd({
        framework,
        tally,
        providers,
        files,
        scopes,
        resources: [],
      });
      return { end, worst: tally.worst.map((f) => f.id), unknownOrder: [...tally.unknownByCheck.keys()] };
    };
    expect(counted.total).toBe(all.length);
    expect(outcome(counted)).toEqual(outcome(everyFinding));
  });
});
