import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/model/resource.ts';
import { awsConfigSnapshotFormat } from '../../src/sources/aws/config-snapshot.ts';
import { azureArm } from '../../src/sources/azure/arm.ts';
import { gcpAssetExport } from '../../src/sources/gcp/asset-export.ts';
import { readRecords } from '../helpers/checks.ts';
import { REGION, snapshotItem } from './aws/builders.ts';
import { bucketPolicyRecord, clusterRecord, firewallRecord } from './gcp/records.ts';

/**
 * A value of a type the export's grammar does not give (found by tests/sources/mutation.test.ts)
 * reads as unknown: never as the documented default, never as a list without the entry.
 */
const UNEXPECTED =
  'the export holds a value of an unexpected type in this field, so the setting cannot be told';

type Facts = Record<string, { source: string; value?: unknown; note?: { en: string } }>;
const fact = (resource: Resource | undefined, name: string) => (resource?.facts as Facts | undefined)?.[name];

describe('Google Cloud: a field of an unexpected type', () => {
  const cluster = (data: Record<string, unknown>) =>
    readRecords(gcpAssetExport, [clusterRecord('c', data)])[0];

  it('is unknown, not the default: legacyAbac.enabled of another type, or under a legacyAbac that is no object', () => {
    for (const legacyAbac of [{ enabled: 'yes' }, { enabled: [] }, 7, []]) {
      expect(fact(cluster({ legacyAbac }), 'legacyAbac')).toMatchObject({
        source: 'unknown',
        note: { en: UNEXPECTED },
      });
    }
  });

  it('reads booleans written as strings, and an absent field as its default', () => {
    expect(fact(cluster({ legacyAbac: { enabled: 'true' } }), 'legacyAbac')).toMatchObject({ value: true });
    expect(fact(cluster({}), 'legacyAbac')).toMatchObject({ source: 'default', value: false });
  });

  it('makes a firewall rule unknown whose source ranges or allowed entries hold another type', () => {
    const rule = (data: Record<string, unknown>) =>
      readRecords(gcpAssetExport, [firewallRecord('r', data)])[0];
    const allowed = [{ IPProtocol: 'tcp', ports: ['22'] }];
    expect(fact(rule({ sourceRanges: ['0.0.0.0/0', {}], allowed }), 'sourceRanges')?.source).toBe('unknown');
    expect(fact(rule({ sourceRanges: ['0.0.0.0/0'], allowed: [...allowed, 'all'] }), 'allowed')?.source).toBe(
      'unknown',
    );
    expect(
      fact(rule({ sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: true }] }), 'allowed')?.source,
    ).toBe('unknown');
  });

  it('makes the public bindings unknown when a binding or a member is of another type', () => {
    const bucket = (binding: unknown) =>
      readRecords(gcpAssetExport, [bucketPolicyRecord('b', [binding as Record<string, unknown>])]).find(
        (r) => fact(r, 'publicBindings') !== undefined,
      );
    expect(fact(bucket(null), 'publicBindings')?.source).toBe('unknown');
    expect(
      fact(bucket({ role: 'roles/storage.objectViewer', members: ['allUsers', 7] }), 'publicBindings')
        ?.source,
    ).toBe('unknown');
    expect(fact(bucket({ role: ['roles/owner'], members: ['allUsers'] }), 'publicBindings')?.source).toBe(
      'unknown',
    );
  });
});

describe('AWS: a list with an entry of an unexpected type', () => {
  const group = (ipPermissions: unknown) =>
    readRecords(awsConfigSnapshotFormat, [
      snapshotItem('AWS::EC2::SecurityGroup', 'sg-1', { groupId: 'sg-1', ipPermissions }, { region: REGION }),
    ])[0];
  const open = { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] };

  it('makes a security group’s open ingress unknown, not the rules that remain', () => {
    expect(fact(group([open]), 'ipIngress')).toMatchObject({ source: 'explicit' });
    for (const ipPermissions of [
      [open, 'tcp/22'],
      [{ ...open, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }, 7] }],
      [{ ...open, ipProtocol: true }],
      [{ ...open, ipRanges: ['10.0.0.0/8', { cidrIp: '0.0.0.0/0' }] }],
    ]) {
      expect(fact(group(ipPermissions), 'ipIngress'), JSON.stringify(ipPermissions)).toMatchObject({
        source: 'unknown',
        note: { en: UNEXPECTED },
      });
    }
  });
});

describe('AWS: a Config item whose capture time is no time', () => {
  it('is skipped with its reason: it cannot be placed among its versions, nor dated', () => {
    const skipped: string[] = [];
    const item = snapshotItem('AWS::S3::Bucket', 'b', { name: 'b' }, { captured: [] as unknown as string });
    const document = { fileVersion: '1.0', configurationItems: [item] };
    const resources = [
      ...awsConfigSnapshotFormat.read(document, {
        file: 'snapshot.json',
        skip: (reason) => skipped.push(reason),
      }),
    ];
    expect(resources).toEqual([]);
    expect(skipped).toEqual(['AWS::S3::Bucket b: configurationItemCaptureTime is not a time']);
  });
});

describe('Azure: a property or rule of an unexpected type', () => {
  const SUB = '5a000000-0000-4000-8000-0000000000a1';
  const arm = (type: string, name: string, properties: object) =>
    readRecords(azureArm, [
      {
        id: `/subscriptions/${SUB}/resourceGroups/rg/providers/${type}/${name}`,
        name,
        type,
        location: 'japaneast',
        properties,
      },
    ])[0];

  it('is unknown, not the default: minimumTlsVersion of another type, networkAcls that is no object', () => {
    const account = (properties: object) => arm('Microsoft.Storage/storageAccounts', 'st', properties);
    expect(fact(account({ minimumTlsVersion: 12 }), 'minimumTlsVersion')?.source).toBe('unknown');
    expect(fact(account({ networkAcls: 'Deny' }), 'networkDefaultAction')?.source).toBe('unknown');
    expect(fact(account({}), 'minimumTlsVersion')).toMatchObject({ source: 'default', value: 'TLS1_0' });
  });

  it('makes an NSG’s inbound rules unknown when a rule cannot be read', () => {
    const rule = {
      name: 'ssh',
      properties: { direction: 'Inbound', access: 'Allow', priority: 100, protocol: 'Tcp' },
    };
    const nsg = (securityRules: unknown[]) =>
      arm('Microsoft.Network/networkSecurityGroups', 'nsg', { securityRules });
    const withSource = (sourceAddressPrefix: unknown) => ({
      ...rule,
      properties: { ...rule.properties, sourceAddressPrefix, destinationPortRange: '22' },
    });
    expect(fact(nsg([withSource('*')]), 'inboundRules')?.source).toBe('explicit');
    for (const securityRules of [
      [withSource('*'), 7],
      [{ ...rule, properties: 7 }],
      [withSource({ any: '*' })],
    ]) {
      expect(fact(nsg(securityRules), 'inboundRules')?.source, JSON.stringify(securityRules)).toBe('unknown');
    }
  });
});
