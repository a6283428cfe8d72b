/** Peer matching (issue 18): boards behind on an ambition meet boards on track with it, in Dutch. */
export const peersNl = {
  'card.peer-offer.modalTitle': 'Hulp van andere besturen',
  'card.peer-request.modalTitle': 'Contactverzoek',
  'card.peer-offer.title': 'Hulp bij ambitie {number}: {title}',
  'card.peer-offer.intro':
    'Je gaf aan dat jullie bestuur bij deze ambitie achterloopt of aandacht nodig heeft. Dit kan helpen: praktijkvoorbeelden van andere besturen, en besturen die op koers liggen en open staan voor contact.',
  'card.peer-offer.practices': 'Praktijkvoorbeelden',
  'card.peer-offer.boards': 'Besturen die op koers liggen',
  'card.peer-offer.ask': 'Vraag contact aan',
  'card.peer-offer.noBoards': 'Er zijn nu geen besturen op koers die open staan voor contact.',
  'card.peer-offer.consent':
    'Alleen besturen die daar in hun profiel toestemming voor gaven worden getoond. Dit bericht ziet alleen jij.',
  'peer.offer.summary': 'Andere besturen kunnen je helpen met een ambitie waar je achterloopt.',
  'peer.request.summary': 'Een ander bestuur vraagt om contact.',
  'peer.offer.practice': '*{title}* ({board}): {line}',
  'peer.offer.board': '*{name}*, regio {region}: op koers gemeld op {date}',
  'peer.offer.boardSameRegion': '*{name}*, regio {region} (jullie regio): op koers gemeld op {date}',
  'card.peer-request.title': 'Contactverzoek van {board}',
  'card.peer-request.text':
    '{board} loopt achter bij ambitie {number}, {title}, en wil graag van jullie leren: jullie meldden daar op koers te liggen. Accepteer je, dan krijgen jullie allebei elkaars naam en hoe je elkaar bereikt.',
  'card.peer-request.note': 'Liever niet? Dan hoef je niets te doen.',
  'card.peer-request.accept': 'Contact accepteren',
  'peer.asked': 'Je contactverzoek gaat naar {board}. Accepteren ze, dan hoor je het hier.',
  'peer.askedAlready': 'Je had {board} al om contact gevraagd; het verzoek staat nog.',
  'peer.askedAccepted': '{board} heeft je contactverzoek al geaccepteerd; je hebt elkaars gegevens gekregen.',
  'peer.acceptedReply': 'Geaccepteerd: jullie krijgen allebei elkaars gegevens.',
  'peer.accepted.message':
    '*Contact gelegd* over ambitie {number}, {title}: {name} van {board}. Je bereikt {name} {where}.',
  'peer.where.mention': 'via {mention}',
  'peer.where.platform': 'via {platform}',
  'peer.platform.slack': 'Slack',
  'peer.platform.teams': 'Microsoft Teams',
  'dashboard.matches': 'Contact tussen besturen',
  'dashboard.matches.counts': 'Contactverzoeken: {asked}, waarvan geaccepteerd: {accepted}.',
  'dashboard.matches.none': 'Nog geen contactverzoeken over deze ambitie.',
} as const;
