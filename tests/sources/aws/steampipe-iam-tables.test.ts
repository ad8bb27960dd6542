import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from '../steampipe/read-rows.ts';

/**
 * Steampipe's `aws_iam_role` and `aws_iam_user` rows (`select *`), as
 * turbot/steampipe-plugin-aws `aws/table_aws_iam_role.go` and `table_aws_iam_user.go` write
 * them; the fixtures are the corpus files (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

describe('steampipe-rows: aws_iam_role and aws_iam_user', () => {
  it('reads a role as its Config item: the decoded trust policy, attached and inline policies', () => {
    const { resources: read, skipped } = readRows(corpusRows('aws', 'aws-iam-role.json'));
    expect(skipped).toEqual([]);
    // The table lists the account's roles: each row says so of its account.
    const resources = read.filter((r) => r.kansaType !== 'account');
    expect(read.filter((r) => r.kansaType === 'account').map((r) => [r.account, r.facts])).toContainEqual([
      '474747474747',
      { iamRolesListed: { value: true, source: 'explicit', path: 'aws_iam_role' } },
    ]);
    const [vendor, lambda] = resources;
    expect(vendor).toMatchObject({
      nativeType: 'AWS::IAM::Role',
      id: 'arn:aws:iam::474747474747:role/vendor-support',
    });
    expect(vendor?.facts.trustedAccounts).toMatchObject({ source: 'explicit', value: ['999988887777'] });
    expect(vendor?.facts.attachedPolicyArns).toMatchObject({
      value: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    expect(lambda?.facts.trustedAccounts).toMatchObject({ value: [] });
    expect(lambda?.facts.fullAdminInlinePolicies).toMatchObject({ source: 'explicit', value: [] });
  });

  it('reads a user with its groups by name, its MFA devices and whether it has a console password', () => {
    const { resources: read, skipped } = readRows(corpusRows('aws', 'aws-iam-user.json'));
    expect(skipped).toEqual([]);
    const resources = read.filter((r) => r.kansaType !== 'account');
    expect(read.find((r) => r.kansaType === 'account')?.facts).toEqual({
      iamUsersListed: { value: true, source: 'explicit', path: 'aws_iam_user' },
    });
    const [admin, analyst, ci] = resources;
    expect(admin?.facts.attachedPolicyArns).toMatchObject({
      value: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    });
    expect(admin?.facts.mfaActive).toMatchObject({ source: 'explicit', value: false, path: 'mfa_enabled' });
    expect(analyst?.facts.groups).toMatchObject({ value: ['analysts'] });
    // login_profile null: IAM has no login profile for the user (NoSuchEntity).
    expect(ci?.facts.passwordEnabled).toMatchObject({
      source: 'explicit',
      value: false,
      path: 'login_profile',
    });
  });

  // `steampipe query --output json --timing`: the scans' quals (turbot/steampipe
  // pkg/query/queryresult/scan_metadata.go) say what the rows were asked by.
  it('reads rows of a scan asked by a key column as a selection: no listing of the account’s roles', () => {
    const rows = corpusRows('aws', 'aws-iam-role.json');
    const timed = (quals: object[], limit?: number) => ({
      columns: Object.keys(rows[0]!).map((name) => ({ name, data_type: 'text' })),
      rows,
      metadata: {
        duration_ms: 402,
        scans: [
          {
            connection: 'aws',
            table: 'aws_iam_role',
            rows_fetched: rows.length,
            quals,
            ...(limit && { limit }),
          },
        ],
        rows_returned: rows.length,
      },
    });
    const byName = readRows(timed([{ column: 'name', operator: '=', value: 'vendor-support' }])).resources;
    expect(byName.filter((r) => r.kansaType === 'account')).toEqual([]);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((r) => r.picked === true)).toBe(true);
    expect(readRows(timed([], 1)).resources.some((r) => r.kansaType === 'account')).toBe(false);
    // A qual on the scope (the account, the Region) lists that scope whole.
    const scoped = readRows(
      timed([{ column: 'account_id', operator: '=', value: '474747474747' }]),
    ).resources;
    expect(scoped.filter((r) => r.kansaType === 'account').map((r) => r.facts)).toContainEqual({
      iamRolesListed: { value: true, source: 'explicit', path: 'aws_iam_role' },
    });
    expect(scoped.some((r) => r.picked)).toBe(false);
  });

  it('skips a row whose query left out the policies, naming the columns', () => {
    const { inline_policies: _notSelected, ...projected } = corpusRows('aws', 'aws-iam-role.json')[0]!;
    const { resources, skipped } = readRows([projected]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(/aws_iam_role row without the columns inline_policies/);
  });
});
