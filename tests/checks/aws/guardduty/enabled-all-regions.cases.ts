import { expect } from 'vitest';
import { configRuleEvents, credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan } from '../../../iac/dialect-plan.ts';
import { ACCOUNT, REGION, rootRow, snapshotDocument, snapshotItem } from '../../../sources/aws/builders.ts';

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
/** GetDetector's answer as `aws guardduty get-detector` prints it (no id: the dump's file name gives it). */
const getDetectorAnswer = (status: string) => ({
  CreatedAt: '2024-05-01T00:00:00.000Z',
  FindingPublishingFrequency: 'SIX_HOURS',
  ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
  Status: status,
  UpdatedAt: '2026-10-01T00:00:00.000Z',
  Tags: {},
});
const regionSnapshot = (region: string) =>
  `AWSLogs/${ACCOUNT}/Config/${region}/2026/11/1/ConfigSnapshot/${ACCOUNT}_Config_${region}_ConfigSnapshot_20261101T000000Z_3f6d1c2e-8a4b-4c7d-9e2f-1a3b5c7d9e0f.json`;
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

/**
 * Terraform plans: `aws_guardduty_detector` as the AWS provider documents it (`enable`, default
 * true; "Deleting this resource is equivalent to disabling GuardDuty for an AWS region"), in the
 * shape of a plan's detector written as DrumSlayers/PA-ESGI-2023 `modules/GuardDuty/main.tf`
 * configures one (`enable = true`, `finding_publishing_frequency = "SIX_HOURS"`); an EBS volume
 * whose `availability_zone` puts it in another Region.
 */
function planCases(): AnyCase[] {
  const planDetector = (enable: boolean, actions = ['create']): Change => ({
    address: 'aws_guardduty_detector.primary',
    actions,
    before:
      actions[0] === 'create'
        ? null
        : { id: 'det1', enable: true, finding_publishing_frequency: 'SIX_HOURS' },
    after: actions[0] === 'delete' ? null : { enable, finding_publishing_frequency: 'SIX_HOURS' },
    afterUnknown: { id: true, account_id: true, arn: true },
    expressions: { enable: constant(enable), finding_publishing_frequency: constant('SIX_HOURS') },
  });
  const planVolume = (zone: string): Change => ({
    address: `aws_ebs_volume.${zone.replaceAll('-', '_')}`,
    after: { availability_zone: zone, size: 8, encrypted: true },
    afterUnknown: { id: true, arn: true, kms_key_id: true },
    expressions: { availability_zone: constant(zone), encrypted: constant(true) },
  });
  const planFile = (changes: Change[]) =>
    jsonFile(
      plan(changes, {
        providers: { aws: { region: constant(REGION), allowed_account_ids: constant([ACCOUNT]) } },
      }),
      'plan.json',
    );
  return [
    {
      name: 'a Terraform plan: its detector enabled in the one Region it uses',
      records: [planFile([planDetector(true), planVolume(`${REGION}a`)])],
      status: 'PASS',
      messageId: 'enabled',
    },
    {
      name: 'a Terraform plan: no detector of the plan in another Region it uses (one may exist outside it)',
      records: [planFile([planDetector(true), planVolume('us-east-1a')])],
      status: 'UNKNOWN',
      messageId: 'notInPlan',
      data: { regions: ['us-east-1'] },
    },
    {
      name: 'a Terraform plan: its detector suspended (enable = false)',
      records: [planFile([planDetector(false), planVolume(`${REGION}a`)])],
      status: 'FAIL',
      messageId: 'missing',
      data: { regions: [REGION] },
    },
    {
      name: 'a Terraform plan: it deletes the detector, which disables GuardDuty in the Region',
      records: [planFile([planDetector(true, ['delete']), planVolume(`${REGION}a`)])],
      status: 'FAIL',
      messageId: 'missing',
      data: { regions: [REGION] },
    },
    // HCP Terraform's redacted plan holds no `configuration`: a new resource's Region is not in it.
    {
      name: 'a plan that names no Region: a suspended detector is off in its Region, whichever it is',
      records: [
        unplacedFile([
          planDetector(false),
          { ...planDetector(true), address: 'aws_guardduty_detector.other' },
        ]),
      ],
      status: 'FAIL',
      messageId: 'missing',
      data: { regions: ['(aws_guardduty_detector.primary)'] },
    },
    {
      name: 'a plan that names no Region: an enabled detector cannot vouch for the Regions of the rest',
      records: [
        unplacedFile([
          planDetector(true),
          { ...planVolume(`${REGION}a`), after: { size: 8, encrypted: true } },
        ]),
      ],
      status: 'UNKNOWN',
      messageId: 'regionsUnknown',
    },
  ];
}

/** A plan without `configuration` (HCP Terraform's redacted JSON), its account in allowed ARNs only. */
const unplacedFile = (changes: Change[]) => {
  const { configuration: _, ...redacted } = plan(changes, {});
  return jsonFile(redacted, 'json-output-redacted.json');
};

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
    name: "names the Region's Config inventory that holds no detector while Config records another Region's",
    records: [detector(REGION, true), volume('us-east-1'), ROOT],
    status: 'FAIL',
    messageId: 'missing',
    assert: (result) =>
      expect(result.evidence).toContainEqual(
        expect.objectContaining({
          source: 'explicit',
          value: [],
          path: expect.stringMatching(
            /config-snapshot\.json: configurationItems\[resourceType=AWS::GuardDuty::Detector\]$/,
          ),
        }),
      ),
  },
  // Each Region's Config recorder delivers its own snapshot (<account>_Config_<region>_ConfigSnapshot_…).
  {
    name: "Tokyo's snapshot holds its enabled detector, us-east-1's snapshot none: us-east-1's detectors were listed, none there",
    records: [
      jsonFile(snapshotDocument([detector(REGION, true)]), regionSnapshot(REGION)),
      jsonFile(snapshotDocument([volume('us-east-1')]), regionSnapshot('us-east-1')),
      ROOT,
    ],
    status: 'FAIL',
    messageId: 'missing',
    data: { regions: ['us-east-1'] },
    evidence: [
      { source: 'explicit', value: true, path: 'configuration.Enable' },
      {
        source: 'explicit',
        value: [],
        path: expect.stringContaining(
          `${regionSnapshot('us-east-1')}: configurationItems[resourceType=AWS::GuardDuty::Detector]`,
        ),
      },
    ],
  },
  {
    name: "Tokyo's snapshot holds its detector, us-east-1 is read from a describe-volumes dump only: its detectors were not listed",
    records: [
      jsonFile(snapshotDocument([detector(REGION, true)]), regionSnapshot(REGION)),
      jsonFile(
        {
          Volumes: [
            { VolumeId: 'vol-0e1', AvailabilityZone: 'us-east-1a', Encrypted: true, State: 'in-use' },
          ],
        },
        `${ACCOUNT}/us-east-1/ec2-describe-volumes.json`,
      ),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { regions: ['us-east-1'] },
  },
  {
    name: "a dump's list-detectors and get-detector in Tokyo and a volume of us-east-1: the detectors were listed in Tokyo only",
    records: [
      jsonFile(
        getDetectorAnswer('ENABLED'),
        `${ACCOUNT}/${REGION}/guardduty-get-detector-6c4e1f2a3b5d7e9f8a0b1c2d3e4f5a6b.json`,
      ),
      jsonFile(
        { DetectorIds: ['6c4e1f2a3b5d7e9f8a0b1c2d3e4f5a6b'] },
        `${ACCOUNT}/${REGION}/guardduty-list-detectors.json`,
      ),
      jsonFile(
        {
          Volumes: [
            { VolumeId: 'vol-0e1', AvailabilityZone: 'us-east-1a', Encrypted: true, State: 'in-use' },
          ],
        },
        `${ACCOUNT}/us-east-1/ec2-describe-volumes.json`,
      ),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { regions: ['us-east-1'] },
  },
  {
    name: 'snapshots of two Regions with no detector in either: whether Config records detectors is not known',
    records: [
      jsonFile(snapshotDocument([volume(REGION)]), regionSnapshot(REGION)),
      jsonFile(snapshotDocument([volume('us-east-1')]), regionSnapshot('us-east-1')),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'noDetectors',
  },
  {
    name: "Tokyo's detector in a history file (the resources that changed), us-east-1's snapshot without one: no Region's inventory holds a detector",
    records: [
      jsonFile({ fileVersion: '1.0', configurationItems: [detector(REGION, true)] }, 'config-history.json'),
      jsonFile(snapshotDocument([volume('us-east-1')]), regionSnapshot('us-east-1')),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { regions: ['us-east-1'] },
  },
  {
    name: 'GetDetector Status: the evidence shows the Status the verdict was worked out from',
    records: [getDetectorItem(REGION, 'DISABLED'), ROOT],
    status: 'FAIL',
    messageId: 'missing',
    assert: (result) =>
      expect(result.evidence).toContainEqual(
        expect.objectContaining({ source: 'explicit', value: 'DISABLED', path: 'configuration.Status' }),
      ),
  },
  {
    // Rule events and change notifications carry the resources that changed, not every detector.
    name: "rule events of one Region's detector and another Region's volume",
    records: [configRuleEvents([detector(REGION, true), volume('us-east-1')]), ROOT],
    status: 'UNKNOWN',
    messageId: 'onlyNotified',
    data: { regions: ['us-east-1'] },
  },
  {
    name: 'a rule event of a disabled detector is a Region without GuardDuty',
    records: [configRuleEvents([detector(REGION, false), volume('us-east-1')]), ROOT],
    status: 'FAIL',
    messageId: 'missing',
    data: { regions: [REGION] },
  },
  {
    name: "a snapshot of Tokyo's detector beside a rule event of us-east-1's volume: us-east-1's detectors were not listed",
    records: [detector(REGION, true), configRuleEvents([volume('us-east-1')]), ROOT],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { regions: ['us-east-1'] },
  },
  ...planCases(),
  // `aws guardduty list-detectors` where the Region has none, kept per Region in the dump's
  // `<account>/<region>/` folders: `{"DetectorIds": []}`.
  {
    name: 'list-detectors of the Region answered with none: GuardDuty is off there',
    records: [
      volume(REGION),
      jsonFile({ DetectorIds: [] }, `${ACCOUNT}_${REGION}_list-detectors.json`),
      ROOT,
    ],
    status: 'FAIL',
    messageId: 'missing',
    data: { regions: [REGION] },
    evidence: [
      {
        source: 'explicit',
        path: expect.stringMatching(/111122223333_ap-northeast-1_list-detectors\.json: DetectorIds$/),
        value: [],
      },
    ],
  },
  {
    name: 'list-detectors answered with none in one Region: another used Region with no listing is not judged on it',
    records: [
      volume(REGION),
      volume('us-east-1'),
      jsonFile({ DetectorIds: [] }, `${ACCOUNT}_${REGION}_list-detectors.json`),
      ROOT,
    ],
    status: 'FAIL',
    messageId: 'missing',
    data: { regions: [REGION] },
    assert: (result) =>
      expect(result.evidence).toContainEqual(
        expect.objectContaining({ source: 'unknown', path: 'AWS::GuardDuty::Detector[region=us-east-1]' }),
      ),
  },
  {
    name: 'list-detectors answered with none in a Region the account does not use, and nothing of the used one',
    records: [
      volume(REGION),
      jsonFile({ DetectorIds: [] }, `${ACCOUNT}_us-east-1_list-detectors.json`),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'noDetectors',
  },
  {
    name: 'list-detectors with no entry and a NextToken: not the whole listing',
    records: [
      volume(REGION),
      jsonFile({ DetectorIds: [], NextToken: 'AAAA' }, `${ACCOUNT}_${REGION}_list-detectors.json`),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'noDetectors',
  },
  {
    name: 'only global resources: the Regions in use are unknown',
    records: [ROOT],
    status: 'UNKNOWN',
    messageId: 'noRegions',
  },
];

export default byVerdict(cases) satisfies RuleTests;
