import { createInterface } from 'node:readline';
import type { Turn } from '../answer/answer.js';
import type { Core } from '../core.js';
import { IsoDate } from '../knowledge/article-schema.js';
import type { CliContext } from './cli-context.js';
import { renderAnswerText } from './render-answer-text.js';

const HELP = `Ask about apprenticeships and the levy, the London Living Wage, Hackney 100 or S106 employment and skills.
Commands: /as-of YYYY-MM-DD (answer as of a date), /as-of today, /new (start a new conversation), /quit`;

/**
 * The embedded default: a chat on the terminal. With a TTY it prompts; otherwise it reads questions line by line
 * (so `echo "What is the levy allowance?" | npm start` prints an answer) and ends at end of input.
 */
export async function runTerminalChat(core: Core, context: Pick<CliContext, 'stdin' | 'stdout'>): Promise<void> {
  const interactive = context.stdin.isTTY === true;
  const reader = createInterface({ input: context.stdin, terminal: false });
  const write = (text: string) => context.stdout.write(text);
  let history: Turn[] = [];
  let asOf: string | undefined;

  if (interactive) write(`Skills Desk — ${HELP}\n\nYou: `);
  for await (const line of reader) {
    const question = line.trim();
    if (question === '/quit' || question === '/exit') break;
    if (question === '') {
      if (interactive) write('You: ');
      continue;
    }
    if (question === '/new') {
      history = [];
      write('Started a new conversation.\n');
    } else if (question === '/help') {
      write(`${HELP}\n`);
    } else if (question.startsWith('/as-of')) {
      const value = question.slice('/as-of'.length).trim();
      const parsed = IsoDate.safeParse(value);
      if (value === 'today') {
        asOf = undefined;
        write('Answering as of today.\n');
      } else if (parsed.success) {
        asOf = parsed.data;
        write(`Answering as of ${parsed.data}.\n`);
      } else {
        write('Give the date as YYYY-MM-DD, e.g. /as-of 2018-06-01\n');
      }
    } else {
      const answer = await core.answerer.answer({ question, history, ...(asOf !== undefined && { asOf }) });
      write(`${interactive ? '\nSkills Desk: ' : ''}${renderAnswerText(answer)}\n\n`);
      history = [
        ...history,
        { role: 'user' as const, text: question },
        { role: 'assistant' as const, text: answer.text },
      ].slice(-8);
    }
    if (interactive) write('You: ');
  }
  reader.close();
}
