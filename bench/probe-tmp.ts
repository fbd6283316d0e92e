import { understand } from '../src/understand/index.js';
for (const m of process.argv.slice(2)) { const u = understand({ message: m, asOf: '2026-12-01', today: '2026-12-01' }); console.log(m, '→', u.intent, u.calculator?.kind ?? u.outOfScopeReason ?? '', u.topic, u.confidence.toFixed(2)); }
