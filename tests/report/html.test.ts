import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedJson, renderHtml } from '../../src/report/html/index.ts';
import { scanView } from '../../src/report/read-findings.ts';
import { type FindingsFile, PLANTED, scaled, scanSample, withPlanted } from './helpers/findings.ts';

let file: FindingsFile;
let html: string;

beforeAll(async () => {
  file = withPlanted((await scanSample()).file);
  html = [...renderHtml({ file, view: scanView(file), lang: 'ja' })].join('');
});

const DATA_OPEN = '<script type="application/json" id="kansa-data">';

function parts(text: string) {
  const start = text.indexOf(DATA_OPEN) + DATA_OPEN.length;
  const end = text.indexOf('</script>', start);
  const data = text.slice(start, end);
  const scriptOpen = text.indexOf('<script>', end) + '<script>'.length;
  const script = text.slice(scriptOpen, text.indexOf('</script>', scriptOpen));
  const style = text.slice(text.indexOf('<style>') + 7, text.indexOf('</style>'));
  return { data, script, style, markup: text.slice(0, start) + text.slice(end) };
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('HTML report (the file)', () => {
  it('has a strict Content-Security-Policy that allows only its own script and style, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    const { script, style } = parts(html);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual([hash(script)]);
    expect(directives['style-src']).toEqual([hash(style)]);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
  });

  it('loads nothing from the network: no URL but the SVG namespace', () => {
    const { markup } = parts(html);
    expect(new Set(markup.match(/\bhttps?:\/\/[^\s"'`)]+/g))).toEqual(
      new Set(['http://www.w3.org/2000/svg']),
    );
    expect(markup).not.toMatch(/\s(src|href)\s*=/i);
  });

  it('embeds the findings so that no planted string can end the data block', () => {
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
    const { data } = parts(html);
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(data) as { parts: { resources: unknown[][] }[] };
    const resources = parsed.parts.flatMap((p) => p.resources);
    for (const text of PLANTED) {
      expect(resources.some((r) => String(r[6]).endsWith(text))).toBe(true);
    }
  });

  it('carries the coverage problems in Japanese too, for the page in Japanese', () => {
    const broken = {
      ...file,
      coverage: {
        ...file.coverage,
        files: [
          ...file.coverage.files,
          {
            path: 'bad.json',
            sha256: '',
            bytes: 0,
            resources: 0,
            skipped: [{ line: 3, reason: 'no full resource name (`name`)' }],
            error: 'bad.json:2:1: invalid JSON: expected a value',
          },
        ],
        scopes: [
          {
            provider: 'azure',
            scope: 'subscription 0b1f (kikan)',
            resources: 0,
            requests: 1,
            error:
              'not found, or not readable by this identity (it needs the Reader role on the subscription)',
          },
        ],
      },
    } as unknown as FindingsFile;
    const page = [...renderHtml({ file: broken, view: scanView(broken), lang: 'ja' })].join('');
    const { coverage } = JSON.parse(parts(page).data) as {
      coverage: {
        files: { path: string; errorJa?: string; skipped: { reasonJa?: string }[] }[];
        scopes: { scopeJa?: string; errorJa?: string }[];
      };
    };
    const bad = coverage.files.find((f) => f.path === 'bad.json')!;
    expect(bad.errorJa).toBe('bad.json:2:1: JSON として不正です: 値が必要です');
    expect(bad.skipped[0]!.reasonJa).toBe('完全なリソース名（`name`）がありません');
    expect(coverage.scopes[0]).toMatchObject({
      scopeJa: 'サブスクリプション 0b1f (kikan)',
      errorJa:
        '見つからないか、この ID では読めません（サブスクリプションの閲覧者（Reader）ロールが必要です）',
    });
  });

  it('escapes every character that matters inside a script element', () => {
    const text = embedJson({ a: '</script><!--\u2028&>' });
    expect(text).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026\\u003e"}');
    expect(JSON.parse(text)).toEqual({ a: '</script><!--\u2028&>' });
  });

  it('keeps what repeats once: 10,000 findings take far less than the findings file', () => {
    const large = scaled(file, 10_000);
    const bytes = Buffer.byteLength(
      [...renderHtml({ file: large, view: scanView(large), lang: 'en' })].join(''),
    );
    const json = Buffer.byteLength(JSON.stringify(large));
    expect(bytes).toBeLessThan(json / 4);
  });
});
