import { todayInOslo } from '@crux/domain/calendar';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../routing/router';

const YEARS_BACK = 5;

export const currentYear = () => Number(todayInOslo().slice(0, 4));

/** The year in the URL (`?ar=2025`), so a link to last year's figures stays a link to last year's figures. */
export function useYear(): number {
  const { search } = useRouter();
  const asked = Number(new URLSearchParams(search).get('ar'));
  const now = currentYear();
  return Number.isInteger(asked) && asked >= now - YEARS_BACK && asked <= now ? asked : now;
}

export function YearPicker({ year }: { year: number }) {
  const { t } = useI18n();
  const { pathname, navigate } = useRouter();
  const now = currentYear();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => now - i);
  return (
    <div className="ds-field field-inline">
      <label className="ds-label" htmlFor="year">
        {t.figures.year}
      </label>
      <select
        id="year"
        className="ds-input"
        value={year}
        onChange={(event) => navigate(`${pathname}?ar=${event.target.value}`, { replace: true })}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
