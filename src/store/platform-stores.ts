import type { DashboardStore } from '../core/dashboard-ports';
import type { TeamsRepository } from '../core/teams-ports';
import type { Queryable } from './db';
import { dashboardRepository } from './repositories/dashboard';
import {
  type SlackInstallationRepository,
  slackInstallationRepository,
} from './repositories/slack-installations';
import { teamsRepository } from './repositories/teams';

/** What one door (Slack, Teams, the web dashboard) stores beyond the domain, handed to it when it is mounted. */
export interface PlatformStores {
  /** Slack OAuth installations (Bolt's installation store). */
  slackInstallations: SlackInstallationRepository;
  /** Teams conversation references, Teams user ids and invoke answers. */
  teams: TeamsRepository;
  /** The web dashboard's used sign-in links and sessions. */
  dashboard: DashboardStore;
}

export function platformStores(db: Queryable): PlatformStores {
  return {
    slackInstallations: slackInstallationRepository(db),
    teams: teamsRepository(db),
    dashboard: dashboardRepository(db),
  };
}
