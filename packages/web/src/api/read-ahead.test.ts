import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Session } from '../auth/session';
import { readAhead, takeReadAhead } from './read-ahead';

const config = { authority: 'https://idp.example', clientId: 'web', apiBase: '' };
const session = (accessToken: string) => ({ accessToken, claims: {} }) as unknown as Session;
const plan = 'https://crux.example/api/centres/ovre-eiker/participants/p1/plan';

describe('the first page read ahead', () => {
  const sent: { url: string; token: string | null }[] = [];
  beforeEach(() => {
    sent.length = 0;
    vi.stubGlobal('location', new URL('https://crux.example/senter/ovre-eiker/deltakere/p1/hjul'));
    // The network as seen from the browser: each request answered with its own Response.
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      sent.push({ url, token: new Headers(init.headers).get('authorization') });
      return Promise.resolve(new Response(JSON.stringify({ url })));
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('is asked for once, with the token, and taken once by the same address and token', async () => {
    readAhead(config, session('t1'), ['/api/centres/ovre-eiker/participants/p1/plan']);
    expect(sent).toEqual([{ url: plan, token: 'Bearer t1' }]);
    expect(takeReadAhead(plan, 't2')).toBeUndefined();
    readAhead(config, session('t1'), ['/api/centres/ovre-eiker/participants/p1/plan']);
    const taken = takeReadAhead(plan, 't1');
    expect(await (await taken)?.json()).toEqual({ url: plan });
    expect(takeReadAhead(plan, 't1')).toBeUndefined();
  });

  test('is never served once stale: a page opened later reads afresh', () => {
    vi.useFakeTimers();
    readAhead(config, session('t1'), ['/api/centres/ovre-eiker/participants/p1/plan']);
    vi.advanceTimersByTime(10_000);
    expect(takeReadAhead(plan, 't1')).toBeUndefined();
  });

  test('a read that fails is the client’s to report when taken, and no unhandled rejection if never taken', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    readAhead(config, session('t1'), ['/api/catalogue']);
    readAhead(config, session('t1'), ['/api/centres/ovre-eiker/participants/p1/plan']);
    await expect(takeReadAhead(plan, 't1')).rejects.toThrow('offline');
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
