import { ActivityDeleteQuery } from '@crux/domain/activity';
import { IncomeUpdate } from '@crux/domain/registers/economy';
import { VolunteerFollowUpUpdate } from '@crux/domain/registers/follow-up';
import { PositionCreate, PositionListQuery, PositionUpdate } from '@crux/domain/registers/positions';
import { ShopMonthUpdate, ShopReportQuery, ShopYearQuery } from '@crux/domain/registers/shop';
import {
  AccountLink,
  AccountUnlinkQuery,
  MonthHoursQuery,
  OwnHoursQuery,
  VolunteerCreate,
  VolunteerHoursCreate,
  VolunteerHoursUpdate,
  VolunteerListQuery,
  VolunteerUpdate,
} from '@crux/domain/registers/volunteers';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The registers audience's request schemas (route-schemas.ts says what they are for). */
export const registersSchemas = {
  'GET /api/centres/{centreId}/volunteers': { query: VolunteerListQuery },
  'POST /api/centres/{centreId}/volunteers': { body: VolunteerCreate },
  'PUT /api/centres/{centreId}/volunteers/{volunteerId}': { body: VolunteerUpdate },
  'PUT /api/centres/{centreId}/volunteers/{volunteerId}/account': { body: AccountLink },
  'DELETE /api/centres/{centreId}/volunteers/{volunteerId}/account': { query: AccountUnlinkQuery },
  'GET /api/centres/{centreId}/volunteers/{volunteerId}/hours': { query: OwnHoursQuery },
  'POST /api/centres/{centreId}/volunteers/{volunteerId}/hours': { body: VolunteerHoursCreate },
  'PUT /api/centres/{centreId}/volunteers/{volunteerId}/hours/{date}/{entryId}': {
    body: VolunteerHoursUpdate,
  },
  'DELETE /api/centres/{centreId}/volunteers/{volunteerId}/hours/{date}/{entryId}': {
    query: ActivityDeleteQuery,
  },
  'GET /api/centres/{centreId}/volunteer-hours': { query: MonthHoursQuery },
  'PUT /api/centres/{centreId}/volunteer-follow-up/{year}': { body: VolunteerFollowUpUpdate },
  'GET /api/centres/{centreId}/positions': { query: PositionListQuery },
  'POST /api/centres/{centreId}/positions': { body: PositionCreate },
  'PUT /api/centres/{centreId}/positions/{positionId}': { body: PositionUpdate },
  'GET /api/centres/{centreId}/shop': { query: ShopYearQuery },
  'GET /api/centres/{centreId}/shop/report': { query: ShopReportQuery },
  'PUT /api/centres/{centreId}/shop/{month}': { body: ShopMonthUpdate },
  'PUT /api/centres/{centreId}/economy/{year}': { body: IncomeUpdate },
} as const satisfies Partial<Record<KeyOf<RoutesOf<'registers'>>, RouteSchemas>>;
