import { type Html, html } from './html';
import { tr, type View } from './layout';

/** Peer matching on the ambition page (issue 18): how many boards asked others for contact, how many were accepted. */
export function matchesSection(v: View, m: { asked: number; accepted: number }): Html {
  return html`<section aria-labelledby="matches"><h2 id="matches">${tr(v, 'dashboard.matches')}</h2>
<p>${m.asked ? tr(v, 'dashboard.matches.counts', { asked: m.asked, accepted: m.accepted }) : tr(v, 'dashboard.matches.none')}</p>
</section>`;
}
