import { formatDate } from '../../knowledge/format.js';
import type { FigureReader } from '../shared/figure-reader.js';

/** English and maths, and off-the-job training, as the rules in force on the date set them. */
export function addTrainingNotes(reader: FigureReader, age: number, date: string, notes: string[]): void {
  const englishMaths = reader.readIfInForce('apprenticeship.english-maths-required-max-age', date);
  if (englishMaths) {
    notes.push(
      age <= englishMaths.value
        ? `English and maths: required, as they are ${englishMaths.value} or under at the start.`
        : `English and maths: optional for apprentices aged over ${englishMaths.value} at the start (from ${formatDate(englishMaths.from)}).`,
    );
  } else {
    const later = reader.next('apprenticeship.english-maths-required-max-age', date);
    if (later) {
      notes.push(
        `English and maths: required of every apprentice starting on this date (the age limit of ${later.value} applies from ${formatDate(later.from)}).`,
      );
    }
  }
  const otjHours = reader.readIfInForce('apprenticeship.otj-minimum-hours', date);
  const otjWeekly = reader.readIfInForce('apprenticeship.otj-hours-per-week', date);
  const otjShare = reader.readIfInForce('apprenticeship.otj-share', date);
  if (otjHours) {
    notes.push(
      `Off-the-job training: the hours set for the standard, at least ${otjHours.text} for funding, within paid working hours.`,
    );
  } else if (otjWeekly) {
    notes.push(
      `Off-the-job training: at least ${otjWeekly.text} for a full-time apprentice (pro rata for fewer hours), within paid working hours.`,
    );
  } else if (otjShare) {
    notes.push(`Off-the-job training: at least ${otjShare.text} of normal working hours, within paid working hours.`);
  }
}
