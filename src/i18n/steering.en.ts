import type { steeringNl } from './steering.nl';

/** The steering loop (issue 18): decisions per ambition after a cycle, in English. */
export const steeringEn: Record<keyof typeof steeringNl, string> = {
  'steering.decision.continue': 'Continue',
  'steering.decision.adjust': 'Adjust',
  'steering.decision.escalate': "Escalate to the association's board",
  'steering.posted.header': '*Decision after {cycle}* on ambition {number}, {title}: *{decision}*.',
  'steering.posted.rationale': 'Why: {text}',
  'steering.posted.change': 'What changes: {what}. Who: {who}. By when: {by}.',
  'steering.none': 'no decision yet',
  'steering.usage':
    'For coordinators: `bijsturing besluit [cycle]`, `bijsturing vragen` or `bijsturing antwoord <code> <text>`.',
  'steering.requests.none': 'No steering requests are open.',
  'steering.requests.header':
    '*Steering requests*: {open} open, {overdue} of them waiting too long; {answered} answered.',
  'steering.requests.item': '• `{ref}` {board}, {item} ({cycle}){late}: {explanation}',
  'steering.requests.late': ', *overdue*',
  'steering.requests.howTo':
    'Answer with `bijsturing antwoord <code> <text>`; to point to a practice or a board, add `| praktijk: <title>` or `| contact: <board>`.',
  'steering.answered.saved': 'Your answer is recorded and goes to {name}.',
  'steering.answered.message':
    '*An answer to your steering request* on {item} ({cycle}, your update of {date}):\n{answer}',
  'steering.overdue.message':
    'A steering request from {board} on {item} ({cycle}) has waited more than {days} days for an answer: {explanation}\nAnswer with `bijsturing antwoord {ref} <text>`.',
  'steering.checkin.answers': "The coordinators' answer to your steering request in {cycle}",
  'dashboard.decisions': 'Steering decisions',
  'dashboard.noDecisions': 'No decision has been taken on this ambition yet.',
  'dashboard.decisions.replaced': 'replaced',
  'dashboard.requests': 'Steering requests: {open} open, {overdue} overdue, {answered} answered',
  'dashboard.requests.open': 'Open',
  'dashboard.requests.overdue': 'Overdue',
  'dashboard.requests.answered': 'Answered',
  'dashboard.requests.answer': 'Answer',
  'steering.saved': 'The decision on ambition {number} is recorded and goes to the learning community.',
  'steering.decided': 'decision: {decision}',
  'card.steering-form.modalTitle': 'Steering decision',
  'card.steering-form.title': 'Steering after {cycle}',
  'card.steering-form.intro':
    "Decide per ambition: continue, adjust (what changes, who, by when) or escalate to the association's board. The decision goes to the theme's learning community.",
  'card.steering-form.results': 'Results per ambition',
  'card.steering-form.ambition': 'Ambition',
  'card.steering-form.decision': 'Decision',
  'card.steering-form.rationale': 'Rationale',
  'card.steering-form.rationalePlaceholder': 'Why this decision?',
  'card.steering-form.changeWhat': 'When adjusting: what changes?',
  'card.steering-form.changeWho': 'Who takes it on?',
  'card.steering-form.changeBy': 'By when?',
  'card.steering-form.submit': 'Record decision',
};
