import { describe, expect, it } from 'vitest';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// Cloud Custodian's recorded Google Cloud answers (c7n_gcp tests/recorder.py): see tests/corpus/SOURCES.md.
const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document));
const bucket = {
  kind: 'storage#bucket',
  name: 'b1',
  id: 'b1',
  projectNumber: '123456789012',
  location: 'US',
};

describe('recorded Google Cloud answers ({headers, body})', () => {
  it('reads the body of a successful answer with the format the body has', () => {
    const format = formatOf({ headers: { status: '200', 'content-type': 'application/json' }, body: bucket });
    expect(format?.id).toBe('gcp-rest-resources');
    if (format?.kind !== 'document') throw new Error('no document format');
    const resources = [
      ...format.read(
        { headers: { status: '200' }, body: bucket },
        { file: 'get-storage-v1-b-b1_1.json', skip: () => {} },
      ),
    ];
    expect(resources[0]).toMatchObject({ id: '//storage.googleapis.com/b1', account: '123456789012' });
  });

  it('reads a hand-written flight whose headers are empty as a 200 answer (the replay’s default)', () => {
    const answer = {
      headers: {},
      body: { items: [{ ...bucket, selfLink: 'https://www.googleapis.com/storage/v1/b/b1' }] },
    };
    const format = formatOf(answer);
    expect(format?.id).toBe('gcp-rest-resources');
    if (format?.kind !== 'document') throw new Error('no document format');
    const resources = [...format.read(answer, { file: 'get-storage-v1-b_1.json', skip: () => {} })];
    expect(resources.map((r) => r.id)).toEqual(['//storage.googleapis.com/b1']);
  });

  it('skips an error answer with the API status', () => {
    const answer = { headers: { status: '404' }, body: { error: { code: 404, status: 'NOT_FOUND' } } };
    const format = formatOf(answer);
    expect(format?.id).toBe('gcp-recorded-answer');
    const skipped: string[] = [];
    if (format?.kind === 'document')
      [...format.read(answer, { file: 'x.json', skip: (r) => skipped.push(r) })];
    expect(skipped).toEqual(['a recorded error answer (HTTP 404, NOT_FOUND): it holds no resource']);
  });

  it('places a recorded getIamPolicy answer in the project its file name gives', () => {
    const answer = { headers: { status: '200' }, body: { version: 1, etag: 'BwY=', bindings: [] } };
    const format = formatOf(answer);
    expect(format?.id).toBe('gcp-iam-policy');
    if (format?.kind !== 'document') throw new Error('no document format');
    const [project] = [
      ...format.read(answer, {
        file: 'flights/t/post-v1-projects-city-web-getIamPolicy_1.json',
        skip: () => {},
      }),
    ];
    expect(project).toMatchObject({
      id: '//cloudresourcemanager.googleapis.com/projects/city-web',
      kansaType: 'account',
    });
  });
});

describe('a recorded getIamPolicy answer of another resource', () => {
  it('is not taken for a project’s policy', () => {
    const answer = { headers: { status: '200' }, body: { version: 1, etag: 'BwY=', bindings: [] } };
    const format = formatOf(answer);
    if (format?.kind !== 'document') throw new Error('no document format');
    const skipped: string[] = [];
    const resources = [
      ...format.read(answer, {
        file: 'post-v1-projects-cloud-custodian-locations-us-central1-functions-hello-getIamPolicy_1.json',
        skip: (reason) => skipped.push(reason),
      }),
    ];
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/names no resource/);
  });
});
