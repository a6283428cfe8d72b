import type { Queryable } from './db';
import { type DashboardRepository, dashboardRepository } from './repositories/dashboard';

/**
 * The web dashboard's own storage (sign-in links and sessions), built here so the wiring that mounts the
 * dashboard hands it over without reaching into the repositories. It fits the dashboard's port
 * (adapters/web/dashboard/session-store.ts) by shape; the store does not import the adapters.
 */
export function dashboardStore(db: Queryable): DashboardRepository {
  return dashboardRepository(db);
}
