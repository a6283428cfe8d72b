import type { CheckIn, Cycle, Member } from './model';
import type { CoreDeps, Repositories } from './ports';
import type { BoardDays, Recipient } from './schedule/working-time';

/** The dedupe keys of a check-in's messages: the unique index on them makes a second send impossible. */
export const promptKey = (cycleId: string, memberId: string) => `checkin:${cycleId}:${memberId}:prompt`;
export const reminderKey = (cycleId: string, memberId: string, number: number) =>
  `checkin:${cycleId}:${memberId}:reminder${number}`;
export const profileKey = (memberId: string) => `profile:${memberId}`;

export function recipientOf(
  member: Member,
  boards: ReadonlyMap<string, BoardDays>,
  withAway: boolean,
): Recipient {
  return {
    timeZone: member.timeZone,
    board: member.boardId ? (boards.get(member.boardId) ?? null) : null,
    awayUntil: withAway ? member.awayUntil : null,
  };
}

/**
 * Creates the check-in and queues its prompt, in one transaction, unless another process did. The check-in
 * counts from when its prompt may go out (notBefore), so reminder moments before that are not owed.
 */
export function queuePrompt(deps: CoreDeps, cycle: Cycle, member: Member, notBefore: Date): Promise<boolean> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const created = await repos.checkIns.create({
      id: deps.ids(),
      cycleId: cycle.id,
      memberId: member.id,
      createdAt: notBefore,
      answeredAt: null,
      remindersSent: 0,
      lastRemindedAt: null,
    });
    if (!created) return false;
    await repos.outbox.enqueue(
      {
        dedupeKey: promptKey(cycle.id, member.id),
        platform: member.platform,
        workspaceId: member.workspaceId,
        memberId: member.id,
        conversationId: null,
        kind: 'checkin.prompt',
        payload: { cycleId: cycle.id, memberId: member.id },
        notBefore,
      },
      deps.ids(),
      now,
    );
    return true;
  });
}

/**
 * Counts the reminder (unless another process counted this one) and queues it, in one transaction. The
 * reminder is counted at the moment it may go out, so a later reminder moment that passes while this one
 * waits (a holiday) does not add a second one on the same day.
 */
export function queueReminder(
  deps: CoreDeps,
  cycle: Cycle,
  member: Member,
  checkIn: CheckIn,
  notBefore: Date,
): Promise<boolean> {
  const now = deps.clock.now();
  const number = checkIn.remindersSent + 1;
  return deps.store.transaction(async (repos: Repositories) => {
    if (!(await repos.checkIns.recordReminder(cycle.id, member.id, checkIn.remindersSent, notBefore)))
      return false;
    await repos.outbox.enqueue(
      {
        dedupeKey: reminderKey(cycle.id, member.id, number),
        platform: member.platform,
        workspaceId: member.workspaceId,
        memberId: member.id,
        conversationId: null,
        kind: 'checkin.reminder',
        payload: { cycleId: cycle.id, memberId: member.id, number },
        notBefore,
      },
      deps.ids(),
      now,
    );
    return true;
  });
}

/** The profile card for a member who has not chosen a board yet: once per member, before any check-in. */
export function queueProfilePrompt(
  repos: Repositories,
  deps: CoreDeps,
  member: Member,
  cycleId: string,
  notBefore: Date,
): Promise<boolean> {
  return repos.outbox.enqueue(
    {
      dedupeKey: profileKey(member.id),
      platform: member.platform,
      workspaceId: member.workspaceId,
      memberId: member.id,
      conversationId: null,
      kind: 'profile.prompt',
      payload: { memberId: member.id, cycleId },
      notBefore,
    },
    deps.ids(),
    deps.clock.now(),
  );
}
