import { describe, expect, it } from 'vitest';
import {
  type AddressSet,
  addressesOf,
  covers,
  difference,
  EVERY_ADDRESS,
  holdsInternetClients,
  intersection,
  isEmpty,
  NO_ADDRESSES,
  overlaps,
  PUBLIC_ADDRESSES,
  publicPart,
  sizeOf,
  union,
} from '../../src/model/address-set.ts';
import { admitsInternet } from '../../src/model/internet-sources.ts';

const of = (...sources: string[]): AddressSet =>
  sources.reduce<AddressSet>((set, source) => {
    const addresses = addressesOf(source);
    if (!addresses) throw new Error(`not an address: ${source}`);
    return union(set, addresses);
  }, NO_ADDRESSES);

describe('address sets', () => {
  it('reads CIDRs (host bits ignored), hosts, ranges, IPv6 and the words for anywhere', () => {
    expect(of('10.1.2.3/8')).toEqual({ v4: [[10n << 24n, (11n << 24n) - 1n]], v6: [] });
    expect(sizeOf(of('198.51.100.7'))).toEqual({ v4: 1n, v6: 0n });
    expect(sizeOf(of('10.0.0.0-10.0.0.255'))).toEqual({ v4: 256n, v6: 0n });
    expect(sizeOf(of('2001:db8::/32')).v6).toBe(1n << 96n);
    expect(of('*')).toEqual(EVERY_ADDRESS);
    expect(of('Any')).toEqual(EVERY_ADDRESS);
    expect(of('Internet')).toEqual(PUBLIC_ADDRESSES);
  });

  it('names no addresses for service tags, groups and text that is no address', () => {
    for (const source of ['VirtualNetwork', 'AzureCloud', 'sg-1', '1.2.3.4/40', '10.0.0.9-10.0.0.1', ''])
      expect(addressesOf(source), source).toBeUndefined();
  });

  it('joins overlapping and adjacent spans', () => {
    expect(of('0.0.0.0/1', '128.0.0.0/1')).toEqual({ v4: [[0n, (1n << 32n) - 1n]], v6: [] });
    expect(of('10.0.0.0/24', '10.0.0.128/25', '10.0.1.0/24').v4).toHaveLength(1);
  });

  it('takes one set from another, span by span', () => {
    const left = difference(of('0.0.0.0/0'), of('10.0.0.0/8', '192.168.0.0/16'));
    expect(sizeOf(left).v4).toBe((1n << 32n) - (1n << 24n) - (1n << 16n));
    expect(left.v4).toHaveLength(3);
    expect(difference(of('10.0.0.0/8'), of('0.0.0.0/0'))).toEqual(NO_ADDRESSES);
    expect(difference(of('*'), of('0.0.0.0/0'))).toEqual({ v4: [], v6: EVERY_ADDRESS.v6 });
    expect(difference(of('10.0.0.0/24'), of('10.0.0.10', '10.0.0.20')).v4).toEqual([
      [0x0a000000n, 0x0a000009n],
      [0x0a00000bn, 0x0a000013n],
      [0x0a000015n, 0x0a0000ffn],
    ]);
  });

  it('tells whether one set holds another, and what two share', () => {
    expect(covers(of('10.0.0.0/16'), of('10.0.1.4'))).toBe(true);
    expect(covers(of('10.0.1.4'), of('10.0.0.0/16'))).toBe(false);
    expect(covers(of('*'), of('Internet'))).toBe(true);
    expect(covers(of('Internet'), of('10.0.0.0/8'))).toBe(false);
    expect(isEmpty(intersection(of('Internet'), of('10.0.0.0/8')))).toBe(true);
    expect(overlaps(of('10.0.0.0/8'), of('10.1.2.3'))).toBe(true);
    expect(overlaps(of('10.0.0.0/8', '2001:db8::/32'), of('11.0.0.0/8', '2001:db9::/32'))).toBe(false);
    expect(overlaps(of('Internet'), of('10.0.0.0/8', '192.168.0.0/16'))).toBe(false);
    expect(publicPart(of('10.0.0.0/7'))).toEqual(of('11.0.0.0/8'));
    expect(sizeOf(intersection(of('0.0.0.0/1'), of('64.0.0.0/2', '192.0.0.0/2'))).v4).toBe(1n << 30n);
  });

  it('judges what is left as internetSources judges sources (admitsInternet)', () => {
    expect(admitsInternet(of('*'))).toBe(true);
    expect(admitsInternet(difference(of('Internet'), of('0.0.0.0/1')))).toBe(true);
    expect(admitsInternet(difference(of('*'), of('Internet')))).toBe(false);
    // What is left is 192.0.0.0/3, public; then 224.0.0.0/3, multicast and reserved.
    const most = of('0.0.0.0/1', '128.0.0.0/2');
    expect(admitsInternet(difference(of('0.0.0.0/0'), union(most, of('224.0.0.0/3'))))).toBe(true);
    expect(admitsInternet(difference(of('0.0.0.0/0'), union(most, of('192.0.0.0/3'))))).toBe(false);
    expect(admitsInternet(of('16.0.0.0/8'))).toBe(false);
    expect(admitsInternet(of('16.0.0.0/8', '17.0.0.0/8'))).toBe(true);
    expect(admitsInternet(of('10.0.0.0/8', '172.16.0.0/12', 'fc00::/7'))).toBe(false);
    expect(admitsInternet(of('2000::/3'))).toBe(true);
  });
});

describe('holdsInternetClients (allow-list entries of a service firewall)', () => {
  it('is false for addresses no internet client has: private, shared, loopback, link-local, IPv6 local', () => {
    for (const source of [
      '127.0.0.1',
      '10.0.17.62',
      '172.16.0.0/12',
      '192.168.1.0/24',
      '100.64.0.1',
      '169.254.169.254',
      '::1',
      'fd00::/8',
      'fe80::1',
    ])
      expect(holdsInternetClients(of(source)), source).toBe(false);
  });

  it('is true for public addresses, the documentation blocks that stand for them, and mixed ranges', () => {
    for (const source of [
      '8.8.8.8',
      '203.0.113.7',
      '198.51.100.0/24',
      '2001:db8::1',
      '127.0.0.1-128.0.0.1',
      '*',
    ])
      expect(holdsInternetClients(of(source)), source).toBe(true);
  });
});
