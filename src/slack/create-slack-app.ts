import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import type { Core } from '../core.js';
import type { TriagePublisher } from '../enquiries/enquiry-queue.js';
import { errorCode } from '../errors.js';
import { createAnswerRecords } from './answer-records.js';
import { createAudienceCheck } from './audience.js';
import { createBoltLogger } from './bolt-logger.js';
import { registerCalculatorHandlers } from './calculators/index.js';
import { createOfficerCheck, createSlackTriagePublisher, registerEnquiryHandlers } from './enquiries/index.js';
import { createEventClaims } from './event-claims.js';
import { registerAppHomeMessagesTab } from './on-app-home.js';
import { registerSkillsCommand } from './on-command.js';
import { registerFeedbackHandlers } from './on-feedback.js';
import { registerMessageHandlers } from './on-message.js';
import { createRateLimiter } from './rate-limiter.js';
import type { SlackAppContext } from './slack-app-context.js';
import type { SlackFeatureDeps, SlackSettings } from './slack-deps.js';

export type SlackAppOptions = {
  /** Known bot ids skip Bolt's `auth.test` call at start-up (tests, benchmarks). */
  botId?: string;
  botUserId?: string;
  /** Web API retries; Slack's client retries for a long time by default, which tests and benchmarks do not want. */
  webApiRetries?: number;
  /** HTTP mode: where to listen (defaults to PORT on every interface). */
  port?: number;
  host?: string;
  /** How long an answer may take before "is looking this up…" is shown (default 300 ms). */
  statusDelayMs?: number;
};

export type SlackApp = {
  app: App;
  publisher?: TriagePublisher;
  /** Starts the receiver; in HTTP mode resolves with the port it listens on. */
  start(): Promise<{ port?: number }>;
  /** Closes the receiver (HTTP server or socket). */
  stop(): Promise<void>;
};

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
const STATUS_DELAY_MS = 300;

/** Builds the Slack app: Socket Mode with SLACK_APP_TOKEN, otherwise the signed HTTP receiver on PORT. */
export function createSlackApp(core: Core, settings: SlackSettings, options: SlackAppOptions = {}): SlackApp {
  const log = core.log.child({ module: 'slack' });
  const logger = createBoltLogger(log.child({ component: 'bolt' }));
  const clientOptions = {
    ...(settings.apiUrl !== undefined && { slackApiUrl: settings.apiUrl }),
    ...(options.webApiRetries !== undefined && { retryConfig: { retries: options.webApiRetries } }),
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
  const bots = {
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
      logger,
      clientOptions,
      ...bots,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: EVENTS_PATH,
      customRoutes,
      logger,
    });
    app = new App({ token: settings.botToken, receiver, logger, clientOptions, ...bots });
  }

  app.error(async (error) => {
    // The last stop for anything a listener did not handle itself: log it and keep serving.
    log.error({ err: error, code: error.code ?? errorCode(error) }, 'Slack listener failed');
  });

  const isOfficer = createOfficerCheck(settings, app.client);
  const deps: SlackFeatureDeps = { core, settings, log, isOfficer };
  const ctx: SlackAppContext = {
    ...deps,
    records: createAnswerRecords(core.store),
    events: createEventClaims(core.store, log),
    rateLimiter: createRateLimiter({ limitPerMinute: settings.rateLimitPerMinute, now: core.now }),
    audienceOf: createAudienceCheck({ client: app.client, log, now: core.now }),
    now: core.now,
    statusDelayMs: options.statusDelayMs ?? STATUS_DELAY_MS,
  };

  registerMessageHandlers(app, ctx);
  registerAppHomeMessagesTab(app, ctx);
  registerFeedbackHandlers(app, ctx);
  registerSkillsCommand(app, ctx);
  registerEnquiryHandlers(app, deps);
  registerCalculatorHandlers(app, deps);
  const publisher = createSlackTriagePublisher(app.client, deps);

  return {
    app,
    ...(publisher !== undefined && { publisher }),
    async start() {
      if (!receiver) {
        await app.start();
        log.info({ mode: 'socket' }, 'Slack app connected (Socket Mode)');
        return {};
      }
      const server = await receiver.start({
        port: options.port ?? settings.port,
        ...(options.host && { host: options.host }),
      });
      const port = (server.address() as AddressInfo).port;
      log.info({ mode: 'http', port, path: EVENTS_PATH }, 'Slack app listening');
      return { port };
    },
    async stop() {
      await app.stop();
      log.info('Slack app stopped');
    },
  };
}
