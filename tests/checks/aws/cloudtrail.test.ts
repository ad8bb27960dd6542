import { describe, expect, it } from 'vitest';
import logFileValidation from '../../../src/checks/aws/cloudtrail/log-file-validation.ts';
import multiRegionTrail from '../../../src/checks/aws/cloudtrail/multi-region-trail.ts';
import { accountResourceId } from '../../../src/model/resource.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, apiItem, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy, withRootRow } from './harness.ts';

const trailArn = (name: string) => `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/${name}`;
function trail(name: string, configuration: Record<string, unknown>) {
  return snapshotItem(
    'AWS::CloudTrail::Trail',
    name,
    {
      name,
      s3BucketName: 'audit-logs',
      homeRegion: 'ap-northeast-1',
      trailARN: trailArn(name),
      isOrganizationTrail: false,
      ...configuration,
    },
    { arn: trailArn(name) },
  );
}
const ACCOUNT_ID = accountResourceId('aws', ACCOUNT);

describe('aws.cloudtrail.multi-region-trail', () => {
  it('passes with one multi-Region trail among others, noting that IsLogging is not in Config', () => {
    const resources = withRootRow(
      tenancy({
        items: [trail('local', { isMultiRegionTrail: false }), trail('all', { isMultiRegionTrail: true })],
      }),
    );
    const result = evaluate(multiRegionTrail, resources, ACCOUNT_ID);
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'multiRegion',
      data: { trail: 'all' },
      evidence: [
        { path: 'configuration.isMultiRegionTrail', value: true, resourceId: trailArn('all') },
        { path: 'IsLogging', source: 'unknown' },
      ],
    });
  });

  it('fails when every trail covers one Region', () => {
    const resources = withRootRow(tenancy({ items: [trail('local', { isMultiRegionTrail: false })] }));
    expect(evaluate(multiRegionTrail, resources, ACCOUNT_ID)).toMatchObject({
      status: 'FAIL',
      message: 'noMultiRegion',
      data: { trails: ['local'] },
    });
  });

  it('is UNKNOWN when no trail is in the export, or a trail does not say its scope', () => {
    expect(evaluate(multiRegionTrail, withRootRow([]), ACCOUNT_ID)).toMatchObject({
      status: 'UNKNOWN',
      message: 'noTrails',
    });
    const scopeless = withRootRow(tenancy({ items: [trail('x', {})] }));
    expect(evaluate(multiRegionTrail, scopeless, ACCOUNT_ID)).toMatchObject({
      status: 'UNKNOWN',
      message: 'unknownScope',
    });
  });
});

describe('aws.cloudtrail.log-file-validation', () => {
  it.each([
    ['validation on', { logFileValidationEnabled: true }, 'PASS', 'enabled'],
    ['validation off', { logFileValidationEnabled: false }, 'FAIL', 'disabled'],
    ['field absent', {}, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, configuration, status, message) => {
    const result = evaluate(
      logFileValidation,
      tenancy({ items: [trail('t', configuration)] }),
      trailArn('t'),
    );
    expect(result).toMatchObject({
      status,
      message,
      evidence: [{ path: 'configuration.logFileValidationEnabled' }],
    });
  });

  it('reads the API dialect (configuration as a JSON string)', () => {
    const resources = tenancy({ items: [apiItem(trail('t', { logFileValidationEnabled: true }))] });
    expect(evaluate(logFileValidation, resources, trailArn('t'))).toMatchObject({ status: 'PASS' });
  });
});
