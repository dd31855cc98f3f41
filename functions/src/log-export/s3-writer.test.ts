import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorization, s3ObjectWriter } from './s3-writer';

/** AWS's example credentials, from the Signature Version 4 documentation of S3. */
const example = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const emptyHash = createHash('sha256').update('').digest('hex');

describe('the archive writer', () => {
  it('signs as AWS documents: the GET Object example of the S3 API reference', () => {
    const auth = authorization({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': emptyHash,
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: emptyHash,
      region: 'us-east-1',
      service: 's3',
      credentials: example,
    });
    expect(auth).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('sends one PutObject with the integrity headers Object Lock requires, and fails loudly on a refusal', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const answer = (status: number) =>
      (async (url: string | URL | Request, init?: RequestInit) => {
        sent.push({ url: String(url), init: init ?? {} });
        return new Response(status === 200 ? '' : '<Error><Code>AccessDenied</Code></Error>', { status });
      }) as typeof fetch;
    const options = {
      region: 'eu-north-1',
      credentials: () => ({ ...example, sessionToken: 'session' }),
      now: () => new Date('2026-12-02T09:00:00.000Z'),
    };
    const body = '{"id":"a"}\n';
    await s3ObjectWriter('crux-archive', { ...options, fetch: answer(200) }).put(
      'tromso/2026-12-02/08.jsonl',
      body,
    );
    const [put] = sent;
    expect(put?.url).toBe('https://crux-archive.s3.eu-north-1.amazonaws.com/tromso/2026-12-02/08.jsonl');
    expect(put?.init.method).toBe('PUT');
    const headers = put?.init.headers as Record<string, string>;
    expect(headers).toMatchObject({
      'content-md5': createHash('md5').update(body).digest('base64'),
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      'x-amz-date': '20261202T090000Z',
      'x-amz-security-token': 'session',
    });
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20261202\/eu-north-1\/s3\/aws4_request,SignedHeaders=content-md5;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,Signature=[0-9a-f]{64}$/,
    );

    await expect(
      s3ObjectWriter('crux-archive', { ...options, fetch: answer(403) }).put('tromso/x.jsonl', body),
    ).rejects.toThrow(/403.*AccessDenied/);
  });
});
