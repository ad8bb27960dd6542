import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { FALLBACK_COVERS, FALLBACK_MISSES } from '../../src/sources/aws/live/fallback.ts';

/** English prose: three lower-case words in a row, once paths, ids and quoted values are removed. */
const ENGLISH = /\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/;
const prose = (text: string) =>
  text
    .replace(/(?:\/[^\s:]+)+/g, ' ')
    .replace(/'[^']*'|`[^`]*`|"[^"]*"/g, ' ')
    .replace(/\b[a-z0-9]+(?:[-.:][a-z0-9]+)+\b/g, ' ');

/** A cloud's own message, quoted in a gap. */
const SDK_MESSAGE = 'User: arn:aws:iam::1:user/a is not authorized';

/** The gaps of partial live scans, as the collectors word them (sources/*\/live). */
const GAPS = [
  'diagnostic settings of /subscriptions/0b1f/providers/microsoft.insights/diagnosticsettings: HTTP 500 InternalServerError (gave up after 3 attempts)',
  'SQL auditing settings of /subscriptions/0b1f/resourcegroups/rg/providers/microsoft.sql/servers/s1/auditingSettings/default: HTTP 403 AuthorizationFailed (the Reader role on the subscription grants this read)',
  'Key Vault keys of /subscriptions/0b1f/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv/keys: incomplete, page 2 failed after 1 page(s) read: HTTP 500 InternalServerError',
  'resources: incomplete, page 3 failed after 2 page(s) read: HTTP 403 AuthorizationFailed (Resource Graph reads what the Reader role grants: Microsoft.ResourceGraph/resources/read and */read on the subscription)',
  'not found, or not readable by this identity (it needs the Reader role on the subscription)',
  "the scope's deadline (1800 s) passed",
  "the scope's deadline (30 s) passed: what was read before it is kept",
  "the scope's deadline passed while waiting on Resource Graph query (resources, page 3)",
  'no answer within 60 s (connect and response timeout) (gave up after 3 attempts)',
  'connection refused: is the endpoint right, or is a proxy needed? (gave up after 5 attempts)',
  'could not reach the Microsoft Entra token endpoint (login.microsoftonline.com): no network, DNS, or a proxy (HTTPS_PROXY) is needed',
  `access denied to config:DescribeConfigurationRecorders (AccessDeniedException): ${SDK_MESSAGE} (the SecurityAudit or ReadOnlyAccess managed policy grants it): whether the recorder records every resource type is unknown`,
  `AWS Config not recording in this region (OSK-5.1: not centrally managed); read directly instead: ${FALLBACK_COVERS}; not read: ${FALLBACK_MISSES}`,
  'incomplete: SelectResourceConfig page 2 failed after 1 page(s) (3 resource(s)) read: InternalFailure',
  // As findings files written before kansa counted its nouns word it.
  'incomplete: SelectResourceConfig page 2 failed after 1 page(s) (3 resources) read: InternalFailure',
  '2 resource(s) stayed unprocessed by BatchGetResourceConfig',
  'credential report not read (access denied to iam:GenerateCredentialReport (AccessDenied): denied (the SecurityAudit or ReadOnlyAccess managed policy grants it)): root MFA and root access keys from iam:GetAccountSummary; per-user console password, MFA and access-key age unknown',
  `access denied to iam:GetAccountPasswordPolicy (AccessDenied): ${SDK_MESSAGE} (the SecurityAudit or ReadOnlyAccess managed policy grants it); the password policy stays unknown`,
  "not the caller's account (111122223333): give --role-arn to read it",
  'RESOURCE (organizations/1): PERMISSION_DENIED (HTTP 403): denied (grant roles/cloudasset.viewer on the scope to the identity)',
  'tenant (every readable subscription): resources: incomplete, page 3 failed after 2 page(s) read: HTTP 500 InternalServerError',
  'management group mg-osaka, mg-kobe: resourcecontainers: HTTP 403 AuthorizationFailed (Resource Graph reads what the Reader role grants: Microsoft.ResourceGraph/resources/read and */read on the subscription)',
];

/** What delivery to the SOC runs into, as send/ and cli/send-command.ts word it. */
const DELIVERY = [
  '--to splunk: set KANSA_SPLUNK_URL',
  'webhook: webhook (https://soc.example.jp) answered HTTP 503: maintenance (gave up after 5 attempts)',
  'securityhub: Security Hub (securityhub.ap-northeast-1) answered HTTP 403 AccessDeniedException: not subscribed',
  'splunk: Splunk HEC (https://splunk.example.jp:8088): HEC answered without an ackId: is acknowledgement enabled on the token?',
  'splunk: Splunk HEC (https://splunk.example.jp:8088): HEC did not acknowledge ackId 7 in time: the batch may not be indexed',
  'Security Hub refused the finding: InvalidInput Finding too large',
  "1048577 bytes encoded, over splunk's 1048576-byte limit per call",
  'webhook: webhook (http://soc.example.jp): http://soc.example.jp: only https:// endpoints are used',
];

describe('problem texts in Japanese', () => {
  it.each(GAPS)('a live gap: %s', (gap) => {
    const ja = localizeProblem(gap, 'ja');
    expect(ja).not.toBe(gap);
    // A cloud's own message, quoted, stays in its words.
    expect(prose(ja.replace(SDK_MESSAGE, '')), ja).not.toMatch(ENGLISH);
  });

  it.each(DELIVERY)('a delivery problem: %s', (text) => {
    const ja = localizeProblem(text, 'ja');
    expect(ja).not.toBe(text);
    expect(prose(ja.replace(/: [A-Za-z][\w ]*$/, '')), ja).not.toMatch(ENGLISH);
  });

  it('reads a count the same in the wording of older findings files', () => {
    const ja = 'in.csv:2: CSV として不正です: 見出しは 2 列ですが、この行のセルは 1 個です';
    expect(
      localizeProblem(
        "in.csv:2: malformed CSV: the row's cells (1) do not match the header's columns (2)",
        'ja',
      ),
    ).toBe(ja);
    expect(
      localizeProblem('in.csv:2: malformed CSV: a row of 1 cells under a header of 2 columns', 'ja'),
    ).toBe(ja);
    const segments = 'vnet/sub: 名前の区切りが 1 個ですが、種類には 2 個必要です';
    expect(
      localizeProblem("vnet/sub: the name's segments (1) do not match the type's (2 needed)", 'ja'),
    ).toBe(segments);
    expect(localizeProblem('vnet/sub: the name has 1 segments where the type needs 2', 'ja')).toBe(segments);
  });

  it('keeps what it quotes, and English as it is', () => {
    const gap = GAPS[1]!;
    expect(localizeProblem(gap, 'ja')).toContain(
      '/subscriptions/0b1f/resourcegroups/rg/providers/microsoft.sql/servers/s1/auditingSettings/default',
    );
    expect(localizeProblem(gap, 'ja')).toContain('HTTP 403 AuthorizationFailed');
    expect(localizeProblem(gap, 'en')).toBe(gap);
  });

  it('names the scope of a gap in Japanese', () => {
    expect(localizeProblem('subscription 0b1f (kikan-prod)', 'ja')).toBe(
      'サブスクリプション 0b1f (kikan-prod)',
    );
    expect(localizeProblem('resource graph', 'ja')).toBe('Resource Graph');
  });
});

/**
 * Where the readers, collectors and call toolkit make a problem text: a skip reason, an input
 * error, a passed-over reason, a call failure, a scope's gap or error.
 */
const SITE =
  /(?:\{ skip: |ctx\.skip\(|ctx\.passOver\?\.\(\s*|problem: |new (?:InputError|UsageError|OutputError|StoreError)\(\s*(?:[^,()]+,\s*)?|ignored: |message: (?:oneLine\(\s*)?|errors\.push\(\s*|gaps\.push\(\s*|\.error\(\s*)(['`])((?:\\.|(?!\1)[^\\])*)\1/g;
/** In send/, a destination's own errors (thrown, then quoted in the delivery's failure) too. */
const SEND_SITE = /throw new Error\(\s*(['`])((?:\\.|(?!\1)[^\\])*)\1/g;
const SRC = path.resolve(import.meta.dirname, '../../src');
/** Where problems a person reads are made (delivery to the SOC included: `kansa send` prints them). */
const LAYERS = /^(?:sources|scan|base\/calls|frameworks|cli|store|send|report\/read-findings)/;

describe('every problem text the readers, collectors, framework loaders, delivery and CLI make', () => {
  it('has its Japanese rule (a new text gets one in src/report/problem-rules/)', () => {
    const files = readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && LAYERS.test(f));
    const untranslated: string[] = [];
    let sites = 0;
    for (const file of files) {
      const text = readFileSync(path.join(SRC, file), 'utf8');
      const literals = [...text.matchAll(SITE), ...(file.startsWith('send') ? text.matchAll(SEND_SITE) : [])];
      for (const [, , literal] of literals) {
        // Each \${…} stands for a value the text quotes.
        const sample = literal!.replace(/\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, '1').replace(/\\`/g, '`');
        sites++;
        if (ENGLISH.test(prose(localizeProblem(sample, 'ja')))) untranslated.push(`${file}: ${sample}`);
      }
    }
    expect(sites).toBeGreaterThan(100);
    expect(untranslated).toEqual([]);
  });
});
