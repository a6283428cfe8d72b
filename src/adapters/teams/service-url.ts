import { isLoopback } from '../loopback';

export { isLoopback };

/**
 * Where the bot may be called from and what it may call: the `serviceUrl` of an activity is where replies
 * and later proactive messages go, so it is checked before anything is stored or sent.
 */

const matches = (host: string, pattern: string) =>
  pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern.toLowerCase();

/**
 * A serviceUrl the bot may call: https to one of the allowed hosts (a loopback host, as tests and local
 * tools use, may be plain http). Anonymous mode allows only loopback serviceUrls.
 */
export function serviceUrlAllowed(serviceUrl: string, allowedHosts: readonly string[], anonymous: boolean) {
  if (!URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  if (url.username || url.password) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = isLoopback(host);
  if (anonymous) return loopback && (url.protocol === 'http:' || url.protocol === 'https:');
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) return false;
  return allowedHosts.some((pattern) => matches(host, pattern));
}
