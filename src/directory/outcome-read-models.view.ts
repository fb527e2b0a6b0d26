/**
 * Read models the directory publishes for outcome reporting, as SQL views
 * (migrations/1796412000000-OutcomeReadModels.ts):
 * - `programme_only_route_v`: for each programme with exactly one route, that route (a
 *   student whose agreement names no route belongs to the programme's only route);
 * - `supervisor_hours_v`: each supervisor's coaching hours per week;
 * - `routes_v` (migrations/1796440000000-AgreementRoute.ts): every route with its programme and
 *   name (to name the route an agreement names).
 */
export const PROGRAMME_ONLY_ROUTE_VIEW = 'programme_only_route_v';
export const ROUTES_VIEW = 'routes_v';
export const SUPERVISOR_HOURS_VIEW = 'supervisor_hours_v';

export interface ProgrammeOnlyRouteRow {
  programme_id: string;
  route_id: string;
  route_name: string;
}

export interface SupervisorHoursRow {
  supervisor_id: string;
  hours_per_week: string;
}

export interface RouteRow {
  route_id: string;
  programme_id: string;
  route_name: string;
}
