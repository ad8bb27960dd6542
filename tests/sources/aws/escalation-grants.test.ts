import { describe, expect, it } from 'vitest';
import { escalationGrantsOf } from '../../../src/sources/aws/adapters/escalation-grants.ts';

// Statements as IAM policy documents write them (the grammar of
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), read for the
// actions of the escalation paths through another principal.
describe('escalationGrantsOf', () => {
  it('keeps only the path actions a statement allows, as patterns and with NotAction', () => {
    const [pass, power] = escalationGrantsOf([
      {
        Effect: 'Allow',
        Action: ['iam:Pass*', 's3:GetObject'],
        Resource: 'arn:aws:iam::111122223333:role/app-*',
      },
      { Sid: 'Power', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    ]);
    expect(pass).toEqual({
      statement: 'Statement[0]',
      effect: 'Allow',
      actions: ['iam:PassRole'],
      resources: ['arn:aws:iam::111122223333:role/app-*'],
      exceptResources: false,
    });
    expect(power?.statement).toBe('Power');
    expect(power?.actions).toContain('lambda:UpdateFunctionCode');
    expect(power?.actions).toContain('ec2:RunInstances');
    expect(power?.actions.some((action) => action.startsWith('iam:'))).toBe(false);
  });

  it('keeps NotResource as the resources excepted, and a policy variable as written', () => {
    const ownUser = `arn:aws:iam::111122223333:user/\${aws:username}`;
    const [grant] = escalationGrantsOf([
      {
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        NotResource: ownUser,
      },
    ]);
    expect(grant).toMatchObject({
      resources: [ownUser],
      exceptResources: true,
    });
  });

  it('reads iam:PassedToService from string conditions, and not from a negated one', () => {
    const grants = escalationGrantsOf([
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:PassedToService': ['Lambda.amazonaws.com', 'ec2.amazonaws.com'] } },
      },
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringLike: { 'iam:PassedToService': 'ec2.*' } },
      },
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringNotEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      },
    ]);
    expect(grants.map((grant) => grant.passedToServices)).toEqual([
      ['lambda.amazonaws.com', 'ec2.amazonaws.com'],
      ['ec2.*'],
      undefined,
    ]);
  });

  it('keeps an unconditional Deny and leaves out a conditional one', () => {
    const grants = escalationGrantsOf(
      [
        { Sid: 'NoPass', Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
      'guard: ',
    );
    expect(grants).toEqual([
      {
        statement: 'guard: NoPass',
        effect: 'Deny',
        actions: ['iam:PassRole'],
        resources: ['*'],
        exceptResources: false,
      },
    ]);
  });
});
