import { type Actor, actorId, requireCoordinator } from './access';
import { AppError } from './errors';
import type { CoreDeps } from './ports';
import { type AnswerLinks, resolveAnswerLinks } from './steering-answers';
import type { SteeringAnswer, SteeringRequest } from './steering-model';

/** Every steering request answered (issue 18): the boards' "steering needed" as open items for coordinators. */

const DAY_MS = 86_400_000;

export type RequestState = 'open' | 'overdue' | 'answered';

export interface SteeringItem extends SteeringRequest {
  state: RequestState;
  /** The short reference coordinators type in chat: the start of the update's id. */
  ref: string;
}

const answerDays = (deps: CoreDeps) => deps.steeringAnswerDays ?? 5;

/** The state of a request at `now`: answered, or open and overdue after the configured days. */
export function requestState(deps: CoreDeps, request: SteeringRequest, now: Date): RequestState {
  if (request.answer) return 'answered';
  return now.getTime() - request.update.createdAt.getTime() > answerDays(deps) * DAY_MS ? 'overdue' : 'open';
}

const refOf = (updateId: string) => updateId.replace(/-/g, '').slice(0, 8);

async function items(deps: CoreDeps): Promise<SteeringItem[]> {
  const now = deps.clock.now();
  return (await deps.store.repos.steeringRequests.list()).map((r) => ({
    ...r,
    state: requestState(deps, r, now),
    ref: refOf(r.update.id),
  }));
}

/** The steering requests with their state, open and overdue first (coordinators only). */
export async function steeringRequests(deps: CoreDeps, actor: Actor): Promise<SteeringItem[]> {
  await requireCoordinator(deps.store.repos, actor);
  const order: Record<RequestState, number> = { overdue: 0, open: 1, answered: 2 };
  return (await items(deps)).sort((a, b) => order[a.state] - order[b.state]);
}

/**
 * Answers a board's steering request (by its reference, the start of the update's id) and queues the
 * answer for the board member who asked, once.
 */
export async function answerSteeringRequest(
  deps: CoreDeps,
  actor: Actor,
  ref: string,
  text: string,
  links: AnswerLinks = {},
): Promise<SteeringAnswer> {
  const now = deps.clock.now();
  const answerText = text.trim();
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    if (answerText === '') throw new AppError('INPUT_INVALID', 'no answer', { detail: 'answer' });
    const wanted = ref.replace(/-/g, '').toLowerCase();
    const matches = (await repos.steeringRequests.list()).filter(
      (r) =>
        !r.answer && wanted.length >= 4 && r.update.id.replace(/-/g, '').toLowerCase().startsWith(wanted),
    );
    if (matches.length > 1) throw new AppError('AMBIGUOUS_ID', `${ref} names several requests`, { id: ref });
    const request = matches[0];
    if (!request) throw new AppError('UNKNOWN_STEERING_REQUEST', `no open request ${ref}`, { ref });
    const { update } = request;
    const cycle = await repos.cycles.get(update.cycleId);
    if (!cycle) throw new AppError('UNKNOWN_CYCLE', `no cycle ${update.cycleId}`, { cycle: update.cycleId });
    const linked = await resolveAnswerLinks(deps, repos, cycle.agendaId, links);
    const answer: SteeringAnswer = {
      id: deps.ids(),
      cycleId: update.cycleId,
      boardId: update.boardId,
      itemId: update.itemId,
      updateId: update.id,
      answer: answerText,
      ...linked,
      answeredBy: actorId(actor),
      answeredAt: now,
    };
    if (!(await repos.steeringRequests.answer(answer)))
      throw new AppError('UNKNOWN_STEERING_REQUEST', `request ${ref} was answered already`, { ref });
    await repos.audit.write({
      at: now,
      actorId: answer.answeredBy,
      action: 'steering.answer',
      target: update.id,
      details: { cycleId: update.cycleId, boardId: update.boardId, itemId: update.itemId, ...linked },
    });
    const member = update.memberId ? await repos.members.get(update.memberId) : null;
    if (member)
      await repos.outbox.enqueue(
        {
          dedupeKey: `steering.answer:${update.cycleId}:${update.boardId}:${update.itemId}`,
          platform: member.platform,
          workspaceId: member.workspaceId,
          memberId: member.id,
          conversationId: null,
          kind: 'steering.answered',
          payload: {
            answerId: answer.id,
            cycleId: update.cycleId,
            boardId: update.boardId,
            itemId: update.itemId,
          },
          notBefore: now,
        },
        deps.ids(),
        now,
      );
    return answer;
  });
}

/** Reminds every reachable coordinator once of each overdue request (the scheduler, each tick). */
export async function remindOverdueRequests(deps: CoreDeps): Promise<number> {
  const now = deps.clock.now();
  const overdue = (await items(deps)).filter((i) => i.state === 'overdue');
  if (overdue.length === 0) return 0;
  let queued = 0;
  await deps.store.transaction(async (repos) => {
    const coordinators = await repos.cycleResults.coordinators();
    for (const item of overdue)
      for (const c of coordinators) {
        const { cycleId, boardId, itemId } = item.update;
        const fresh = await repos.outbox.enqueue(
          {
            dedupeKey: `steering.overdue:${cycleId}:${boardId}:${itemId}:${c.id}`,
            platform: c.platform,
            workspaceId: c.workspaceId,
            memberId: c.id,
            conversationId: null,
            kind: 'steering.overdue',
            payload: { updateId: item.update.id, ref: item.ref, days: answerDays(deps) },
            notBefore: now,
          },
          deps.ids(),
          now,
        );
        if (fresh) queued++;
      }
  });
  return queued;
}
