import type { CoreDeps } from './ports';
import { type SharePracticeInput, sharePractice } from './practices';

/**
 * What a card action asks of the core beyond the use cases themselves: where a check-in landed (so a
 * receipt can replace it) and a practice shared from wherever its form was opened.
 */
export function cardActionQueries(deps: CoreDeps) {
  return {
    /** The platform's reference to the check-in message a member got for a cycle (null when none was sent). */
    checkInMessageRef: (cycleId: string, memberId: string) =>
      deps.store.repos.checkIns.messageRef(cycleId, memberId),
    /**
     * A practice shared from a form opened in `channelId`: in that channel's community when it is one,
     * otherwise on its own (a form opened in a DM or an unlinked channel names its agenda).
     */
    sharePracticeFrom: (
      memberId: string,
      channelId: string | null,
      input: Omit<SharePracticeInput, 'channelId'>,
    ) =>
      sharePractice(deps, memberId, { ...input, channelId: channelId ?? undefined, otherChannel: 'alone' }),
  };
}
