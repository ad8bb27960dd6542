// The HTML report's history and waivers in a real browser (Debian's Chromium, as browser.test.ts).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/index.ts';
import { type FindingsFile, scanView } from '../../src/report/read-findings.ts';
import { scanSample } from './helpers/findings.ts';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) console.warn(`browser tests skipped: ${CHROMIUM} is missing (CI installs it)`);

describe.skipIf(!existsSync(CHROMIUM))('HTML report: changes since the previous scan, waivers', () => {
  let dir: string;
  let context: BrowserContext;
  let url: string;
  let waived: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kansa-browser-history-'));
    const sample = (await scanSample()).file;
    // The first three critical failures waived; every failure still open, two of them new.
    let toWaive = 3;
    let fresh = 2;
    const findings = sample.findings.map((f) => {
      if (f.status !== 'FAIL') return f;
      const state = fresh-- > 0 ? 'new' : 'open';
      const history = {
        state,
        firstSeen: '2026-11-30T00:00:00.000Z',
        openedAt: '2026-11-30T00:00:00.000Z',
      } as const;
      if (f.severity === 'critical' && toWaive-- > 0) {
        const waiver = {
          id: 'W-7',
          reason: 'accepted',
          approver: 'CISO',
          approved: '2026-11-01',
          expires: '2027-03-31',
        };
        return { ...f, history, waiver };
      }
      return { ...f, history };
    });
    waived = findings.filter((f) => f.waiver).length;
    const file: FindingsFile = {
      ...sample,
      findings,
      summary: { ...sample.summary, waived },
      history: {
        store: '/data/history.sqlite',
        scanId: 'x',
        seq: 2,
        changes: { new: 2, open: sample.summary.byStatus.FAIL - 2 },
        previous: { id: 'y', finishedAt: '2026-11-30T00:00:00.000Z' },
      },
      waivers: [
        { id: 'W-7', at: 'w.yaml:2', state: 'active', expires: '2027-03-31', matched: waived, daysLeft: 120 },
        { id: 'W-8', at: 'w.yaml:9', state: 'expired', expires: '2026-11-01', matched: 1, daysLeft: -30 },
      ],
    };
    const report = path.join(dir, 'report.html');
    await writeFile(report, [...renderHtml({ file, view: scanView(file), lang: 'en' })].join(''));
    url = pathToFileURL(report).href;
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows "new since", failures before and after waivers, each waiver, and WAIVED rows', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    expect(errors).toEqual([]);
    const changes = await page.textContent('#changes');
    expect(changes).toMatch(/Changes since the previous scan/);
    expect(changes).toMatch(/new: 2/);
    const beforeAfter = await page.textContent('#waivers table');
    expect(beforeAfter).toMatch(/before → after waivers/);
    expect(beforeAfter).toMatch(/(\d+) → \d+/);
    expect(await page.textContent('#waivers li[data-waiver-state="expired"]')).toMatch(
      /W-8 EXPIRED \(not applied\)/,
    );
    expect(await page.locator('#rows .b-WAIVED').count()).toBe(waived);
    // The dialog of a waived finding names the waiver.
    await page
      .locator('#rows tr', { has: page.locator('.b-WAIVED') })
      .first()
      .click();
    expect(await page.textContent('#finding')).toMatch(/W-7: accepted \(CISO, 2026-11-01 → 2027-03-31\)/);
    await page.close();
  }, 120_000);
});
