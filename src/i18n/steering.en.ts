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
};
