import { ACCOUNT, snapshotItem } from '../../../sources/aws/builders.ts';

/** IAM role Config items, for the aws.iam.* cases. */
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** An IAM role item: its trust policy URL-encoded, as Config writes it. */
export const roleItem = (
  name: string,
  trust: object | undefined,
  configuration: Record<string, unknown> = {},
) =>
  snapshotItem(
    'AWS::IAM::Role',
    `AROA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    {
      path: '/',
      roleName: name,
      arn: roleArn(name),
      ...(trust
        ? {
            assumeRolePolicyDocument: encodeURIComponent(
              JSON.stringify({ Version: '2012-10-17', Statement: [trust] }),
            ),
          }
        : {}),
      instanceProfileList: [],
      rolePolicyList: [],
      attachedManagedPolicies: [],
      ...configuration,
    },
    { arn: roleArn(name), region: 'global', name },
  );
