/**
 * The RuleTester: every check's tests, in the manner of ESLint's.
 *
 *   import check from '../../../../src/checks/aws/s3/bucket-tls-only.ts';
 *   import { run } from '../../../helpers/rule-tester.ts';
 *   run(check, {
 *     valid: [{ name: 'deny without TLS', records: [bucketItem('b', { BucketPolicy: ... })], messageId: 'enforced' }],
 *     invalid: [{ records: [bucketItem('b', {})], messageId: 'notEnforced', evidence: [{ path: '...' }] }],
 *   });
 *
 * A case's `records` are export records in the export's own shape (an AWS Config item, a
 * Resource Graph row, a Cloud Asset line). Plain records are put in one file of the check's
 * cloud's main export (`wrap`: Config snapshot, `az graph query` output, `gcloud asset
 * export` NDJSON); records of another export are given as files built with
 * tests/helpers/exports.ts (`credentialReportFile([...])`, `configSelect([...])`,
 * `jsonFile(armBody)`); facts only a live collector reads go in `collected`, as the resources
 * it emits. The files are written to a temporary directory and read by
 * `readInputFile`, the scan's own reader, so format detection, readers and adapters are the
 * real ones; the inventory then gets its account resources as in a scan. Related records the
 * check needs (an account's Block Public Access, a KMS key, a diagnostic setting) go in the
 * same `records`.
 *
 * The check runs on `target` (a resource id, case-insensitive, or name), or on the one
 * resource of the records it applies to (`appliesTo`: provider, kansa type, native type).
 * - `valid`: the verdict is PASS (or NOT_APPLICABLE with `status`), with `messageId` if given.
 * - `invalid`: the verdict is FAIL (or UNKNOWN with `status`) with `messageId`.
 * - `notRun`: the engine does not run the check on the target (another native type).
 * Every case may also assert `evidence` (toMatchObject on the list), `data` (toMatchObject),
 * `severity`, the rendered `message` (`{ en, ja }` substrings or patterns) and, for anything
 * else, `assert(result, resource)`. `params` and `now` set the framework parameters and the
 * scan time.
 *
 * `run` also fails when a message of the check is given by none of the cases, when a rendered
 * message still shows a `{{placeholder}}`, when a placeholder's value is English words rather
 * than a name or a value (a reason belongs in the message's own words, in each language), when
 * an English message starts with a lower-case word, when an English message puts a bare count
 * before its noun (`{{days}} days`, not `{{days|day|days}}`), or when a case's records are not
 * read cleanly.
 * `byVerdict(table)` sorts one table of cases with a `status` each into `valid` and `invalid`.
 * Cases flagged `example: true` (else the first valid and the first invalid case) are the
 * good and bad examples of the check's page in docs/checks (`npm run docs`).
 *
 * Keep each check's cases in `tests/checks/<cloud>/<service>/<name>.cases.ts` (default export,
 * read by the docs generator too) and its test in `<name>.test.ts` beside it: `run(check, cases)`.
 */
import { describe, expect, it } from 'vitest';
import { appliesTo, type Check } from '../../src/checks/check.ts';
import { type Localized, templateValues } from '../../src/model/localized.ts';
import {
  evaluateCase,
  type JudgedCase,
  type Outcome,
  pickTarget,
  type RuleTests,
  readCase,
} from './rule-cases.ts';

export type {
  AnyCase,
  ExpectedMessage,
  InvalidCase,
  NotRunCase,
  Outcome,
  RecordOrFile,
  RuleTests,
  ValidCase,
} from './rule-cases.ts';
export { byVerdict } from './rule-cases.ts';

/** Registers the check's cases as vitest tests (see the top of this file). */
export function run<F extends object, M extends string>(check: Check<F, M>, tests: RuleTests<M>): void {
  const { meta } = check;
  const evaluated = new Map<JudgedCase<M>, Promise<Outcome<M>>>();
  const outcomeOf = (testCase: JudgedCase<M>) => {
    let outcome = evaluated.get(testCase);
    if (!outcome) {
      outcome = evaluateCase(check, tests, testCase);
      evaluated.set(testCase, outcome);
    }
    return outcome;
  };
  const valid = tests.valid.map((testCase) => ({ testCase, status: testCase.status ?? 'PASS' }));
  const invalid = tests.invalid.map((testCase) => ({ testCase, status: testCase.status ?? 'FAIL' }));
  const judged: readonly JudgedCase<M>[] = [...tests.valid, ...tests.invalid];

  describe(meta.id, () => {
    for (const [kind, list] of [
      ['valid', valid],
      ['invalid', invalid],
    ] as const) {
      describe(kind, () => {
        for (const [i, { testCase, status }] of list.entries()) {
          const title = testCase.name ?? `#${i + 1}`;
          it(`${title} → ${status}${testCase.messageId ? ` (${testCase.messageId})` : ''}`, async () => {
            const { resource, result, message } = await outcomeOf(testCase);
            expect(result.status, 'status').toBe(status);
            if (testCase.messageId !== undefined)
              expect(result.message, 'messageId').toBe(testCase.messageId);
            expect(`${message.ja}\n${message.en}`, 'unfilled placeholder').not.toMatch(PLACEHOLDER);
            // A placeholder's value is one text for both languages: a Japanese and English pair
            // given as a value would be printed as JSON in each.
            expect(`${message.ja}\n${message.en}`, 'a localized text as a placeholder value').not.toMatch(
              /\{"ja":/,
            );
            // A placeholder's value reads the same in both messages: a name, an id or a value from
            // the inventory, never words of one language (a reason is a message of its own).
            for (const [name, value] of Object.entries(
              templateValues(meta.messages[result.message], result.data) ?? {},
            )) {
              expect(value, `{{${name}}} holds a name or a value, not English words`).not.toMatch(PROSE);
            }
            if (testCase.evidence) expect(result.evidence, 'evidence').toMatchObject(testCase.evidence);
            if (testCase.data) expect(result.data, 'data').toMatchObject(testCase.data);
            if (testCase.severity)
              expect(result.severity ?? meta.severity, 'severity').toBe(testCase.severity);
            for (const lang of ['ja', 'en'] as const) {
              const expected = testCase.message?.[lang];
              if (expected !== undefined) expect(message[lang]).toMatch(expected);
            }
            testCase.assert?.(result, resource);
          });
        }
      });
    }

    if (tests.notRun && tests.notRun.length > 0) {
      describe('not run', () => {
        for (const [i, testCase] of tests.notRun!.entries()) {
          it(testCase.name ?? `#${i + 1}`, async () => {
            const resources = await readCase(check, tests, testCase);
            const candidates = resources.filter(
              (r) =>
                (meta.provider === 'any' || r.provider === meta.provider) &&
                meta.resourceTypes.includes(r.kansaType),
            );
            const target = pickTarget(meta.id, candidates, testCase.target);
            expect(appliesTo(meta, target), `${meta.id} runs on ${target.nativeType}`).toBe(false);
          });
        }
      });
    }

    it('words every English message as a sentence: a capital letter or a name first', () => {
      const lowercase = Object.entries<Localized>(meta.messages)
        .filter(([, text]) => !SENTENCE_START.test(text.en))
        .map(([id]) => id);
      expect(lowercase, `English messages of ${meta.id} that start with a lower-case word`).toEqual([]);
    });

    it('counts its English nouns: {{n|one|other}}, never "{{n}} days"', () => {
      const uncounted = Object.entries<Localized>(meta.messages)
        .filter(([, text]) => UNCOUNTED_NOUN.test(text.en))
        .map(([id]) => id);
      expect(uncounted, `English messages of ${meta.id} with a count its noun does not follow`).toEqual([]);
    });

    it('gives every message of the check in some case, each rendered without a {{placeholder}}', async () => {
      const judgedOutcomes = await Promise.all(judged.map(outcomeOf));
      // A message's live, plan and state variants are given by the same case read live and from a plan or state.
      const outcomes = judgedOutcomes.flatMap((outcome) => [outcome, ...outcome.variants]);
      const given = new Set(outcomes.map(({ result }) => result.message));
      const missing = Object.keys(meta.messages).filter((id) => !given.has(id as M));
      expect(missing, `messages of ${meta.id} no case gives`).toEqual([]);
      for (const { message } of outcomes) {
        expect(message.en, 'unfilled placeholder').not.toMatch(PLACEHOLDER);
        expect(message.ja, 'unfilled placeholder').not.toMatch(PLACEHOLDER);
      }
    });
  });
}

const PLACEHOLDER = /\{\{\s*\w+(?:\|[^|{}]+\|[^|{}]+)?\s*\}\}/;

/**
 * A bare count before an English noun it must agree with ("{{days}} days" reads "1 days"): the
 * count is written `{{days|day|days}}`, which renders "1 day" and "90 days".
 */
const UNCOUNTED_NOUN =
  /\{\{\s*\w+\s*\}\} (?:[a-z]+ )?(?:[a-z]+\(s\)|days|principals|assignments|generations|steps|keys|users|resources|accounts|files|findings|checks|scans)\b/;

/**
 * English words in a placeholder's value: two lower-case words in a row ("with no condition",
 * "never used", "all ports"), a word that joins values into a phrase ("tcp 22 from 0.0.0.0/0",
 * "518 days"), or one in parentheses standing for a value ("(none)", and `formatValue`'s
 * "(absent)" for a value the check left undefined).
 */
const PROSE = /\b[a-z]{2,} [a-z]{2,}\b|(?:^|\s)(?:from|with|without|days?|never)(?=[\s,)]|$)|\([a-z]+\)/;

/**
 * How an English message may start: a capital letter; a placeholder (its value is a name, a
 * number or a setting's path, never prose: see the cases' guard); or a setting's name as the
 * cloud spells it, camel-cased or dotted (`allowBlobPublicAccess`, `attributes.exp`).
 */
const SENTENCE_START = /^(?:\p{Lu}|\{\{\s*\w+[|}\s]|[a-z][a-z0-9]*[A-Z.])/u;
