/** One exchange of a thread, as the engine is given it: the person's message, then the answer it got. */
export const turn = (question: string, answer: string) => [
  { role: 'user' as const, text: question },
  { role: 'assistant' as const, text: answer },
];
