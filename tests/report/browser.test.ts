// The HTML report in a real browser: Playwright (playwright-core) driving Debian's Chromium,
// which .ci/run installs. Screenshots are kept in tests/report/artifacts/.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/index.ts';
import { scanView } from '../../src/report/read-findings.ts';
import {
  type FindingsFile,
  PLANTED,
  ROOT,
  recount,
  scaled,
  scanSample,
  withPlanted,
} from './helpers/findings.ts';

// The page's globals, as the callbacks below that run in the browser use them (tsconfig has no DOM lib).
declare const window: Record<string, unknown>;
declare const document: {
  addEventListener(
    type: string,
    listener: (e: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
  querySelectorAll(selector: string): { length: number };
  getElementById(id: string): { textContent: string | null } | null;
  readonly scripts: { length: number };
};

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'tests/report/artifacts');
const LARGE = 100_000;

if (!existsSync(CHROMIUM)) {
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium; CI installs it)`);
}

describe.skipIf(!existsSync(CHROMIUM))('HTML report in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let sample: FindingsFile;
  let reportUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kansa-browser-'));
    await mkdir(ARTIFACTS, { recursive: true });
    sample = (await scanSample()).file;
    const file = withPlanted(sample);
    // Two earlier scans for the trend chart.
    const history = [3, 1].map((daysAgo, i) => ({
      finishedAt: new Date(Date.parse(file.scan.finishedAt) - daysAgo * 86_400_000).toISOString(),
      byStatus: { ...file.summary.byStatus, FAIL: file.summary.byStatus.FAIL + 40 - i * 25 },
      failedBySeverity: file.summary.failedBySeverity,
    }));
    const report = path.join(dir, 'report.html');
    await writeFile(report, [...renderHtml({ file, view: scanView(file), lang: 'ja', history })].join(''));
    reportUrl = pathToFileURL(report).href;
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Outside the page's CSP (injected by the browser driver): records what a planted string might do.
    await context.addInitScript(() => {
      const w = window as { __violations?: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__violations!.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    return { page, errors, requests };
  }

  const statusCells = (page: Page) =>
    page.$$eval('#rows tr td:first-child', (tds) => tds.map((td) => td.textContent));
  const count = (page: Page) => page.textContent('#count');

  it('opens from file:// with the verdicts, charts and coverage, in Japanese then English', async () => {
    const { page, errors, requests } = await open(reportUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('h1')).toContain('監査レポート');
    expect(await page.$$eval('#verdicts tbody tr', (rows) => rows.length)).toBe(sample.requirements.length);
    expect(await page.$$eval('.chart svg', (svgs) => svgs.length)).toBe(4);
    expect(await page.textContent('#coverage')).toContain('人による確認が必要な項目');
    await page.screenshot({ path: path.join(ARTIFACTS, 'summary-ja.png') });

    await page.click('button[data-lang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toContain('Audit report');
    expect(await page.textContent('#verdicts')).toContain(sample.requirements[0]!.title.en);
    expect(await count(page)).toBe(
      `${sample.findings.length + PLANTED.length} of ${sample.findings.length + PLANTED.length}`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'summary-en.png') });
    await page.locator('#coverage').screenshot({ path: path.join(ARTIFACTS, 'coverage-en.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('filters by status, severity, requirement, cloud and text, and opens a finding', async () => {
    const { page, errors } = await open(reportUrl);
    await page.click('button[data-lang="en"]');
    const failed = sample.summary.byStatus.FAIL + PLANTED.length;
    await page.selectOption('select[data-filter="status"]', 'FAIL');
    expect(await count(page)).toMatch(new RegExp(`^${failed} of `));
    expect(new Set(await statusCells(page))).toEqual(new Set(['FAIL']));

    await page.selectOption('select[data-filter="severity"]', 'critical');
    const critical = sample.summary.failedBySeverity.critical + PLANTED.length;
    expect(await count(page)).toMatch(new RegExp(`^${critical} of `));

    await page.selectOption('select[data-filter="severity"]', '');
    await page.selectOption('select[data-filter="requirement"]', 'OSK-3.1');
    const osk31 = sample.findings.filter((f) => f.status === 'FAIL' && f.requirements.includes('OSK-3.1'));
    expect(await count(page)).toMatch(new RegExp(`^${osk31.length} of `));
    const requirementCells = await page.$$eval('#rows tr td:nth-child(3)', (tds) =>
      tds.map((td) => td.textContent),
    );
    for (const cell of requirementCells) expect(cell).toContain('OSK-3.1');

    await page.selectOption('select[data-filter="requirement"]', '');
    await page.selectOption('select[data-filter="provider"]', 'gcp');
    const gcp = sample.findings.filter((f) => f.status === 'FAIL' && f.resource.provider === 'gcp');
    expect(await count(page)).toMatch(new RegExp(`^${gcp.length} of `));

    await page.selectOption('select[data-filter="provider"]', '');
    await page.selectOption('select[data-filter="status"]', '');
    const target = sample.findings.find((f) => f.status === 'FAIL' && f.evidence.length > 1)!;
    await page.fill('input[name="text"]', target.id);
    await page.waitForFunction(() => document.querySelectorAll('#rows tr[data-index]').length === 1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'findings-filtered.png') });

    await page.click('#rows tr[data-index]');
    const dialog = page.locator('dialog#finding');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = (await dialog.textContent())!;
    expect(text).toContain(target.message.en);
    expect(text).toContain(target.remediation.en);
    expect(text).toContain(target.resource.id);
    for (const clause of target.clauses) expect(text).toContain(clause);
    expect(await dialog.locator('table.evidence tbody tr').count()).toBe(target.evidence.length);
    await dialog.screenshot({ path: path.join(ARTIFACTS, 'finding-en.png') });
    // The open finding follows a language switch.
    await page.keyboard.press('Escape');
    await page.click('button[data-lang="ja"]');
    await page.click('#rows tr[data-index]');
    expect(await dialog.textContent()).toContain(target.remediation.ja);
    await dialog.screenshot({ path: path.join(ARTIFACTS, 'finding-ja.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows planted <script>, "><img onerror> and </script> as text and runs none of them', async () => {
    const { page, errors, requests } = await open(reportUrl);
    await page.fill('input[name="text"]', 'planted-');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#rows tr[data-index]').length === n,
      PLANTED.length,
    );
    const tableText = (await page.textContent('#rows'))!;
    for (const text of PLANTED) expect(tableText).toContain(text);
    for (let i = 0; i < PLANTED.length; i++) {
      await page.click(`#rows tr[data-index="${i}"]`);
      const dialogText = (await page.textContent('dialog#finding'))!;
      expect(dialogText).toContain(`planted-${i}${PLANTED[i]}`);
      expect(dialogText).toContain(JSON.stringify({ Name: PLANTED[i], [PLANTED[i]!]: 'tag' }));
      if (i === 1)
        await page
          .locator('dialog#finding')
          .screenshot({ path: path.join(ARTIFACTS, 'planted-finding.png') });
      await page.keyboard.press('Escape');
    }
    await page.click('button[data-lang="en"]');
    expect(await page.textContent('#coverage')).toContain(PLANTED[2]);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      violations: (window as unknown as { __violations: string[] }).__violations,
      elements: document.querySelectorAll('img, iframe, object, embed, [onerror], [onload], [onclick]')
        .length,
      scripts: document.scripts.length,
    }));
    expect(state).toEqual({ pwned: undefined, violations: [], elements: 0, scripts: 2 });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it(`stays fast with ${LARGE.toLocaleString('en')} findings (paged table)`, async () => {
    const large = recount(scaled(sample, LARGE));
    const report = path.join(dir, 'large.html');
    const started = performance.now();
    const html = [...renderHtml({ file: large, view: scanView(large), lang: 'en' })].join('');
    await writeFile(report, html);
    const renderMs = performance.now() - started;

    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(pathToFileURL(report).href);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    const loadMs = performance.now() - t0;
    expect(await count(page)).toBe(`${LARGE} of ${LARGE}`);
    expect(await page.$$eval('#rows tr', (rows) => rows.length)).toBe(100);

    const t1 = performance.now();
    await page.selectOption('select[data-filter="status"]', 'FAIL');
    const filterMs = performance.now() - t1;
    const before = await count(page);
    const t2 = performance.now();
    await page.fill('input[name="text"]', 'kansa-city-docs-7');
    await page.waitForFunction((text) => document.getElementById('count')!.textContent !== text, before);
    // Includes the 150 ms the search box waits for typing to pause.
    const searchMs = performance.now() - t2;
    expect(await count(page)).toMatch(/^[1-9]\d* of 100000$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'large-100k.png') });
    // Reported, not asserted: machines here are noisy.
    console.log(
      `HTML report, ${LARGE} findings: ${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB, rendered in ${renderMs.toFixed(0)} ms; ` +
        `Chromium load to first screen ${loadMs.toFixed(0)} ms, status filter ${filterMs.toFixed(0)} ms, text search ${searchMs.toFixed(0)} ms`,
    );
    await page.close();
  }, 60_000);
});
