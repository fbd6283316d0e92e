import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearJwksClients } from '@microsoft/agents-hosting';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import type { Answer, Answerer, AnswerRequest, Citation } from '../../src/answer/answer.js';
import { createFeedbackStore } from '../../src/answer/feedback.js';
import { loadConfig } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { createEnquiryQueue } from '../../src/enquiries/create-enquiry-queue.js';
import { createLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { startTeams, type TeamsTransport } from '../../src/teams/start-teams.js';
import { allowOnlyLoopback } from '../helpers/network.js';

export const APP_ID = '4f1a3c2e-9b7d-4e21-8a55-0c6d2f7e9a10';
export const TENANT_ID = '7d2b9e41-3c5a-4f08-9e6b-1a2c3d4e5f60';
export const OTHER_TENANT_ID = '0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d';
export const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
export const BOT_ID = `28:${APP_ID}`;
export const SENDER_ID = '29:1user-officer';
export const SENDER_AAD_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const KEYS_URL = 'https://login.botframework.com';
export const KEYS_PATH = '/v1/.well-known/keys';
export const TOKEN_HOST = 'https://login.microsoftonline.com';

/** An RSA key pair standing in for the Bot Framework's signing key: it signs tokens and serves its public half. */
export function createSigningKey(kid = `test-${randomUUID()}`) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    keySet: { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] },
    sign(claims: Record<string, unknown>, options: { expiresInSeconds?: number } = {}): string {
      return jwt.sign(
        {
          iss: 'https://api.botframework.com',
          aud: APP_ID,
          serviceurl: SERVICE_URL,
          ...claims,
        },
        privateKey,
        { algorithm: 'RS256', keyid: kid, expiresIn: options.expiresInSeconds ?? 3_600 },
      );
    },
  };
}

export type TestTeams = {
  core: Core;
  transport: TeamsTransport;
  dir: string;
  close(): Promise<void>;
};

export type TestTeamsOptions = {
  env?: Record<string, string>;
  /** Replaces the answer engine (transport tests); the real one is used when absent. */
  answerer?: Answerer;
  now?: () => Date;
  /** Where log lines go (JSON, one per line); discarded unless given. */
  logLines?: string[];
  /** Wraps the store (with `answerer`), e.g. to make its writes fail. */
  wrapStore?: (store: Store) => Store;
  /** Leaves the listening address to the endpoint (as production does) instead of 127.0.0.1. */
  defaultHost?: boolean;
};

/** The real Teams endpoint on 127.0.0.1 over a core with SQLite in a temp dir and the real enquiry queue. */
export async function startTestTeams(options: TestTeamsOptions = {}): Promise<TestTeams> {
  const dir = mkdtempSync(join(tmpdir(), 'skills-desk-teams-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    TEAMS_APP_ID: APP_ID,
    TEAMS_APP_PASSWORD: 'test-app-password',
    TEAMS_TENANT_ID: TENANT_ID,
    ...options.env,
  });
  const lines = options.logLines;
  const log = lines
    ? createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } })
    : createLogger({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const now = options.now ?? (() => new Date());
  let core: Core;
  if (options.answerer) {
    const opened = await createStore(config.storeUrl);
    const store = options.wrapStore ? options.wrapStore(opened) : opened;
    core = {
      config,
      log,
      store,
      knowledge: { articles: new Map(), facts: new Map(), sections: [], version: 'test' },
      answerer: options.answerer,
      feedback: createFeedbackStore(store),
      enquiries: createEnquiryQueue({ store, log, now, settings: config.enquiries }),
      now,
      close: () => store.close(),
    };
  } else {
    const { createCore } = await import('../../src/core.js');
    core = await createCore(config, log, { now });
  }
  // The eval-style suites ask many questions as one person: the per-minute limit is tested on its own.
  const transport = await startTeams(core, {
    port: 0,
    ...(!options.defaultHost && { host: '127.0.0.1' }),
    rateLimitPerMinute: 600,
  });
  if (!transport) throw new Error('Teams did not start with Teams configured');
  return {
    core,
    transport,
    dir,
    async close() {
      await transport.stop();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves the signing key set where the SDK looks for it (the issuer api.botframework.com's key endpoint). */
export function serveKeys(keySet: { keys: object[] }) {
  return nock(KEYS_URL).get(KEYS_PATH).reply(200, keySet);
}

/** The app's client-credentials token request to Entra ID, answered with a made-up token. */
export function serveAppToken() {
  return nock(TOKEN_HOST)
    .post(`/${TENANT_ID}/oauth2/v2.0/token`, (body) => {
      const fields = body as Record<string, string>;
      return fields['client_id'] === APP_ID && fields['grant_type'] === 'client_credentials';
    })
    .query(true)
    .reply(200, { token_type: 'Bearer', expires_in: 3_600, ext_expires_in: 3_600, access_token: 'outgoing-token' });
}

type ActivityOptions = {
  text?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  conversationId?: string;
  from?: Record<string, unknown>;
  tenantId?: string;
  value?: unknown;
  replyToId?: string;
  type?: string;
  name?: string;
  entities?: unknown[];
};

/** A Teams activity as the Bot Framework sends it. */
export function teamsActivity(options: ActivityOptions = {}): Record<string, unknown> {
  const tenantId = options.tenantId ?? TENANT_ID;
  const conversationType = options.conversationType ?? 'personal';
  const conversationId =
    options.conversationId ??
    (conversationType === 'channel'
      ? '19:triage0channel@thread.tacv2;messageid=1700000000001'
      : conversationType === 'groupChat'
        ? '19:groupchat0example@thread.v2'
        : `a:1personal-${randomUUID()}`);
  return {
    type: options.type ?? 'message',
    id: `1700${Math.floor(Math.random() * 1e9)}`,
    timestamp: '2026-11-23T17:00:00.000Z',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: {
      id: SENDER_ID,
      name: 'Asha Patel',
      aadObjectId: SENDER_AAD_ID,
      ...options.from,
    },
    conversation: {
      id: conversationId,
      conversationType,
      tenantId,
      ...(conversationType !== 'personal' && { isGroup: true }),
    },
    recipient: { id: BOT_ID, name: 'Skills Desk' },
    locale: 'en-GB',
    channelData: {
      tenant: { id: tenantId },
      ...(conversationType === 'channel' && {
        team: { id: '19:team0example@thread.tacv2' },
        channel: { id: '19:triage0channel@thread.tacv2' },
      }),
    },
    ...(options.text !== undefined && { text: options.text }),
    ...(options.value !== undefined && { value: options.value }),
    ...(options.replyToId !== undefined && { replyToId: options.replyToId }),
    ...(options.name !== undefined && { name: options.name }),
    ...(options.entities !== undefined && { entities: options.entities }),
  };
}

/** POSTs an activity to the endpoint, as the Bot Framework service does. */
export async function postActivity(url: string, activity: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(activity),
  });
}

/** Captures what the bot sends back to the conversation through the Bot Framework connector. */
export function captureReplies(conversationId: string, options: { times?: number } = {}) {
  const sent: Record<string, unknown>[] = [];
  const auth: (string | undefined)[] = [];
  /** The ids the connector gave the sent messages, in order. */
  const ids: string[] = [];
  /** The path each message was sent to: the conversation itself, or `…/activities/{id}` for a reply. */
  const paths: string[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  /** Resolves once `count` messages have reached the connector. */
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      if (sent.length >= count) resolve();
      else waiting.push({ count, resolve });
    });
  const prefix = `/teams/v3/conversations/${conversationId}/activities`;
  const path = (uri: string) => {
    const decoded = decodeURIComponent(uri);
    return decoded === prefix || decoded.startsWith(`${prefix}/`);
  };
  const scope = nock(SERVICE_URL.replace(/\/teams\/$/, ''))
    .post(path)
    .times(options.times ?? 1)
    .reply(function (uri, body) {
      sent.push(body as Record<string, unknown>);
      paths.push(decodeURIComponent(uri));
      auth.push(this.req.headers['authorization'] as string | undefined);
      const id = `1700${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      ids.push(id);
      for (const waiter of waiting.filter((item) => item.count <= sent.length)) waiter.resolve();
      return [200, { id }];
    });
  return { scope, sent, auth, ids, paths, received };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Teams' member record for the sender: the lookup that tells guests from staff. */
export function serveMember(
  conversationId: string,
  member: { userRole: string; tenantId?: string } = { userRole: 'user' },
) {
  const base = conversationId.split(';')[0];
  return nock(SERVICE_URL.replace(/\/teams\/$/, ''))
    .get((uri) => decodeURIComponent(uri) === `/teams/v3/conversations/${base}/members/${SENDER_ID}`)
    .reply(200, { id: SENDER_ID, name: 'Asha Patel', aadObjectId: SENDER_AAD_ID, tenantId: TENANT_ID, ...member });
}

/** For suites that are not about guests: in every conversation the sender is staff in our tenant. */
export function serveStaffMemberEverywhere() {
  return nock(SERVICE_URL.replace(/\/teams\/$/, ''))
    .get((uri) => decodeURIComponent(uri).endsWith(`/members/${SENDER_ID}`))
    .reply(200, { id: SENDER_ID, aadObjectId: SENDER_AAD_ID, userRole: 'user', tenantId: TENANT_ID })
    .persist();
}

/** Loopback only, and the SDK's cached signing keys forgotten (it keeps them per process). */
export function isolateNetwork(): void {
  clearJwksClients();
  allowOnlyLoopback();
}

/** Captures in-place updates of a message (the connector's PUT on an activity). */
export function captureUpdates(conversationId: string, activityId: string) {
  const updated: Record<string, unknown>[] = [];
  const path = `/teams/v3/conversations/${conversationId}/activities/${activityId}`;
  const scope = nock(SERVICE_URL.replace(/\/teams\/$/, ''))
    .put((uri) => decodeURIComponent(uri) === path)
    .reply(200, (_uri, body) => {
      updated.push(body as Record<string, unknown>);
      return { id: activityId };
    });
  return { scope, updated };
}

/** An answer engine stand-in that hands back a given answer and records what it was asked. */
export function recordingAnswerer(make: (request: AnswerRequest) => Answer) {
  const requests: AnswerRequest[] = [];
  const answerer: Answerer = {
    async answer(request) {
      requests.push(request);
      return make(request);
    },
  };
  return { answerer, requests };
}

export function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    sectionId: `article-${n}#overview`,
    articleId: `article-${n}`,
    title: `Article ${n}`,
    heading: 'Overview',
    snippet: `Passage ${n} of the knowledge base.`,
    url: `https://www.gov.uk/example-${n}`,
    sourceTitle: `Source ${n}`,
    reviewed: '2026-06-01',
    reviewBy: '2027-06-01',
    isDueForReview: false,
    ...overrides,
  };
}
