/** A chart as PNG, for chat platforms (which do not show SVG). */
export type ChartImage = { id: string; title: string; png: Buffer };

/** The scheduled summary posted to the officers' channel: headline figures as text, and the report's charts. */
export type ReportSummary = { title: string; lines: string[]; charts: ChartImage[] };

/** Posts reports to a chat platform; Slack and Teams implement it in src/slack/reports and src/teams/reports. */
export type ReportPublisher = {
  platform: 'slack' | 'teams';
  postSummary(summary: ReportSummary): Promise<void>;
};
