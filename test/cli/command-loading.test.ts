import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../src/cli/main.js';
import { runSkillsDesk } from '../helpers/run-cli.js';

describe('which commands a run loads', () => {
  it('loads only the command named, and every command for help or no command', () => {
    expect(commandsFor(['ask', 'what is the levy']).map((command) => command.names[0])).toEqual(['ask']);
    expect(commandsFor(['coinvestment', '--price', '9000']).map((command) => command.names[0])).toEqual(['levy']);
    expect(commandsFor(['gaps']).map((command) => command.names[0])).toEqual(['enquiries']);
    expect(commandsFor(['--help'])).toHaveLength(6);
    expect(commandsFor([])).toHaveLength(6);
    expect(commandsFor(['no-such-command'])).toHaveLength(6);
  });

  it('still names an unknown command and lists every command in help', async () => {
    const unknown = await runSkillsDesk(['no-such-command']);
    expect(unknown.stderr).toContain("unknown command 'no-such-command'");
    const help = await runSkillsDesk(['--help']);
    for (const name of [
      'start',
      'ask',
      'eval',
      'knowledge',
      'levy',
      'eligibility',
      'co-investment',
      'enquiries',
      'report',
      'gaps',
    ]) {
      expect(help.stdout).toContain(`  ${name}`);
    }
  });
});
