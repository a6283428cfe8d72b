/** What delivery sends besides cards (reminders, results, delivery notices), in Dutch. */
export const outboxNl = {
  'outbox.reminder': 'Herinnering: de check-in van {cycle} staat nog voor je open.',
  'outbox.profile.prompt': 'Kies eerst je bestuur; daarna kun je de check-in beantwoorden.',
  'outbox.results.header':
    '*Resultaten van {cycle}*: {answered} van de {asked} gevraagden hebben geantwoord.',
  'outbox.results.item': '• {title}: {counts}',
  'outbox.results.steering': '{count} vragen om bijsturing',
  'outbox.notice.header': '*Niet alles kon worden bezorgd* ({from} tot {to}).',
  'outbox.notice.dead': '• {count} berichten konden niet worden bezorgd ({kinds}).',
  'outbox.notice.unreachable':
    '• Niet meer bereikbaar: {names}. Check-ins gaan niet meer naar hen; neem zelf contact op als dat nodig is.',
  'outbox.notice.none': 'Inmiddels is alles bezorgd.',
} as const;
