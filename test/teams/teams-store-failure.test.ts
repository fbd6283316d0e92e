import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SORRY } from '../../src/teams/on-turn.js';
import { withFailingWrites } from '../conversation/failing-store.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
  citation,
  createSigningKey,
  isolateNetwork,
  postActivity,
  recordingAnswerer,
  serveAppToken,
  serveKeys,
  serveStaffMemberEverywhere,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();
let teams: TestTeams | undefined;

beforeEach(isolateNetwork);
afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

describe('Teams questions when the store cannot be written', () => {
  it('answers once, with no apology after the answer, when every write fails; a redelivery is not answered again', async () => {
    const engine = recordingAnswerer(() => ({
      kind: 'answer',
      text: 'The London Living Wage is £14.80 an hour [1].',
      citations: [citation(1)],
      enquirySuggested: false,
      mode: 'extractive',
      asOf: '2026-11-23',
      figures: [],
    }));
    let store: ReturnType<typeof withFailingWrites> | undefined;
    teams = await startTestTeams({
      answerer: engine.answerer,
      wrapStore: (opened) => {
        store = withFailingWrites(opened);
        return store;
      },
    });
    serveKeys(signingKey.keySet);
    serveAppToken();
    serveStaffMemberEverywhere();
    const activity = teamsActivity({ text: 'What is the London Living Wage?' });
    const conversationId = (activity.conversation as { id: string }).id;
    // Room for an apology or a second answer, so either would be seen.
    const replies = captureReplies(conversationId, { times: 5 });

    const first = await postActivity(teams.transport.url, activity, signingKey.sign({}));
    expect(first.status).toBe(200);
    const again = await postActivity(teams.transport.url, activity, signingKey.sign({}));
    expect(again.status).toBe(200);

    expect(store?.writes).toBeGreaterThan(0);
    const messages = replies.sent.filter((sent) => sent.type === 'message');
    expect(messages.map((sent) => sent.text)).toEqual(['The London Living Wage is £14.80 an hour [1].']);
    expect(messages.map((sent) => sent.text)).not.toContain(SORRY);
    expect(engine.requests).toHaveLength(1);
  });
});
