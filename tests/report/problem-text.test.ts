import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
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
  'role assignments inherited from management groups and the root (/): authorizationresources: HTTP 403 AuthorizationFailed (the Reader role on the management groups above the subscription (or the Tenant Root Group) grants this read)',
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

  it.each([
    'aws_iam_policy.x: aws_iam_policy is judged with the IAM users, roles and groups it is attached to',
    'aws_ebs_encryption_by_default.x: aws_ebs_encryption_by_default is read with the new EBS volumes of its provider block',
    'aws_kms_alias.x: aws_kms_alias is read with the stores that name their KMS key through it',
    'azurerm_subnet_network_security_group_association.x: azurerm_subnet_network_security_group_association is read with the virtual network of the subnet it names',
  ])('a Terraform type read through the resources that refer to it: %s', (text) => {
    const ja = localizeProblem(text, 'ja');
    expect(ja).not.toBe(text);
    expect(prose(ja), ja).not.toMatch(ENGLISH);
  });

  it('names the scope of a gap in Japanese', () => {
    expect(localizeProblem('subscription 0b1f (kikan-prod)', 'ja')).toBe(
      'サブスクリプション 0b1f (kikan-prod)',
    );
    expect(localizeProblem('resource graph', 'ja')).toBe('Resource Graph');
  });
});

/** A node of the tree rolldown's parser gives (ESTree, with TypeScript's nodes). */
interface Node {
  type: string;
  [key: string]: unknown;
}
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
const childrenOf = (node: Node): Node[] =>
  Object.values(node).flatMap((value) =>
    Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [],
  );
const nameOf = (node: unknown): string | undefined =>
  !isNode(node)
    ? undefined
    : node.type === 'Identifier'
      ? String(node.name)
      : node.type === 'MemberExpression'
        ? nameOf(node.property)
        : node.type === 'Literal'
          ? String(node.value)
          : undefined;

/**
 * Where the readers, collectors and call toolkit make a problem text: a skip reason, a note, an
 * input error, a passed-over reason, a call failure, a scope's gap or error. The calls whose
 * arguments are problem texts (`ctx.skip(…)`, `ctx.note?.(…)`, `unread(test, …)`,
 * `new InputError(file, …)`), besides `.error(…)` on a member, and `push` on these lists or a
 * list given to them.
 */
const SITE_CALLS = new Set([
  'skip',
  'note',
  'passOver',
  'unread',
  'InputError',
  'UsageError',
  'OutputError',
  'StoreError',
]);
const SITE_LISTS = new Set(['errors', 'gaps', 'notes']);
/** Properties whose value is a problem text (`{ skip: … }`, `{ problem: … }`, …). */
const SITE_KEYS = new Set(['skip', 'note', 'problem', 'ignored', 'message']);
/**
 * A value a text quotes (a template's `${…}`, a variable, a call's result) stands for any of
 * these: a number or an id, a command of two words, an optional part left out, an aside.
 */
const HOLE = '\0';
const HOLE_VALUES = ['1', 'x y', '', '(1)'];
/** A text with each of its holes filled by each of the values (the values of a wildcard). */
const filled = (text: string): string[] =>
  text
    .split(HOLE)
    .reduce<string[]>(
      (starts, part, index) =>
        index === 0 ? [part] : starts.flatMap((start) => HOLE_VALUES.map((value) => start + value + part)),
      [],
    );
/** Properties whose value is the end of a problem text another site composes, with its start there. */
const PARTS = [
  // terraform/index.ts: ctx.skip(`${address}: ${reason}`)
  { key: 'reason', files: /^sources\/terraform\//, start: `${HOLE}: ` },
  // azure/template-resources.ts: the passed-over reason of a parameter file that goes with no template.
  {
    key: 'why',
    files: /^sources\/azure\//,
    start: 'a template parameter file: nothing to scan in itself, and applied to no template: ',
  },
];
/** In send/, a destination's own errors (thrown, then quoted in the delivery's failure) too. */
const SEND_CALLS = new Set(['Error']);

/**
 * The texts an expression can be, whatever its line breaks: literals and templates, joined by
 * `+`, chosen by `?:`, `??` or `||`, or made by a function or constant of the same file.
 */
function textsOf(node: Node, names: Names, seen: ReadonlySet<Node> = new Set()): string[] {
  if (seen.has(node)) return [HOLE];
  const inner = new Set(seen).add(node);
  const of = (child: unknown) => (isNode(child) ? textsOf(child, names, inner) : [HOLE]);
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node.value] : [HOLE];
    case 'TemplateLiteral': {
      // A value quoted in it is a hole, but words it adds (`${n > 1 ? 'neither' : 'none'}`, a
      // constant's) are read.
      // A value left out ('') is a hole too.
      const quoted = (node.expressions as Node[]).map((expression) =>
        of(expression).map((value) => value || HOLE),
      );
      return (node.quasis as Node[]).reduce<string[]>(
        (starts, quasi, index) =>
          (index === 0
            ? ['']
            : starts.flatMap((start) => quoted[index - 1]!.map((value) => start + value))
          ).map((start) => start + (quasi.value as { cooked: string }).cooked),
        [],
      );
    }
    case 'BinaryExpression':
      return node.operator === '+'
        ? of(node.left).flatMap((left) => of(node.right).map((right) => left + right))
        : [HOLE];
    case 'ConditionalExpression':
      return [...of(node.consequent), ...of(node.alternate)];
    case 'LogicalExpression':
      return [...of(node.left), ...of(node.right)];
    case 'ArrayExpression':
      return (node.elements as unknown[]).flatMap(of);
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      return of(node.expression);
    case 'Identifier':
    case 'CallExpression': {
      const name =
        node.type === 'Identifier'
          ? String(node.name)
          : (node.callee as Node).type === 'Identifier'
            ? nameOf(node.callee)
            : undefined;
      if (name === 'String') return of((node.arguments as unknown[])[0]);
      const made = name === undefined ? [] : names(name, node);
      return made.length > 0 ? made.flatMap(of) : [HOLE];
    }
    default:
      return [HOLE];
  }
}

/** What a name stands for where it is used: a constant's value, the values a function returns. */
type Names = (name: string, at: Node) => readonly Node[];

/** The names a declaration gives, with what each stands for. */
function declared(node: Node): [string, Node][] {
  const returns = (body: Node): Node[] =>
    body.type === 'BlockStatement'
      ? (function collect(inner: Node): Node[] {
          return inner.type === 'ReturnStatement' && isNode(inner.argument)
            ? [inner.argument]
            : childrenOf(inner).flatMap(collect);
        })(body)
      : [body];
  const name = isNode(node.id) && node.id.type === 'Identifier' ? String(node.id.name) : undefined;
  if (name === undefined)
    return node.type === 'VariableDeclaration' ? (node.declarations as Node[]).flatMap(declared) : [];
  if (node.type === 'FunctionDeclaration') return returns(node.body as Node).map((value) => [name, value]);
  if (node.type === 'VariableDeclarator' && isNode(node.init)) {
    const init = node.init;
    const values =
      init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression'
        ? returns(init.body as Node)
        : [init];
    return values.map((value) => [name, value]);
  }
  return [];
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const within = (scope: Node, at: Node) =>
  (scope.start as number) <= (at.start as number) && (at.end as number) <= (scope.end as number);

/**
 * The names a file declares, each in the function it is declared in: a name used inside a
 * function is what the innermost declaration around it gives, else what a file exports.
 */
function namesOf(tree: Node, exported: ReadonlyMap<string, Node[]>): Names {
  const declarations: { name: string; value: Node; scope: Node }[] = [];
  (function visit(node: Node, scope: Node): void {
    for (const [name, value] of declared(node)) declarations.push({ name, value, scope });
    const inner = FUNCTIONS.has(node.type) ? node : scope;
    for (const child of childrenOf(node)) visit(child, inner);
  })(tree, tree);
  return (name, at) => {
    const around = declarations.filter((each) => each.name === name && within(each.scope, at));
    const innermost = Math.max(...around.map(({ scope }) => scope.start as number));
    const values = around.filter(({ scope }) => scope.start === innermost).map(({ value }) => value);
    return values.length > 0 ? values : (exported.get(name) ?? []);
  };
}

/** The names files export (a note's text kept in a constant, a helper that words a skip). */
function exportsOf(trees: Iterable<Node>): Map<string, Node[]> {
  const names = new Map<string, Node[]>();
  for (const tree of trees)
    for (const statement of tree.body as Node[])
      if (statement.type === 'ExportNamedDeclaration' && isNode(statement.declaration))
        for (const [name, value] of declared(statement.declaration))
          names.set(name, [...(names.get(name) ?? []), value]);
  return names;
}

const parse = (code: string) => parseAst(code, { lang: 'ts' }) as unknown as Node;

/**
 * Every problem text a source file makes, its quoted values as holes; a name it does not declare
 * is looked up among the exported ones.
 */
function problemTexts(tree: Node, file: string, exported: ReadonlyMap<string, Node[]> = new Map()): string[] {
  const names = namesOf(tree, exported);
  const found: string[] = [];
  (function visit(node: Node): void {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = node.callee as Node;
      const name = nameOf(callee);
      const site =
        (name !== undefined && SITE_CALLS.has(name)) ||
        (callee.type === 'MemberExpression' && name === 'error') ||
        (callee.type === 'MemberExpression' &&
          name === 'push' &&
          SITE_LISTS.has(nameOf(callee.object) ?? '')) ||
        (file.startsWith('send') && node.type === 'NewExpression' && SEND_CALLS.has(name ?? ''));
      if (site) for (const argument of node.arguments as Node[]) found.push(...textsOf(argument, names));
    }
    if (node.type === 'AssignmentExpression' && SITE_LISTS.has(nameOf(node.left) ?? '') && isNode(node.right))
      found.push(...textsOf(node.right, names));
    if (node.type === 'Property' && isNode(node.value)) {
      const key = nameOf(node.key) ?? '';
      if (SITE_KEYS.has(key)) found.push(...textsOf(node.value, names));
      for (const { start } of PARTS.filter((part) => part.key === key && part.files.test(file)))
        found.push(...textsOf(node.value, names).map((part) => start + part));
    }
    childrenOf(node).forEach(visit);
  })(tree);
  // A value alone (a variable passed on, an error's own message) is no text of this file.
  return [...new Set(found)].filter((text) => /[a-z]{2}/i.test(text.replaceAll(HOLE, '')));
}

const SRC = path.resolve(import.meta.dirname, '../../src');
/** Where problems a person reads are made (delivery to the SOC included: `kansa send` prints them). */
const LAYERS = /^(?:sources|scan|base\/calls|frameworks|cli|store|send|report\/read-findings)/;

describe('every problem text the readers, collectors, framework loaders, delivery and CLI make', () => {
  it('has its Japanese rule (a new text gets one in src/report/problem-rules/)', () => {
    const trees = new Map(
      readdirSync(SRC, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts') && LAYERS.test(f))
        .map((file) => [file, parse(readFileSync(path.join(SRC, file), 'utf8'))]),
    );
    const exported = exportsOf(trees.values());
    const untranslated: string[] = [];
    let sites = 0;
    for (const [file, tree] of trees) {
      for (const text of problemTexts(tree, file, exported)) {
        sites++;
        const translated = filled(text).some((sample) => !ENGLISH.test(prose(localizeProblem(sample, 'ja'))));
        if (!translated) untranslated.push(`${file}: ${text.replaceAll(HOLE, '…')}`);
      }
    }
    expect(sites).toBeGreaterThan(400);
    expect(untranslated).toEqual([]);
  });

  it('finds a text whatever its line breaks, and the texts a helper of the file makes', () => {
    const code = `
      function owned(id: string, owner: string) {
        return \`\${id}: owned by \${owner}, \` +
          'not the account read';
      }
      const unplaced = owned(entry.id, entry.owner) ?? 'unplaced';
      ctx.skip(
        unplaced,
        { index },
      );
      throw new InputError(file,
        \`no \${lacks.length > 1 ? 'account or Region' : lacks[0]}\`);
      skipped.push({ address, reason: 'data source' });
      rules.push(unread((record) => record.Status !== undefined,
        'names no bucket'));
    `;
    expect(problemTexts(parse(code), 'sources/terraform/example.ts')).toEqual([
      `${HOLE}: owned by ${HOLE}, not the account read`,
      'unplaced',
      'no account or Region',
      `no ${HOLE}`,
      `${HOLE}: data source`,
      'names no bucket',
    ]);
  });
});
