import type { Core } from '../core/index';
import type { Member } from '../core/model';
import type { SteeringDecision } from '../core/steering-model';
import { type Locale, t } from '../i18n/index';
import { memberText } from './member-text';
import { formatDate } from './strings';

/** A steering decision as chat Markdown: what the community channel reads (and the report repeats). */
export async function steeringText(core: Core, decision: SteeringDecision, locale: Locale): Promise<string> {
  const cycle = await core.cycleById(decision.cycleId);
  const { ambition } = core.agendas.findAmbition(decision.ambitionId, decision.agendaId);
  const lines = [
    t(locale, 'steering.posted.header', {
      cycle: memberText(cycle?.name ?? decision.cycleId),
      number: ambition.number,
      title: ambition.title,
      decision: t(locale, `steering.decision.${decision.decision}`),
    }),
    t(locale, 'steering.posted.rationale', { text: memberText(decision.rationale) }),
  ];
  const { what, who, by } = decision.change;
  if (what || who || by)
    lines.push(
      t(locale, 'steering.posted.change', {
        what: memberText(what || '–'),
        who: memberText(who || '–'),
        by: memberText(by || '–'),
      }),
    );
  return lines.join('\n');
}

/** The title of an ambition, or the text of an action, of a cycle's agenda; its id when the agenda lost it. */
function itemTitle(core: Core, agendaId: string, itemId: string): string {
  const agenda = core.agendas.get(agendaId);
  const ambition = agenda.ambitions.find((a) => a.id === itemId);
  if (ambition) return ambition.title;
  const actions = [
    ...agenda.ambitions.flatMap((a) => a.actions),
    ...agenda.themes.flatMap((th) => th.actions),
  ];
  return actions.find((a) => a.id === itemId)?.text ?? itemId;
}

/** A coordinator's answer, for the board member who asked for steering, with the practice or board it points to. */
export async function steeringAnswerText(
  core: Core,
  payload: Record<string, unknown>,
  member: Member,
): Promise<string | null> {
  const view = await core.steeringAnswerView({
    answerId: String(payload.answerId),
    cycleId: String(payload.cycleId),
    boardId: String(payload.boardId),
  });
  if (!view) return null;
  const { answer, practice, contact } = view;
  const lines = [
    t(member.locale, 'steering.answered.message', {
      item: itemTitle(core, view.agendaId, answer.itemId),
      cycle: memberText(view.cycleName),
      date: view.askedAt ? formatDate(view.askedAt, member.locale, member.timeZone) : '–',
      answer: memberText(answer.answer),
    }),
  ];
  if (practice)
    lines.push(
      practice.boardName
        ? t(member.locale, 'steering.answer.practice', {
            title: memberText(practice.title),
            board: memberText(practice.boardName),
          })
        : t(member.locale, 'steering.answer.practiceNoBoard', { title: memberText(practice.title) }),
    );
  if (contact) lines.push(t(member.locale, 'steering.answer.contact', { board: memberText(contact.name) }));
  return lines.join('\n');
}

/** The reminder to a coordinator of a request that waited too long. */
export async function steeringOverdueText(
  core: Core,
  payload: Record<string, unknown>,
  locale: Locale,
): Promise<string | null> {
  const view = await core.overdueRequestView(payload.updateId);
  if (!view) return null;
  const { request, cycle, boardName } = view;
  return t(locale, 'steering.overdue.message', {
    board: memberText(boardName ?? '?'),
    item: itemTitle(core, cycle.agendaId, request.update.itemId),
    cycle: memberText(cycle.name),
    days: Number(payload.days),
    explanation: memberText(request.update.steeringExplanation || '–'),
    ref: String(payload.ref),
  });
}
