import type { FigureId } from './relations';

/**
 * Figure ids: `participants`, `participants.new`, `participants.mean_age`, `participants.woman.share`,
 * `outcome.<outcome>`; from the catalogue `kind.<kind>`, `measure.<type>`, `order.<type>.persons` and
 * `order.<type>.hours` (shown together on the line `order.<type>`), and per wheel domain
 * `wheel.<domain>.up|same|down` (figures/wheel.ts); from the registers those of registers.ts
 * (`volunteers`, `staff.fte`, `turnover`, `income.<source>`, …). A catalogue id never changes, so
 * neither does its figure's.
 */
export const kindId = (kind: string): FigureId => `kind.${kind}`;
export const measureId = (type: string): FigureId => `measure.${type}`;
export const orderLineId = (type: string) => `order.${type}`;
export const orderPersonsId = (type: string): FigureId => `order.${type}.persons`;
export const orderHoursId = (type: string): FigureId => `order.${type}.hours`;
