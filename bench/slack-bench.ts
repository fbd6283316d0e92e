// Events per second through the Slack HTTP receiver: the real app (with a fixed answer, so the figure is the Slack
// layer's own cost: signature check, de-duplication, audience check, status, rendering, storage) against a bare Bolt
// app that answers the same signed app_mention events with fixed text. Loopback only; the Web API is a local stub.
// Run alone: `npx tsx bench/slack-bench.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, HTTPReceiver, LogLevel, type types } from '@slack/bolt';
import type { Answer } from '../src/answer/answer.js';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/create-slack-app.js';
import type { SlackSettings } from '../src/slack/slack-deps.js';
import { signSlackRequest } from '../test/helpers/sign-slack-request.js';

const SIGNING_SECRET = 'bench-signing-secret';
const TEAM_ID = 'T0BENCH';
/** Long rounds, so that a 10% difference stands out of the noise of a shared machine (override for a quick look). */
const EVENTS = Number(process.env.BENCH_SLACK_EVENTS ?? 4000);
const WARM_UP = 100;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 10);

const FIXED_ANSWER: Answer = {
  kind: 'answer',
  text: 'The **apprenticeship levy** is 0.5% of an employer’s annual pay bill [1].',
  citations: [
    {
      n: 1,
      sectionId: 'levy#overview',
      articleId: 'levy',
      title: 'Apprenticeship levy',
      heading: 'Overview',
      snippet: 'The levy is 0.5% of an employer’s annual pay bill.',
      url: 'https://www.gov.uk/guidance/pay-apprenticeship-levy',
      sourceTitle: 'GOV.UK',
      reviewed: '2026-10-01',
      reviewBy: '2027-04-01',
      isDueForReview: false,
    },
  ],
  enquirySuggested: false,
  mode: 'extractive',
  asOf: '2026-11-23',
  figures: [],
};

type WebApiStub = {
  url: string;
  server: Server;
  /** The text and blocks of the last chat.postMessage, so the bare app can post exactly what Skills Desk posts. */
  lastPost: { text: string; blocks?: unknown[] } | undefined;
  waitForPosts(count: number): Promise<void>;
  close(): Promise<void>;
};

/** Answers every Web API method with `ok: true`, counting chat.postMessage calls. */
async function startWebApiStub(): Promise<WebApiStub> {
  let posts = 0;
  let waiter: { count: number; resolve: () => void } | undefined;
  let lastPost: WebApiStub['lastPost'];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0];
      let body: Record<string, unknown> = { ok: true };
      if (method === 'chat.postMessage') {
        posts += 1;
        if (lastPost === undefined) lastPost = postedMessage(Buffer.concat(chunks).toString('utf8'));
        body = { ok: true, ts: `${Math.floor(Date.now() / 1000)}.${String(posts).padStart(6, '0')}` };
      } else if (method === 'users.info') {
        body = { ok: true, user: { team_id: TEAM_ID, is_restricted: false } };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
      if (waiter && posts >= waiter.count) {
        const done = waiter;
        waiter = undefined;
        done.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    server,
    get lastPost() {
      return lastPost;
    },
    waitForPosts(count) {
      if (posts >= count) return Promise.resolve();
      return new Promise((resolve) => {
        waiter = { count, resolve };
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The Web API client posts form fields, with blocks as a JSON string. */
function postedMessage(form: string): { text: string; blocks?: unknown[] } {
  const fields = new URLSearchParams(form);
  const blocks = fields.get('blocks');
  return { text: fields.get('text') ?? '', ...(blocks !== null && { blocks: JSON.parse(blocks) as unknown[] }) };
}

let sequence = 0;
function mentionEvent(): string {
  sequence += 1;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
  return JSON.stringify({
    type: 'event_callback',
    team_id: TEAM_ID,
    api_app_id: 'A0BENCH',
    event_id: `EvBench${process.pid}x${sequence}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_mention',
      channel: 'C0BENCH',
      // A pool of people, each well within the per-person rate limit.
      user: `U0BENCH${sequence % 25}`,
      text: '<@U0BOT> Who pays the apprenticeship levy?',
      ts,
    },
  });
}

/** Sends `count` signed events with bounded concurrency; resolves with the seconds until the stub saw every reply. */
async function drive(target: Target, count: number): Promise<number> {
  const started = performance.now();
  const expectedPosts = target.posted + count;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const body = mentionEvent();
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signSlackRequest(body, SIGNING_SECRET) },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`receiver answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await target.stub.waitForPosts(expectedPosts);
  target.posted = expectedPosts;
  return (performance.now() - started) / 1000;
}

type Target = { url: string; stub: WebApiStub; posted: number; stop(): Promise<void> };

async function startBare(message: { text: string; blocks?: unknown[] }): Promise<Target> {
  const stub = await startWebApiStub();
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    token: 'xoxb-bench',
    receiver,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: stub.url, retryConfig: { retries: 0 } },
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.ts,
      text: message.text,
      ...(message.blocks !== undefined && { blocks: message.blocks as types.KnownBlock[] }),
    });
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stub,
    posted: 0,
    async stop() {
      await app.stop();
      await stub.close();
    },
  };
}

async function startReal(): Promise<Target> {
  const stub = await startWebApiStub();
  const dir = mkdtempSync(join(tmpdir(), 'skills-desk-slack-bench-'));
  const config = loadConfig({
    STORE_URL: process.env.BENCH_STORE_URL ?? `sqlite://${join(dir, 'bench.sqlite')}`,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.url,
    SLACK_RATE_LIMIT_PER_MINUTE: '600',
    LOG_LEVEL: 'silent',
  });
  const log = createLogger({ level: 'silent' });
  const base = await createCore(config, log, {
    knowledge: { articles: new Map(), facts: new Map(), sections: [], version: 'bench' },
  });
  const core = { ...base, answerer: { answer: async () => FIXED_ANSWER } };
  const slack = createSlackApp(core, config.slack as SlackSettings, {
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    webApiRetries: 0,
    port: 0,
    host: '127.0.0.1',
  });
  const { port } = await slack.start();
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    stub,
    posted: 0,
    async stop() {
      await slack.stop();
      await core.close();
      await stub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Both apps run side by side and take turns, round by round (bare first in even rounds, Skills Desk first in odd
 * ones), so a busy machine slows both alike. The bare app posts the very text and blocks Skills Desk posted. The
 * ratio is Skills Desk / bare Bolt over all rounds (target ≥ 0.9); the per-round ratios show the spread.
 */
export async function runSlackBench(): Promise<Record<string, number | number[]>> {
  const real = await startReal();
  await drive(real, WARM_UP);
  const message = real.stub.lastPost;
  if (message === undefined) throw new Error('Skills Desk posted nothing during the warm-up');
  const bare = await startBare(message);
  try {
    await drive(bare, WARM_UP);
    let bareSeconds = 0;
    let realSeconds = 0;
    const roundRatios: number[] = [];
    const perRound = Math.round(EVENTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round += 1) {
      let bareTime: number;
      let realTime: number;
      if (round % 2 === 0) {
        bareTime = await drive(bare, perRound);
        realTime = await drive(real, perRound);
      } else {
        realTime = await drive(real, perRound);
        bareTime = await drive(bare, perRound);
      }
      bareSeconds += bareTime;
      realSeconds += realTime;
      roundRatios.push(Number((bareTime / realTime).toFixed(2)));
    }
    const bareRate = (perRound * ROUNDS) / bareSeconds;
    const realRate = (perRound * ROUNDS) / realSeconds;
    return {
      events: perRound * ROUNDS,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      bareBoltEventsPerSecond: Math.round(bareRate),
      skillsDeskEventsPerSecond: Math.round(realRate),
      ratio: Number((realRate / bareRate).toFixed(2)),
      roundRatios,
    };
  } finally {
    await bare.stop();
    await real.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await runSlackBench())}\n`);
}
