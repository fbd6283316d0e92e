import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { type Conversation, createCoreConversation } from '../conversation/index.js';
import type { Core } from '../core.js';
import type { TriagePublisher } from '../enquiries/enquiry-queue.js';
import { installProcessGuards } from '../process-guards.js';
import { createAudienceCheck } from './audience.js';
import { createBoltLogger } from './bolt-logger.js';
import { registerCalculatorHandlers } from './calculators/index.js';
import { createOfficerCheck, createSlackTriagePublisher, registerEnquiryHandlers } from './enquiries/index.js';
import { createGuardedServer } from './guarded-server.js';
import { createInstalledTeam } from './installed-workspace.js';
import { createListenerRouter } from './listener-router.js';
import { registerAnswerActions } from './on-answer-actions.js';
import { registerAppHomeMessagesTab } from './on-app-home.js';
import { registerSkillsCommand } from './on-command.js';
import { registerFeedbackHandlers } from './on-feedback.js';
import { registerMessageHandlers } from './on-message.js';
import { registerReportHandlers } from './reports/index.js';
import type { SlackAppContext } from './slack-app-context.js';
import type { SlackFeatureDeps, SlackSettings } from './slack-deps.js';
import { slackErrorCode } from './slack-error.js';

export type SlackAppOptions = {
  /** Known bot ids skip Bolt's `auth.test` call at start-up (tests, benchmarks). */
  botId?: string;
  botUserId?: string;
  /** The installing workspace, when known, skips the `auth.test` call that otherwise finds it (tests, benchmarks). */
  teamId?: string;
  /** Web API retries for tests and benchmarks (production uses SLACK_API_RETRIES). */
  webApiRetries?: number;
  /** HTTP mode: where to listen (defaults to PORT on every interface). */
  port?: number;
  host?: string;
  /** How long an answer may take before "is looking this up…" is shown (default 300 ms). */
  statusDelayMs?: number;
  /** The shared conversation flow; built from the core when not given. */
  conversation?: Conversation;
};

export type SlackApp = {
  app: App;
  /** Every event, action id, callback id and command the app routes (one Bolt listener per kind). */
  routes(): ReturnType<ReturnType<typeof createListenerRouter>['routes']>;
  publisher?: TriagePublisher;
  /** Starts the receiver; in HTTP mode resolves with the port it listens on. */
  start(): Promise<{ port?: number }>;
  /** Closes the receiver (HTTP server or socket). */
  stop(): Promise<void>;
};

/**
 * Web API retries in production: a few, over at most a minute. The client's default (ten retries over about 30
 * minutes) outlasts the triage post's 120-second lease, so a second replica could post the same enquiry again.
 */
export const SLACK_API_RETRIES = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 15_000, maxRetryTime: 60_000 };

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
const STATUS_DELAY_MS = 300;

/** Builds the Slack app: Socket Mode with SLACK_APP_TOKEN, otherwise the signed HTTP receiver on PORT. */
export function createSlackApp(core: Core, settings: SlackSettings, options: SlackAppOptions = {}): SlackApp {
  const log = core.log.child({ module: 'slack' });
  const logger = createBoltLogger(log.child({ component: 'bolt' }));
  const clientOptions = {
    ...(settings.apiUrl !== undefined && { slackApiUrl: settings.apiUrl }),
    retryConfig: options.webApiRetries !== undefined ? { retries: options.webApiRetries } : SLACK_API_RETRIES,
  };
  const customRoutes = [
    {
      path: HEALTH_PATH,
      method: ['GET'],
      handler: (_request: unknown, response: import('node:http').ServerResponse) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'ok', slack: settings.mode }));
      },
    },
  ];
  const common = {
    logger,
    clientOptions,
    // Nothing reads Bolt's per-conversation state; without its store no lookup (and no thrown "not found") per event.
    convoStore: false as const,
    ...(options.botId !== undefined && { botId: options.botId }),
    ...(options.botUserId !== undefined && { botUserId: options.botUserId }),
  };

  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (settings.mode === 'socket' && settings.appToken) {
    app = new App({
      token: settings.botToken,
      appToken: settings.appToken,
      socketMode: true,
      customRoutes,
      installerOptions: { port: options.port ?? settings.port },
      ...common,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: EVENTS_PATH,
      customRoutes,
      logger,
    });
    app = new App({ token: settings.botToken, receiver, ...common });
  }

  app.error(async (error) => {
    // The last stop for anything a listener did not handle itself: log it and keep serving.
    log.error({ err: error, code: slackErrorCode(error) }, 'Slack listener failed');
  });

  const isOfficer = createOfficerCheck(settings, app.client);
  const publisher = createSlackTriagePublisher(app.client, { settings, log });
  const deps: SlackFeatureDeps = {
    core,
    settings,
    log,
    isOfficer,
    installedTeam: createInstalledTeam({
      client: app.client,
      log,
      ...(options.teamId !== undefined && { known: options.teamId }),
    }),
    // A triage change is shown through the queue's delivery (which records what each post shows), so the next
    // delivery round does not update the same post again.
    ...(publisher !== undefined && {
      deliverTriagePosts: async () => {
        await core.enquiries.deliver([publisher]);
      },
    }),
  };
  const conversation = options.conversation ?? createCoreConversation(core);
  const ctx: SlackAppContext = {
    ...deps,
    conversation,
    audienceOf: createAudienceCheck({ client: app.client, log, now: core.now }),
    now: core.now,
    statusDelayMs: options.statusDelayMs ?? STATUS_DELAY_MS,
  };

  // Features register on the router; Bolt gets one listener per kind of interaction.
  const router = createListenerRouter(app, log);
  registerMessageHandlers(router.app, ctx);
  registerAppHomeMessagesTab(router.app, ctx);
  registerFeedbackHandlers(router.app, ctx);
  registerSkillsCommand(router.app, ctx);
  registerAnswerActions(router.app, ctx);
  registerEnquiryHandlers(router.app, deps);
  registerCalculatorHandlers(router.app, deps);
  registerReportHandlers(router.app, deps);
  router.install();
  let server: Server | undefined;

  return {
    app,
    routes: () => router.routes(),
    ...(publisher !== undefined && { publisher }),
    async start() {
      installProcessGuards(log);
      if (!receiver) {
        await app.start();
        log.info({ mode: 'socket' }, 'Slack app connected (Socket Mode)');
        return {};
      }
      const boltListener = receiver.requestListener;
      const listening = createGuardedServer(
        (req, res) => {
          try {
            boltListener(req, res);
          } catch (error) {
            // Bolt throws for a path it does not serve.
            log.debug({ err: error, path: req.url }, 'Slack receiver refused a request');
            if (!res.headersSent) res.writeHead(404);
            res.end();
          }
        },
        { log, now: core.now },
      );
      server = listening;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(options.port ?? settings.port, options.host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      const port = (listening.address() as AddressInfo).port;
      log.info({ mode: 'http', port, path: EVENTS_PATH }, 'Slack app listening');
      return { port };
    },
    async stop() {
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => {
          closing.close(() => resolve());
          closing.closeAllConnections();
        });
        server = undefined;
      } else if (!receiver) {
        await app.stop();
      }
      if (!options.conversation) await conversation.close();
      log.info('Slack app stopped');
    },
  };
}
