import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { dbFailureOf } from './db-failure';

/**
 * How a final error is read when no attempt of ours was marked on the wire (the marking itself, across
 * retries, is tested with a real DynamoDB Local killed mid-request: test/e2e/database-faults.test.ts).
 */
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('what a failed database call says about the data', () => {
  it('nothing sent: refused, unknown host, no connection within the timeout, throttled', () => {
    expect(dbFailureOf(nodeError('ECONNREFUSED'))).toBe('unreached');
    expect(dbFailureOf(nodeError('ENOTFOUND'))).toBe('unreached');
    const connectTimeout = Object.assign(
      new Error('the request socket did not establish a connection with the server within 1000 ms'),
      { name: 'TimeoutError' },
    );
    expect(dbFailureOf(connectTimeout)).toBe('unreached');
    const throttled = new ProvisionedThroughputExceededException({ message: 'slow down', ...meta(400) });
    expect(dbFailureOf(throttled)).toBe('unreached');
  });

  it('maybe applied: DynamoDB answered 5xx', () => {
    expect(dbFailureOf(new InternalServerError({ message: 'oops', ...meta(500) }))).toBe('uncertain');
  });

  it('not the database being away: a refused request or a bug stays an error for the caller', () => {
    expect(dbFailureOf(new ConditionalCheckFailedException({ message: 'no', ...meta(400) }))).toBeUndefined();
    expect(dbFailureOf(new ResourceNotFoundException({ message: 'no table', ...meta(400) }))).toBeUndefined();
    expect(dbFailureOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(dbFailureOf('a string')).toBeUndefined();
  });
});
