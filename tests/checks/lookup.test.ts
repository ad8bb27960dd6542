import { describe, expect, it } from 'vitest';
import { lookupBy, prefixesEndingWith, suffixesAfter } from '../../src/checks/lookup.ts';

describe('lookupBy', () => {
  const byTag = lookupBy((item: { name: string; tags: string[] }) => item.tags);
  const a = { name: 'a', tags: ['x', 'y', 'x'] };
  const b = { name: 'b', tags: ['y'] };
  const c = { name: 'c', tags: [] };

  it('gives the resources under a key in the order of the list, each once, as filter would', () => {
    const list = [b, a, c];
    expect(byTag(list, 'y')).toEqual([b, a]);
    expect(byTag(list, 'x')).toEqual([a]);
    expect(byTag(list, 'z')).toEqual([]);
  });

  it('indexes each list on its own', () => {
    expect(byTag([a], 'y')).toEqual([a]);
    expect(byTag([c, b], 'y')).toEqual([b]);
    expect(byTag([], 'y')).toEqual([]);
  });
});

describe('key helpers', () => {
  it('prefixesEndingWith: the prefixes p of the text with text.startsWith(p), each ending with the separator', () => {
    const text = '/subscriptions/s/servers/db/firewallrules/r';
    expect(prefixesEndingWith(text, '/firewallrules/')).toEqual([
      '/subscriptions/s/servers/db/firewallrules/',
    ]);
    expect(prefixesEndingWith('a/b/c', '/')).toEqual(['a/', 'a/b/']);
    expect(prefixesEndingWith('abc', '/')).toEqual([]);
  });

  it('suffixesAfter: the keys k with text.endsWith(separator + k)', () => {
    const arn = 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab';
    expect(suffixesAfter(arn, ':key/')).toEqual(['1234abcd-12ab']);
    for (const key of suffixesAfter('a:key/b:key/c', ':key/'))
      expect('a:key/b:key/c'.endsWith(`:key/${key}`)).toBe(true);
    expect(suffixesAfter('a:key/b:key/c', ':key/')).toEqual(['b:key/c', 'c']);
  });
});
