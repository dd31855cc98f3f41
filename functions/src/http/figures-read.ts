import type { Result } from '@crux/domain/errors';
import { parseFiguresYear } from '@crux/domain/year-param';
import { type ApiResponse, errorResponse, json } from './response';

/** A figures route: the year from the path, then one read of the figures the job wrote for it. */
export function figuresOfYear<T>(read: (year: number) => Promise<T>) {
  return async (req: { params: { year: string } }): Promise<ApiResponse> => {
    const year: Result<number> = parseFiguresYear(req.params.year);
    if (!year.ok) return errorResponse(year.error);
    return json(200, await read(year.value));
  };
}
