import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { internalError, unavailable } from '@crux/api/errors';
import { useAccountDirectory } from '@crux/functions/accounts/directory';
import { signInClaims } from '@crux/functions/pre-token/handler';
import { createDocumentClient } from '@crux/store/client';
import { localUsersRepo } from '@crux/store/local-users-repo';
import { table } from '@crux/store/table';
import { createApiDocs, isApiDocsPath } from './api-docs';
import { createApiEmulator } from './api-emulator';
import { startDatabase } from './database';
import { demoSeeded, seedDemoData } from './demo-data';
import { demoUsers, loadOrCreateDemoPassword, loadOrCreateDemoTotpSecret, seedDemoUsers } from './demo-users';
import type { SupervisedDynamo } from './dynamo-supervisor';
import { localCredentials, localRegion } from './dynamodb';
import { sendError, sendJson } from './http';
import { type Invitation, localAccountDirectory } from './idp/account-directory';
import type { Lifetimes } from './idp/context';
import { createIdentityProvider } from './idp/provider';
import type { Credentials } from './idp/sign-in-flow';
import { loadOrCreateSigningKey, type SigningKey } from './idp/signing-key';
import { cognitoAttributes } from './idp/tokens';
import { type IdpUser, userDirectory } from './idp/users';
import { createJobRunner, type JobRun } from './jobs';
import { defaultDataDir, defaultWebDist } from './paths';
import { runtimePortTaken } from './ports';
import { createStaticSite } from './static-site';
import { webSecurityHeaders } from './web-headers';

export type RuntimeOptions = {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Loopback only: the runtime holds personal data, even when it is demo data. */
  host?: '127.0.0.1';
  /** Absolute folder for the database, the signing key and the demo password; default `.local/`. */
  dataDir?: string;
  /** Keep nothing on disk: for tests. */
  inMemory?: boolean;
  /** Create the demo centres, users' data and figures on first start; default true. */
  seedDemo?: boolean;
  /** How often the figures job runs; default every 10 minutes. */
  jobIntervalMs?: number;
  /** The web client's build; default `packages/web/dist`. */
  webDist?: string;
  /** The identity provider's lifetimes, Cognito's by default: tests shorten them to see them run out. */
  lifetimes?: Partial<Lifetimes>;
  /** Where an invitation goes; by default printed in the terminal, as Cognito would e-mail it. */
  onInvitation?: (invitation: Invitation) => void;
  /** A signing key made by the caller, so tests can sign tokens the authorizer must judge. */
  signingKey?: SigningKey;
  /** Told when DynamoDB Local died and could not be restarted; by default a line on stderr. */
  onDatabaseLost?: (error: Error) => void;
  /**
   * DynamoDB Local already on its way (`startDatabase` on the same data folder): `npm start` begins it
   * first, so Java boots while the rest loads. Stopped with the runtime.
   */
  database?: Promise<SupervisedDynamo>;
};

export type Runtime = {
  url: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  stop(): Promise<void>;
  runFiguresJob(): Promise<JobRun>;
  demoUsers: readonly IdpUser[];
  demoPassword: string;
  /** Every demo user's TOTP secret (base32): `npm run code` prints its current code. */
  demoTotpSecret: string;
  /** Both, as the sign-in flow takes them. */
  demoCredentials: Credentials;
  /** The invitations sent since the start, newest last (in AWS, Cognito e-mails them). */
  outbox: readonly Invitation[];
  /** What seeding did on this start: created the demo data, or found it there. */
  seeded: 'created' | 'existing' | 'off';
  /** DynamoDB Local's endpoint and its Java process now (undefined while it is being restarted). */
  database: { endpoint: string; pid(): number | undefined };
};

export const CLIENT_ID = 'crux-web-local';
const HOST = '127.0.0.1';
const DEFAULT_JOB_INTERVAL_MS = 10 * 60 * 1000;

let functionsBoundTo: string | undefined;

/**
 * The whole platform on one machine: DynamoDB Local, the identity provider, the API as API Gateway
 * would run it, the figures job on a timer and the web client, on one loopback port.
 */
export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const dataDir = options.inMemory ? undefined : (options.dataDir ?? defaultDataDir);
  // Undone in reverse order of start, after the server (which starts first) has stopped taking requests.
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    await closeServer(server);
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  };

  // Listen first: a taken port is the commonest failure and should cost no database start.
  let route: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> = async (_req, res) =>
    sendError(res, unavailable(false));
  const server = createServer((req, res) => dispatch(req, res));
  const port = await listen(server, options.port ?? 0);
  const url = `http://${HOST}:${port}`;
  const canonicalHost = `${HOST}:${port}`;

  function dispatch(req: IncomingMessage, res: ServerResponse) {
    // Any other Host is a DNS-rebinding attempt or `localhost`: send browsers to the one origin that
    // the identity provider and the CSP know, and refuse the rest.
    if (req.headers.host !== canonicalHost) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        res.writeHead(308, { location: `${url}${req.url ?? '/'}` });
        return void res.end();
      }
      return sendJson(res, 421, { message: 'Misdirected Request' });
    }
    const parsed = new URL(req.url ?? '/', url);
    route(req, res, parsed).catch((e: unknown) => {
      console.error(
        `[runtime] ${req.method} ${parsed.pathname} failed: ${e instanceof Error ? e.message : e}`,
      );
      if (!res.headersSent) sendError(res, internalError());
      else res.destroy();
    });
  }

  try {
    const dynamo = await (options.database ??
      startDatabase(
        dataDir,
        options.onDatabaseLost ?? ((e) => console.error(`[dynamodb] The API cannot work on: ${e.message}`)),
      ));
    cleanups.push(() => dynamo.stop());

    // The functions read these when their modules load, so they are set before any is imported; once
    // loaded, they keep their first database client, so a second runtime here would write to the first's.
    if (functionsBoundTo !== undefined) {
      throw new Error(
        'One runtime per process: the functions already hold the database client of an earlier one. ' +
          'Start each runtime in its own process (vitest runs each test file in its own).',
      );
    }
    functionsBoundTo = dynamo.endpoint;
    process.env.TABLE_NAME = table.defaultName;
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.AWS_REGION = localRegion;
    process.env.AWS_ACCESS_KEY_ID = localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = localCredentials.secretAccessKey;
    process.env.AWS_LAMBDA_FUNCTION_NAME ??= 'crux-local';

    const issuer = `${url}/idp`;
    const redirectUri = `${url}/auth/callback`;
    const key = options.signingKey ?? (await loadOrCreateSigningKey(dataDir));
    const demoPassword = await loadOrCreateDemoPassword(dataDir);
    const demoTotpSecret = await loadOrCreateDemoTotpSecret(dataDir);
    const demoCredentials = { password: demoPassword, totpSecret: demoTotpSecret };
    // The local user pool: the demo users, and the accounts made through the accounts API.
    const doc = createDocumentClient({
      endpoint: dynamo.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    const pool = localUsersRepo(doc, table.defaultName);
    await seedDemoUsers(pool, demoPassword, demoTotpSecret);
    const outbox: Invitation[] = [];
    const deliver = options.onInvitation ?? printInvitation;
    useAccountDirectory(
      localAccountDirectory(pool, (invitation) => {
        outbox.push(invitation);
        deliver(invitation);
      }),
    );
    const idp = createIdentityProvider({
      issuer,
      key,
      users: userDirectory(pool),
      clients: [{ clientId: CLIENT_ID, redirectUris: [redirectUri], postLogoutRedirectUris: [`${url}/`] }],
      // What Cognito's trigger checks, by the trigger's own code: e.g. that a staff member's centre exists.
      admit: async (user) => void (await signInClaims(cognitoAttributes(user))),
      ...(options.lifetimes ? { lifetimes: options.lifetimes } : {}),
    });
    // The functions verify tokens themselves, as in AWS; here they get the provider's keys directly.
    process.env.TOKEN_ISSUER = issuer;
    process.env.TOKEN_CLIENT_ID = CLIENT_ID;
    process.env.TOKEN_JWKS = JSON.stringify(idp.jwks);
    const api = createApiEmulator();
    const docs = createApiDocs(url);
    const headers = webSecurityHeaders(url);
    const site = createStaticSite(options.webDist ?? defaultWebDist, headers);
    const jobs = createJobRunner('figures');
    const retention = createJobRunner('retention');
    // The same shape CDK deploys: the API on this origin, under the route table's `/api/…` paths.
    const config = { authority: issuer, clientId: CLIENT_ID, apiBase: '', logoutUrl: idp.logoutUrl };

    route = async (req, res, parsed) => {
      const path = parsed.pathname;
      if (path === '/idp' || path.startsWith('/idp/')) return idp.handle(req, res, parsed);
      if (isApiDocsPath(path)) return docs(req, res, parsed);
      if (path.startsWith('/api/')) return api(req, res, parsed);
      if (path === '/_local/jobs/figures') return jobEndpoint(req, res);
      if (path === '/config.json') return sendJson(res, 200, config, headers);
      return site(req, res, parsed);
    };

    async function jobEndpoint(req: IncomingMessage, res: ServerResponse) {
      if (req.method !== 'POST') return sendJson(res, 405, { message: 'Use POST' }, { allow: 'POST' });
      // JSON only: a page on another origin cannot send that without a preflight, which gets no CORS answer.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, { message: 'Send Content-Type: application/json' });
      }
      try {
        sendJson(res, 200, await jobs.run('on-demand'));
      } catch (e) {
        sendJson(res, 500, {
          message: `The figures job failed: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }

    const client = { baseUrl: url, clientId: CLIENT_ID, redirectUri };
    let seeded: Runtime['seeded'] = 'off';
    if (options.seedDemo !== false) {
      seeded =
        (await demoSeeded(doc, table.defaultName)) || !(await seedDemoData(client, demoCredentials)).created
          ? 'existing'
          : 'created';
      // A failing job leaves the figures stale but the platform usable: report it and carry on.
      const catchUp = jobs
        .run('start')
        .catch((e: unknown) =>
          console.error(`[jobs] figures job failed: ${e instanceof Error ? e.message : e}`),
        );
      // New demo data has its figures before anyone looks; on a later start, what changed since the last
      // run is counted in the background rather than holding up the start (stop() waits for it).
      if (seeded === 'created') await catchUp;
    }
    // Retention follows the figures on the same timer, as it follows them each night in AWS.
    const timer = setInterval(() => {
      jobs
        .run('timer')
        .catch((e: unknown) =>
          console.error(`[jobs] figures job failed: ${e instanceof Error ? e.message : e}`),
        )
        .then(() => retention.run('timer'))
        .catch((e: unknown) =>
          console.error(`[jobs] retention job failed: ${e instanceof Error ? e.message : e}`),
        );
    }, options.jobIntervalMs ?? DEFAULT_JOB_INTERVAL_MS);
    timer.unref();
    cleanups.push(async () => {
      clearInterval(timer);
      await jobs.idle();
      await retention.idle();
    });

    return {
      url,
      issuer,
      clientId: CLIENT_ID,
      redirectUri,
      stop: cleanup,
      runFiguresJob: () => jobs.run('on-demand'),
      demoUsers,
      demoPassword,
      demoTotpSecret,
      demoCredentials,
      outbox,
      seeded,
      database: { endpoint: dynamo.endpoint, pid: dynamo.pid },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** Cognito would e-mail this; on one machine the terminal is the mailbox. */
function printInvitation(invitation: Invitation): void {
  console.log(
    `\n[idp] Invitation e-mail to ${invitation.to} (in AWS, Cognito sends it):\n  ${invitation.subject}\n  ${invitation.body.replaceAll('\n\n', '\n  ')}\n`,
  );
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? runtimePortTaken(port) : e);
    });
    server.listen({ port, host: HOST }, () => resolve((server.address() as AddressInfo).port));
  });
}

/** How long a stop waits for requests under way to be answered before cutting their connections. */
const DRAIN_MS = 5_000;

/**
 * Stops taking requests and lets those under way finish (bounded), so that a write the database made is
 * also answered, before anything behind the server stops.
 */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
