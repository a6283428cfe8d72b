import { isCoordinator } from '../../../core/access';
import { STATUS_LABELS } from '../../../core/discussion/labels';
import type { Member, UpdateStatus } from '../../../core/model';
import { dateTimeFormat } from '../../../core/time';
import { type Locale, t } from '../../../i18n/index';
import { type Html, html } from './html';

/** What every page needs: who looks, in which language and time zone, and how the page is embedded. */
export interface View {
  locale: Locale;
  timeZone: string;
  member: Member | null;
  csrf: string | null;
  /** Inside Teams: the page loads teams-js to follow the Teams theme. */
  inTeams: boolean;
  /** The current path, for the language switch. */
  path: string;
}

export const tr = (v: View, key: string, params: Record<string, string | number> = {}) =>
  t(v.locale, key, params);

export const statusLabel = (v: View) => (s: UpdateStatus) => STATUS_LABELS[v.locale][s];

export function formatDate(v: View, d: Date): string {
  return dateTimeFormat(v.locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: v.timeZone,
  }).format(d);
}

function languageSwitch(v: View): Html {
  const other = v.locale === 'nl' ? 'en' : 'nl';
  const sep = v.path.includes('?') ? '&' : '?';
  return html`<a href="${`${v.path}${sep}lang=${other}`}" lang="${other}">${tr(v, 'dashboard.language')}</a>`;
}

export function page(
  v: View,
  title: string,
  content: Html,
  options: { bodyAttrs?: Html; scripts?: 'teams' | 'plain' } = {},
): Html {
  const teams = options.scripts === 'teams' || v.inTeams;
  const role = v.member
    ? tr(v, isCoordinator(v.member) ? 'dashboard.role.coordinator' : 'dashboard.role.member')
    : '';
  return html`<!doctype html>
<html lang="${v.locale}" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${tr(v, 'dashboard.title')}</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
</head>
<body${options.bodyAttrs ?? ''}>
<a class="skip" href="#main">${tr(v, 'dashboard.skip')}</a>
<header class="top">
  <a class="brand" href="/dashboard">${tr(v, 'dashboard.title')}</a>
  <nav aria-label="${tr(v, 'dashboard.nav')}">
    ${v.member ? html`<span>${tr(v, 'dashboard.signedInAs', { name: v.member.name })} (${role})</span>` : ''}
    ${v.member && isCoordinator(v.member) ? html`<a href="/dashboard/cards">${tr(v, 'dashboard.cards.nav')}</a>` : ''}
    ${languageSwitch(v)}
    ${
      v.member && v.csrf && !v.inTeams
        ? html`<form method="post" action="/dashboard/logout"><input type="hidden" name="csrf" value="${v.csrf}"><button class="secondary" type="submit">${tr(v, 'dashboard.signOut')}</button></form>`
        : ''
    }
  </nav>
</header>
<main id="main" tabindex="-1">
${content}
</main>
${teams ? html`<script src="/dashboard/assets/teams-js/MicrosoftTeams.min.js"></script>` : ''}
<script src="/dashboard/assets/dashboard.js"></script>
</body>
</html>
`;
}

/** A page with one message: refusals, expired links, errors. */
export function messagePage(v: View, title: string, message: string): Html {
  return page(
    v,
    title,
    html`<h1>${title}</h1><p class="problem" role="alert">${message}</p>${
      v.member ? html`<p><a href="/dashboard">${tr(v, 'dashboard.back')}</a></p>` : ''
    }`,
  );
}
