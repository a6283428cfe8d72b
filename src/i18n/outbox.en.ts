import type { outboxNl } from './outbox.nl';

/** What delivery sends besides cards, in English. */
export const outboxEn: Record<keyof typeof outboxNl, string> = {
  'outbox.reminder': 'Reminder: the check-in of {cycle} is still open for you.',
  'outbox.profile.prompt': 'Choose your board first; then you can answer the check-in.',
  'outbox.results.header': '*Results of {cycle}*: {answered} of the {asked} people asked answered.',
  'outbox.results.item': '• {title}: {counts}',
  'outbox.results.steering': '{count} ask for steering',
  'outbox.notice.header': '*Not everything could be delivered* ({from} to {to}).',
  'outbox.notice.dead': '• {count} messages could not be delivered ({kinds}).',
  'outbox.notice.unreachable':
    '• No longer reachable: {names}. Check-ins no longer go to them; contact them yourself if needed.',
  'outbox.notice.none': 'Everything has been delivered since.',
};
