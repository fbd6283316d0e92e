// `npm run dev [-- COMMAND …]`: the CLI straight from the TypeScript sources (through tsx), for development only.
// With no command it starts the bot, like `npm start`.
import { runCli } from '../src/cli/main.js';

const args = process.argv.slice(2);
process.exitCode = await runCli(args.length > 0 ? args : ['start']);
