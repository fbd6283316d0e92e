import type { TurnContext } from '@microsoft/agents-hosting';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, type Store } from '../../src/store/create-store.js';
import { createMemberLookup } from '../../src/teams/member-role.js';
import { captureLogLines } from '../helpers/capture-log.js';
import { tempSqliteUrl } from '../helpers/store-urls.js';

const CONNECTOR_KEY = Symbol('connector');

type Connector = { getConversationMember(userId: string, conversationId: string): Promise<unknown> };

/** A connector that answers with `member` (or fails), recording what it was asked. */
function connector(member: unknown | (() => never)) {
  const asked: [string, string][] = [];
  const client: Connector = {
    getConversationMember: async (userId, conversationId) => {
      asked.push([userId, conversationId]);
      return typeof member === 'function' ? (member as () => never)() : member;
    },
  };
  return { client, asked };
}

/** The parts of a turn the lookup reads: who sent it, where, and the turn's connector client. */
function turn(
  activity: { from?: { id?: string; aadObjectId?: string }; conversation?: { id?: string; tenantId?: string } },
  client: Connector | undefined,
): TurnContext {
  const state = new Map<symbol, unknown>(client ? [[CONNECTOR_KEY, client]] : []);
  return {
    activity: { id: 'act-1', ...activity },
    adapter: { ConnectorClientKey: CONNECTOR_KEY },
    turnState: { get: (key: symbol) => state.get(key) },
  } as unknown as TurnContext;
}

const alice = {
  from: { id: '29:alice', aadObjectId: 'aad-alice' },
  conversation: { id: 'a:conv;messageid=9', tenantId: 'tenant-1' },
};

describe('Teams member lookup (who is a guest)', () => {
  let store: Store | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await store?.close();
    store = undefined;
  });

  it('treats a message with no sender or no conversation as anonymous, without asking Teams', async () => {
    store = await createStore(tempSqliteUrl());
    const teams = connector({ userRole: 'user' });
    const memberOf = createMemberLookup(store, captureLogLines().log);
    expect(await memberOf(turn({ conversation: { id: 'c' } }, teams.client))).toEqual({ userRole: 'anonymous' });
    expect(await memberOf(turn({ from: { id: '29:x' } }, teams.client))).toEqual({ userRole: 'anonymous' });
    expect(await memberOf(turn({ from: {}, conversation: { id: 'c' } }, teams.client))).toEqual({
      userRole: 'anonymous',
    });
    expect(teams.asked).toEqual([]);
  });

  it('asks Teams for the sender in the conversation (without the message part of its id) and keeps the role', async () => {
    store = await createStore(tempSqliteUrl());
    const teams = connector({ id: '29:alice', userRole: 'guest', tenantId: 'tenant-1', name: 'Alice' });
    const memberOf = createMemberLookup(store, captureLogLines().log);
    expect(await memberOf(turn(alice, teams.client))).toEqual({ userRole: 'guest', tenantId: 'tenant-1' });
    expect(teams.asked).toEqual([['29:alice', 'a:conv']]);
  });

  it('remembers a person for a day across conversations of the tenant, then asks again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    store = await createStore(tempSqliteUrl());
    const teams = connector({ userRole: 'user' });
    const memberOf = createMemberLookup(store, captureLogLines().log);
    await memberOf(turn(alice, teams.client));
    // The same person (same Entra ID object) under another channel id: no new lookup.
    vi.setSystemTime(new Date('2026-11-24T09:59:59.000Z'));
    expect(
      await memberOf(turn({ ...alice, from: { id: '29:alice-other', aadObjectId: 'aad-alice' } }, teams.client)),
    ).toEqual({ userRole: 'user' });
    expect(teams.asked).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-24T10:00:01.000Z'));
    await memberOf(turn(alice, teams.client));
    expect(teams.asked).toHaveLength(2);
  });

  it('looks up each person and each tenant separately', async () => {
    store = await createStore(tempSqliteUrl());
    const teams = connector({ userRole: 'user' });
    const memberOf = createMemberLookup(store, captureLogLines().log);
    await memberOf(turn(alice, teams.client));
    await memberOf(turn({ ...alice, from: { id: '29:bob', aadObjectId: 'aad-bob' } }, teams.client));
    await memberOf(turn({ ...alice, conversation: { id: 'a:conv', tenantId: 'tenant-2' } }, teams.client));
    // Without an Entra ID object id the channel id names the person.
    await memberOf(turn({ from: { id: '29:carol' }, conversation: { id: 'a:conv' } }, teams.client));
    await memberOf(turn({ from: { id: '29:dan' }, conversation: { id: 'a:conv' } }, teams.client));
    expect(teams.asked).toHaveLength(5);
  });

  it('keeps no role when Teams answers with something it cannot read', async () => {
    store = await createStore(tempSqliteUrl());
    const memberOf = createMemberLookup(store, captureLogLines().log);
    expect(await memberOf(turn(alice, connector({ userRole: 42 }).client))).toEqual({});
  });

  it('keeps only the fields Teams gave', async () => {
    store = await createStore(tempSqliteUrl());
    const memberOf = createMemberLookup(store, captureLogLines().log);
    expect(await memberOf(turn(alice, connector({ tenantId: 'tenant-1' }).client))).toStrictEqual({
      tenantId: 'tenant-1',
    });
    expect(
      await memberOf(turn({ ...alice, from: { id: '29:bob' } }, connector({ userRole: 'user' }).client)),
    ).toStrictEqual({ userRole: 'user' });
  });

  it('treats the person as a guest when Teams cannot say, logs it, and asks again next time', async () => {
    store = await createStore(tempSqliteUrl());
    const captured = captureLogLines();
    const memberOf = createMemberLookup(store, captured.log);
    const failing = connector(() => {
      throw new Error('503 from the connector');
    });
    expect(await memberOf(turn(alice, failing.client))).toEqual({ userRole: 'guest' });
    expect(captured.lines).toMatchObject([{ level: 40, msg: 'teams member lookup failed', activityId: 'act-1' }]);
    expect(await memberOf(turn(alice, undefined))).toEqual({ userRole: 'guest' });
    expect(captured.lines).toHaveLength(2);
    expect(captured.lines[1]?.err).toMatchObject({ message: 'no connector client for this turn' });
    const working = connector({ userRole: 'user' });
    expect(await memberOf(turn(alice, working.client))).toEqual({ userRole: 'user' });
  });
});
