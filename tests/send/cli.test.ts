import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kansa, kansaHere, SAMPLE } from '../cli/run-kansa.ts';
import { FakeSoc } from '../fakes/soc/server.ts';
import { findingsFromFile } from '../helpers/findings-file.ts';

/** `kansa send` end to end: the real CLI in a child process, the fake webhook over HTTPS. */
let soc: FakeSoc;
let dir: string;
let findings: string;
let env: NodeJS.ProcessEnv;
const SECRET = 'webhook-secret-never-printed-77a1';

beforeAll(async () => {
  soc = await FakeSoc.start();
  dir = mkdtempSync(path.join(tmpdir(), 'kansa-send-cli-'));
  const ca = path.join(dir, 'ca.pem');
  writeFileSync(ca, soc.ca);
  findings = path.join(dir, 'findings.json');
  env = {
    NODE_EXTRA_CA_CERTS: ca,
    KANSA_WEBHOOK_URL: `${soc.url}/hook`,
    KANSA_WEBHOOK_SECRET: SECRET,
    XDG_DATA_HOME: path.join(dir, 'data'),
  };
  const scan = await kansaHere(['scan', '--input', SAMPLE, '--format', 'json', '--output', findings], env);
  expect(scan.code, scan.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await soc.stop();
  rmSync(dir, { recursive: true, force: true });
});

// What delivers runs as a process: the receiver's CA reaches it through NODE_EXTRA_CA_CERTS, which
// Node reads when a process starts. What fails before sending runs in this worker.
describe('kansa send', () => {
  it('delivers the failures of a findings file and says so; a resend carries the same scan id', async () => {
    const first = await kansa(['send', '--input', findings, '--to', 'webhook', '--send-mode', 'all'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/delivery to webhook: \d+ sent/);
    const events = [...soc.webhookBatches.values()].flatMap(
      (body) => (JSON.parse(body) as { records: Record<string, unknown>[] }).records,
    );
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event).toMatchObject({
        class_uid: 2003,
        activity_id: 2,
        unmapped: { kansa: { scan_id: expect.any(String) } },
      });
      expect((event['compliance'] as { status_code: string }).status_code).not.toBe('PASS');
    }
    const before = soc.webhookBatches.size;
    await kansa(['send', '--input', findings, '--to', 'webhook', '--send-mode', 'all'], env);
    // The same file is the same batches: the receiver's Idempotency-Key check drops them.
    expect(soc.webhookBatches.size).toBe(before);
    expect(first.stderr + first.stdout).not.toContain(SECRET);
  }, 60_000);

  it('exits 6 and spools when the receiver is down; the next run sends the spool first', async () => {
    // A receiver down for maintenance: 503 with a Retry-After too long to wait for in this run.
    soc.faults.push({ status: 503, retryAfter: '3600' });
    const down = await kansa(['send', '--input', findings, '--to', 'webhook', '--send-mode', 'all'], {
      ...env,
      KANSA_WEBHOOK_URL: `${soc.url}/hook-down`,
    });
    soc.faults.length = 0;
    expect(down.code, down.stderr).toBe(6);
    expect(down.stderr).toMatch(/spooled for the next run/);
    // The findings file says so too: its coverage lists the delivery and what was spooled.
    const delivery = (await findingsFromFile(findings)).coverage.delivery ?? [];
    expect(delivery.at(-1)).toMatchObject({
      spooled: expect.any(Number),
      error: expect.stringMatching(/503/),
    });
    expect(delivery.at(-1)?.spooled).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'data', 'kansa', 'spool', 'webhook')).length).toBeGreaterThan(0);
    const again = await kansa(['send', '--input', findings, '--to', 'webhook', '--send-mode', 'all'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/from the spool/);
    expect(readdirSync(path.join(dir, 'data', 'kansa', 'spool', 'webhook'))).toEqual([]);
  }, 180_000);

  it('needs its settings from the environment and says which', async () => {
    const run = await kansaHere(['send', '--input', findings, '--to', 'splunk', '--send-mode', 'all'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/set KANSA_SPLUNK_URL/);
  });

  it('under --lang ja, says what became of a delivery and what went wrong in Japanese', async () => {
    const spool = path.join(dir, 'spool-ja');
    const send = ['send', '--input', findings, '--to', 'webhook', '--send-mode', 'all', '--lang', 'ja'];
    soc.faults.push({ status: 503, retryAfter: '3600', body: 'maintenance window' });
    const down = await kansa([...send, '--spool', spool], {
      ...env,
      KANSA_WEBHOOK_URL: `${soc.url}/hook-ja`,
    });
    soc.faults.length = 0;
    expect(down.code, down.stderr).toBe(6);
    expect(down.stderr).toMatch(
      /kansa: webhook への送信: 0 件を送信、\d+ 件を次回の実行のためにスプールに保存。webhook: webhook（https:\/\/[^）]+）が HTTP 503 を返しました: maintenance window/,
    );
    const again = await kansa([...send, '--spool', spool], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/kansa: webhook への送信: \d+ 件を送信、うち \d+ 件はスプールから/);
    const unset = await kansaHere([...send.slice(0, 3), '--to', 'splunk', ...send.slice(5)], env);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('環境変数 KANSA_SPLUNK_URL を設定してください');
    expect(unset.stderr).not.toMatch(/\bset KANSA/);
  }, 180_000);

  it('refuses --send-mode changes for a scan that kept no history', async () => {
    const run = await kansaHere(['send', '--input', findings, '--to', 'webhook'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the scan kept no history/);
  });

  it('scan --send with the history store: the first scan sends its failures as new, a rescan sends nothing', async () => {
    const store = path.join(dir, 'history.sqlite');
    const output = path.join(dir, 'with-history.json');
    const args = ['scan', '--input', SAMPLE, '--output', output, '--store', store, '--send', 'webhook'];
    soc.webhookBatches.clear();
    const first = await kansa(args, env);
    expect(first.code, first.stderr).toBe(0);
    const events = [...soc.webhookBatches.values()].flatMap(
      (body) =>
        (JSON.parse(body) as { records: { activity_id: number; unmapped: { kansa: { state: string } } }[] })
          .records,
    );
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.unmapped.kansa.state))).toEqual(new Set(['new']));
    expect(new Set(events.map((e) => e.activity_id))).toEqual(new Set([1]));
    soc.webhookBatches.clear();
    const second = await kansa(args, env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/delivery to webhook: 0 sent/);
    expect(soc.webhookBatches.size).toBe(0);
  }, 180_000);

  it('scan --send needs --output', async () => {
    const run = await kansaHere(['scan', '--input', SAMPLE, '--send', 'webhook'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--send delivers the findings file: give --output FILE too/);
  });
});
