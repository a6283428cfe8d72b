import { CARD_NAMES, type CardName, isFormName } from '../../../cards/names';
import { previewCard } from '../../../cards/preview';
import type { Locale } from '../../../i18n/index';
import { TEAMS_HOST_CONFIG } from './card-viewer';
import { type Html, html, raw } from './html';
import { page, tr, type View } from './layout';

/**
 * The Kaarten page (coordinators): every card the bot sends, bound to its sample data in the viewer's
 * language. Teams' Adaptive Card is drawn in the browser by the SDK's renderer; Slack's Block Kit is shown
 * as JSON with a link that opens it in Slack's Block Kit Builder.
 */

interface Preview {
  name: CardName;
  teams: object;
  slack: { type?: string; blocks: unknown[] };
}

export function cardPreviews(locale: Locale): Preview[] {
  return CARD_NAMES.map((name) => ({
    name,
    teams: previewCard(name, 'teams', locale),
    slack: previewCard(name, 'slack', locale) as Preview['slack'],
  }));
}

/** The builder previews a message from its blocks and a modal from the whole view. */
const builderUrl = (slack: Preview['slack']) =>
  `https://app.slack.com/block-kit-builder#${encodeURIComponent(
    JSON.stringify(slack.type === 'modal' ? slack : { blocks: slack.blocks }),
  )}`;

/** JSON for a <script type="application/json">: `<` escaped, so no text in it can close the element. */
const scriptJson = (value: unknown) => raw(JSON.stringify(value).replace(/</g, '\\u003c'));

export function cardsPage(v: View, previews: readonly Preview[]): Html {
  const title = tr(v, 'dashboard.cards.title');
  const sections = previews.map(
    ({ name, slack }) => html`<section class="card-preview" aria-labelledby="card-${name}">
<h2 id="card-${name}"><code>${name}</code></h2>
<div class="grid">
<div><h3>${tr(v, 'dashboard.cards.teams')}</h3><div class="ac-host" data-card="${name}"></div></div>
<div><h3>${tr(v, isFormName(name) ? 'dashboard.cards.slackModal' : 'dashboard.cards.slackMessage')}</h3>
<p><a href="${builderUrl(slack)}" rel="noopener noreferrer" target="_blank">${tr(v, 'dashboard.cards.builder')}</a></p>
<pre class="block-kit">${JSON.stringify(slack, null, 2)}</pre></div>
</div></section>`,
  );
  const data = {
    hostConfig: TEAMS_HOST_CONFIG,
    cards: Object.fromEntries(previews.map((p) => [p.name, p.teams])),
  };
  return page(
    v,
    title,
    html`<p><a href="/dashboard">${tr(v, 'dashboard.back')}</a></p><h1>${title}</h1>
<p>${tr(v, 'dashboard.cards.intro')}</p>
${sections}
<script type="application/json" id="card-data">${scriptJson(data)}</script>
<script src="/dashboard/assets/adaptivecards.min.js"></script>
<script src="/dashboard/assets/cards.js"></script>`,
  );
}
