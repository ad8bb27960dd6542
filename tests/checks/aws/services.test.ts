import { describe, expect, it } from 'vitest';
import guarddutyEnabledAllRegions from '../../../src/checks/aws/guardduty/enabled-all-regions.ts';
import keyPendingDeletion from '../../../src/checks/aws/kms/key-pending-deletion.ts';
import functionPublicAccess from '../../../src/checks/aws/lambda/function-public-access.ts';
import { accountResourceId } from '../../../src/model/resource.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, keyArn, kmsKeyItem, REGION, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy, withRootRow } from './harness.ts';

const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:open-form`;
const lambdaFunction = (supplementary?: Record<string, unknown>) =>
  snapshotItem(
    'AWS::Lambda::Function',
    'open-form',
    { functionName: 'open-form', functionArn: fnArn, runtime: 'nodejs20.x', handler: 'index.handler' },
    { arn: fnArn, name: 'open-form', ...(supplementary ? { supplementary } : {}) },
  );
const policy = (...Statement: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement });

describe('aws.lambda.function-public-access', () => {
  const functionUrlNone = {
    Sid: 'FunctionURLAllowPublicAccess',
    Effect: 'Allow',
    Principal: '*',
    Action: 'lambda:InvokeFunctionUrl',
    Resource: fnArn,
    Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
  };
  const fromApiGateway = {
    Sid: 'apigateway',
    Effect: 'Allow',
    Principal: { Service: 'apigateway.amazonaws.com' },
    Action: 'lambda:InvokeFunction',
    Resource: fnArn,
  };
  const anyoneInOrg = {
    Sid: 'org',
    Effect: 'Allow',
    Principal: '*',
    Action: 'lambda:InvokeFunction',
    Resource: fnArn,
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
  };
  it.each([
    ['a service principal only', { Policy: policy(fromApiGateway) }, 'PASS', 'notPublic'],
    ['anyone in the organization', { Policy: policy(anyoneInOrg) }, 'PASS', 'notPublic'],
    [
      'a function URL with auth type NONE',
      { Policy: policy(fromApiGateway, functionUrlNone) },
      'FAIL',
      'public',
    ],
    ['no Policy recorded', undefined, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, supplementary, status, message) => {
    const result = evaluate(functionPublicAccess, tenancy({ items: [lambdaFunction(supplementary)] }), fnArn);
    expect(result).toMatchObject({
      status,
      message,
      evidence: [{ path: 'supplementaryConfiguration.Policy' }],
    });
  });

  it('names the public statement', () => {
    const result = evaluate(
      functionPublicAccess,
      tenancy({ items: [lambdaFunction({ Policy: policy(functionUrlNone) })] }),
      fnArn,
    );
    expect(result.data).toMatchObject({
      statements: [expect.stringMatching(/^FunctionURLAllowPublicAccess: Principal /)],
    });
  });
});

describe('aws.guardduty.enabled-all-regions', () => {
  const ACCOUNT_ID = accountResourceId('aws', ACCOUNT);
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
  const volume = (region: string) =>
    snapshotItem(
      'AWS::EC2::Volume',
      `vol-${region}`,
      { volumeId: `vol-${region}`, encrypted: true },
      { region },
    );

  it.each([
    [
      'enabled in both used Regions',
      [detector(REGION, true), volume('us-east-1'), detector('us-east-1', true)],
      'PASS',
      'enabled',
      undefined,
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
  ])('%s → %s', (_, items, status, message, regions) => {
    const result = evaluate(guarddutyEnabledAllRegions, withRootRow(tenancy({ items })), ACCOUNT_ID);
    expect(result).toMatchObject({ status, message });
    expect(result.data?.['regions']).toEqual(
      regions ?? (status === 'PASS' ? [REGION, 'us-east-1'] : undefined),
    );
  });

  it('says a missing detector is taken as GuardDuty off, because other Regions record theirs', () => {
    const items = [detector(REGION, true), volume('us-east-1')];
    const result = evaluate(guarddutyEnabledAllRegions, withRootRow(tenancy({ items })), ACCOUNT_ID);
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        source: 'default',
        value: false,
        path: 'AWS::GuardDuty::Detector[region=us-east-1]',
      }),
    );
  });
});

describe('aws.kms.key-pending-deletion', () => {
  it.each([
    ['an enabled customer key', { keyState: 'Enabled' }, 'PASS', 'notScheduled'],
    ['a disabled customer key', { keyState: 'Disabled', enabled: false }, 'PASS', 'notScheduled'],
    ['a key pending deletion', { keyState: 'PendingDeletion', enabled: false }, 'FAIL', 'pendingDeletion'],
    ['an AWS managed key', { keyManager: 'AWS' }, 'NOT_APPLICABLE', 'awsManaged'],
    ['no keyState', { keyState: undefined }, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, configuration, status, message) => {
    const result = evaluate(
      keyPendingDeletion,
      tenancy({ items: [kmsKeyItem('k1', configuration)] }),
      keyArn('k1'),
    );
    expect(result).toMatchObject({ status, message });
  });
});
