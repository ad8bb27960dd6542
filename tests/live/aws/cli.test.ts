import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { liveOptions } from '../../../src/cli/live-sources.ts';
import { awsLiveFlags } from '../../../src/sources/aws/live/flags.ts';

function parse(...args: string[]): Record<string, unknown> {
  const command = new Command().exitOverride();
  for (const option of liveOptions()) command.addOption(option);
  return command.parse(args, { from: 'user' }).opts();
}

describe('kansa scan --aws options', () => {
  it('gives no source without --aws, and rejects AWS flags without it', () => {
    expect(awsLiveFlags.fromOptions(parse())).toBeUndefined();
    expect(() => awsLiveFlags.fromOptions(parse('--regions', 'ap-northeast-1'))).toThrow(
      /--regions need --aws/,
    );
  });

  it('builds the AWS source from the flags', () => {
    const source = awsLiveFlags.fromOptions(
      parse(
        '--aws',
        '--regions',
        'ap-northeast-1,ap-northeast-3',
        '--role-arn',
        'arn:aws:iam::{account}:role/KansaAudit',
        '--accounts',
        '111122223333,444455556666',
      ),
    );
    expect(source?.provider).toBe('aws');
  });

  it('validates regions, account ids and role ARNs', () => {
    expect(() => parse('--aws', '--regions', 'tokyo')).toThrow(/not an AWS region/);
    expect(() => parse('--aws', '--role-arn', 'arn:aws:iam::{account}:role/A', '--accounts', '123')).toThrow(
      /12-digit/,
    );
    expect(() => parse('--aws', '--role-arn', 'KansaAudit')).toThrow(/not an IAM role ARN/);
    expect(() =>
      awsLiveFlags.fromOptions(parse('--aws', '--role-arn', 'arn:aws:iam::{account}:role/A')),
    ).toThrow(/needs --accounts/);
  });
});
