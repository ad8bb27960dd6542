import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FindingsFile, scanView } from '../../src/report/read-findings.ts';
import { asffFinding } from '../../src/send/destinations/securityhub.ts';
import { deliveryState, recordsFromFindings, scanIdOf } from '../../src/send/from-findings.ts';
import { type DeliveryState, deliveryRecord } from '../../src/send/record.ts';
import schema from '../../vendor/ocsf/compliance_finding-1.3.0.schema.json' with { type: 'json' };
import { scanSample } from '../report/helpers/findings.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let file: FindingsFile;
beforeAll(async () => {
  file = (await scanSample()).file;
});

describe('delivery records', () => {
  it('are valid OCSF 1.3.0 Compliance Findings in every state, with the activity and status the state calls for', () => {
    const records = [
      ...recordsFromFindings(file, { view: scanView(file), lang: 'en', mode: 'all', scanId: 's' }),
    ];
    expect(records.length).toBeGreaterThan(0);
    const expected: Record<DeliveryState, [activity: number, status: number]> = {
      new: [1, 1],
      updated: [2, 1],
      open: [2, 1],
      waived: [2, 3],
      resolved: [3, 4],
    };
    for (const [state, [activity, status]] of Object.entries(expected) as [
      DeliveryState,
      [number, number],
    ][]) {
      const record = deliveryRecord(records[0]!.event, records[0]!.findingId, 'scan-1', state);
      if (!validate(record.event)) throw new Error(JSON.stringify(validate.errors, null, 1));
      expect(record.event).toMatchObject({
        activity_id: activity,
        type_uid: 200300 + activity,
        status_id: status,
        finding_info: { uid: record.findingId },
        unmapped: { kansa: { scan_id: 'scan-1', state } },
      });
    }
  });

  it('send failures and UNKNOWNs, never plain passes; every record carries its finding id', () => {
    const all = [...file.findings];
    const records = [
      ...recordsFromFindings(file, { view: scanView(file), lang: 'en', mode: 'all', scanId: 's' }),
    ];
    const sent = new Set(records.map((r) => r.findingId));
    for (const finding of all) {
      const shouldSend = finding.status === 'FAIL' || finding.status === 'UNKNOWN';
      expect(sent.has(finding.id), `${finding.id} ${finding.status}`).toBe(shouldSend);
    }
  });

  it('take the state the history store recorded; a resolved finding goes out as Close', () => {
    const [failing] = [...file.findings].filter((f) => f.status === 'FAIL');
    expect(deliveryState({ ...failing!, history: { state: 'new', firstSeen: 'x' } })).toBe('new');
    expect(deliveryState({ ...failing!, history: { state: 'reopened', firstSeen: 'x' } })).toBe('new');
    expect(deliveryState({ ...failing!, history: { state: 'changed-severity', firstSeen: 'x' } })).toBe(
      'updated',
    );
    expect(deliveryState({ ...failing!, history: { state: 'resolved', firstSeen: 'x' } })).toBe('resolved');
    expect(deliveryState({ ...failing!, history: { state: 'passing', firstSeen: 'x' } })).toBeUndefined();
    expect(deliveryState(failing!)).toBe('open');
  });

  it("go to Security Hub as INFORMATIONAL once resolved, the check's severity in Severity.Original", () => {
    const failing = [...file.findings].find((f) => f.status === 'FAIL' && f.severity === 'critical')!;
    const resolved = {
      ...failing,
      status: 'PASS' as const,
      history: { state: 'resolved' as const, firstSeen: 'x' },
    };
    const options = { region: 'ap-northeast-1', accountId: '111122223333' };
    const [open, closed] = [failing, resolved].map((finding) => {
      const [record] = recordsFromFindings(
        { ...file, findings: [finding] },
        { view: scanView(file), lang: 'en', mode: 'all', scanId: 's' },
      );
      return asffFinding(
        record!,
        'arn:aws:securityhub:ap-northeast-1:111122223333:product/111122223333/default',
        options,
      );
    });
    expect(open).toMatchObject({ Id: failing.id, Severity: { Label: 'CRITICAL', Original: 'critical' } });
    expect(closed).toMatchObject({
      Id: failing.id,
      Severity: { Label: 'INFORMATIONAL', Original: 'critical' },
      Compliance: { Status: 'PASSED' },
    });
  });

  it('have a scan id stable for the same findings file', () => {
    expect(scanIdOf(file)).toBe(scanIdOf(file));
    expect(scanIdOf(file)).toMatch(/^[0-9a-f]{32}$/);
  });
});
