import { z } from 'zod';
import { recipientOf } from './check-in-messages';
import type { ClaimedMessage } from './delivery-ports';
import type { CoreDeps } from './ports';
import { DEFAULT_CALENDAR, nextWorkingMoment } from './schedule/working-time';
import { localDate } from './time';

export type DeliveryDecision =
  | { action: 'send' }
  | { action: 'cancel'; reason: string }
  | { action: 'wait'; until: Date };

const checkInPayload = z.object({ cycleId: z.string(), memberId: z.string() });

/**
 * Asked just before a claimed message is sent: is it still wanted? A check-in message can wait in the
 * outbox for days (a holiday), and meanwhile the member answers, goes away or the cycle closes.
 */
export async function decideDelivery(deps: CoreDeps, message: ClaimedMessage): Promise<DeliveryDecision> {
  const repos = deps.store.repos;
  const now = deps.clock.now();
  const member = message.memberId ? await repos.members.get(message.memberId) : null;
  if (member?.unreachableAt && !message.conversationId)
    return { action: 'cancel', reason: 'member unreachable' };
  if (message.kind === 'profile.prompt' && member?.boardId)
    return { action: 'cancel', reason: 'board chosen' };
  if (message.kind !== 'checkin.prompt' && message.kind !== 'checkin.reminder') return { action: 'send' };
  const { cycleId, memberId } = checkInPayload.parse(message.payload);
  const cycle = await repos.cycles.get(cycleId);
  if (!cycle || cycle.status === 'closed' || now >= cycle.closesAt)
    return { action: 'cancel', reason: 'cycle closed' };
  if ((await repos.checkIns.get(cycleId, memberId))?.answeredAt)
    return { action: 'cancel', reason: 'answered' };
  if (message.kind === 'checkin.prompt' || !member) return { action: 'send' };
  if (member.awayUntil && member.awayUntil >= localDate(now, member.timeZone)) {
    const boards = member.boardId ? await repos.boardCalendars.daysOf([member.boardId]) : new Map();
    const until = nextWorkingMoment(
      now,
      recipientOf(member, boards, true),
      deps.calendar ?? DEFAULT_CALENDAR,
    );
    return until < cycle.closesAt
      ? { action: 'wait', until }
      : { action: 'cancel', reason: 'away until closing' };
  }
  return { action: 'send' };
}
