import { describe, expect, it } from 'vitest';
import { internetSources } from '../../src/model/internet-sources.ts';

describe('internetSources: whether source addresses, read together, admit the internet', () => {
  it.each([
    ['0.0.0.0/0', ['0.0.0.0/0'], ['0.0.0.0/0']],
    ['::/0', ['::/0'], ['::/0']],
    ['the two IPv4 halves', ['0.0.0.0/1', '128.0.0.0/1'], ['0.0.0.0/1', '128.0.0.0/1']],
    ['the two IPv6 halves', ['::/1', '8000::/1'], ['::/1']],
    ['half the IPv4 internet', ['0.0.0.0/1'], ['0.0.0.0/1']],
    ['every global unicast IPv6 address', ['2000::/3'], ['2000::/3']],
    ['a public /4, beside a private range that is not named', ['10.0.0.0/8', '64.0.0.0/4'], ['64.0.0.0/4']],
    ['two public /8s: a /7 together', ['16.0.0.0/8', '17.0.0.0/8'], ['16.0.0.0/8', '17.0.0.0/8']],
    ['the whole range as Azure SQL writes it', ['0.0.0.0-255.255.255.255'], ['0.0.0.0-255.255.255.255']],
    ['service words, in any case', ['VirtualNetwork', 'Internet'], ['Internet']],
    ['*', ['*'], ['*']],
    ['host bits under the prefix', ['1.2.3.4/1'], ['1.2.3.4/1']],
  ])('%s → open', (_name, sources, deciding) => {
    expect(internetSources(sources)).toEqual(deciding);
  });

  it.each([
    ['a private /8', ['10.0.0.0/8']],
    [
      'every private, shared and link-local range',
      ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'],
    ],
    ['one public /8: a single holder', ['3.0.0.0/8']],
    ['a /24 and a host', ['203.0.113.0/24', '198.51.100.7']],
    ['10.0.0.0/7: 11.0.0.0/8 is the only public part', ['10.0.0.0/7']],
    ['multicast and reserved', ['224.0.0.0/3']],
    ['IPv6 outside global unicast', ['fc00::/7', 'fe80::/10', '8000::/1']],
    ['an RIR-sized IPv6 block', ['2400::/12']],
    ['Azure services (0.0.0.0 to 0.0.0.0)', ['0.0.0.0-0.0.0.0']],
    [
      'service tags and text that is no address',
      ['VirtualNetwork', 'AzureLoadBalancer', 'sg-1', '1.2.3.4/40'],
    ],
    ['nothing', []],
  ])('%s → closed', (_name, sources) => {
    expect(internetSources(sources)).toEqual([]);
  });
});
