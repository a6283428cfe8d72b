import type { DashboardStore } from '../core/dashboard-ports';
import type { Queryable } from './db';
import { dashboardRepository } from './repositories/dashboard';

/**
 * The web dashboard's own storage (sign-in links and sessions), built here so the wiring that mounts the
 * dashboard hands it over without reaching into the repositories.
 */
export function dashboardStore(db: Queryable): DashboardStore {
  return dashboardRepository(db);
}
