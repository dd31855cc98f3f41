import type { PageRoute } from '../routing/paths';

/**
 * The reads a page makes when it opens, named once: the page asks for them through the API client, and
 * main.tsx may ask for the first page's ahead (read-ahead.ts).
 */
export const catalogueRead = '/api/catalogue';
export const planRead = (centre: string, id: string) => `/api/centres/${centre}/participants/${id}/plan`;

/**
 * What a signed-in user's first page will read, to ask for while its module is still on the way. Only
 * pages listed here; any other reads as before, once drawn.
 */
export function firstReads(route: PageRoute): string[] {
  switch (route.page) {
    case 'wheel':
    case 'partnerPlan':
      return [planRead(route.centre, route.id), catalogueRead];
    default:
      return [];
  }
}
