import { createHash, createHmac } from 'node:crypto';
import type { ObjectWriter } from './object-writer';

/**
 * The archive bucket as an ObjectWriter: one signed PutObject per object, nothing else. The repository
 * carries no S3 client (only the DynamoDB and Cognito ones), and a single PUT needs none: the request is
 * signed here with Signature Version 4 (checked against AWS's published example in the tests), with the
 * function's own credentials from its environment.
 */

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export type SignInput = {
  method: string;
  host: string;
  /** Already URI-encoded, as it goes on the wire. */
  path: string;
  /** Every header to sign, `host` and `x-amz-date` and `x-amz-content-sha256` among them; lower-case names. */
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service: string;
  credentials: Credentials;
};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** The `Authorization` header of a request without a query string. */
export function authorization(input: SignInput): string {
  const amzDate = input.headers['x-amz-date'] ?? '';
  const day = amzDate.slice(0, 8);
  const names = Object.keys(input.headers).sort();
  const canonical = [
    input.method,
    input.path,
    '',
    ...names.map((n) => `${n}:${String(input.headers[n]).trim()}`),
    '',
    names.join(';'),
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${input.credentials.secretAccessKey}`, day);
  for (const part of [input.region, input.service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`;
}

/** Each segment of a key as S3 expects it on the path: RFC 3986, `/` kept. */
const encodeKey = (key: string) =>
  key
    .split('/')
    .map((s) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');

/** The function's credentials, as Lambda sets them in its environment. */
function environmentCredentials(): Credentials {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) throw new Error('No AWS credentials in the environment');
  return {
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
  };
}

export type S3WriterOptions = {
  region?: string;
  credentials?: () => Credentials;
  now?: () => Date;
  fetch?: typeof fetch;
};

/**
 * PutObject into `bucket`. The bucket's Object Lock applies its default retention to every object;
 * a bucket with Object Lock requires an integrity header, so each PUT carries Content-MD5.
 */
export function s3ObjectWriter(bucket: string, options: S3WriterOptions = {}): ObjectWriter {
  const region = options.region ?? process.env.AWS_REGION ?? '';
  const send = options.fetch ?? fetch;
  return {
    async put(key, body) {
      const credentials = (options.credentials ?? environmentCredentials)();
      const host = `${bucket}.s3.${region}.amazonaws.com`;
      const path = `/${encodeKey(key)}`;
      const payloadHash = sha256(body);
      const headers: Record<string, string> = {
        'content-md5': createHash('md5').update(body).digest('base64'),
        'content-type': 'application/x-ndjson; charset=utf-8',
        host,
        'x-amz-content-sha256': payloadHash,
        'x-amz-date': (options.now?.() ?? new Date()).toISOString().replace(/[-:]|\.\d{3}/g, ''),
        ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
      };
      const auth = authorization({
        method: 'PUT',
        host,
        path,
        headers,
        payloadHash,
        region,
        service: 's3',
        credentials,
      });
      const { host: _host, ...sent } = headers;
      const answer = await send(`https://${host}${path}`, {
        method: 'PUT',
        headers: { ...sent, authorization: auth },
        body,
      });
      if (!answer.ok) {
        const detail = (await answer.text()).slice(0, 500);
        throw new Error(`PutObject ${key} into the archive failed: ${answer.status} ${detail}`);
      }
    },
  };
}
