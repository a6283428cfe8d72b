import type { steeringLoopNl } from './steering-loop.nl';

/** The steering loop, part two (issue 18), in English. */
export const steeringLoopEn: Record<keyof typeof steeringLoopNl, string> = {
  'steering.trend.improving': 'improving',
  'steering.trend.stable': 'stable',
  'steering.trend.declining': 'declining',
  'steering.context.trend': 'Trend: {trend} against {previous} (average progress {from}% → {to}%)',
  'steering.context.noTrend': 'Trend: no earlier cycle to compare with',
  'steering.context.request': 'Steering request from {board}: {explanation}',
  'steering.context.requestAnswered': 'Steering request from {board} (answered): {explanation}',
  'steering.context.moreRequests': 'and {count} more steering request(s)',
  'steering.context.keyPoint': 'From the discussion: {text}',
  'dashboard.decide.title': 'Decision after {cycle}',
  'dashboard.decide.intro':
    "Record what the coordinators decide on this ambition after the cycle {cycle}. The decision joins the history below and the sector report, and goes to the theme's learning community.",
  'dashboard.decide.basis': 'What you decide on',
  'dashboard.decide.decision': 'Decision',
  'dashboard.decide.rationale': 'Rationale (required)',
  'dashboard.decide.changeWhat': 'When adjusting: what changes? (required when adjusting)',
  'dashboard.decide.changeWho': 'Who takes it on?',
  'dashboard.decide.changeBy': 'By when?',
  'dashboard.decide.submit': 'Record decision',
  'dashboard.decide.saved': 'The decision is recorded and goes to the learning community.',
  'dashboard.decide.errors': 'The decision was not recorded. Please correct the following:',
  'dashboard.decide.error.decision': 'Choose continue, adjust or escalate.',
  'dashboard.decide.error.rationale': 'Write a rationale for the decision (at most 2000 characters).',
  'dashboard.decide.error.changeWhat': 'When adjusting, write what changes (at most 1000 characters).',
  'dashboard.decide.error.changeWho': 'Who takes it on may be at most 200 characters.',
  'dashboard.decide.error.changeBy': 'By when may be at most 100 characters.',
  'dashboard.decide.error.cycleId': 'Choose a closed cycle.',
  'steering.answer.practice': 'See the practice *{title}* of {board}.',
  'steering.answer.practiceNoBoard': 'See the practice *{title}*.',
  'steering.answer.contact': 'Get in touch with {board}.',
  'steering.answer.unknownLink':
    'I know no {kind} "{value}". Use the number or the start of the title of a practice, or the board number or name of a board.',
};
