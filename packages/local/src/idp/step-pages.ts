import { errorSummary, escapeHtml, type FormError, field, page, stepForm } from './pages';
import { type Locale, texts } from './texts';
import { groupedSecret, totpEnrolment } from './totp';

/**
 * The steps after the password, as Cognito's managed login takes a user through them: a new password on
 * the first sign-in, TOTP enrolment while the account has none, and the TOTP code every time after.
 * Script-free like the sign-in page; each takes focus where the user goes next.
 */
type StepPage = { locale: Locale; nonce: string; interaction: string; errors: readonly FormError[] };

const focus = (errors: readonly FormError[]) => (errors.length ? '' : ' autofocus');

export function newPasswordPage(input: StepPage): string {
  const { locale, errors } = input;
  const t = texts[locale];
  return page(
    locale,
    t.newPasswordTitle,
    input.nonce,
    `<h1>${escapeHtml(t.newPasswordTitle)}</h1>
<p>${escapeHtml(t.newPasswordIntro)}</p>
${errorSummary(locale, errors)}
${stepForm(
  input.interaction,
  `${field(locale, errors, 'newPassword', t.newPassword, `type="password" autocomplete="new-password"${focus(errors)}`, t.passwordRules)}
${field(locale, errors, 'confirmPassword', t.confirmPassword, 'type="password" autocomplete="new-password"')}`,
  t.setPassword,
)}`,
  );
}

const codeField = (locale: Locale, errors: readonly FormError[]) =>
  field(
    locale,
    errors,
    'code',
    texts[locale].code,
    `type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="7"${focus(errors)}`,
    texts[locale].codeHint,
  );

export function totpSetupPage(input: StepPage & { secret: string; account: string }): string {
  const { locale, errors } = input;
  const t = texts[locale];
  const { uri, qrSvg } = totpEnrolment(input.secret, input.account);
  const qr = qrSvg.replace('<svg ', `<svg class="qr" role="img" aria-label="${escapeHtml(t.qrLabel)}" `);
  return page(
    locale,
    t.totpSetupTitle,
    input.nonce,
    `<h1>${escapeHtml(t.totpSetupTitle)}</h1>
<p>${escapeHtml(t.totpSetupIntro)}</p>
${errorSummary(locale, errors)}
<p>${escapeHtml(t.totpSetupScan)}</p>
${qr}
<p>${escapeHtml(t.totpSetupKey)}: <span class="secret" data-uri="${escapeHtml(uri)}">${escapeHtml(groupedSecret(input.secret))}</span></p>
<p>${escapeHtml(t.totpSetupEnter)}</p>
${stepForm(input.interaction, codeField(locale, errors), t.confirm)}`,
  );
}

export function totpPage(input: StepPage): string {
  const { locale, errors } = input;
  const t = texts[locale];
  return page(
    locale,
    t.totpTitle,
    input.nonce,
    `<h1>${escapeHtml(t.totpTitle)}</h1>
<p>${escapeHtml(t.totpIntro)}</p>
${errorSummary(locale, errors)}
${stepForm(input.interaction, codeField(locale, errors), t.confirm)}
<p class="notice">${escapeHtml(t.demoCodes)}</p>`,
  );
}
