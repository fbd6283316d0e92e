import { createInterface } from 'node:readline';
import type { Answer, Turn } from '../answer/answer.js';
import type { Core } from '../core.js';
import { IsoDate } from '../knowledge/article-schema.js';
import { createCoreQuestionLog } from '../reports/question-log.js';
import { recordQuestion } from '../reports/record-question.js';
import type { CliContext } from './cli-context.js';
import { renderAnswerText } from './render-answer-text.js';
import { logEnquiryFromTerminal } from './terminal-log-enquiry.js';

const COMMANDS = '/as-of YYYY-MM-DD, /as-of today, /log, /new, /help, /quit';

const HELP = `Ask about apprenticeships and the levy, the London Living Wage, Hackney 100 or S106 employment and skills.
Commands: /as-of YYYY-MM-DD (answer as of a date), /as-of today, /log (log an employer enquiry for the team), /new (start a new conversation), /help, /quit`;

/** What the terminal offers after an answer: only what `/log` can do. */
function offerFor(answer: Answer): string {
  if (answer.contact?.logEnquiry || answer.enquirySuggested) return '\nType /log to log it as an employer enquiry.';
  if (answer.kind === 'decline') return '\nType /log to pass it to the Employment & Skills team as an enquiry.';
  return '';
}

/**
 * The embedded default: a chat on the terminal. With a TTY it prompts; otherwise it reads questions line by line
 * (so `echo "What is the levy allowance?" | npm start` prints an answer) and ends at end of input.
 */
export async function runTerminalChat(
  core: Core,
  context: Pick<CliContext, 'stdin' | 'stdout'> & Partial<Pick<CliContext, 'env'>>,
): Promise<void> {
  const interactive = context.stdin.isTTY === true;
  const reader = createInterface({ input: context.stdin, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const write = (text: string) => context.stdout.write(text);
  const nextLine = async () => {
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };
  const prompt = async (question: string) => {
    write(question);
    const line = await nextLine();
    if (!interactive) write('\n');
    return line?.trim();
  };
  let history: Turn[] = [];
  let asOf: string | undefined;
  let lastQuestion: string | undefined;
  const questions = createCoreQuestionLog(core);

  if (interactive) write(`Skills Desk — ${HELP}\n\nYou: `);
  for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
    const question = line.trim();
    if (question === '/quit' || question === '/exit') break;
    if (question === '') {
      if (interactive) write('You: ');
      continue;
    }
    const command = /^\/(\S*)/.exec(question)?.[1];
    if (command === 'new') {
      history = [];
      write('Started a new conversation.\n');
    } else if (command === 'help') {
      write(`${HELP}\n`);
    } else if (command === 'log') {
      await logEnquiryFromTerminal(core, prompt, write, lastQuestion, context.env?.USER ?? 'terminal');
    } else if (command === 'as-of') {
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
    } else if (command !== undefined) {
      write(`Unknown command /${command}. Commands: ${COMMANDS}\n`);
    } else {
      const answer = await core.answerer.answer({ question, history, ...(asOf !== undefined && { asOf }) });
      write(`${interactive ? '\nSkills Desk: ' : ''}${renderAnswerText(answer)}${offerFor(answer)}\n\n`);
      await recordQuestion(questions, { platform: 'cli', question, answer }, core.log);
      lastQuestion = question;
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
