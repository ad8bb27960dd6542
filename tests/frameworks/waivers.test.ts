import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/input-error.ts';
import { loadWaivers, parseWaivers, WaiverMatcher } from '../../src/frameworks/waivers.ts';
import { finding } from '../store/helpers/scans.ts';

const FILE = `waivers:
  - id: W-1
    check: c.public
    resources: { id: "/subscriptions/sub-1/*/storageAccounts/public*" }
    reason: 公開Webサイトの静的コンテンツ
    approver: 情報政策課 山田
    approved: 2026-10-01
    expires: 2027-03-31
  - id: W-2
    requirement: OSK-3.1
    resources: { tag: "purpose=public-web", account: sub-1 }
    reason: web
    approver: b
    approved: 2026-01-01
    expires: 2026-11-30
  - id: W-3
    check: c.other
    resources: { account: sub-9 }
    reason: nothing matches
    approver: c
    approved: 2026-10-01
    expires: 2026-12-20
`;

/** The checks the waivers above may name. */
const CHECKS: ReadonlySet<string> = new Set(['c.public', 'c.other']);

describe('waivers', () => {
  it('matches by check or requirement and id glob, tag and account; expired stops applying', () => {
    const waivers = parseWaivers('w.yaml', FILE, CHECKS);
    expect(waivers.map((w) => w.at)).toEqual(['w.yaml:2', 'w.yaml:9', 'w.yaml:16']);
    const matcher = new WaiverMatcher(waivers, new Date('2026-12-01T00:00:00Z'), 30);
    const publicSite = finding({
      check: 'c.public',
      resource: '/subscriptions/sub-1/resourceGroups/web/storageAccounts/PublicSite',
      status: 'FAIL',
    });
    expect(matcher.match(publicSite, {})).toMatchObject({ id: 'W-1', approver: '情報政策課 山田' });
    // Only failures are waived.
    expect(matcher.match({ ...publicSite, status: 'PASS' }, {})).toBeUndefined();
    const other = finding({
      check: 'c.public',
      resource: '/subscriptions/sub-1/x/storageAccounts/private',
      status: 'FAIL',
    });
    expect(matcher.match(other, {})).toBeUndefined();
    // W-2 matches the tag but expired at the end of 2026-11-30 (Japan time): it no longer applies.
    expect(matcher.match(other, { purpose: 'public-web' })).toBeUndefined();
    expect(matcher.outcomes().map((o) => [o.id, o.state, o.matched, o.daysLeft])).toEqual([
      ['W-1', 'active', 1, 120],
      ['W-2', 'expired', 1, -1],
      ['W-3', 'stale', 0, 19],
    ]);
  });

  it('a day before its expiry a waiver still applies, and is warned about', () => {
    const waivers = parseWaivers('w.yaml', FILE, CHECKS);
    const matcher = new WaiverMatcher(waivers, new Date('2026-11-30T14:00:00Z'), 30);
    const tagged = finding({ check: 'c.x', resource: 'r', status: 'FAIL' });
    expect(matcher.match(tagged, { purpose: 'public-web' })?.id).toBe('W-2');
    expect(matcher.outcomes().find((o) => o.id === 'W-2')).toMatchObject({ state: 'expiring', daysLeft: 0 });
  });

  it('counts days left to the expiry date in Japan calendar days, past it as well', () => {
    const waivers = parseWaivers('w.yaml', FILE, CHECKS);
    const daysLeft = (now: string) =>
      new WaiverMatcher(waivers, new Date(now)).outcomes().find((o) => o.id === 'W-2')!.daysLeft;
    // W-2 expires 2026-11-30: the last second of 11-30 and the first of 12-01 in Japan.
    expect(daysLeft('2026-11-30T14:59:59Z')).toBe(0);
    expect(daysLeft('2026-11-30T15:00:00Z')).toBe(-1);
    // 12-03 00:05 in Japan, 2 days and 5 minutes after it lapsed: the date was 3 days before.
    expect(daysLeft('2026-12-02T15:05:00Z')).toBe(-3);
  });

  it('rejects a waiver without expiry, or with both selectors missing, with file and line', () => {
    const noExpiry = FILE.replace('    expires: 2027-03-31\n', '');
    expect(() => parseWaivers('w.yaml', noExpiry, CHECKS)).toThrow(InputError);
    expect(() => parseWaivers('w.yaml', noExpiry, CHECKS)).toThrow(/^w\.yaml:2: .*expires/);
    const noCheck = FILE.replace('    check: c.public\n', '');
    expect(() => parseWaivers('w.yaml', noCheck, CHECKS)).toThrow(/^w\.yaml:2: /);
    const badDate = FILE.replace('expires: 2027-03-31', 'expires: 2027-02-30x');
    expect(() => parseWaivers('w.yaml', badDate, CHECKS)).toThrow(/^w\.yaml:8: /);
    const emptySelector = FILE.replace('resources: { account: sub-9 }', 'resources: {}');
    expect(() => parseWaivers('w.yaml', emptySelector, CHECKS)).toThrow(/^w\.yaml:18: /);
    const duplicate = FILE.replace('id: W-3', 'id: W-1');
    expect(() => parseWaivers('w.yaml', duplicate, CHECKS)).toThrow(/^w\.yaml:16: duplicate waiver id W-1/);
  });

  it('names a waivers file that is not there as not found', async () => {
    await expect(loadWaivers('no/such/waivers.yaml', CHECKS)).rejects.toThrow(
      /^no\/such\/waivers\.yaml: waivers file not found$/,
    );
  });

  it('rejects a check id that is no check, at its line: a misspelt id would waive nothing', () => {
    const misspelt = FILE.replace('check: c.other', 'check: c.otehr');
    expect(() => parseWaivers('w.yaml', misspelt, CHECKS)).toThrow(
      /^w\.yaml:17: unknown check id "c\.otehr" \(see `kansa checks`\)$/,
    );
  });
});
