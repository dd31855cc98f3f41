import type { Language } from '../i18n/language';

/**
 * The answer page's own words, in plain language. The questions themselves come in both languages
 * with the questionnaire; only what frames them is here.
 */
export const answerTexts = {
  nb: {
    switchTo: 'English',
    switchLabel: 'Change language to English',
    loading: 'Henter undersøkelsen …',
    noRound: 'Senteret har ingen åpen undersøkelse nå.',
    noCentre: 'Lenken mangler senteret. Skann koden på lappen på nytt, eller spør de ansatte.',
    failed: 'Vi får ikke kontakt akkurat nå. Prøv igjen om litt.',
    codeLabel: 'Koden på lappen din',
    codeHint: '10 tegn, for eksempel 7KQM3-XPART. Koden viser ikke hvem du er.',
    notApplicable: 'Ikke aktuelt',
    skipHint: 'Du kan hoppe over spørsmål du ikke vil svare på.',
    textHint: 'Skriv ikke navn eller noe som viser hvem du er. Bare senteret leser dette.',
    send: 'Send svaret',
    sending: 'Sender …',
    errorsTitle: 'Noe må rettes før du sender',
    thanks: 'Takk! Svaret ditt er sendt.',
    thanksMore: 'Du er anonym: ingen kan se hva du svarte.',
    next: 'Neste deltaker',
    question: (n: number, of: number) => `Spørsmål ${n} av ${of}`,
  },
  en: {
    switchTo: 'Norsk',
    switchLabel: 'Bytt språk til norsk',
    loading: 'Loading the survey …',
    noRound: 'The centre has no open survey right now.',
    noCentre: 'The link does not name the centre. Scan the code on your slip again, or ask the staff.',
    failed: 'We cannot reach the server right now. Try again in a moment.',
    codeLabel: 'The code on your slip',
    codeHint: '10 characters, for example 7KQM3-XPART. The code does not tell who you are.',
    notApplicable: 'Not applicable',
    skipHint: 'You may skip any question you do not want to answer.',
    textHint: 'Do not write your name or anything that tells who you are. Only the centre reads this.',
    send: 'Send my answer',
    sending: 'Sending …',
    errorsTitle: 'Something needs fixing before you send',
    thanks: 'Thank you! Your answer has been sent.',
    thanksMore: 'You are anonymous: no one can see what you answered.',
    next: 'Next participant',
    question: (n: number, of: number) => `Question ${n} of ${of}`,
  },
} satisfies Record<Language, unknown>;

export type AnswerTexts = (typeof answerTexts)['nb'];
