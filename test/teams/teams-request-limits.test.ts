import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  createSigningKey,
  isolateNetwork,
  KEYS_PATH,
  KEYS_URL,
  postActivity,
  recordingAnswerer,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();
const answer = (): Answer => ({
  kind: 'answer',
  text: 'The London Living Wage is £14.80 an hour.',
  citations: [],
  enquirySuggested: false,
  mode: 'extractive',
  asOf: '2026-11-23',
  figures: [],
});

let teams: TestTeams | undefined;

beforeEach(isolateNetwork);

afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

/** POSTs on one kept-alive connection, reporting whether the socket was reused. */
function postOn(agent: Agent, url: string, body: string | Buffer) {
  return new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function logged(lines: string[], message: string): Record<string, unknown> | undefined {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line['msg'] === message);
}

describe('Teams endpoint request limits', () => {
  it('answers an activity without a type with 400, not 500', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(answer).answerer });
    const { type: _type, ...untyped } = teamsActivity({ text: 'What is the LLW?' });

    for (const body of [untyped, { ...untyped, type: '' }, { ...untyped, type: 42 }]) {
      const response = await postActivity(teams.transport.url, body, signingKey.sign({}));
      expect(response.status).toBe(400);
    }
  });

  it('answers a body over the limit with 413 and serves the next request on the same connection', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(answer).answerer });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const huge = JSON.stringify(teamsActivity({ text: 'x'.repeat(1_100_000) }));
      const first = await postOn(agent, teams.transport.url, huge);
      const next = await postOn(agent, teams.transport.url, JSON.stringify(teamsActivity({ text: 'hello' })));

      expect(first.status).toBe(413);
      // No token: refused by the check, which shows the request was read and served normally.
      expect(next).toEqual({ status: 401, reused: true });
    } finally {
      agent.destroy();
    }
  });

  const unreachable = [
    {
      how: 'refuses connections',
      serve: () =>
        nock(KEYS_URL).get(KEYS_PATH).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }),
    },
    // Accepts the connection and never answers in time.
    { how: 'does not answer', serve: () => nock(KEYS_URL).get(KEYS_PATH).delayConnection(30_000).reply(200, {}) },
  ];
  for (const { how, serve } of unreachable) {
    it(`refuses with 503 within 5 seconds, saying why, when the Bot Framework key endpoint ${how}`, async () => {
      const lines: string[] = [];
      teams = await startTestTeams({ answerer: recordingAnswerer(answer).answerer, logLines: lines });
      serve();
      const started = Date.now();

      const response = await postActivity(teams.transport.url, teamsActivity({ text: 'hi' }), signingKey.sign({}));

      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
      const why =
        logged(lines, 'teams token check timed out: Bot Framework key endpoint unreachable') ??
        logged(lines, 'teams token check failed: could not verify the token');
      expect(why).toBeDefined();
    }, 10_000);
  }
});

describe('Teams playground mode', () => {
  it('listens on 127.0.0.1 only', async () => {
    teams = await startTestTeams({
      answerer: recordingAnswerer(answer).answerer,
      defaultHost: true,
      env: { TEAMS_APP_ID: '', TEAMS_APP_PASSWORD: '', TEAMS_TENANT_ID: '', TEAMS_PLAYGROUND: 'true' },
    });
    const url = new URL(teams.transport.url);

    expect(url.hostname).toBe('127.0.0.1');
    expect((await fetch(new URL('/health', url))).status).toBe(200);
    // Another address of this machine is not listened on.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    if (external !== undefined) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: external, port: Number(url.port) });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome).toBe('ECONNREFUSED');
    }
  });
});
