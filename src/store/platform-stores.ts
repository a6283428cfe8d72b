import type { TeamsRepository } from '../core/teams-ports';
import type { Queryable } from './db';
import {
  type SlackInstallationRepository,
  slackInstallationRepository,
} from './repositories/slack-installations';
import { teamsRepository } from './repositories/teams';

/** What a platform's door stores beyond the domain, handed to that door when it is mounted. */
export interface PlatformStores {
  /** Slack OAuth installations (Bolt's installation store). */
  slackInstallations: SlackInstallationRepository;
  /** Teams conversation references, Teams user ids and invoke answers. */
  teams: TeamsRepository;
}

export function platformStores(db: Queryable): PlatformStores {
  return { slackInstallations: slackInstallationRepository(db), teams: teamsRepository(db) };
}
