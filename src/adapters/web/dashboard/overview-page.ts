import type { AmbitionRow, OverviewData } from '../../../core/dashboard-views';
import { TREND_LABELS } from '../../../core/discussion/labels';
import { UPDATE_STATUSES, type UpdateStatus } from '../../../core/model';
import { rateBars, stackedBar, trendLine } from './charts';
import { type Html, html } from './html';
import { formatDate, page, statusLabel, tr, type View } from './layout';

const rate = (answered: number, asked: number) => (asked ? Math.round((answered / asked) * 100) : 0);

export function statusParts(v: View, counts: Record<UpdateStatus, number>): string {
  const label = statusLabel(v);
  return UPDATE_STATUSES.map((s) => `${label(s)} ${counts[s]}`).join(', ');
}

export function legend(v: View, counts?: Record<UpdateStatus, number>): Html {
  const label = statusLabel(v);
  return html`<ul class="legend">${UPDATE_STATUSES.map(
    (s) => html`<li class="${s}">${label(s)}${counts ? html`: <strong>${counts[s]}</strong>` : ''}</li>`,
  )}</ul>`;
}

export function trendChart(v: View, row: Pick<AmbitionRow, 'series'>): Html {
  const points = row.series.map((s) => ({ label: s.name, value: s.averageProgress }));
  const parts = points.map((p) => `${p.label} ${p.value === null ? '–' : `${p.value}%`}`).join(', ');
  return trendLine(points, tr(v, 'dashboard.trendChart', { parts }));
}

function ambitionCard(v: View, agendaId: string, row: AmbitionRow): Html {
  const a = row.ambition;
  const title = tr(v, 'dashboard.ambition', { number: a.number, title: a.title });
  const latest = row.latest;
  return html`<article class="card" aria-labelledby="amb-${a.id}">
  <h3 id="amb-${a.id}"><a href="/dashboard/ambitions/${agendaId}/${a.id}">${title}</a></h3>
  ${
    latest
      ? html`<p class="muted">${tr(v, 'dashboard.latestCycle')}: ${latest.name} · ${tr(v, 'dashboard.boardsAnswered', { n: latest.boards })}</p>
  ${stackedBar(latest.counts, statusLabel(v), tr(v, 'dashboard.statusBar', { title, cycle: latest.name, parts: statusParts(v, latest.counts) }))}
  ${legend(v, latest.counts)}`
      : html`<p class="muted">${tr(v, 'dashboard.noAnswers')}</p>`
  }
  ${
    row.series.some((s) => s.averageProgress !== null)
      ? html`<h4 class="visually-hidden">${tr(v, 'dashboard.trend')}</h4>${trendChart(v, row)}`
      : ''
  }
  <p>${tr(v, 'dashboard.trend')}: <strong>${row.trend ? TREND_LABELS[v.locale][row.trend] : tr(v, 'dashboard.trend.none')}</strong></p>
</article>`;
}

export function overviewPage(v: View, agendas: { id: string; name: string }[], d: OverviewData): Html {
  const agenda = d.agenda;
  const cycleRows = d.cycles.map((c) => ({ label: c.cycle.name, answered: c.answered, asked: c.asked }));
  const regionLabel = (r: string | null) => tr(v, `dashboard.region.${r ?? 'none'}`);
  const content = html`
<h1>${tr(v, 'dashboard.overview')}: ${agenda.association}</h1>
<nav aria-label="${tr(v, 'dashboard.agendas')}"><ul class="tabs">${agendas.map(
    (a) =>
      html`<li><a href="/dashboard?agenda=${a.id}"${a.id === agenda.id ? html` aria-current="page"` : ''}>${a.name}</a></li>`,
  )}</ul></nav>

${
  d.ownBoard
    ? html`<section aria-labelledby="own"><h2 id="own">${tr(v, 'dashboard.ownBoard', { board: d.ownBoard.board.name, cycle: d.ownBoard.cycle.name })}</h2>
${
  d.ownBoard.updates.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">#</th><th scope="col">${tr(v, 'dashboard.cycle.state')}</th><th scope="col">%</th></tr></thead><tbody>${d.ownBoard.updates.map(
        (u) => html`<tr><td>${u.itemId}</td><td>${statusLabel(v)(u.status)}</td><td>${u.progress}%</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${tr(v, 'dashboard.ownBoard.none')}</p>`
}</section>`
    : ''
}

<section aria-labelledby="rates"><h2 id="rates">${tr(v, 'dashboard.responseRates')}</h2>
${
  d.cycles.length
    ? html`<div class="grid"><div class="card">${rateBars(
        cycleRows,
        tr(v, 'dashboard.responseChart', {
          parts: cycleRows.map((r) => `${r.label} ${rate(r.answered, r.asked)}%`).join(', '),
        }),
      )}
<ul class="plain">${d.cycles.map(
        (c) =>
          html`<li>${d.coordinator ? html`<a href="/dashboard/cycles/${c.cycle.id}">${c.cycle.name}</a>` : c.cycle.name} (${tr(v, `dashboard.cycle.${c.cycle.status === 'open' ? 'open' : 'closed'}`)}): ${tr(v, 'dashboard.answered', { answered: c.answered, asked: c.asked, rate: rate(c.answered, c.asked) })}</li>`,
      )}</ul></div>
${
  d.regions
    ? html`<div class="card"><h3>${tr(v, 'dashboard.regionRates', { cycle: d.regions.cycle.name })}</h3>${rateBars(
        d.regions.rows.map((r) => ({ label: regionLabel(r.region), answered: r.answered, asked: r.asked })),
        tr(v, 'dashboard.regionChart', {
          parts: d.regions.rows
            .map((r) => `${regionLabel(r.region)} ${rate(r.answered, r.asked)}%`)
            .join(', '),
        }),
      )}<ul class="plain">${d.regions.rows.map(
        (r) =>
          html`<li>${regionLabel(r.region)}: ${tr(v, 'dashboard.answered', { answered: r.answered, asked: r.asked, rate: rate(r.answered, r.asked) })}</li>`,
      )}</ul></div>`
    : ''
}</div>`
    : html`<p>${tr(v, 'dashboard.noCycles')}</p>`
}
</section>

${d.themes.map(
  (th) => html`<section aria-labelledby="theme-${th.theme?.id ?? 'sector'}">
<h2 id="theme-${th.theme?.id ?? 'sector'}">${th.theme ? tr(v, 'dashboard.theme', { id: th.theme.id, title: th.theme.title }) : tr(v, 'dashboard.sectorAmbitions')}</h2>
<div class="grid">${th.ambitions.map((row) => ambitionCard(v, agenda.id, row))}</div>
</section>`,
)}

<section aria-labelledby="steering"><h2 id="steering">${tr(v, 'dashboard.steering')}</h2>
${
  d.steering.length
    ? html`<ul class="plain">${d.steering.map(
        (s) =>
          html`<li><a href="/dashboard/ambitions/${agenda.id}/${s.ambition.id}">${s.itemId}</a> (${statusLabel(v)(s.status)})${s.boardName ? html`, <strong>${s.boardName}</strong>` : ''}: ${s.explanation || '–'}</li>`,
      )}</ul>`
    : html`<p>${tr(v, 'dashboard.noSteering')}</p>`
}
</section>

<section aria-labelledby="practices"><h2 id="practices">${tr(v, 'dashboard.practices')}</h2>
${
  d.practices.length
    ? html`<ul class="plain">${d.practices.map(
        (p) =>
          html`<li><strong>${p.title}</strong>${p.boardName ? ` (${p.boardName})` : ''}: ${p.description} <span class="muted">${formatDate(v, p.createdAt)}</span></li>`,
      )}</ul>`
    : html`<p>${tr(v, 'dashboard.noPractices')}</p>`
}
</section>

<!-- Not id="exports": teams-js's UMD wrapper would take the element for CommonJS exports. -->
<section aria-labelledby="downloads"><h2 id="downloads">${tr(v, 'dashboard.exports')}</h2>
<ul class="plain">
  <li><a href="/dashboard/export/${agenda.id}.csv" download>${tr(v, 'dashboard.export.csv')}</a></li>
  <li><a href="/dashboard/export/${agenda.id}.md" download>${tr(v, 'dashboard.export.md')}</a></li>
  <li><a href="/dashboard/export/${agenda.id}.html">${tr(v, 'dashboard.export.html')}</a></li>
  <li><a href="/dashboard/my-data.json" download>${tr(v, 'dashboard.export.myData')}</a></li>
</ul>
</section>`;
  return page(v, tr(v, 'dashboard.overview'), content);
}
