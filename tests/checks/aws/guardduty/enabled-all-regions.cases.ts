import { expect } from 'vitest';
import { credentialReportFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, rootRow, snapshotItem } from '../../../sources/aws/builders.ts';

const ROOT = credentialReportFile([rootRow('true')]);
const detector = (region: string, Enable?: boolean) =>
  snapshotItem(
    'AWS::GuardDuty::Detector',
    `det-${region}`,
    {
      Id: `det-${region}`,
      FindingPublishingFrequency: 'SIX_HOURS',
      ...(Enable === undefined ? {} : { Enable }),
    },
    { region, arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/det-${region}` },
  );
function getDetectorItem(region: string, status: string) {
  return {
    awsAccountId: ACCOUNT,
    resourceType: 'AWS::GuardDuty::Detector',
    awsRegion: region,
    source: 'Antiope',
    configurationItemCaptureTime: '2026-11-01 03:00:00.000000',
    configuration: {
      CreatedAt: '2024-05-01T00:00:00.000Z',
      FindingPublishingFrequency: 'SIX_HOURS',
      ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      Status: status,
      UpdatedAt: '2026-10-01T00:00:00.000Z',
      Tags: {},
    },
    supplementaryConfiguration: {},
    resourceId: `det-${region}`,
    resourceName: `Detector-${ACCOUNT}-${region}`,
    resourceCreationTime: '2024-05-01T00:00:00.000Z',
    errors: {},
  };
}
const volume = (region: string) =>
  snapshotItem(
    'AWS::EC2::Volume',
    `vol-${region}`,
    { volumeId: `vol-${region}`, encrypted: true },
    { region },
  );

const table = [
  [
    'enabled in both used Regions',
    [detector(REGION, true), volume('us-east-1'), detector('us-east-1', true)],
    'PASS',
    'enabled',
    [REGION, 'us-east-1'],
  ],
  [
    'no detector in us-east-1',
    [detector(REGION, true), volume('us-east-1')],
    'FAIL',
    'missing',
    ['us-east-1'],
  ],
  ['a disabled detector', [detector(REGION, false)], 'FAIL', 'missing', [REGION]],
  ['Enable not recorded', [detector(REGION)], 'UNKNOWN', 'unknown', [REGION]],
  ['no detector recorded at all', [volume(REGION)], 'UNKNOWN', 'noDetectors', undefined],
  // A Config-shaped record whose configuration is GetDetector's answer (turnerlabs/antiope
  // inventory-guardduty.py): `Status`, not `Enable`.
  ['GetDetector Status DISABLED', [getDetectorItem(REGION, 'DISABLED')], 'FAIL', 'missing', [REGION]],
  ['GetDetector Status ENABLED', [getDetectorItem(REGION, 'ENABLED')], 'PASS', 'enabled', [REGION]],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, items, status, messageId, regions]) => ({
    name,
    records: [...items, ROOT],
    status,
    messageId,
    assert: (result: { data?: Readonly<Record<string, unknown>> }) =>
      expect(result.data?.['regions']).toEqual(regions),
  })),
  {
    name: 'says a missing detector is taken as GuardDuty off, because other Regions record theirs',
    records: [detector(REGION, true), volume('us-east-1'), ROOT],
    status: 'FAIL',
    messageId: 'missing',
    assert: (result) =>
      expect(result.evidence).toContainEqual(
        expect.objectContaining({
          source: 'default',
          value: false,
          path: 'AWS::GuardDuty::Detector[region=us-east-1]',
        }),
      ),
  },
  {
    name: 'only global resources: the Regions in use are unknown',
    records: [ROOT],
    status: 'UNKNOWN',
    messageId: 'noRegions',
  },
];

export default byVerdict(cases) satisfies RuleTests;
