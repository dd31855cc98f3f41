import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalUser } from '@crux/store/local-users-repo';
import { readBody, sendJson } from '../http';
import {
  type Interaction,
  newId,
  nowSeconds,
  type ProviderContext,
  redirectWithCode,
  type Session,
} from './context';
import { errorPage, type FormError, signInPage } from './pages';
import { passwordMatches, passwordProblems } from './passwords';
import { newPasswordPage, totpPage, totpSetupPage } from './step-pages';
import { texts } from './texts';
import { newTotpSecret } from './totp';

const FORM_LIMIT = 8 * 1024;
const MAX_FAILURES = 5;

/**
 * The sign-in form's one endpoint, `POST /idp/login`, through the steps Cognito's managed login takes:
 * username and password; a new password when the account still has its invitation's; TOTP enrolment
 * while it has no authenticator; the TOTP code. The step is kept with the interaction on the server, so
 * a form cannot skip one. Wrong answers count per user: five in a minute and the user is held back.
 */
export function createSignInSteps(ctx: ProviderContext, otherLanguageHref: (i: Interaction) => string) {
  const { users, interactions, failures, lifetimes } = ctx;

  type Render = { status: number; errors: FormError[]; username?: string };

  function render(
    res: ServerResponse,
    id: string,
    interaction: Interaction,
    { status, errors, username }: Render,
  ) {
    const { locale } = interaction.request;
    const { step } = interaction;
    ctx.sendHtml(res, status, (nonce) => {
      const common = { locale, nonce, interaction: id, errors };
      switch (step.kind) {
        case 'password':
          return signInPage({
            ...common,
            username: username ?? '',
            otherLanguageHref: otherLanguageHref(interaction),
          });
        case 'new_password':
          return newPasswordPage(common);
        case 'totp_setup':
          return totpSetupPage({ ...common, secret: step.secret, account: step.username });
        case 'totp':
          return totpPage(common);
      }
    });
  }

  /** The step after the password (or after a new one): enrol an authenticator, or use it. */
  function afterPassword(user: LocalUser): Interaction['step'] {
    if (user.passwordTemporary) return { kind: 'new_password', sub: user.sub, username: user.username };
    if (!user.totpSecret)
      return { kind: 'totp_setup', sub: user.sub, username: user.username, secret: newTotpSecret() };
    return { kind: 'totp', sub: user.sub, username: user.username };
  }

  function signedIn(res: ServerResponse, id: string, interaction: Interaction, user: LocalUser) {
    failures.delete(user.username);
    interactions.delete(id);
    const sessionId = newId();
    const session: Session = { sub: user.sub, authTime: nowSeconds(), startedMs: Date.now() };
    ctx.sessions.set(sessionId, session);
    redirectWithCode(ctx, res, interaction.request, sessionId, session, {
      'set-cookie': ctx.sessionCookie(sessionId, lifetimes.signInSessionSeconds),
    });
  }

  async function password(form: URLSearchParams, res: ServerResponse, id: string, interaction: Interaction) {
    const t = texts[interaction.request.locale];
    const username = (form.get('username') ?? '').trim().toLowerCase();
    const given = form.get('password') ?? '';
    const errors: FormError[] = [];
    if (!username) errors.push({ field: 'username', message: t.usernameRequired });
    if (!given) errors.push({ field: 'password', message: t.passwordRequired });
    if (errors.length) return render(res, id, interaction, { status: 400, errors, username });
    const failed = failures.get(username) ?? 0;
    if (failed >= MAX_FAILURES)
      return render(res, id, interaction, {
        status: 429,
        errors: [{ field: 'username', message: t.throttled }],
        username,
      });
    const check = await users.checkPassword(username, given);
    if (check.kind === 'wrong') {
      failures.set(username, failed + 1);
      const wrong = { field: 'password' as const, message: t.wrongCredentials };
      return render(res, id, interaction, { status: 401, errors: [wrong], username });
    }
    if (check.kind !== 'ok') {
      const message = check.kind === 'disabled' ? t.disabled : t.temporaryExpired;
      return render(res, id, interaction, {
        status: 403,
        errors: [{ field: 'username', message }],
        username,
      });
    }
    // Cognito shows the trigger's refusal on its sign-in page; so do we, and no session is made.
    const refused = await ctx.refusalFor(check.user);
    if (refused)
      return render(res, id, interaction, {
        status: 403,
        errors: [{ field: 'username', message: refused }],
        username,
      });
    failures.delete(username);
    const next: Interaction = { ...interaction, step: afterPassword(check.user) };
    interactions.set(id, next);
    render(res, id, next, { status: 200, errors: [] });
  }

  async function newPassword(
    form: URLSearchParams,
    res: ServerResponse,
    id: string,
    interaction: Interaction,
    user: LocalUser,
  ) {
    const t = texts[interaction.request.locale];
    const chosen = form.get('newPassword') ?? '';
    const again = form.get('confirmPassword') ?? '';
    const errors: FormError[] = [];
    if (!chosen) errors.push({ field: 'newPassword', message: t.newPasswordRequired });
    else if (passwordProblems(chosen).length) errors.push({ field: 'newPassword', message: t.passwordWeak });
    else if (await passwordMatches(chosen, user.passwordHash))
      errors.push({ field: 'newPassword', message: t.passwordSame });
    if (!errors.length && chosen !== again)
      errors.push({ field: 'confirmPassword', message: t.passwordMismatch });
    if (errors.length) return render(res, id, interaction, { status: 400, errors });
    const updated = await users.changePassword(user.sub, chosen);
    const next: Interaction = { ...interaction, step: afterPassword(updated) };
    interactions.set(id, next);
    render(res, id, next, { status: 200, errors: [] });
  }

  async function code(
    form: URLSearchParams,
    res: ServerResponse,
    id: string,
    interaction: Interaction,
    user: LocalUser,
  ) {
    const t = texts[interaction.request.locale];
    const { step } = interaction;
    const typed = form.get('code') ?? '';
    if (!typed.trim())
      return render(res, id, interaction, {
        status: 400,
        errors: [{ field: 'code', message: t.codeRequired }],
      });
    const failed = failures.get(user.username) ?? 0;
    if (failed >= MAX_FAILURES)
      return render(res, id, interaction, { status: 429, errors: [{ field: 'code', message: t.throttled }] });
    const right =
      step.kind === 'totp_setup'
        ? await users.enrolTotp(user.sub, step.secret, typed)
        : await users.acceptTotp(user, typed);
    if (!right) {
      failures.set(user.username, failed + 1);
      return render(res, id, interaction, { status: 401, errors: [{ field: 'code', message: t.codeWrong }] });
    }
    signedIn(res, id, interaction, user);
  }

  return async function login(req: IncomingMessage, res: ServerResponse, issuerOrigin: string) {
    // The interaction id already ties the form to a page we served; a foreign Origin is refused outright.
    if (req.headers.origin && req.headers.origin !== issuerOrigin)
      return sendJson(res, 403, { error: 'invalid_origin' });
    const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
    const id = form.get('interaction') ?? '';
    const interaction = interactions.get(id);
    if (!interaction) return ctx.sendHtml(res, 400, (nonce) => errorPage('nb', nonce, texts.nb.expired));
    const { step } = interaction;
    if (step.kind === 'password') return password(form, res, id, interaction);
    // Later steps: the account may have been deactivated since the password was checked.
    const user = await users.bySub(step.sub);
    if (!user?.enabled) {
      interactions.delete(id);
      const t = texts[interaction.request.locale];
      return ctx.sendHtml(res, 403, (nonce) => errorPage(interaction.request.locale, nonce, t.disabled));
    }
    if (step.kind === 'new_password') return newPassword(form, res, id, interaction, user);
    return code(form, res, id, interaction, user);
  };
}
