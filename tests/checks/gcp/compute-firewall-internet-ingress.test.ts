import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/compute/firewall-internet-ingress.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { firewallRecord } from '../../sources/gcp/records.ts';

const ID = '//compute.googleapis.com/projects/osaka-juki-prod/global/firewalls/r';
const ANYWHERE = { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'] };

const cases = [
  {
    name: 'SSH from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'RDP inside a port range from ::/0',
    rule: { sourceRanges: ['::/0'], allowed: [{ IPProtocol: 'tcp', ports: ['3000-4000'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'protocol "all" from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'all' }] },
    status: 'FAIL',
    message: 'allPorts',
  },
  {
    name: 'tcp without ports (every port)',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp' }] },
    status: 'FAIL',
    message: 'allPorts',
  },
  {
    name: 'HTTPS only from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp', ports: ['443'] }, { IPProtocol: 'icmp' }] },
    status: 'PASS',
    message: 'safePorts',
  },
  {
    name: 'SSH from the IAP range only',
    rule: { sourceRanges: ['35.235.240.0/20'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    status: 'PASS',
    message: 'notFromInternet',
  },
  {
    name: 'sources by network tag only',
    rule: { sourceTags: ['bastion'], allowed: [{ IPProtocol: 'all' }] },
    status: 'PASS',
    message: 'notFromInternet',
  },
  {
    name: 'a disabled rule',
    rule: { ...ANYWHERE, disabled: true, allowed: [{ IPProtocol: 'all' }] },
    status: 'PASS',
    message: 'disabled',
  },
  {
    name: 'an egress rule',
    rule: { direction: 'EGRESS', destinationRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'all' }] },
    status: 'NOT_APPLICABLE',
    message: 'egress',
  },
  {
    name: 'a deny rule (no allowed entries)',
    rule: { ...ANYWHERE, denied: [{ IPProtocol: 'all' }] },
    status: 'NOT_APPLICABLE',
    message: 'denyRule',
  },
  {
    // https://cloud.google.com/firewall/docs/firewalls#sources_for_ingress_rules: an ingress rule
    // with no source applies to 0.0.0.0/0 (terraform-provider-google#6789 shows the same).
    name: 'no source at all (Google Cloud applies 0.0.0.0/0)',
    rule: { direction: 'INGRESS', allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ rule, status, message }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [firewallRecord('r', rule)]), ID);
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it('applies the documented defaults (INGRESS, enabled) and names what is open', () => {
    const rule = {
      sourceRanges: ['0.0.0.0/0', '10.0.0.0/8'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    };
    const result = evaluate(check, readRecords(gcpAssetExport, [firewallRecord('r', rule)]), ID);
    expect(result.data).toEqual({ sources: ['0.0.0.0/0'], allowed: ['tcp:22'] });
    expect(result.evidence.map((e) => [e.path, e.source])).toEqual([
      ['resource.data.direction', 'default'],
      ['resource.data.disabled', 'default'],
      ['resource.data.sourceRanges', 'explicit'],
      ['resource.data.allowed', 'explicit'],
    ]);
  });
});
