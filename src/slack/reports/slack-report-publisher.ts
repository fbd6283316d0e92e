import type { WebClient } from '@slack/web-api';
import type { ReportPublisher, ReportSummary } from '../../reports/report-publisher.js';

/** Posts report summaries to a Slack channel: the figures as the message, the charts as PNG files with it. */
export function createSlackReportPublisher(client: WebClient, channel: string): ReportPublisher {
  return {
    platform: 'slack',
    async postSummary(summary: ReportSummary) {
      const text = [`*${summary.title}*`, ...summary.lines.map((line) => `• ${line}`)].join('\n');
      await client.files.uploadV2({
        channel_id: channel,
        initial_comment: text,
        file_uploads: summary.charts.map((chart) => ({
          file: chart.png,
          filename: `${chart.id}.png`,
          title: chart.title,
        })),
      });
    },
  };
}
