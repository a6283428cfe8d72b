/** The steering loop (issue 18): decisions per ambition after a cycle, in Dutch. */
export const steeringNl = {
  'steering.decision.continue': 'Doorgaan',
  'steering.decision.adjust': 'Bijsturen',
  'steering.decision.escalate': 'Escaleren naar het verenigingsbestuur',
  'steering.posted.header': '*Besluit na {cycle}* over ambitie {number}, {title}: *{decision}*.',
  'steering.posted.rationale': 'Waarom: {text}',
  'steering.posted.change': 'Wat verandert: {what}. Wie: {who}. Wanneer: {by}.',
  'steering.none': 'nog geen besluit',
  'steering.usage':
    'Voor coördinatoren: `bijsturing besluit [cyclus]`, `bijsturing vragen` of `bijsturing antwoord <code> <tekst>`.',
  'steering.requests.none': 'Er staan geen vragen om bijsturing open.',
  'steering.requests.header':
    '*Vragen om bijsturing*: {open} open, waarvan {overdue} te lang zonder antwoord; {answered} beantwoord.',
  'steering.requests.item': '• `{ref}` {board}, {item} ({cycle}){late}: {explanation}',
  'steering.requests.late': ', *te laat*',
  'steering.requests.howTo':
    'Antwoord met `bijsturing antwoord <code> <tekst>`; wijs desgewenst een praktijkvoorbeeld of een bestuur aan met `| praktijk: <titel>` of `| contact: <bestuur>` erachter.',
  'steering.answered.saved': 'Je antwoord is vastgelegd en gaat naar {name}.',
  'steering.answered.message':
    '*Antwoord op je vraag om bijsturing* bij {item} ({cycle}, je update van {date}):\n{answer}',
  'steering.overdue.message':
    'Een vraag om bijsturing van {board} bij {item} ({cycle}) wacht al meer dan {days} dagen op antwoord: {explanation}\nAntwoord met `bijsturing antwoord {ref} <tekst>`.',
  'steering.checkin.answers': 'Antwoord van de coördinatoren op je vraag om bijsturing in {cycle}',
  'dashboard.decisions': 'Besluiten over bijsturing',
  'dashboard.noDecisions': 'Over deze ambitie is nog geen besluit genomen.',
  'dashboard.decisions.replaced': 'vervangen',
  'dashboard.requests': 'Vragen om bijsturing: {open} open, {overdue} te laat, {answered} beantwoord',
  'dashboard.requests.open': 'Open',
  'dashboard.requests.overdue': 'Te laat',
  'dashboard.requests.answered': 'Beantwoord',
  'dashboard.requests.answer': 'Antwoord',
  'steering.saved': 'Het besluit over ambitie {number} is vastgelegd en gaat naar de leergemeenschap.',
  'steering.decided': 'besluit: {decision}',
  'card.steering-form.modalTitle': 'Besluit over bijsturing',
  'card.steering-form.title': 'Bijsturing na {cycle}',
  'card.steering-form.intro':
    'Kies per ambitie: doorgaan, bijsturen (wat verandert er, wie, wanneer) of escaleren naar het verenigingsbestuur. Het besluit gaat naar de leergemeenschap van het thema.',
  'card.steering-form.results': 'Uitkomsten per ambitie',
  'card.steering-form.ambition': 'Ambitie',
  'card.steering-form.decision': 'Besluit',
  'card.steering-form.rationale': 'Toelichting',
  'card.steering-form.rationalePlaceholder': 'Waarom dit besluit?',
  'card.steering-form.changeWhat': 'Bij bijsturen: wat verandert er?',
  'card.steering-form.changeWho': 'Wie pakt het op?',
  'card.steering-form.changeBy': 'Wanneer is het klaar?',
  'card.steering-form.submit': 'Besluit vastleggen',
} as const;
