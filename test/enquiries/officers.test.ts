import { describe, expect, it } from 'vitest';
import { officerIdsFromEnv } from '../../src/enquiries/officers.js';

describe('officerIdsFromEnv', () => {
  it('reads Slack and Teams officer ids together, without Slack or Teams being configured', () => {
    expect(
      officerIdsFromEnv({ SLACK_OFFICER_IDS: ' U0ANA, U0BO ,,', TEAMS_OFFICER_IDS: '29:1abc-def, 8f2c1d9e-aad-id' }),
    ).toEqual(['U0ANA', 'U0BO', '29:1abc-def', '8f2c1d9e-aad-id']);
    expect(officerIdsFromEnv({})).toEqual([]);
  });

  it('rejects a list that is not comma-separated ids', () => {
    expect(() => officerIdsFromEnv({ SLACK_OFFICER_IDS: 'U0ANA U0BO' })).toThrow(/comma-separated user ids/);
  });
});
