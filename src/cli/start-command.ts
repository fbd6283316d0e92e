import type { Command } from 'commander';
import type { TriagePublisher } from '../enquiries/enquiry-queue.js';
import type { CliContext } from './cli-context.js';
import { reportPublishersFor, startReportSchedule } from './reports/start-reports.js';
import { runTerminalChat } from './terminal-chat.js';

export function registerStartCommand(program: Command, context: CliContext): void {
  program
    .command('start')
    .description('start the bot: Slack and/or Teams when their credentials are set, otherwise a chat on this terminal')
    .action(async () => {
      const core = await context.loadCore();
      const log = core.log.child({ module: 'start' });
      // Transport SDKs load only when their credentials are set, so the terminal chat starts quickly.
      const slack =
        core.config.slack === 'off' ? undefined : await (await import('../slack/start-slack.js')).startSlack(core);
      const teams =
        core.config.teams === 'off' ? undefined : await (await import('../teams/start-teams.js')).startTeams(core);
      const transports = [slack, teams].filter((transport) => transport !== undefined);

      if (transports.length === 0) {
        log.info(
          { model: core.config.model === 'off' ? 'off' : core.config.model.model },
          'no Slack or Teams credentials: terminal chat',
        );
        await runTerminalChat(core, context);
        return;
      }

      const publishers = transports.flatMap((transport) =>
        transport.publisher ? [transport.publisher] : [],
      ) as TriagePublisher[];
      // Delivery also runs reminders and retention, so it runs even without a triage channel.
      const stopDelivery = core.enquiries.startDelivery(publishers);
      const stopReports = startReportSchedule(core, await reportPublishersFor(core));
      log.info(
        { transports: transports.length, publishers: publishers.map((publisher) => publisher.platform) },
        'Skills Desk started',
      );

      await new Promise<void>((resolve) => {
        const shutdown = (signal: NodeJS.Signals) => {
          log.info({ signal }, 'shutting down');
          process.off('SIGINT', shutdown);
          process.off('SIGTERM', shutdown);
          resolve();
        };
        process.on('SIGINT', shutdown);
        process.on('SIGTERM', shutdown);
      });
      await stopDelivery();
      await stopReports();
      await Promise.allSettled(transports.map((transport) => transport.stop()));
    });
}
