import type { Turn } from '../answer/answer.js';

/** How many earlier turns of a thread or chat are passed to the engine, on every platform. */
export const HISTORY_TURNS = 10;

/** The last HISTORY_TURNS turns, oldest first, without empty ones. */
export function lastTurns(turns: readonly Turn[]): Turn[] {
  return turns.filter((turn) => turn.text.trim() !== '').slice(-HISTORY_TURNS);
}
