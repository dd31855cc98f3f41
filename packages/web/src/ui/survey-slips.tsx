import { printedCode } from '@crux/domain/survey/code';
import { useMemo } from 'react';
import { renderSVG } from 'uqr';
import { useSurveyTexts } from '../i18n/survey-texts';

/**
 * Where a slip sends a participant: the answer page, the centre (and, in the QR code, the code) in the
 * fragment, which the browser never sends. The address typed by hand names the centre too: the page
 * needs it to find the round the code belongs to.
 */
export const answerPage = (centre: string) =>
  `${location.origin}/svar.html#senter=${encodeURIComponent(centre)}`;
export const answerLink = (centre: string, code: string) => `${answerPage(centre)}&kode=${code}`;

/**
 * The round's fresh codes as slips to print and cut: a QR code of the answer link, the short code and
 * the address for typing it. Shuffled here as well, though the codes are random already, so the printed
 * order says nothing either; the leader hands the slips out at random. The QR code is a picture of the
 * same link the text gives, so it is hidden from screen readers (and from axe's image checks).
 */
export function SurveySlips({ centre, codes }: { centre: string; codes: readonly string[] }) {
  const s = useSurveyTexts();
  // Once per batch: a re-render (another language) keeps the order and the drawn QR codes.
  const slips = useMemo(
    () => shuffle(codes).map((code) => ({ code, qr: renderSVG(answerLink(centre, code), { border: 1 }) })),
    [centre, codes],
  );
  return (
    <ul className="slips" aria-label={s.slipsLabel}>
      {slips.map(({ code, qr }) => (
        <li key={code} className="slip">
          <span
            className="slip-qr"
            aria-hidden="true"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: uqr's SVG of our own link, no user input.
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <div className="slip-text">
            <p className="slip-title">{s.slipTitle}</p>
            <p>{s.slipHow}</p>
            <p className="slip-address">{answerPage(centre)}</p>
            <p>
              {s.slipCode}: <strong className="slip-code">{printedCode(code)}</strong>
            </p>
            <p className="hint">{s.slipAnonymous}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Fisher–Yates with the platform's random source. */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  const random = new Uint32Array(out.length);
  crypto.getRandomValues(random);
  for (let i = out.length - 1; i > 0; i--) {
    const j = (random[i] as number) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
