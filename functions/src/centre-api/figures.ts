import { centreFiguresRepo } from '@crux/store/centre-figures-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { figuresOfYear } from '../http/figures-read';
import type { RequestOf } from '../http/request';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/figures/{year}';
const repo = (scope: TenantScope) => centreFiguresRepo(clientFor(scope), tableName(), scope);

/** The centre's own figures for a year beside the year before, as the figures job wrote them: one Query. */
export const centreYear = (req: RequestOf<`GET ${typeof path}`>) =>
  figuresOfYear((year) => repo(req.scope).year(year))(req);

/** The centre's months of a year: one Query. */
export const centreMonths = (req: RequestOf<`GET ${typeof path}/months`>) =>
  figuresOfYear((year) => repo(req.scope).months(year))(req);
