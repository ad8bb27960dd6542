// A separate process recording scans into a store, for the crash and concurrency tests:
//   node child-writer.ts LOCATION write TAG SCANS STATUS FINDINGS
//   node child-writer.ts LOCATION crash TAG 1 FAIL FINDINGS   (SIGKILLs itself mid-transaction)
import type { CheckStatus } from '../../../src/checks/check.ts';
import type { SqlEngine, SqlRunner } from '../../../src/store/engine.ts';
import { openStore } from '../../../src/store/open.ts';
import { record } from './scans.ts';

const [location, mode, tag, scans, status, count] = process.argv.slice(2) as [
  string,
  'write' | 'crash',
  string,
  string,
  CheckStatus,
  string,
];
const engine: SqlEngine = await openStore(location);
if (mode === 'crash') {
  // Dies the hard way (no rollback, no close) once the scan's findings are written but not committed.
  const transaction = engine.transaction.bind(engine);
  engine.transaction = (work) =>
    transaction((tx) =>
      work({
        all: (sql, params) => tx.all(sql, params),
        run: (sql, params) => tx.run(sql, params),
        runMany: async (sql, rows) => {
          await tx.runMany(sql, rows);
          if (sql.includes('INSERT INTO scan_findings')) {
            process.stdout.write('killing\n');
            process.kill(process.pid, 'SIGKILL');
            await new Promise(() => {});
          }
        },
      } satisfies SqlRunner),
    );
}
const findings = Array.from({ length: Number(count) }, (_, i) => ({
  check: 'c.a',
  resource: `r${i}`,
  status,
}));
for (let i = 0; i < Number(scans); i++) {
  await record(engine, { at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), findings });
  process.stdout.write(`${tag} ${i}\n`);
}
await engine.close();
