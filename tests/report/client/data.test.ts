import { beforeAll, describe, expect, it } from 'vitest';
import { decodeReport } from '../../../src/report/html/client/data.js';
import { SEVERITIES, STATUSES } from '../../../src/report/html/client/labels.js';
import { type FindingsFile, PLANTED, scaled, scanSample, withPlanted } from '../helpers/findings.ts';
import { pageData, withFindings } from './page-data.ts';

let file: FindingsFile;

beforeAll(async () => {
  file = withPlanted((await scanSample()).file);
});

describe('page script: decoding the embedded data', () => {
  it('joins the parts the report is written in: indexes run on from part to part', () => {
    // 5,000 findings: three parts of at most 2,000, each with the strings and resources it is first to name.
    const large = scaled(file, 5000);
    const report = decodeReport(pageData(large));
    expect(report.n).toBe(5000);
    large.findings.forEach((f, i) => {
      const r = report.resource[i]!;
      expect([
        report.finding(i)[0],
        report.resourceId(r),
        report.message(i, 'en'),
        report.evidence(i),
      ]).toEqual([f.id, f.resource.id, f.message.en, f.evidence]);
    });
  });

  it('gives back every finding as the findings file has it, planted markup included', () => {
    const report = decodeReport(pageData(file));
    expect(report.n).toBe(file.findings.length);
    file.findings.forEach((f, i) => {
      const c = report.check[i]!;
      const r = report.resource[i]!;
      const { origin } = f.resource;
      expect({
        id: report.finding(i)[0],
        checkId: report.checkRow(c)[0],
        requirements: report.checkRow(c)[5],
        status: STATUSES[report.status[i]!],
        severity: SEVERITIES[report.severity[i]!],
        title: { ja: report.checkTitle(c, 'ja'), en: report.checkTitle(c, 'en') },
        message: { ja: report.message(i, 'ja'), en: report.message(i, 'en') },
        remediation: { ja: report.remediation(c, 'ja'), en: report.remediation(c, 'en') },
        provider: report.provider(r),
        account: report.account(r),
        region: report.region(r),
        resourceId: report.resourceId(r),
        name: report.resourceName(r),
        origin: report.origin(r),
        evidence: report.evidence(i),
      }).toEqual({
        id: f.id,
        checkId: f.checkId,
        requirements: f.requirements,
        status: f.status,
        severity: f.severity,
        title: f.title,
        message: f.message,
        remediation: f.remediation,
        provider: f.resource.provider,
        account: f.resource.account,
        region: f.resource.region,
        resourceId: f.resource.id,
        name: f.resource.name,
        origin: `${origin.file}${origin.line !== undefined ? ` L${origin.line}` : origin.index !== undefined ? ` #${origin.index}` : ''}`,
        evidence: f.evidence,
      });
    });
    for (const text of PLANTED) {
      expect(
        file.findings.some(
          (f, i) =>
            f.resource.name.endsWith(text) && report.resourceName(report.resource[i]!) === f.resource.name,
        ),
      ).toBe(true);
    }
  });

  it('reads a finding’s waiver, history state and open-since; none when the scan had no store', () => {
    const [first, second] = file.findings;
    const waiver = {
      id: 'W-1',
      reason: 'accepted',
      approver: 'CISO',
      approved: '2026-11-01',
      expires: '2027-03-31',
    };
    const history = {
      state: 'reopened',
      firstSeen: '2026-10-01T00:00:00.000Z',
      openedAt: '2026-11-30T09:00:00.000Z',
    } as const;
    const report = decodeReport(pageData(withFindings(file, [{ ...first!, waiver, history }, second!])));
    expect([report.waiver(0), report.historyState(0), report.finding(0)[10], report.isWaived(0)]).toEqual([
      waiver,
      'reopened',
      history.openedAt,
      true,
    ]);
    expect([report.waiver(1), report.historyState(1), report.finding(1)[10], report.isWaived(1)]).toEqual([
      null,
      '',
      0,
      false,
    ]);
  });

  it('tells Japan from abroad by the scan’s allowed regions; global for a resource without one', () => {
    const report = decodeReport(pageData(file));
    const allowed = file.scan.parameters.allowedRegions;
    expect(allowed.aws).toContain('ap-northeast-1');
    expect(report.regionClass('aws', 'ap-northeast-1')).toBe('domestic');
    expect(report.regionClass('aws', 'us-east-1')).toBe('abroad');
    expect(report.regionClass('azure', 'ap-northeast-1')).toBe('abroad');
    expect(report.regionClass('gcp', 'global')).toBe('global');
    expect(report.regionClass('gcp', '')).toBe('global');
  });

  it('finds a requirement of the view by id', () => {
    const report = decodeReport(pageData(file));
    for (const r of file.requirements) expect(report.requirementById.get(r.id)?.title).toEqual(r.title);
  });
});
