import type { Core } from '../core.js';

/** Asks one question on the terminal and resolves to the answer, or undefined at end of input. */
export type Prompt = (question: string) => Promise<string | undefined>;

/**
 * `/log` in the terminal chat: asks for the employer's details, one at a time, and logs the enquiry to the triage
 * queue. The description defaults to the last question asked. Problems are shown field by field; nothing is logged
 * until the queue accepts it.
 */
export async function logEnquiryFromTerminal(
  core: Pick<Core, 'enquiries'>,
  prompt: Prompt,
  write: (text: string) => void,
  lastQuestion: string | undefined,
  userId: string,
): Promise<void> {
  write('Logging an employer enquiry for the employer engagement officer (leave a line empty to skip it).\n');
  const organisation = await prompt('Organisation: ');
  const contactName = await prompt('Contact name: ');
  const email = await prompt('Email: ');
  const phone = await prompt('Phone: ');
  const description =
    (await prompt(lastQuestion ? `What they asked [${lastQuestion.slice(0, 60)}]: ` : 'What they asked: ')) ||
    lastQuestion;
  if (organisation === undefined) {
    write('Not logged: input ended.\n');
    return;
  }
  const result = await core.enquiries.log(
    {
      organisation,
      contactName,
      description,
      arrivedVia: 'staff',
      ...(email && { email }),
      ...(phone && { phone }),
    },
    { platform: 'cli', userId, isOfficer: false },
  );
  if (!result.ok) {
    write(`Not logged:\n${result.issues.map((issue) => `- ${issue.message}`).join('\n')}\nType /log to try again.\n`);
    return;
  }
  write(
    `Logged as ${result.enquiry.reference}: the employer engagement officer will pick it up from the triage queue.\n`,
  );
}
