import { type Locale, texts } from './texts';

/** Everything the pages print goes through here: usernames and URLs come from whoever sent the request. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Plain HTML with no script at all: the CSP forbids scripts on these pages. Focus styles are strong,
 * text is at least 16 px so phones do not zoom, and the layout is one column from 320 px up.
 */
const styles = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
body{margin:0}
header,main,footer{max-width:30rem;margin:0 auto;padding:1rem}
header p{margin:0;font-weight:600}
main{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.75rem;margin:0 0 .5rem}
h2{font-size:1.125rem;margin:0 0 .5rem}
.field{margin:1.25rem 0}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{display:block;width:100%;font:inherit;font-size:1rem;padding:.625rem .75rem;border:2px solid #5c6370;border-radius:.25rem;background:#fff;color:#1a1a1a}
input[aria-invalid="true"]{border-color:#b00020}
button{font:inherit;font-weight:600;padding:.75rem 1.5rem;min-height:2.75rem;border:0;border-radius:.25rem;background:#0b4f6c;color:#fff;cursor:pointer;width:100%}
button:hover{background:#083b51}
a{color:#0b4f6c;text-underline-offset:.2em}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1a1a1a}
.error-summary{border:3px solid #b00020;border-radius:.25rem;padding:1rem;margin:1rem 0}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#b00020;font-weight:600}
.field-error{color:#b00020;font-weight:600;margin:.25rem 0}
.hint{color:#3d4148;margin:0 0 .25rem}
.qr{display:block;width:12rem;max-width:100%;height:auto;margin:.5rem 0}
.secret{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.125rem;letter-spacing:.05em;overflow-wrap:anywhere}
.notice{font-size:.875rem;color:#3d4148;margin:1rem 0 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

export function page(locale: Locale, title: string, nonce: string, body: string): string {
  const t = texts[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(t.service)}</title>
<style nonce="${nonce}">${styles}</style>
</head>
<body>
<header><p>${escapeHtml(t.service)}</p></header>
<main>
${body}
</main>
<footer><p class="notice">${escapeHtml(t.localNotice)}</p></footer>
</body>
</html>`;
}

export type FieldName = 'username' | 'password' | 'newPassword' | 'confirmPassword' | 'code';
export type FormError = { field: FieldName; message: string };

/** The summary takes focus when it appears so a screen reader announces it and keyboard users start there. */
export function errorSummary(locale: Locale, errors: readonly FormError[]): string {
  if (!errors.length) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${escapeHtml(texts[locale].errorSummary)}</h2>
<ul>${errors.map((e) => `<li><a href="#${e.field}">${escapeHtml(e.message)}</a></li>`).join('')}</ul>
</div>`;
}

/** A labelled input with its error (if any) tied to it; `hint` is read with the field. */
export function field(
  locale: Locale,
  errors: readonly FormError[],
  name: FieldName,
  label: string,
  attrs: string,
  hint?: string,
): string {
  const error = errors.find((e) => e.field === name);
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const aria = `${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  const hintHtml = hint ? `<p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>` : '';
  const message = error
    ? `<p class="field-error" id="${name}-error"><span class="visually-hidden">${locale === 'nb' ? 'Feil:' : 'Error:'} </span>${escapeHtml(error.message)}</p>`
    : '';
  return `<div class="field">
<label for="${name}">${escapeHtml(label)}</label>
${hintHtml}${message}<input id="${name}" name="${name}" ${attrs}${aria} required>
</div>`;
}

/** A step's form: posted to the one sign-in endpoint, which knows from the interaction what comes next. */
export function stepForm(interaction: string, fields: string, submit: string): string {
  return `<form method="post" action="/idp/login" novalidate>
<input type="hidden" name="interaction" value="${escapeHtml(interaction)}">
${fields}
<button type="submit">${escapeHtml(submit)}</button>
</form>`;
}

export type SignInPageInput = {
  locale: Locale;
  nonce: string;
  interaction: string;
  username: string;
  errors: readonly FormError[];
  otherLanguageHref: string;
};

export function signInPage(input: SignInPageInput): string {
  const t = texts[input.locale];
  const other: Locale = input.locale === 'nb' ? 'en' : 'nb';
  const { locale, errors } = input;
  // Without errors, the first empty field gets focus; with errors, the summary does.
  const focusUsername = !errors.length && !input.username ? ' autofocus' : '';
  const focusPassword = !errors.length && input.username ? ' autofocus' : '';
  return page(
    locale,
    t.title,
    input.nonce,
    `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
${errorSummary(locale, errors)}
${stepForm(
  input.interaction,
  `${field(locale, errors, 'username', t.username, `type="text" autocomplete="username" autocapitalize="none" spellcheck="false" value="${escapeHtml(input.username)}"${focusUsername}`)}
${field(locale, errors, 'password', t.password, `type="password" autocomplete="current-password"${focusPassword}`)}`,
  t.submit,
)}
<p><a href="${escapeHtml(input.otherLanguageHref)}" lang="${other}" hreflang="${other}">${escapeHtml(t.otherLanguage)}</a></p>`,
  );
}

/** For requests that cannot be sent back to the client (unknown client or redirect address). */
export function errorPage(locale: Locale, nonce: string, message: string): string {
  const t = texts[locale];
  return page(
    locale,
    t.errorTitle,
    nonce,
    `<h1>${escapeHtml(t.errorTitle)}</h1>
<p>${escapeHtml(message)}</p>`,
  );
}

export function signedOutPage(locale: Locale, nonce: string): string {
  const t = texts[locale];
  return page(locale, t.signedOut, nonce, `<h1>${escapeHtml(t.signedOut)}</h1>`);
}
