/**
 * A mocked Teams host: a page that iframes /dashboard/tab and answers teams-js's postMessage calls as the
 * Teams web client does: initialize → [frame context, host client type, runtime config, SDK version],
 * getContext → the legacy context (dark theme), authentication.getAuthToken → [true, token].
 */
export function teamsHostPage(token: string, tenantId: string, objectId: string): string {
  const data = JSON.stringify({ token, tenantId, objectId });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mock Teams host</title>
<style>body{margin:0;background:#292929} iframe{border:0;width:100%;height:100vh}</style></head>
<body>
<iframe id="tab" title="Samenspraak" src="/dashboard/tab"></iframe>
<script>
  const host = ${data};
  window.hostCalls = [];
  const frame = document.getElementById('tab');
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow) return;
    const m = e.data;
    if (!m || typeof m.func !== 'string') return;
    window.hostCalls.push(m.func);
    const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
    if (m.func === 'initialize')
      reply(['content', 'web', JSON.stringify({ apiVersion: 4, supports: {} }), '2.58.0']);
    else if (m.func === 'getContext')
      reply([{ theme: 'dark', locale: 'nl-nl', frameContext: 'content', hostClientType: 'web',
        tid: host.tenantId, userObjectId: host.objectId, userPrincipalName: 'tess@example.nl' }]);
    else if (m.func === 'authentication.getAuthToken') reply([true, host.token]);
  });
</script>
</body></html>`;
}
