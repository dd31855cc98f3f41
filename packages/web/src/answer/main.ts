import type { Questionnaire, SurveyQuestion } from '@crux/domain/survey/questionnaire';
import { parseConfig } from '../config';
import { applyLanguage, type Language, storedLanguage } from '../i18n/language';
import { h } from './dom';
import { answerTexts } from './texts';
import './answer.css';

/**
 * The participant survey's answer page: opened from the QR code on a slip (`/svar.html#senter=…&kode=…`)
 * or on the centre's tablet (`&kiosk`). The code rides in the fragment, which the browser never sends,
 * so no server log holds it beside an address. Nothing is stored on the device; the answer is sent with
 * the code and the version shown, and nothing else.
 */
type Open = { round: string; year: number; version: number; questionnaire: Questionnaire };
type FieldProblem = { field: string; message: Record<Language, string> };
type ApiError = { error: { code: string; message: Record<Language, string>; fields?: FieldProblem[] } };

const NOT_APPLICABLE = 'not_applicable';
const main = document.getElementById('main') as HTMLElement;
const params = new URLSearchParams(location.hash.slice(1));
const centre = params.get('senter') ?? '';
const kiosk = params.has('kiosk');
let language = storedLanguage();
let apiBase = '';
let open: Open | undefined;
let code = params.get('kode') ?? '';
let answers: Record<string, string> = {};
let problems: FieldProblem[] = [];
let notice = '';
let sent = false;
let sending = false;

const t = () => answerTexts[language];

function languageSwitch(): HTMLElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'ds-button',
      'data-variant': 'tertiary',
      lang: language === 'nb' ? 'en' : 'nb',
      'aria-label': t().switchLabel,
    },
    t().switchTo,
  );
  button.addEventListener('click', () => {
    language = language === 'nb' ? 'en' : 'nb';
    applyLanguage(language);
    render();
  });
  return button;
}

const fieldId = (field: string) => `f-${field.replace(/[^a-z0-9_-]/gi, '-')}`;
const problemOf = (field: string) => problems.find((p) => p.field === field);

function scaleQuestion(q: Extract<SurveyQuestion, { kind: 'scale' }>, n: number, of: number): HTMLElement {
  const scale = open?.questionnaire.scales.find((s) => s.id === q.scale);
  const options = [
    ...(scale?.options ?? []).map((o) => ({ id: o.id, label: o.label[language] })),
    { id: NOT_APPLICABLE, label: t().notApplicable },
  ];
  const problem = problemOf(`answers.${q.id}`);
  const error =
    problem &&
    h('p', { class: 'ds-validation-message', id: `${fieldId(q.id)}-error` }, problem.message[language]);
  const fieldset = h(
    'fieldset',
    {
      class: 'ds-fieldset question',
      id: fieldId(`answers.${q.id}`),
      tabindex: '-1',
      'aria-describedby': error ? `${fieldId(q.id)}-error` : undefined,
    },
    h(
      'legend',
      { class: 'ds-label' },
      h('span', { class: 'count' }, t().question(n, of)),
      ' ',
      q.text[language],
    ),
    error,
  );
  for (const o of options) {
    const input = h('input', {
      type: 'radio',
      class: 'ds-input',
      name: q.id,
      value: o.id,
      id: `${fieldId(q.id)}-${o.id}`,
      checked: answers[q.id] === o.id,
    }) as HTMLInputElement;
    input.addEventListener('change', () => {
      answers[q.id] = o.id;
    });
    fieldset.append(
      h(
        'div',
        { class: `choice${o.id === NOT_APPLICABLE ? ' not-applicable' : ''}` },
        input,
        h('label', { for: input.id }, o.label),
      ),
    );
  }
  return fieldset;
}

function textQuestion(q: SurveyQuestion): HTMLElement {
  const id = fieldId(`answers.${q.id}`);
  const problem = problemOf(`answers.${q.id}`);
  const area = h('textarea', {
    class: 'ds-input',
    id,
    name: q.id,
    rows: '4',
    maxlength: '1000',
    'aria-describedby': `${id}-hint${problem ? ` ${id}-error` : ''}`,
    'aria-invalid': problem ? 'true' : undefined,
  }) as HTMLTextAreaElement;
  area.value = answers[q.id] ?? '';
  area.addEventListener('input', () => {
    answers[q.id] = area.value;
  });
  return h(
    'div',
    { class: 'ds-field question' },
    h('label', { class: 'ds-label', for: id }, q.text[language]),
    h('p', { id: `${id}-hint`, class: 'hint' }, t().textHint),
    problem && h('p', { class: 'ds-validation-message', id: `${id}-error` }, problem.message[language]),
    area,
  );
}

function codeField(): HTMLElement {
  const problem = problemOf('code');
  const input = h('input', {
    class: 'ds-input',
    id: fieldId('code'),
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    inputmode: 'text',
    'aria-describedby': `code-hint${problem ? ' code-error' : ''}`,
    'aria-invalid': problem ? 'true' : undefined,
    required: true,
  }) as HTMLInputElement;
  input.value = code;
  input.addEventListener('input', () => {
    code = input.value;
  });
  return h(
    'div',
    { class: 'ds-field' },
    h('label', { class: 'ds-label', for: input.id }, t().codeLabel),
    h('p', { id: 'code-hint', class: 'hint' }, t().codeHint),
    problem && h('p', { class: 'ds-validation-message', id: 'code-error' }, problem.message[language]),
    input,
  );
}

function errorSummary(): HTMLElement | false {
  if (problems.length === 0 && !notice) return false;
  const list = h('ul');
  for (const p of problems)
    list.append(h('li', {}, h('a', { href: `#${fieldId(p.field)}`, class: 'ds-link' }, p.message[language])));
  return h(
    'div',
    { class: 'ds-error-summary', id: 'problems', tabindex: '-1', role: 'alert' },
    h('h2', { class: 'ds-heading', 'data-size': 'xs' }, t().errorsTitle),
    notice ? h('p', {}, notice) : false,
    problems.length ? list : false,
  );
}

function form(q: Questionnaire): HTMLElement {
  const ordered = [...q.sections].sort((a, b) => a.order - b.order);
  const scaleCount = q.questions.filter((x) => x.kind === 'scale').length;
  let n = 0;
  const body = h(
    'form',
    { novalidate: true, class: 'answer-form' },
    errorSummary(),
    codeField(),
    h('p', {}, q.intro[language]),
    h('p', { class: 'hint' }, t().skipHint),
  );
  for (const section of ordered) {
    const questions = q.questions.filter((x) => x.section === section.id).sort((a, b) => a.order - b.order);
    if (questions.length === 0) continue;
    body.append(h('h2', { class: 'ds-heading', 'data-size': 'sm' }, section.title[language]));
    for (const question of questions)
      body.append(
        question.kind === 'scale' ? scaleQuestion(question, ++n, scaleCount) : textQuestion(question),
      );
  }
  body.append(
    h(
      'button',
      {
        type: 'submit',
        class: 'ds-button send',
        'data-variant': 'primary',
        disabled: sending,
        'aria-busy': sending ? 'true' : undefined,
      },
      sending ? t().sending : t().send,
    ),
  );
  body.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  return body;
}

function thanks(): HTMLElement[] {
  const next = kiosk
    ? h('button', { type: 'button', class: 'ds-button', 'data-variant': 'primary' }, t().next)
    : undefined;
  next?.addEventListener('click', () => {
    sent = false;
    code = '';
    answers = {};
    render();
    document.getElementById(fieldId('code'))?.focus();
  });
  return [
    h(
      'div',
      { class: 'ds-alert', 'data-color': 'success', role: 'status' },
      h('h2', { class: 'ds-heading', 'data-size': 'sm', id: 'thanks', tabindex: '-1' }, t().thanks),
      h('p', {}, t().thanksMore),
    ),
    ...(next ? [next] : []),
  ];
}

function render(message?: string): void {
  document.title = `${open?.questionnaire.title[language] ?? 'Deltakerundersøkelsen'} – CRUX`;
  const header = h(
    'header',
    { class: 'answer-header' },
    h('h1', { class: 'ds-heading', 'data-size': 'md' }, open?.questionnaire.title[language] ?? 'CRUX'),
    languageSwitch(),
  );
  const content = message
    ? [h('p', { role: 'status' }, message)]
    : sent
      ? thanks()
      : open
        ? [form(open.questionnaire)]
        : [];
  main.replaceChildren(header, ...content);
}

async function send(): Promise<void> {
  if (!open || sending) return;
  sending = true;
  problems = [];
  notice = '';
  render();
  const chosen = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== ''));
  try {
    const response = await fetch(`${apiBase}/api/answer/${encodeURIComponent(centre)}/rounds/${open.round}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, version: open.version, answers: chosen }),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    sending = false;
    if (response.status === 201) {
      sent = true;
      render();
      document.getElementById('thanks')?.focus();
      return;
    }
    const { error } = (await response.json()) as ApiError;
    problems = error.fields ?? [];
    if (problems.length === 0) notice = error.message[language];
  } catch {
    sending = false;
    notice = t().failed;
  }
  render();
  document.getElementById('problems')?.focus();
}

async function start(): Promise<void> {
  applyLanguage(language);
  if (!centre) return render(t().noCentre);
  render(t().loading);
  try {
    const config = parseConfig(await (await fetch('/config.json')).json());
    apiBase = config?.apiBase ?? '';
    const response = await fetch(`${apiBase}/api/answer/${encodeURIComponent(centre)}`, {
      credentials: 'omit',
    });
    if (response.status === 404) return render(t().noRound);
    if (!response.ok) return render(t().failed);
    open = (await response.json()) as Open;
    render();
  } catch {
    render(t().failed);
  }
}

void start();
