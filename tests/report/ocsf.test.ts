import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { OCSF_VERSION, type ocsfEvent, renderOcsf } from '../../src/report/ocsf.ts';
import { loadView, scanView } from '../../src/report/read-findings.ts';
import schema from '../../vendor/ocsf/compliance_finding-1.3.0.schema.json' with { type: 'json' };
import { type FindingsFile, scanSample, withPlanted } from './helpers/findings.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let first: FindingsFile;
let second: FindingsFile;

beforeAll(async () => {
  [first, second] = (await Promise.all([scanSample(), scanSample()])).map((s) => s.file) as [
    FindingsFile,
    FindingsFile,
  ];
  // Two scans in child processes: slow on a loaded machine.
}, 60_000);

type OcsfEvent = ReturnType<typeof ocsfEvent>;

const events = (file: FindingsFile, lang: 'ja' | 'en' = 'en'): OcsfEvent[] =>
  [...renderOcsf(file, scanView(file), lang)]
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OcsfEvent);

describe('OCSF Compliance Finding NDJSON', () => {
  it('is one event per finding, each valid against the vendored OCSF 1.3.0 class schema', () => {
    const all = events(withPlanted(first));
    expect(all).toHaveLength(first.findings.length + 5);
    for (const event of all) {
      if (!validate(event)) throw new Error(JSON.stringify(validate.errors, null, 1));
    }
  });

  it('maps the class, status, severity, compliance, cloud and resources', () => {
    const byUid = new Map(events(first).map((e) => [e.finding_info.uid, e]));
    for (const f of first.findings) {
      const e = byUid.get(f.id)!;
      expect(e.class_uid).toBe(2003);
      expect(e.type_uid).toBe(200301);
      expect(e.metadata.version).toBe(OCSF_VERSION);
      expect(e.metadata.product.name).toBe('kansa');
      expect(e.status_code).toBe(f.status);
      // A result that asks no action is Informational; the check's severity stays in unmapped.
      const asksAction = f.status === 'FAIL' || f.status === 'UNKNOWN';
      expect(e.severity_id).toBe(
        asksAction ? { info: 1, low: 2, medium: 3, high: 4, critical: 5 }[f.severity] : 1,
      );
      expect(e.unmapped.kansa.severity).toBe(f.severity);
      expect(e.compliance.status_id).toBe({ PASS: 1, UNKNOWN: 2, FAIL: 3, NOT_APPLICABLE: 99 }[f.status]);
      expect(e.compliance.standards).toEqual(['osaka']);
      expect(e.compliance.requirements).toEqual(f.requirements);
      expect(e.compliance.control).toBe(f.checkId);
      expect(e.cloud.provider).toBe({ aws: 'AWS', azure: 'Azure', gcp: 'GCP' }[f.resource.provider]);
      expect(e.cloud.account.uid).toBe(f.resource.account);
      expect(e.cloud.region).toBe(f.resource.region);
      expect(e.resources).toEqual([
        expect.objectContaining({ uid: f.resource.id, type: f.resource.nativeType }),
      ]);
      expect(e.remediation.desc).toBe(f.remediation.en);
      expect(e.unmapped.kansa.evidence).toEqual(f.evidence);
      expect(e.status_id).toBe(1);
    }
  });

  it('reports a passed check as Informational, keeping its own severity and its uid', () => {
    const passed = first.findings.find((f) => f.status === 'PASS' && f.severity === 'critical')!;
    const failed = { ...passed, status: 'FAIL' as const };
    const asPass = events({ ...first, findings: [passed] })[0]!;
    const asFail = events({ ...first, findings: [failed] })[0]!;
    expect(asPass).toMatchObject({ severity_id: 1, severity: 'Informational', compliance: { status_id: 1 } });
    expect(asFail).toMatchObject({ severity_id: 5, severity: 'Critical', compliance: { status_id: 3 } });
    expect(asPass.unmapped.kansa.severity).toBe('critical');
    expect(asPass.finding_info.uid).toBe(asFail.finding_info.uid);
  });

  it('keeps finding_info.uid stable across scans (same resource and check, same uid)', () => {
    const uids = (file: FindingsFile) =>
      events(file).map((e) => `${e.finding_info.uid} ${e.compliance.control} ${e.resources[0]!.uid}`);
    expect(uids(second).sort()).toEqual(uids(first).sort());
    expect(new Set(uids(first)).size).toBe(first.findings.length);
    // Different scans, different times; same uids.
    expect(events(first)[0]!.time).toBe(Date.parse(first.scan.finishedAt));
  });

  it('writes the texts in the chosen language', () => {
    const e = events(first, 'ja')[0]!;
    expect(e.finding_info.title).toBe(first.findings[0]!.title.ja);
    expect(e.metadata.product.lang).toBe('ja');
  });

  it("carries another framework view's standards and requirement ids", async () => {
    const view = await loadView(first, 'gov');
    const all = [...renderOcsf(first, view, 'en')]
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as OcsfEvent);
    expect(new Set(all.map((e) => e.compliance.standards[0]))).toEqual(new Set(['gov']));
    for (const e of all) expect(validate(e)).toBe(true);
  });

  it('rejects what the class does not allow (the schema checks, not only parses)', () => {
    const e = events(first)[0]!;
    expect(validate({ ...e, class_uid: 2001 })).toBe(false);
    expect(validate({ ...e, severity_id: 7 })).toBe(false);
    expect(validate({ ...e, compliance: { ...e.compliance, standards: undefined } })).toBe(false);
    expect(validate({ ...e, finding_info: { title: 'x' } })).toBe(false);
    expect(validate({ ...e, status_id: 3, status: 'New' })).toBe(false);
    expect(validate({ ...e, status_id: 3, status: 'Suppressed' })).toBe(true);
  });
});
