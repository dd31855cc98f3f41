import { randomUUID } from 'node:crypto';
import { demoCentres } from '@crux/local/demo-users';
import { type FlowClient, signInWithPassword, type Tokens } from '@crux/local/idp/sign-in-flow';
import { loadOrCreateSigningKey, type SigningKey } from '@crux/local/idp/signing-key';
import { type Runtime, type RuntimeOptions, startRuntime } from '@crux/local/runtime';

export type Answer = { status: number; body: unknown; headers: Headers };

export type TestRuntime = {
  runtime: Runtime;
  /** The key the runtime signs with: the token tests forge with it what only a leaked key could. */
  key: SigningKey;
  client: FlowClient;
  signIn(username: string): Promise<Tokens>;
  token(username: string): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
};

export type CallOptions = {
  token?: string;
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
};

export type TestRuntimeOptions = RuntimeOptions & {
  /**
   * Without demo data (`seedDemo: false`), the demo centres registered so that their staff can sign in
   * (sign-in refuses a centre not in the registry); default both.
   */
  registeredCentres?: readonly string[];
};

/**
 * The real runtime, in memory on a random port, with the demo data seeded through its own API. The
 * timer is pushed out of the way so the only job runs are the ones a test asks for.
 */
export async function startTestRuntime(options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const key = options.signingKey ?? (await loadOrCreateSigningKey(undefined));
  const runtime = await startRuntime({
    inMemory: true,
    jobIntervalMs: 24 * 60 * 60 * 1000,
    ...options,
    signingKey: key,
  });
  const client: FlowClient = {
    baseUrl: runtime.url,
    clientId: runtime.clientId,
    redirectUri: runtime.redirectUri,
  };
  const tokens = new Map<string, Promise<Tokens>>();
  const signIn = (username: string) => {
    let t = tokens.get(username);
    if (!t) {
      t = signInWithPassword(client, username, runtime.demoCredentials);
      tokens.set(username, t);
    }
    return t;
  };
  const t: TestRuntime = {
    runtime,
    key,
    client,
    signIn,
    token: async (username) => (await signIn(username)).accessToken,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      if (method === 'POST') headers['idempotency-key'] ??= options.idempotencyKey ?? randomUUID();
      const response = await fetch(`${runtime.url}${path}`, {
        method,
        headers,
        ...(options.body !== undefined
          ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
          : {}),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text, the test says what it expected.
      }
      return { status: response.status, body, headers: response.headers };
    },
  };
  if (options.seedDemo === false) {
    const admin = await t.token('admin');
    for (const id of options.registeredCentres ?? demoCentres.map((c) => c.id)) {
      const centre = demoCentres.find((c) => c.id === id) ?? { id, name: `CRUX ${id}`, town: id };
      const created = await t.call('POST', '/api/admin/centres', {
        token: admin,
        body: { id: centre.id, name: centre.name, town: centre.town },
        idempotencyKey: `test-centre-${id}`,
      });
      if (created.status !== 201) throw new Error(`registering ${id} answered ${created.status}`);
    }
  }
  return t;
}
