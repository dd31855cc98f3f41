import { type ApiResponse, json } from './response';

/**
 * A figures route: one read of the figures the job wrote for the path's year (the pipeline has already
 * refused a year that is not one, path-parameters.ts).
 */
export function figuresOfYear<T>(read: (year: number) => Promise<T>) {
  return async (req: { params: { year: string } }): Promise<ApiResponse> =>
    json(200, await read(Number(req.params.year)));
}
