import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { liveOptions } from '../../../src/cli/live-sources.ts';
import { gcpLiveFlags } from '../../../src/sources/gcp/live/flags.ts';

function parse(args: string[]): Record<string, unknown> {
  const command = new Command('scan').exitOverride();
  for (const option of liveOptions()) command.addOption(option);
  command.parse(args, { from: 'user' });
  return command.opts();
}

describe('kansa scan --gcp options', () => {
  it('makes no source without --gcp', () => {
    expect(gcpLiveFlags.fromOptions(parse(['--projects', 'a']))).toBeUndefined();
  });

  it('makes a gcp source for an organization, folders or projects', () => {
    for (const args of [
      ['--organization', '123456789012'],
      ['--folder', '456,789'],
      ['--projects', 'my-proj-a,my-proj-b'],
    ]) {
      expect(
        gcpLiveFlags.fromOptions(parse(['--gcp', ...args, '--asset-types', 'storage.googleapis.com/Bucket']))
          ?.provider,
      ).toBe('gcp');
    }
  });

  it('refuses --gcp without a scope rather than reading only the credentials’ own project', () => {
    expect(() => gcpLiveFlags.fromOptions(parse(['--gcp']))).toThrow(
      /--organization, --folder or --projects/,
    );
  });

  it('checks the requests-per-minute value', () => {
    expect(() => parse(['--gcp', '--gcp-requests-per-minute', '0'])).toThrow();
    expect(parse(['--gcp', '--gcp-requests-per-minute', '60']).gcpRequestsPerMinute).toBe(60);
  });
});
