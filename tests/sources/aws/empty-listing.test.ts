import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { ACCOUNT } from './builders.ts';

// Hand-over dumps keep one answer per command and Region (`<account>/<region>/<command>.json`);
// where the account has none, the CLI prints the member with no entries.
function readAt(document: unknown, file: string) {
  const skipped: string[] = [];
  const notes: string[] = [];
  const resources = [
    ...awsApiDescribeFormat.read(document, {
      file,
      skip: (reason) => skipped.push(reason),
      note: (note) => notes.push(note),
    }),
  ] as Resource<Record<string, unknown>>[];
  return { resources, skipped, notes };
}

describe('aws-api-describe: an empty scope listing', () => {
  it.each([
    ['FlowLogs', 'flowLogListings', 'describe-flow-logs'],
    ['DetectorIds', 'detectorListings', 'list-detectors'],
    ['trailList', 'trailListings', 'describe-trails'],
  ])(
    'reads {"%s": []} in <account>/<region>/ as the Region listed with none (%s)',
    (member, fact, command) => {
      const file = `dump/${ACCOUNT}/ap-northeast-1/${command}.json`;
      expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches({ [member]: [] }))?.id).toBe(
        'aws-api-describe',
      );
      const { resources, skipped, notes } = readAt({ [member]: [] }, file);
      expect(skipped).toEqual([]);
      expect(notes).toEqual([]);
      expect(resources).toEqual([
        expect.objectContaining({
          id: `arn:aws:iam::${ACCOUNT}:root`,
          kansaType: 'account',
          account: ACCOUNT,
          region: 'global',
          origin: { file },
          facts: {
            [fact]: expect.objectContaining({
              source: 'explicit',
              value: [{ region: 'ap-northeast-1', listing: `${file}: ${member}` }],
            }),
          },
        }),
      ]);
    },
  );

  it('places it by the file name as EC2 answers are (<account>_<region>_<command>.json), NextToken null being the last page', () => {
    const file = `${ACCOUNT}_eu-west-1_describe-flow-logs.json`;
    const { resources } = readAt({ FlowLogs: [], NextToken: null, ResponseMetadata: {} }, file);
    expect(resources[0]?.facts['flowLogListings']).toMatchObject({
      value: [{ region: 'eu-west-1', listing: `${file}: FlowLogs` }],
    });
  });

  it('takes describe-trails placed in an account only: every Region’s answer lists the account’s trails', () => {
    const { resources } = readAt({ trailList: [] }, `${ACCOUNT}/describe-trails.json`);
    expect(resources[0]?.facts['trailListings']).toMatchObject({
      value: [{ listing: `${ACCOUNT}/describe-trails.json: trailList` }],
    });
    // Regional listings need the Region.
    const flowLogs = readAt({ FlowLogs: [] }, `${ACCOUNT}/describe-flow-logs.json`);
    expect(flowLogs.resources).toEqual([]);
    expect(flowLogs.notes).toEqual([
      "aws ec2 describe-flow-logs lists none, and the file's folders or name give no account or Region: it covers no scope (saved in <account>/<region>/ folders, it is read as their listing)",
    ]);
  });

  it('covers no scope when the dump names none: the listing is read as none, noted', () => {
    const { resources, skipped, notes } = readAt({ DetectorIds: [] }, 'list-detectors.json');
    expect(resources).toEqual([]);
    expect(skipped).toEqual([]);
    expect(notes).toEqual([expect.stringContaining('aws guardduty list-detectors lists none, and the file')]);
    expect(readAt({ trailList: [] }, 'ap-northeast-1/describe-trails.json').notes).toEqual([
      "aws cloudtrail describe-trails lists none, and the file's folders or name give no account: it covers no scope (saved in <account>/ folders, it is read as their listing)",
    ]);
  });

  it.each([
    [{ FlowLogs: [], NextToken: 'eyJ2IjoiMiJ9' }],
    [{ DetectorIds: [], NextToken: 'AAAA' }],
    [{ trailList: [], NextToken: 'next' }],
    [{ FlowLogs: [], IsTruncated: true }],
  ])('does not take a page with a next one, %j, for the whole listing', (document) => {
    const { resources, notes } = readAt(document, `${ACCOUNT}/ap-northeast-1/listing.json`);
    expect(resources).toEqual([]);
    expect(notes).toEqual([expect.stringContaining('lists none on a page that has a next one (NextToken)')]);
  });

  it.each([
    `${ACCOUNT}/ap-northeast-1/describe-flow-logs_vpc-0a1b2c3d4e5f60718.json`,
    `${ACCOUNT}/ap-northeast-1/vpc-0a1b2c3d4e5f60718/describe-flow-logs.json`,
    `${ACCOUNT}_ap-northeast-1_describe-flow-logs-VPC-0A1B2C3D4E5F60718.json`,
  ])('keeps the resource %s names: a listing filtered by it speaks for it alone', (file) => {
    expect(readAt({ FlowLogs: [] }, file).resources[0]?.facts['flowLogListings']).toMatchObject({
      value: [{ region: 'ap-northeast-1', resourceId: 'vpc-0a1b2c3d4e5f60718' }],
    });
  });

  it.each([[{ DBInstances: [] }], [{ FileSystems: [] }], [{ SecurityGroups: [] }]])(
    'makes no scope listing of %j: no check reads what it lists, or the member does not say which API answered',
    (document) => {
      const { resources, notes, skipped } = readAt(document, `${ACCOUNT}/ap-northeast-1/listing.json`);
      expect({ resources, notes, skipped }).toEqual({ resources: [], notes: [], skipped: [] });
    },
  );
});
