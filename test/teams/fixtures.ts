/**
 * Teams activities in the shapes the Bot Framework and Teams documentation give (message in a personal
 * chat and in a channel with an @mention, invoke adaptiveCard/action, installationUpdate,
 * conversationUpdate with membersAdded, messageUpdate, messageDelete), with ids of a made-up tenant.
 */

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEAM = '19:7e3c0c9f5b6a4b4c8e8d7f1a2b3c4d5e@thread.tacv2';
export const GENERAL = TEAM;
export const KWALITEIT = '19:kwaliteit0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2';
export const ELDERS = '19:elders9f8e7d6c5b4a39281706f5e4d3c2b1a0@thread.tacv2';

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export const CORA: Person = {
  id: '29:1cora-bfh4Xk2Q',
  name: 'Cora Coördinator',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000c0a1',
};
export const ANNA: Person = {
  id: '29:1anna-Vt9s0Lm3',
  name: 'Anna de Vries',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000a111',
};
export const BRAM: Person = {
  id: '29:1bram-Qz7r2Kp8',
  name: 'Bram Jansen',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000b222',
};

export interface Where {
  serviceUrl: string;
  appId: string;
}

let seq = 1_700_000_000_000;
export const nextId = () => String(++seq);

const bot = (w: Where) => ({ id: `28:${w.appId || 'samenspraak-local'}`, name: 'Samenspraak' });
const clientInfo = {
  type: 'clientInfo',
  locale: 'nl-NL',
  country: 'NL',
  platform: 'Web',
  timezone: 'Europe/Amsterdam',
};
export const personalConversationId = (p: Person) => `a:1${p.id.slice(4)}-personal`;

export function personalMessage(w: Where, from: Person, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: nextId(),
    timestamp: '2027-03-02T09:15:00.1234567Z',
    localTimestamp: '2027-03-02T10:15:00.1234567+01:00',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { conversationType: 'personal', tenantId: TENANT, id: personalConversationId(from) },
    recipient: bot(w),
    textFormat: 'plain',
    locale: 'nl-NL',
    text,
    entities: [clientInfo],
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

/** A channel message; with `mention` it @mentions the bot (what a command in a channel looks like). */
export function channelMessage(
  w: Where,
  from: Person,
  text: string,
  options: { channel?: string; mention?: boolean; id?: string; replyTo?: string } = {},
) {
  const id = options.id ?? nextId();
  const channel = options.channel ?? KWALITEIT;
  const mention = { type: 'mention', mentioned: bot(w), text: '<at>Samenspraak</at>' };
  return {
    type: 'message',
    id,
    timestamp: '2027-03-02T09:20:00.7654321Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT,
      id: `${channel};messageid=${options.replyTo ?? id}`,
    },
    recipient: bot(w),
    textFormat: 'plain',
    text: options.mention ? `<at>Samenspraak</at> ${text}` : text,
    attachments: [{ contentType: 'text/html', content: `<div>${text}</div>` }],
    entities: options.mention ? [mention, clientInfo] : [clientInfo],
    channelData: {
      teamsChannelId: channel,
      teamsTeamId: TEAM,
      channel: { id: channel },
      team: { id: TEAM },
      tenant: { id: TENANT },
    },
    locale: 'nl-NL',
  };
}

/** A Universal Actions invoke: Action.Execute with its verb and data (inputs merged into data). */
export function cardAction(
  w: Where,
  from: Person,
  verb: string,
  data: Record<string, unknown>,
  options: { replyToId?: string; conversationId?: string; id?: string } = {},
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: options.id ?? `f:${nextId()}`,
    timestamp: '2027-03-02T09:30:00.000Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: {
      conversationType: 'personal',
      tenantId: TENANT,
      id: options.conversationId ?? personalConversationId(from),
    },
    recipient: bot(w),
    replyToId: options.replyToId ?? nextId(),
    entities: [clientInfo],
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
    channelData: {
      tenant: { id: TENANT },
      source: { name: 'message' },
      legacy: { replyToId: options.replyToId },
    },
    locale: 'nl-NL',
  };
}

export function installPersonal(w: Where, from: Person, action: 'add' | 'remove' = 'add') {
  return {
    type: 'installationUpdate',
    action,
    id: `f:${nextId()}`,
    timestamp: '2027-03-01T10:00:00.000Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { conversationType: 'personal', tenantId: TENANT, id: personalConversationId(from) },
    recipient: bot(w),
    entities: [clientInfo],
    channelData: { tenant: { id: TENANT }, source: { name: 'message' } },
    locale: 'nl-NL',
  };
}

export function installTeam(w: Where, from: Person) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: `f:${nextId()}`,
    timestamp: '2027-03-01T10:00:00.000Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: GENERAL },
    recipient: bot(w),
    entities: [clientInfo],
    channelData: {
      settings: { selectedChannel: { id: GENERAL } },
      team: { aadGroupId: '0f9e8d7c-6b5a-4938-2716-0a1b2c3d4e5f', name: 'Sectorraad PO', id: TEAM },
      tenant: { id: TENANT },
      source: { name: 'message' },
    },
    locale: 'nl-NL',
  };
}

/** The bot (or people) added to a team: conversationUpdate with membersAdded, eventType teamMemberAdded. */
export function membersAdded(w: Where, from: Person, added: { id: string; aadObjectId?: string }[]) {
  return {
    membersAdded: added,
    type: 'conversationUpdate',
    id: `f:${nextId()}`,
    timestamp: '2027-03-01T10:00:01.000Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: GENERAL },
    recipient: bot(w),
    channelData: {
      team: { aadGroupId: '0f9e8d7c-6b5a-4938-2716-0a1b2c3d4e5f', name: 'Sectorraad PO', id: TEAM },
      eventType: 'teamMemberAdded',
      tenant: { id: TENANT },
    },
  };
}

export const botJoinsTeam = (w: Where, from: Person) => membersAdded(w, from, [{ id: bot(w).id }]);

export function messageUpdate(w: Where, from: Person, id: string, text: string, channel = KWALITEIT) {
  return {
    type: 'messageUpdate',
    id,
    timestamp: '2027-03-02T09:40:00.000Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT,
      id: `${channel};messageid=${id}`,
    },
    recipient: bot(w),
    text,
    textFormat: 'plain',
    entities: [clientInfo],
    channelData: {
      channel: { id: channel },
      team: { id: TEAM },
      tenant: { id: TENANT },
      eventType: 'editMessage',
    },
    locale: 'nl-NL',
  };
}

export function messageDelete(w: Where, from: Person, id: string, channel = KWALITEIT) {
  return {
    type: 'messageDelete',
    id,
    timestamp: '2027-03-02T09:45:00.000Z',
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT,
      id: `${channel};messageid=${id}`,
    },
    recipient: bot(w),
    channelData: {
      channel: { id: channel },
      team: { id: TEAM },
      tenant: { id: TENANT },
      eventType: 'softDeleteMessage',
    },
  };
}

/** A message action on a channel message (composeExtension/submitAction of the "link to ambition" command). */
export function linkAction(
  w: Where,
  from: Person,
  messageId: string,
  ambitions: string,
  channel = KWALITEIT,
) {
  return {
    type: 'invoke',
    name: 'composeExtension/submitAction',
    id: `f:${nextId()}`,
    serviceUrl: w.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT,
      id: `${channel};messageid=${messageId}`,
    },
    recipient: bot(w),
    value: {
      commandId: 'linkAmbition',
      commandContext: 'message',
      data: { ambitions },
      context: { theme: 'default' },
      messagePayload: {
        id: messageId,
        replyToId: null,
        messageType: 'message',
        body: { contentType: 'html', content: '<p>Ons leesplan werkt</p>' },
        from: { user: { id: ANNA.aadObjectId, displayName: ANNA.name } },
      },
    },
    channelData: {
      channel: { id: channel },
      team: { id: TEAM },
      tenant: { id: TENANT },
      source: { name: 'compose' },
    },
    locale: 'nl-NL',
  };
}
