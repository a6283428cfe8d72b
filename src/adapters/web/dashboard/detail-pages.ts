import type { Coverage } from '../../../core/coverage';
import type { CycleDetail, RequestRow } from '../../../core/dashboard-views';
import { TREND_LABELS } from '../../../core/discussion/labels';
import type { AmbitionSummary } from '../../../core/discussion/summary';
import { stackedBar } from './charts';
import { correctionForm } from './corrections';
import { type Html, html } from './html';
import { formatDate, page, statusLabel, tr, type View } from './layout';
import { matchesSection } from './matches-section';
import { legend, statusParts, trendChart } from './overview-page';
import { decisionsSection, requestsSection } from './steering-section';

/** What the ambition page shows besides the summary; a coordinator's parts are left out for members. */
export interface AmbitionExtras {
  decisions?: Parameters<typeof decisionsSection>[1];
  /** The decision form (coordinators). */
  decide?: Html;
  /** Contact requests made and accepted (coordinators). */
  matches?: { asked: number; accepted: number } | null;
  /** The ambitions a message's link can be corrected to (coordinators), and whether one just was. */
  correcting?: { ambitions: Parameters<typeof correctionForm>[2]; corrected: boolean };
}

/** The ambition page: status per cycle, trend, the summary of the discussion, practices and steering. */
export function ambitionPage(v: View, s: AmbitionSummary, extras: AmbitionExtras = {}): Html {
  const { decisions = [], decide = html``, matches = null } = extras;
  const correcting = extras.correcting ?? { ambitions: [], corrected: false };
  const correct = (messageId: string | undefined) =>
    messageId
      ? correctionForm(
          v,
          { agendaId: s.agenda.id, ambitionId: s.ambition.id, messageId },
          correcting.ambitions,
        )
      : '';
  const title = tr(v, 'dashboard.ambition', { number: s.ambition.number, title: s.ambition.title });
  const content = html`
<p><a href="/dashboard?agenda=${s.agenda.id}">${tr(v, 'dashboard.back')}</a></p>
<h1>${title}</h1>
<p class="muted">${s.agenda.association}${s.theme ? ` · ${s.theme.title}` : ''}</p>
<p>${s.ambition.text}</p>

<section aria-labelledby="cycles"><h2 id="cycles">${tr(v, 'dashboard.statusPerCycle')}</h2>
${
  s.cycles.length
    ? html`<div class="grid">${s.cycles.map(
        (c) => html`<div class="card"><h3>${c.name}</h3>
<p class="muted">${formatDate(v, c.closesAt)} · ${tr(v, 'dashboard.boardsAnswered', { n: c.boards })} · ${tr(v, 'dashboard.progress', { value: c.averageProgress === null ? '–' : `${c.averageProgress}%` })}</p>
${stackedBar(c.counts, statusLabel(v), tr(v, 'dashboard.statusBar', { title, cycle: c.name, parts: statusParts(v, c.counts) }))}
${legend(v, c.counts)}</div>`,
      )}
<div class="card"><h3>${tr(v, 'dashboard.trend')}: ${s.trend ? TREND_LABELS[v.locale][s.trend] : tr(v, 'dashboard.trend.none')}</h3>${trendChart(v, { series: s.cycles })}</div></div>`
    : html`<p>${tr(v, 'dashboard.noAnswers')}</p>`
}
</section>

<section aria-labelledby="summary"><h2 id="summary">${tr(v, 'dashboard.summary')}</h2>
${correcting.corrected ? html`<p role="status">${tr(v, 'dashboard.correct.done')}</p>` : ''}
<h3>${tr(v, 'dashboard.keyPoints')}</h3>
${
  s.keyPoints.length
    ? html`<ul class="plain">${s.keyPoints.map((p) => html`<li>${p.text}${correct(p.sources[0]?.messageId)}</li>`)}</ul>`
    : html`<p>${tr(v, 'dashboard.noKeyPoints')}</p>`
}
${
  s.openQuestions.length
    ? html`<h3>${tr(v, 'dashboard.openQuestions')}</h3><ul class="plain">${s.openQuestions.map((q) => html`<li>${q.text}${correct(q.source.messageId)}</li>`)}</ul>`
    : ''
}
</section>

<section aria-labelledby="steering"><h2 id="steering">${tr(v, 'dashboard.steering')}</h2>
${
  s.steering.length
    ? html`<ul class="plain">${s.steering.map(
        (x) =>
          html`<li><strong>${x.itemId}</strong> ${x.itemTitle} (${statusLabel(v)(x.status)}, ${x.cycleName})${x.boardName ? html`, <strong>${x.boardName}</strong>` : ''}: ${x.explanation || '–'}</li>`,
      )}</ul>`
    : html`<p>${tr(v, 'dashboard.noSteering')}</p>`
}
</section>

${decisionsSection(v, decisions)}
${decide}

<section aria-labelledby="practices"><h2 id="practices">${tr(v, 'dashboard.practices')}</h2>
${
  s.practices.length
    ? html`<ul class="plain">${s.practices.map(
        (p) =>
          html`<li><strong>${p.title}</strong>${p.boardName ? ` (${p.boardName})` : ''}: ${p.description}${p.instruments ? html` <em>${p.instruments}</em>` : ''}</li>`,
      )}</ul>`
    : html`<p>${tr(v, 'dashboard.noPractices')}</p>`
}
</section>
${matches ? matchesSection(v, matches) : ''}`;
  return page(v, title, content);
}

/** A cycle for coordinators: who has and has not answered, with the buttons to remind and to close. */
/** Who cannot be reached yet and why, with the count; the boards nobody is known of. */
function coverageSection(v: View, c: Coverage): Html {
  if (c.gaps.length === 0 && c.emptyBoards.length === 0) return html``;
  return html`<section aria-labelledby="coverage"><h2 id="coverage">${tr(v, 'dashboard.coverage.title', { count: c.gaps.length, audience: c.audience })}</h2>
${c.emptyBoards.length ? html`<p>${tr(v, 'dashboard.coverage.emptyBoards', { boards: c.emptyBoards.join(', ') })}</p>` : ''}
${c.gaps.length ? html`<ul>${c.gaps.map((g) => html`<li>${g.member.name || g.member.externalId} (${g.member.platform}): ${tr(v, `chat.coverage.reason.${g.reason}`)}</li>`)}</ul>` : ''}
</section>`;
}

export function cyclePage(
  v: View,
  d: CycleDetail,
  flash: string | null,
  requests: readonly RequestRow[] = [],
): Html {
  const c = d.cycle;
  const title = tr(v, 'dashboard.cycle.title', { name: c.name });
  const status = tr(v, `dashboard.cycle.${c.status === 'closed' ? 'closed' : 'open'}`);
  const answered = d.rows.filter((r) => r.answeredAt).length;
  const content = html`
<p><a href="/dashboard?agenda=${c.agendaId}">${tr(v, 'dashboard.back')}</a></p>
<h1>${title}</h1>
${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<p>${tr(v, 'dashboard.cycle.period', { opens: formatDate(v, c.opensAt), closes: formatDate(v, c.closesAt), status })}</p>
<p>${tr(v, 'dashboard.answered', { answered, asked: d.rows.length, rate: d.rows.length ? Math.round((answered / d.rows.length) * 100) : 0 })}</p>
${
  c.status === 'open'
    ? html`<div class="actions">
<form method="post" action="/dashboard/cycles/${c.id}/remind"><input type="hidden" name="csrf" value="${v.csrf ?? ''}"><button type="submit">${tr(v, 'dashboard.cycle.remind')}</button></form>
<form method="post" action="/dashboard/cycles/${c.id}/close" data-confirm="${tr(v, 'dashboard.cycle.confirmClose')}"><input type="hidden" name="csrf" value="${v.csrf ?? ''}"><button class="secondary" type="submit">${tr(v, 'dashboard.cycle.close')}</button></form>
</div>`
    : ''
}
${
  d.rows.length
    ? html`<div class="table-wrap"><table>
<caption class="visually-hidden">${title}</caption>
<thead><tr><th scope="col">${tr(v, 'dashboard.cycle.member')}</th><th scope="col">${tr(v, 'dashboard.cycle.board')}</th><th scope="col">${tr(v, 'dashboard.cycle.state')}</th><th scope="col">${tr(v, 'dashboard.cycle.reminders')}</th></tr></thead>
<tbody>${d.rows.map(
        (r) =>
          html`<tr><td>${r.member.name}</td><td>${r.boardName ?? '–'}</td><td>${r.answeredAt ? tr(v, 'dashboard.cycle.answeredOn', { date: formatDate(v, r.answeredAt) }) : tr(v, 'dashboard.cycle.notAnswered')}</td><td>${r.reminders}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${tr(v, 'dashboard.cycle.nobody')}</p>`
}
${coverageSection(v, d.coverage)}
${requestsSection(v, requests)}`;
  return page(v, title, content);
}

/** The landing page of a sign-in link: a button, so a link preview (which only GETs) cannot use it up. */
export function loginPage(v: View, token: string): Html {
  const title = tr(v, 'dashboard.login.title');
  return page(
    v,
    title,
    html`<h1>${title}</h1><p>${tr(v, 'dashboard.login.explain')}</p>
<form method="post" action="/dashboard/login"><input type="hidden" name="token" value="${token}"><button type="submit">${tr(v, 'dashboard.login.continue')}</button></form>`,
  );
}

/** The Teams tab: teams-js initialises, asks Teams for a token and posts it to /dashboard/sso. */
export function tabPage(v: View): Html {
  const title = tr(v, 'dashboard.tab.title');
  return page(
    v,
    title,
    html`<h1>${title}</h1><p id="tab-status" role="status" aria-live="polite">${tr(v, 'dashboard.tab.signingIn')}</p>`,
    { scripts: 'teams', bodyAttrs: html` data-sso="1" data-failed="${tr(v, 'dashboard.tab.failed')}"` },
  );
}
