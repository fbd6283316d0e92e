/** The words that open a card in a personal chat; teams/manifest.json lists the same commands (a test compares). */
export const TEAMS_COMMANDS = [
  { title: 'levy', description: 'Work out an employer’s apprenticeship levy' },
  { title: 'eligibility', description: 'Check apprenticeship funding eligibility' },
  { title: 'enquiry', description: 'Log an employer enquiry for the team' },
  { title: 'help', description: 'What Skills Desk can do' },
] as const;

export type TeamsCommand = (typeof TEAMS_COMMANDS)[number]['title'];

/** The scopes the bot is installed in (manifest `bots[0].scopes`). */
export const TEAMS_SCOPES = ['personal', 'team', 'groupChat'] as const;

/** The command a personal-chat message names, if it is exactly one of them. */
export function commandOf(text: string): TeamsCommand | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!?]$/, '');
  return TEAMS_COMMANDS.find((command) => command.title === word)?.title;
}
