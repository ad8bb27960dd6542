import { type LiveFlags, LiveOptionError, lazyLiveSource, listFlag } from '../../live.ts';

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|\{account\}):role\/[\w+=,.@/-]+$/;

function matching(pattern: RegExp, what: string) {
  return (item: string) => {
    if (!pattern.test(item)) throw new LiveOptionError(`not ${what}: ${item}`);
  };
}

/** The flags that only mean something with --aws (for the "needs --aws" error). */
const AWS_ONLY = ['regions', 'aggregator', 'aggregatorRegion', 'roleArn', 'accounts', 'externalId'] as const;

/**
 * `kansa scan --aws [--regions …] [--aggregator <name>] [--role-arn <arn> --accounts …]`.
 * Credentials come from the SDK's default chain: environment, SSO / profiles (AWS_PROFILE),
 * web identity (EKS, GitHub Actions OIDC), ECS container and EC2 instance roles.
 * `--concurrency` and `--save-inventory` are the scan's shared flags.
 */
export const awsLiveFlags: LiveFlags = {
  flags: [
    {
      flags: '--aws',
      description: 'scan AWS live: AWS Config in every enabled region, plus the IAM credential report',
    },
    {
      flags: '--regions <regions>',
      description: 'with --aws: only these regions (comma-separated)',
      parse: listFlag(matching(REGION, 'an AWS region')),
    },
    {
      flags: '--aggregator <name>',
      description: 'with --aws: read every account and region through this Config aggregator',
    },
    {
      flags: '--aggregator-region <region>',
      description: 'with --aggregator: the region the aggregator is in (default: AWS_REGION, else us-east-1)',
      parse: (value: string) => {
        matching(REGION, 'an AWS region')(value);
        return value;
      },
    },
    {
      flags: '--role-arn <arn>',
      description: "with --aws: assume this role in each account; '{account}' stands for the account id",
      parse: (value: string) => {
        matching(ROLE_ARN, 'an IAM role ARN')(value);
        return value;
      },
    },
    {
      flags: '--accounts <ids>',
      description: 'with --role-arn: the accounts to read (comma-separated 12-digit ids)',
      parse: listFlag(matching(ACCOUNT_ID, 'a 12-digit AWS account id')),
    },
    {
      flags: '--external-id <id>',
      description: "with --role-arn: the sts:ExternalId the role's trust policy requires",
    },
  ],
  fromOptions(options) {
    if (!options['aws']) {
      const given = AWS_ONLY.filter((name) => options[name] !== undefined);
      if (given.length > 0) throw new LiveOptionError(`${given.map(flagName).join(', ')} need --aws`);
      return undefined;
    }
    const roleArn = options['roleArn'] as string | undefined;
    const accounts = options['accounts'] as string[] | undefined;
    if (roleArn?.includes('{account}') && !accounts?.length && !options['aggregator']) {
      throw new LiveOptionError("--role-arn with '{account}' needs --accounts");
    }
    if (accounts?.length && !roleArn) throw new LiveOptionError('--accounts needs --role-arn');
    const homeRegion = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
    // The collector, and the SDK behind it, is imported only when the scan runs.
    return lazyLiveSource('aws', async () =>
      (await import('./index.ts')).awsLiveSource({
        homeRegion,
        ...(options['regions'] ? { regions: options['regions'] as string[] } : {}),
        ...(options['aggregator'] ? { aggregator: options['aggregator'] as string } : {}),
        aggregatorRegion: (options['aggregatorRegion'] as string | undefined) ?? homeRegion,
        ...(roleArn ? { roleArn } : {}),
        ...(accounts ? { accounts } : {}),
        ...(options['externalId'] ? { externalId: options['externalId'] as string } : {}),
      }),
    );
  },
};

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
