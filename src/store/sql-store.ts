import type { Repositories, Store } from '../core/ports';
import type { Db, Queryable } from './db';
import { agendaRepository } from './repositories/agendas';
import { auditRepository } from './repositories/audit';
import { boardCalendarRepository } from './repositories/board-calendars';
import { boardRepository } from './repositories/boards';
import { checkInRepository } from './repositories/check-ins';
import { communityRepository } from './repositories/communities';
import { cycleResultRepository } from './repositories/cycle-results';
import { cycleRepository } from './repositories/cycles';
import { discussionRepository } from './repositories/discussion';
import { inboundEventRepository } from './repositories/inbound-events';
import { memberRepository } from './repositories/members';
import { messageRepository } from './repositories/messages';
import { outboxRepository } from './repositories/outbox';
import { outboxDeliveryRepository } from './repositories/outbox-delivery';
import { peerContactRepository } from './repositories/peer-contacts';
import { personalDataRepository } from './repositories/personal-data';
import { practiceRepository } from './repositories/practices';
import { schedulerRunRepository } from './repositories/scheduler-runs';
import { steeringDecisionRepository } from './repositories/steering-decisions';
import { steeringRequestRepository } from './repositories/steering-requests';
import { teamsRepository } from './repositories/teams';
import { updateRepository } from './repositories/updates';
import { workspaceRepository } from './repositories/workspaces';

export function repositories(db: Queryable): Repositories {
  return {
    workspaces: workspaceRepository(db),
    boards: boardRepository(db),
    members: memberRepository(db),
    agendas: agendaRepository(db),
    communities: communityRepository(db),
    cycles: cycleRepository(db),
    checkIns: checkInRepository(db),
    updates: updateRepository(db),
    practices: practiceRepository(db),
    messages: messageRepository(db),
    discussion: discussionRepository(db),
    personalData: personalDataRepository(db),
    outbox: outboxRepository(db),
    audit: auditRepository(db),
    inboundEvents: inboundEventRepository(db),
    delivery: outboxDeliveryRepository(db),
    schedulerRuns: schedulerRunRepository(db),
    boardCalendars: boardCalendarRepository(db),
    cycleResults: cycleResultRepository(db),
    teams: teamsRepository(db),
    steeringDecisions: steeringDecisionRepository(db),
    steeringRequests: steeringRequestRepository(db),
    peerContacts: peerContactRepository(db),
  };
}

/** The core's Store over a Db: the same repositories outside and inside a transaction. */
export function sqlStore(db: Db): Store {
  return {
    repos: repositories(db),
    transaction: (fn) => db.transaction((tx) => fn(repositories(tx))),
  };
}
