/** Replies to chat commands, in Dutch. */
export const chatNl = {
  'chat.help':
    '*Samenspraak* helpt je bestuur en de vereniging samen te werken aan de strategische agenda.\n' +
    '• `help`: deze uitleg\n' +
    '• `agenda [thema]`: de thema’s, ambities en acties\n' +
    '• `lid` / `verlaat`: word lid van (of verlaat) de leergemeenschap van dit kanaal\n' +
    '• `praktijk`: deel een praktijkvoorbeeld\n' +
    '• `samenvatting <ambitie>`: wat er over een ambitie gedeeld is\n' +
    '• `profiel`: kies je bestuur, je tijdzone en je taal\n' +
    '• `mijn-gegevens`: wat er over je bekend is; `mijn-gegevens export` toont alles wat Samenspraak over je bewaart, `mijn-gegevens wis` wist de tekst van je berichten\n' +
    '• `dashboard`: een link naar het dashboard\n' +
    'Voor coördinatoren: `gemeenschap koppel <thema>`, `cyclus plan|start|status|herinner|sluit`, `bijsturing besluit [cyclus]` (besluit per ambitie na de cyclus), `bijsturing vragen` en `bijsturing antwoord <code> <tekst>` (vragen om bijsturing beantwoorden) en `vakantie <bestuursnummer> <vakantie> <van> <tot>`.',
  'chat.unknown': 'Dat commando ken ik niet: `{word}`.',
  'chat.unknownSuggest': 'Dat commando ken ik niet: `{word}`. Bedoel je `{suggestion}`?',
  'chat.agenda.header': '*{name}* ({association})',
  'chat.agenda.theme': '*{id}. {title}*',
  'chat.agenda.ambition': '• `{id}` {title} (#{tag})',
  'chat.agenda.action': '    – `{id}` {text}',
  'chat.coverage.all': 'Alle {count} gevraagden zijn te bereiken.',
  'chat.coverage.some': '{reachable} van de {audience} gevraagden zijn te bereiken; {count} nog niet:',
  'chat.coverage.person': '• {name}: {reason}',
  'chat.coverage.more': '• en nog {count}',
  'chat.coverage.nobody': 'Deze cyclus bereikt nog niemand: er is niemand in het publiek bekend.',
  'chat.coverage.emptyBoards':
    'Van deze besturen is nog niemand bekend, dus daar krijgt niemand de check-in: {boards}.',
  'chat.coverage.reason.no_board': 'heeft nog geen bestuur gekozen',
  'chat.coverage.reason.no_chat': 'heeft nog geen chat met de bot (voeg de app toe aan zijn team)',
  'chat.coverage.reason.unreachable': 'heeft de bot verwijderd of geblokkeerd',
  'chat.coverage.reason.away': 'is afwezig',
  'chat.holiday.usage':
    'Gebruik: `vakantie <bestuursnummer> <vakantie> <van> <tot>`, bijvoorbeeld `vakantie 41234 voorjaarsvakantie 2027-02-13 2027-02-21`; `vakantie wis <bestuursnummer> <vakantie> <schooljaar>` haalt hem weg (vakanties: herfstvakantie, kerstvakantie, voorjaarsvakantie, meivakantie, zomervakantie).',
  'chat.holiday.set':
    'De {name} van *{board}* is nu van {from} tot en met {to} (schooljaar {schoolYear}); die van de regio telt niet meer voor dit bestuur.',
  'chat.holiday.removed':
    'De eigen {name} {schoolYear} van *{board}* is weg; de vakantie van de regio telt weer.',
  'chat.holiday.none': '*{board}* had geen eigen {name} in {schoolYear}.',
  'chat.community.usage':
    'Gebruik: `gemeenschap koppel <thema>`, bijvoorbeeld `gemeenschap koppel onderwijskwaliteit`.',
  'chat.community.needsChannel':
    'Koppel een leergemeenschap vanuit het kanaal zelf, niet in een privégesprek.',
  'chat.community.imported': '{count} eerdere berichten uit dit kanaal zijn meegenomen in de gesprekken.',
  'chat.community.linked': 'Dit kanaal is nu de leergemeenschap van het thema *{theme}*. Welkom allemaal!',
  'chat.join.done': 'Je bent lid van de leergemeenschap *{theme}*.',
  'chat.join.already': 'Je was al lid van de leergemeenschap *{theme}*.',
  'chat.leave.done': 'Je hebt de leergemeenschap *{theme}* verlaten.',
  'chat.leave.notMember': 'Je was geen lid van de leergemeenschap *{theme}*.',
  'chat.summary.usage':
    'Gebruik: `samenvatting <ambitie>`, bijvoorbeeld `samenvatting a3` of `samenvatting #kwaliteitszorg`.',
  'chat.cycle.usage':
    'Gebruik: `cyclus plan <naam> <opent JJJJ-MM-DD> <sluit JJJJ-MM-DD> [kanaal]` (met `kanaal`: de mensen van dit kanaal), `cyclus start <cyclus>`, `cyclus status [cyclus]`, `cyclus herinner <cyclus>` of `cyclus sluit <cyclus>`.',
  'chat.cycle.planned': 'Cyclus *{name}* gepland: opent {opens}, sluit {closes}. Hij start vanzelf.',
  'chat.cycle.plannedChannel':
    'Cyclus *{name}* gepland voor de {count} mensen van dit kanaal: opent {opens}, sluit {closes}. Hij start vanzelf.',
  'chat.cycle.needsChannel':
    'Typ `cyclus plan … kanaal` in het kanaal waarvan de mensen de check-in krijgen.',
  'chat.cycle.emptyChannel': 'In dit kanaal zit niemand behalve Samenspraak; er is niets gepland.',
  'chat.cycle.started': 'Cyclus *{name}* is geopend; de check-ins gaan nu uit.',
  'chat.cycle.closed': 'Cyclus *{name}* is gesloten; de resultaten worden gedeeld.',
  'chat.cycle.status': '*{name}* ({status}): {answered} van {total} beantwoord ({rate}%).',
  'chat.cycle.none': 'Er zijn geen cycli.',
  'chat.cycle.ambiguous': 'Meer dan één cyclus past bij "{ref}": {names}. Noem de cyclus precies.',
  'chat.cycle.reminded': 'Herinnering verstuurd aan {count} bestuurders die nog niet geantwoord hebben.',
  'chat.status.draft': 'concept',
  'chat.status.scheduled': 'gepland',
  'chat.status.open': 'open',
  'chat.status.closed': 'gesloten',
  'chat.dashboard.unavailable':
    'Het dashboard is op deze installatie nog niet ingesteld (PUBLIC_URL ontbreekt).',
  'chat.myData.profile':
    'Naam: {name}\nBestuur: {board}\nTaal: {locale}\nTijdzone: {timeZone}\nAndere besturen mogen contact opnemen: {peerContact}',
  'chat.myData.noBoard': 'nog niet gekozen',
  'chat.myData.yes': 'ja',
  'chat.myData.no': 'nee',
  'chat.myData.usage':
    'Typ `mijn-gegevens export` voor alles wat Samenspraak over je bewaart, of `mijn-gegevens wis` om de tekst van je berichten te wissen.',
  'chat.myData.export':
    'Dit is alles wat Samenspraak over je bewaart (alleen jij ziet dit). De tekst van berichten wordt {days} dagen bewaard.',
  'chat.myData.truncated':
    'Dit is ingekort: {shown} van de {total} tekens. Het volledige bestand maakt de beheerder van Samenspraak voor je met `samenspraak member-data {memberId}`.',
  'chat.myData.truncatedLink':
    'Dit is ingekort: {shown} van de {total} tekens. Het volledige bestand download je via het dashboard ("Mijn gegevens"): {url} (deze link werkt 10 minuten en één keer).',
  'chat.myData.eraseAsk':
    'Hiermee wis je de tekst van je {count} berichten in de leergemeenschappen, en wie ze schreef. De berichten tellen daarna anoniem mee; je profiel, antwoorden en praktijkvoorbeelden blijven. Dit kan niet ongedaan worden. Typ `mijn-gegevens wis bevestig` om door te gaan.',
  'chat.myData.erased': 'Gewist: de tekst van {count} berichten. Ze tellen alleen nog anoniem mee.',
} as const;
