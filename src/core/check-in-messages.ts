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
 * Prompts queued in one transaction of two statements: a fan-out to a thousand members is forty
 * statements, not four thousand round trips.
 */
const PROMPTS_PER_TRANSACTION = 50;

export interface DuePrompt {
  cycle: Cycle;
  member: Member;
  notBefore: Date;
}

/**
 * Creates each check-in and queues its prompt, unless another process did; a check-in and its prompt are
 * always written together. The check-in counts from when its prompt may go out (notBefore), so reminder
 * moments before that are not owed. Returns how many were queued here.
 */
export async function queuePrompts(deps: CoreDeps, prompts: readonly DuePrompt[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < prompts.length; i += PROMPTS_PER_TRANSACTION) {
    const chunk = prompts.slice(i, i + PROMPTS_PER_TRANSACTION);
    queued += await deps.store.transaction(async (repos) => {
      const created = await repos.checkIns.createMany(
        chunk.map(({ cycle, member, notBefore }) => ({
          id: deps.ids(),
          cycleId: cycle.id,
          memberId: member.id,
          createdAt: notBefore,
          answeredAt: null,
          remindersSent: 0,
          lastRemindedAt: null,
        })),
      );
      const messages = chunk
        .filter(({ cycle, member }) => created.has(`${cycle.id}:${member.id}`))
        .map(({ cycle, member, notBefore }) => ({
          id: deps.ids(),
          message: {
            dedupeKey: promptKey(cycle.id, member.id),
            platform: member.platform,
            workspaceId: member.workspaceId,
            memberId: member.id,
            conversationId: null,
            kind: 'checkin.prompt',
            payload: { cycleId: cycle.id, memberId: member.id },
            notBefore,
          },
        }));
      await repos.outbox.enqueueMany(messages, deps.clock.now());
      return messages.length;
    });
  }
  return queued;
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
