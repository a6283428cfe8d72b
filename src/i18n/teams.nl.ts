/** Strings only Teams shows (install greetings, message actions, notices), in Dutch. */
export const teamsNl = {
  'teams.badRequest':
    'Dat verzoek kon ik niet lezen. Probeer het opnieuw; blijft het misgaan, meld het dan aan de coördinator.',
  'teams.tooLong': 'Dat bericht is te lang voor een commando. Typ `help` voor wat Samenspraak kan.',
  'teams.slow': 'Dit duurt wat langer dan gewoonlijk. Je actie is ontvangen en wordt afgemaakt.',
  'teams.repeated': 'Deze actie is al ontvangen en wordt verwerkt.',
  'teams.welcome.personal':
    'Hallo {name}! Ik ben *Samenspraak*. Via dit chatgesprek krijg je de check-ins van de vereniging en kun je je voortgang delen. Typ `help` voor wat ik kan.',
  'teams.welcome.team':
    'Samenspraak is toegevoegd aan dit team. Een coördinator koppelt een kanaal aan een thema met `@Samenspraak gemeenschap koppel <thema>`; daarna worden de gesprekken in dat kanaal per ambitie samengevat.',
  'teams.welcome.community':
    'Dit kanaal is de leergemeenschap van het thema *{theme}*. Typ `@Samenspraak lid` om lid te worden en `@Samenspraak help` voor wat Samenspraak kan.',
  'teams.unreachable':
    '{name} is niet meer bereikbaar in Teams: Samenspraak is verwijderd of geblokkeerd. Check-ins en herinneringen gaan niet meer naar deze persoon; neem zelf contact op als dat nodig is.',
  'teams.unreachableBoard':
    '{name} ({board}) is niet meer bereikbaar in Teams: Samenspraak is verwijderd of geblokkeerd. Check-ins en herinneringen gaan niet meer naar deze persoon; neem zelf contact op als dat nodig is.',
  'teams.form.invalid': 'Niet alles is goed ingevuld; kijk bij de meldingen hieronder.',
  'teams.link.title': 'Koppel aan ambitie',
  'teams.link.intro': 'Aan welke ambities van *{theme}* gaat dit bericht over?',
  'teams.link.label': 'Ambities',
  'teams.link.submit': 'Koppelen',
  'teams.link.done': 'Het bericht is gekoppeld aan {ambitions}.',
  'teams.profile.saved': 'Je gegevens zijn opgeslagen.',
  'teams.practice.shared': 'Je praktijkvoorbeeld *{title}* is gedeeld.',
  'teams.unknownAction': 'Deze knop ken ik niet (meer). Typ `help` voor wat Samenspraak kan.',
} as const;
