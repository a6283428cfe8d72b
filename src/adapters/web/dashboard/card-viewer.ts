/**
 * The Kaarten page's browser side: the host config the Adaptive Cards renderer draws with (close to Teams'
 * light theme: Segoe UI, 14 px text, Teams purple as accent) and the script that draws every card from the
 * page's JSON. Same-origin files, so the page's Content-Security-Policy stays as strict as the others'.
 */

const colours = (base: string) => ({
  default: { default: base, subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#F0F0F0' },
  accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
  good: { default: '#237B4B', subtle: '#3F8F5E' },
  warning: { default: '#835C00', subtle: '#9A6D00' },
  attention: { default: '#C4314B', subtle: '#D05A6E' },
});

export const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: colours('#242424') },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: colours('#242424') },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: colours('#242424') },
    good: { backgroundColor: '#E7F2DA', foregroundColors: colours('#242424') },
    attention: { backgroundColor: '#FCF4F6', foregroundColors: colours('#242424') },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: colours('#242424') },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 8,
  },
};

/** Draws each `[data-card]` element's card; a button in a preview does nothing. */
export const CARDS_JS = `(function () {
  'use strict';
  var source = document.getElementById('card-data');
  var AC = window.AdaptiveCards;
  if (!source || !AC) return;
  // The part of Teams' markdown the cards use: backslash escapes, bold, italics, web links, line breaks.
  // HTML's own characters and escaped ones become character references first, so no markup gets through.
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = text
      .replace(/\\\\(.)|[&<>"']/g, function (all, escaped) {
        return '&#' + (escaped || all).charCodeAt(0) + ';';
      })
      .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
      .replace(/(^|\\W)_(.+?)_(?=\\W|$)/g, '$1<em>$2</em>')
      .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>')
      .replace(/\\n/g, '<br>');
    result.didProcess = true;
  };
  var data = JSON.parse(source.textContent);
  var hostConfig = new AC.HostConfig(data.hostConfig);
  var hosts = document.querySelectorAll('[data-card]');
  for (var i = 0; i < hosts.length; i++) {
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = function () {};
    card.parse(data.cards[hosts[i].getAttribute('data-card')]);
    var drawn = card.render();
    if (drawn) hosts[i].appendChild(drawn);
  }
})();
`;
