import { describe, expect, it } from 'vitest';
import securityGroupOpenPorts from '../../src/checks/aws/ec2/security-group-open-ports.ts';
import { awsConfigSnapshotFormat } from '../../src/sources/aws/config-snapshot.ts';
import { evaluate, readRecords } from '../helpers/checks.ts';
import { ACCOUNT, REGION, snapshotDocument, snapshotItem } from '../sources/aws/builders.ts';

/** A security group rule whose source is a managed prefix list opens its ports to every CIDR in the list. */
const PREFIX_LISTS = 'https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html';
const SG_RULES = 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html';

const sgArn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-1`;
const group = (ipProtocol: string, ports: [number, number] | null, prefixListId: string) =>
  snapshotItem(
    'AWS::EC2::SecurityGroup',
    'sg-1',
    {
      groupId: 'sg-1',
      groupName: 'admin',
      ipPermissions: [
        {
          ipProtocol,
          ...(ports ? { fromPort: ports[0], toPort: ports[1] } : {}),
          ipv4Ranges: [],
          ipv6Ranges: [],
          prefixListIds: [{ prefixListId, description: 'admin sources' }],
          userIdGroupPairs: [],
        },
      ],
      ipPermissionsEgress: [],
    },
    { arn: sgArn, name: 'admin' },
  );
/** AWS::EC2::PrefixList as Config records it (CloudFormation's shape: PrefixListId, Entries[].Cidr). */
const prefixList = (id: string, cidrs: string[] | undefined) =>
  snapshotItem(
    'AWS::EC2::PrefixList',
    id,
    {
      PrefixListId: id,
      PrefixListName: `${id}-name`,
      AddressFamily: 'IPv4',
      MaxEntries: 10,
      ...(cidrs ? { Entries: cidrs.map((Cidr) => ({ Cidr, Description: 'entry' })) } : {}),
    },
    { arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:prefix-list/${id}` },
  );

describe('security groups with managed prefix lists as sources', () => {
  it.each([
    [
      'SSH from a list that holds 0.0.0.0/0 is open to the internet',
      [group('tcp', [22, 22], 'pl-open'), prefixList('pl-open', ['10.0.0.0/8', '0.0.0.0/0'])],
      'FAIL',
      ['pl-open (0.0.0.0/0) → tcp:22'],
    ],
    [
      'all traffic from a list that holds ::/0',
      [group('-1', null, 'pl-v6'), prefixList('pl-v6', ['::/0'])],
      'FAIL',
      ['pl-v6 (::/0) → -1'],
    ],
    [
      'RDP from a list of office ranges only',
      [group('tcp', [3389, 3389], 'pl-office'), prefixList('pl-office', ['203.0.113.0/24'])],
      'PASS',
      undefined,
    ],
    [
      'SSH from a list that is not in the inventory cannot be resolved: UNKNOWN, never PASS',
      [group('tcp', [22, 22], 'pl-shared')],
      'UNKNOWN',
      undefined,
    ],
    [
      'SSH from a list whose entries are not in the export: UNKNOWN',
      [group('tcp', [22, 22], 'pl-noentries'), prefixList('pl-noentries', undefined)],
      'UNKNOWN',
      undefined,
    ],
    [
      'HTTPS from an unresolved list is no management port: nothing to decide',
      [group('tcp', [443, 443], 'pl-shared')],
      'PASS',
      undefined,
    ],
  ])(`%s (${PREFIX_LISTS}, ${SG_RULES})`, (_, items, status, rules) => {
    const result = evaluate(
      securityGroupOpenPorts,
      readRecords(awsConfigSnapshotFormat, snapshotDocument(items)),
      sgArn,
    );
    expect(result.status).toBe(status);
    expect(result.data?.['rules']).toEqual(rules);
    if (status === 'UNKNOWN') expect(result.message).toBe('unresolvedPrefixList');
    if (status === 'FAIL') expect(result.evidence.map((e) => e.path)).toContain('configuration.Entries');
  });
});
