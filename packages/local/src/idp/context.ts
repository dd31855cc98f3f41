import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { tokenLifetimes } from '@crux/api/identity-settings';
import { redirect } from '../http';
import type { ExpiringMap } from './expiring-map';
import type { SigningKey } from './signing-key';
import type { Locale } from './texts';
import type { IdpUser, UserDirectory } from './users';

export type Lifetimes = { -readonly [K in keyof typeof tokenLifetimes]: number };

export type AuthRequest = {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scope: string;
  nonce: string | undefined;
  locale: Locale;
};

/** Where a sign-in stands: the password is checked before any later step is offered. */
export type Step =
  | { kind: 'password' }
  | { kind: 'new_password'; sub: string; username: string }
  | { kind: 'totp_setup'; sub: string; username: string; secret: string }
  | { kind: 'totp'; sub: string; username: string };

export type Interaction = { request: AuthRequest; step: Step };

/** The managed-login session behind the cookie: lets a new authorize through without the password. */
export type Session = { sub: string; authTime: number; startedMs: number };

/** What an authorization code or a refresh token stands for. */
export type Grant = { sub: string; clientId: string; scope: string; authTime: number; issuedAtMs: number };
export type CodeGrant = Grant & { request: AuthRequest; sessionId: string };

/** Everything the provider's endpoints share: its settings, its users and what it keeps in memory. */
export type ProviderContext = {
  issuer: string;
  key: SigningKey;
  users: UserDirectory;
  clientIds: ReadonlySet<string>;
  lifetimes: Lifetimes;
  /** The refusal's text from Cognito's pre-token trigger (run here too), or undefined to let the user in. */
  refusalFor(user: IdpUser): Promise<string | undefined>;
  interactions: ExpiringMap<Interaction>;
  codes: ExpiringMap<CodeGrant>;
  /** Codes already exchanged, with the refresh token each gave: a second exchange revokes it. */
  spentCodes: ExpiringMap<string>;
  sessions: ExpiringMap<Session>;
  refreshTokens: ExpiringMap<Grant>;
  failures: ExpiringMap<number>;
  sendHtml(res: ServerResponse, status: number, render: (nonce: string) => string, extra?: object): void;
  sessionCookie(id: string, maxAgeSeconds: number): string;
};

export const newId = () => randomBytes(32).toString('base64url');
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function redirectWithCode(
  ctx: ProviderContext,
  res: ServerResponse,
  request: AuthRequest,
  sessionId: string,
  session: Session,
  headers: Record<string, string> = {},
) {
  const code = newId();
  ctx.codes.set(code, {
    request,
    sub: session.sub,
    clientId: request.clientId,
    scope: request.scope,
    authTime: session.authTime,
    issuedAtMs: Date.now(),
    sessionId,
  });
  const target = new URL(request.redirectUri);
  target.searchParams.set('code', code);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  redirect(res, target.toString(), headers);
}
