/**
 * The dashboard's one stylesheet and one script, served by our own server (no CDN). Kept as strings so
 * the compiled build needs no copy step.
 */

export const DASHBOARD_CSS = `
:root { --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --card: #f5f7fa; --line: #c8ced6; --link: #0b57a4;
  --accent: #1f4e79; --focus: #b35c00; --on-track: #1b6e35; --attention: #8a4a00; --behind: #b0231b; --not-started: #55595f;
  --rate: #1f4e79; --rate-bg: #dfe5ec; color-scheme: light; }
[data-theme="dark"], [data-theme="contrast"] { --bg: #1f1f1f; --fg: #f0f0f0; --muted: #c8c8c8; --card: #2b2b2b; --line: #555;
  --link: #8cc4ff; --accent: #8cc4ff; --focus: #ffb35c; --rate: #5aa0e6; --rate-bg: #444; color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 "Segoe UI", system-ui, Helvetica, Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.skip:focus { left: .5rem; }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; justify-content: space-between;
  padding: .75rem 1rem; border-bottom: 2px solid var(--accent); }
header.top .brand { font-weight: 700; font-size: 1.1rem; color: var(--fg); text-decoration: none; }
header.top nav { display: flex; flex-wrap: wrap; gap: .75rem; font-size: .95rem; }
main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
.muted { color: var(--muted); }
.tabs { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.tabs a { display: inline-block; padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; }
.tabs a[aria-current="page"] { background: var(--accent); color: var(--bg); border-color: var(--accent); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); gap: 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; min-width: 0; }
.card h3 a { text-decoration: none; }
.card h3 a:hover { text-decoration: underline; }
.chart { display: block; width: 100%; height: auto; }
.chart.bar { height: 22px; border-radius: 3px; }
.s-on-track { fill: var(--on-track); } .s-attention { fill: var(--attention); }
.s-behind { fill: var(--behind); } .s-not-started { fill: var(--not-started); } .s-empty { fill: var(--rate-bg); }
.bar-num { fill: #ffffff; font-size: 12px; font-weight: 700; }
.trend-line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.chart.trend circle { fill: var(--accent); } .chart.trend .axis { stroke: var(--line); }
.pt-num, .rate-label, .rate-num { fill: var(--fg); font-size: 12px; }
.rate-bg { fill: var(--rate-bg); } .rate-fg { fill: var(--rate); }
.legend { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: .35rem 0 0; padding: 0; list-style: none; font-size: .85rem; }
.legend li::before { content: ""; display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -1px; border-radius: 2px; }
.legend .on_track::before { background: var(--on-track); } .legend .attention::before { background: var(--attention); }
.legend .behind::before { background: var(--behind); } .legend .not_started::before { background: var(--not-started); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
button { font: inherit; padding: .45rem .9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent);
  color: var(--bg); cursor: pointer; min-height: 44px; }
button.secondary { background: transparent; color: var(--accent); }
.flash { border-left: 4px solid var(--accent); background: var(--card); padding: .5rem .75rem; margin: 0 0 1rem; }
.problem { border-left: 4px solid var(--behind); background: var(--card); padding: .75rem; }
.decide .field { margin: .75rem 0; } .decide label { display: block; font-weight: 600; }
.decide label.choice { display: inline-block; font-weight: 400; margin-right: 1rem; min-height: 44px; }
.decide textarea, .decide input:not([type]) { width: 100%; font: inherit; padding: .4rem; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
.decide fieldset { border: 1px solid var(--line); border-radius: 4px; } .decide [aria-invalid="true"] { border-color: var(--behind); }
.field-error { display: block; color: var(--behind); font-weight: 600; }
ul.plain { padding-left: 1.1rem; margin: .25rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ac-host { max-width: 32rem; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; background: #fff; color: #242424; }
pre.block-kit { max-height: 24rem; overflow: auto; background: var(--card); border: 1px solid var(--line); padding: .5rem; font-size: .8rem; }
@media (max-width: 480px) { main { padding: .75rem; } h1 { font-size: 1.3rem; } }
`;

export const DASHBOARD_JS = `(function () {
  'use strict';
  var body = document.body;
  function applyTheme(theme) {
    document.documentElement.setAttribute('data-theme', theme === 'dark' || theme === 'contrast' ? theme : 'light');
  }
  function say(text) {
    var el = document.getElementById('tab-status');
    if (el && text) el.textContent = text;
  }
  document.addEventListener('submit', function (e) {
    var message = e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) e.preventDefault();
  });
  var teams = window.microsoftTeams;
  if (!teams) return;
  teams.app
    .initialize([window.location.origin])
    .then(function () {
      teams.app.getContext().then(function (context) {
        applyTheme(context && context.app && context.app.theme);
      });
      teams.app.registerOnThemeChangeHandler(applyTheme);
      if (!body.hasAttribute('data-sso')) return;
      return teams.authentication.getAuthToken().then(function (token) {
        return fetch('/dashboard/sso', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: token }),
        }).then(function (res) {
          if (!res.ok) throw new Error('sso refused: ' + res.status);
          window.location.replace('/dashboard');
        });
      });
    })
    .catch(function () {
      say(body.getAttribute('data-failed'));
    });
})();
`;
