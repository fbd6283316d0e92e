/** Import boundaries (see docs/architecture.md, "The layers"): transports stay apart, the core stays platform-free. */
const CORE = '^src/(answer|understand|knowledge|calculators|enquiries|conversation|reports|store)/';
module.exports = {
  forbidden: [
    {
      name: 'slack-not-teams',
      comment: 'A transport never imports another transport.',
      severity: 'error',
      from: { path: '^src/slack/' },
      to: { path: '^src/(teams|cli)/' },
    },
    {
      name: 'teams-not-slack',
      comment: 'A transport never imports another transport.',
      severity: 'error',
      from: { path: '^src/teams/' },
      to: { path: '^src/(slack|cli)/' },
    },
    {
      name: 'core-platform-free',
      comment: 'The core never imports Slack, Teams, the CLI or their SDKs.',
      severity: 'error',
      from: { path: CORE },
      to: { path: ['^src/(slack|teams|cli)/', '@slack/', '@microsoft/'] },
    },
    {
      name: 'core-no-platform-sdk',
      comment: 'The core never imports Slack or Microsoft packages.',
      severity: 'error',
      from: { path: CORE },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: '^node_modules/@(slack|microsoft)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
