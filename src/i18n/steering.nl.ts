/** The steering loop (issue 18): decisions per ambition after a cycle, in Dutch. */
export const steeringNl = {
  'steering.decision.continue': 'Doorgaan',
  'steering.decision.adjust': 'Bijsturen',
  'steering.decision.escalate': 'Escaleren naar het verenigingsbestuur',
  'steering.posted.header': '*Besluit na {cycle}* over ambitie {number}, {title}: *{decision}*.',
  'steering.posted.rationale': 'Waarom: {text}',
  'steering.posted.change': 'Wat verandert: {what}. Wie: {who}. Wanneer: {by}.',
  'steering.none': 'nog geen besluit',
} as const;
