/** Strings only Slack shows (App Home, modals, ephemeral notices), in Dutch. */
export const slackNl = {
  'slack.badRequest':
    'Dat verzoek kon ik niet lezen. Probeer het opnieuw; blijft het misgaan, meld het dan aan de coördinator.',
  'slack.home.title': 'Samenspraak',
  'slack.home.intro':
    'Samen werken aan de strategische agenda: check-ins, leergemeenschappen en samenvattingen per ambitie.',
  'slack.home.profile': 'Mijn gegevens',
  'slack.home.noBoard':
    ':wave: Kies eerst voor welk bestuur je de voortgangsupdates invult; zonder bestuur krijg je geen check-in.',
  'slack.home.checkIns': '*Jouw open check-ins*',
  'slack.home.noCheckIns': 'Er staat nu niets voor je open.',
  'slack.home.checkIn': '• *{cycle}*, sluit {closes}: {state}',
  'slack.home.answered': 'beantwoord, je kunt het nog wijzigen',
  'slack.home.notAnswered': 'nog niet beantwoord',
  'slack.home.communities': '*Jouw leergemeenschappen*',
  'slack.home.noCommunities':
    'Je bent nog geen lid. Typ `/samenspraak lid` in het kanaal van een leergemeenschap.',
  'slack.home.community': '• <#{channel}>: {theme}',
  'slack.home.currentCycle': '*Huidige cyclus*: {cycle} ({status}), {opens} tot en met {closes}',
  'slack.home.noCycle': 'Er loopt nu geen cyclus.',
  'slack.home.progress': '*Respons* {cycle}: {answered} van {asked} ({rate}%)',
  'slack.home.remind': 'Herinner',
  'slack.home.close': 'Sluit cyclus',
  'slack.home.closeConfirm': 'De cyclus {cycle} sluiten? Daarna worden geen antwoorden meer aangenomen.',
  'slack.home.confirm': 'Sluiten',
  'slack.home.cancel': 'Annuleren',
  'slack.welcome':
    'Welkom in de leergemeenschap *{theme}*! Typ `/samenspraak lid` om lid te worden en `/samenspraak help` voor wat Samenspraak kan.',
  'slack.link.title': 'Koppel aan ambitie',
  'slack.link.label': 'Ambities',
  'slack.link.submit': 'Koppelen',
  'slack.link.done': 'Het bericht is gekoppeld aan {ambitions}.',
} as const;
