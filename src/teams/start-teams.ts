import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  authorizeJWT,
  CloudAdapter,
  type Request,
  type TurnContext,
  type WebResponse,
} from '@microsoft/agents-hosting';
import { createCoreConversation } from '../conversation/index.js';
import type { Core } from '../core.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../log.js';
import { installProcessGuards } from '../process-guards.js';
import type { RunningTransport } from '../running-transport.js';
import { createTeamsCalculators } from './calculator-cards.js';
import { loggableError } from './loggable-error.js';
import { createMemberLookup } from './member-role.js';
import { createTurnHandler } from './on-turn.js';
import { createTeamsMemory } from './teams-memory.js';
import { teamsAuthConfiguration } from './teams-settings.js';
import { createTeamsTriagePublisher } from './teams-triage-publisher.js';

export const TEAMS_ROUTE = '/api/messages';
const BODY_LIMIT_BYTES = 1_000_000;
/** Longest wait for the token check (which may fetch Bot Framework's signing keys) before answering 503. */
const KEY_CHECK_TIMEOUT_MS = 4_000;

export type TeamsTransport = RunningTransport & { url: string };

/**
 * Starts the Teams endpoint (POST /api/messages on TEAMS_PORT) when Teams is configured. Every request passes the
 * SDK's Bot Framework JWT check (signature, audience, issuer, expiry) before it is read; the adapter then checks the
 * token's service URL against the activity's.
 */
export async function startTeams(
  core: Core,
  options: { port?: number; host?: string; rateLimitPerMinute?: number } = {},
): Promise<TeamsTransport | undefined> {
  const settings = core.config.teams;
  if (settings === 'off') return undefined;
  const log = core.log.child({ module: 'teams' });
  const authConfig = teamsAuthConfiguration(settings);
  const adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: true });
  // The turn handler answers its own faults; this only sees faults outside it (the SDK's own steps).
  adapter.onTurnError = async (context, error) => {
    log.error(
      { err: loggableError(error), code: errorCode(error), activityId: context.activity.id },
      'teams turn failed',
    );
  };
  installProcessGuards(log);
  const memory = createTeamsMemory(core.store);
  const conversation = createCoreConversation(core, {
    ...(options.rateLimitPerMinute !== undefined && { limitPerMinute: options.rateLimitPerMinute }),
  });
  const publisher = createTeamsTriagePublisher({
    adapter,
    settings,
    memory,
    log,
    staleClaimWorkingDays: core.config.enquiries.staleClaimWorkingDays,
  });
  const handleTurn = createTurnHandler({
    core,
    settings,
    memory,
    calculators: createTeamsCalculators({ knowledge: core.knowledge, now: core.now }),
    memberOf: createMemberLookup(core.store, log),
    conversation,
    log,
    // The triage card's one owner is the queue's delivery: a button press runs it now for this change.
    ...(publisher !== undefined && {
      deliverTriagePosts: async () => {
        await core.enquiries.deliver([publisher]);
      },
    }),
  });
  const checkToken = authorizeJWT(authConfig);

  const server = createServer((req, res) => {
    handleRequest(req, res, { adapter, checkToken, handleTurn, log }).catch((error: unknown) => {
      log.error({ err: loggableError(error), code: errorCode(error) }, 'teams request failed');
      if (!res.headersSent) res.statusCode = 500;
      if (!res.writableEnded) res.end();
    });
  });
  const port = options.port ?? settings.port;
  // The playground sends requests without a token, so in that mode the endpoint is reachable from this machine only.
  const host = options.host ?? (settings.mode === 'playground' ? '127.0.0.1' : undefined);
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  log.info({ port: address.port, mode: settings.mode, triage: publisher !== undefined }, 'teams endpoint listening');
  if (settings.mode === 'playground') {
    log.warn('teams playground mode: requests without a token are accepted (local development only)');
  }
  return {
    url: `http://${host ?? 'localhost'}:${address.port}${TEAMS_ROUTE}`,
    ...(publisher !== undefined && { publisher }),
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await conversation.close();
    },
  };
}

type RequestDeps = {
  adapter: CloudAdapter;
  checkToken: ReturnType<typeof authorizeJWT>;
  handleTurn: (context: TurnContext) => Promise<void>;
  log: Logger;
};

async function handleRequest(req: IncomingMessage, res: ServerResponse, deps: RequestDeps): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (path !== TEAMS_ROUTE) {
    res.writeHead(404).end();
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const read = await readJson(req);
  if (read.kind === 'too-large') {
    deps.log.warn({ limit: BODY_LIMIT_BYTES }, 'teams request over the size limit');
    res.writeHead(413).end();
    return;
  }
  if (read.kind === 'invalid' || typeof read.body.type !== 'string' || read.body.type === '') {
    deps.log.warn(
      { reason: read.kind === 'invalid' ? 'not a JSON object' : 'no activity type' },
      'teams request refused',
    );
    res.writeHead(400).end();
    return;
  }
  const body = read.body;
  const request: Request = { body, headers: req.headers, method: req.method };
  const response = webResponse(res);
  let isAuthorised = false;
  let checked: unknown;
  try {
    checked = await withinTime(
      deps.checkToken(request, response, (error?: unknown) => {
        if (error) throw error;
        isAuthorised = true;
      }),
      KEY_CHECK_TIMEOUT_MS,
    );
  } catch (error) {
    if (res.headersSent) return;
    // A fault inside the check (not a bad token, which it answers 401 itself): most often the key endpoint is down.
    deps.log.error(
      { err: loggableError(error), code: errorCode(error) },
      'teams token check failed: could not verify the token',
    );
    res.writeHead(503, { 'retry-after': '5' }).end();
    return;
  }
  if (checked === 'timeout') {
    // The Bot Framework signing keys could not be fetched in time: refuse now rather than hold Teams' request.
    deps.log.error(
      { timeoutMs: KEY_CHECK_TIMEOUT_MS },
      'teams token check timed out: Bot Framework key endpoint unreachable',
    );
    if (!res.headersSent) res.writeHead(503, { 'retry-after': '5' });
    if (!res.writableEnded) res.end();
    return;
  }
  if (!isAuthorised || res.writableEnded) {
    deps.log.warn({ status: res.statusCode }, 'teams request refused');
    return;
  }
  await deps.adapter.process(request, response, deps.handleTurn);
}

type ReadBody = { kind: 'ok'; body: Record<string, unknown> } | { kind: 'too-large' } | { kind: 'invalid' };

/** Reads the whole body (past the limit it is drained, not kept, so the connection stays usable for the next request). */
async function readJson(req: IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= BODY_LIMIT_BYTES) chunks.push(buffer);
  }
  if (size > BODY_LIMIT_BYTES) return { kind: 'too-large' };
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? { kind: 'ok', body: parsed as Record<string, unknown> }
      : { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
}

async function withinTime<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The small response surface the SDK writes to; `send` finishes the response, as Express's does. */
function webResponse(res: ServerResponse): WebResponse {
  const response: WebResponse = {
    status(code) {
      res.statusCode = code;
      return response;
    },
    setHeader(name, value) {
      res.setHeader(name, value);
      return response;
    },
    send(body) {
      if (res.writableEnded) return response;
      if (body === undefined || body === null) {
        res.end();
      } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
        res.end(body);
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      }
      return response;
    },
    end() {
      if (!res.writableEnded) res.end();
      return response;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return response;
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
