/** Peer matching (issue 18): boards behind on an ambition meet boards on track with it, in English. */
export const peersEn = {
  'card.peer-offer.modalTitle': 'Help from other boards',
  'card.peer-request.modalTitle': 'Contact request',
  'card.peer-offer.title': 'Help with ambition {number}: {title}',
  'card.peer-offer.intro':
    'You reported that your board is behind or needs attention on this ambition. This may help: practices other boards shared, and boards that are on track and open to contact.',
  'card.peer-offer.practices': 'Practices',
  'card.peer-offer.boards': 'Boards on track',
  'card.peer-offer.ask': 'Ask for contact',
  'card.peer-offer.noBoards': 'No board on track is open to contact right now.',
  'card.peer-offer.consent':
    'Only boards that agreed to this in their profile are shown. Only you see this message.',
  'peer.offer.summary': 'Other boards can help you with an ambition you are behind on.',
  'peer.request.summary': 'Another board asks for contact.',
  'peer.offer.practice': '*{title}* ({board}): {line}',
  'peer.offer.board': '*{name}*, region {region}: reported on track on {date}',
  'peer.offer.boardSameRegion': '*{name}*, region {region} (your region): reported on track on {date}',
  'card.peer-request.title': 'Contact request from {board}',
  'card.peer-request.text':
    '{board} is behind on ambition {number}, {title}, and would like to learn from you: you reported being on track with it. If you accept, you both receive each other’s name and how to reach each other.',
  'card.peer-request.note': 'Rather not? Then there is nothing to do.',
  'card.peer-request.accept': 'Accept contact',
  'peer.asked': 'Your contact request goes to {board}. If they accept, you will hear it here.',
  'peer.askedAlready': 'You had asked {board} for contact already; the request stands.',
  'peer.askedAccepted': '{board} accepted your contact request already; you received each other’s details.',
  'peer.acceptedReply': 'Accepted: you both receive each other’s details.',
  'peer.accepted.message':
    '*Contact made* about ambition {number}, {title}: {name} of {board}. You reach {name} {where}.',
  'peer.where.mention': 'at {mention}',
  'peer.where.platform': 'on {platform}',
  'peer.platform.slack': 'Slack',
  'peer.platform.teams': 'Microsoft Teams',
  'dashboard.matches': 'Contact between boards',
  'dashboard.matches.counts': 'Contact requests: {asked}, of which accepted: {accepted}.',
  'dashboard.matches.none': 'No contact requests about this ambition yet.',
} as const;
