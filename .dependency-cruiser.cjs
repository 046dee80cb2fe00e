/**
 * The layering rule of src/ (CONTRIBUTING.md), checked by `npm run lint`:
 *   entry (server, app, http/, cli/) -> api (schema/, plugins/, metrics/, context) -> services.ts
 *   -> domains (clients-tokens/, purge/, backups/, indexes/, gateway-events/) -> jobs/, audit/, confirm -> redis/ -> base
 * An import may point down or sideways, never up, and no cycle (type-only imports count too).
 */
const LAYERS = [
  ['base', '^src/(config|errors|logger|principal)\\.ts$|^src/types/'],
  ['redis', '^src/redis/'],
  ['jobs-audit', '^src/(jobs|audit)/|^src/confirm\\.ts$'],
  ['domain', '^src/(clients-tokens|purge|backups|indexes|gateway-events)/'],
  ['composition', '^src/services\\.ts$'],
  ['api', '^src/(schema|plugins|generated|metrics)/|^src/context\\.ts$'],
  ['entry', '^src/(server|app)\\.ts$|^src/(http|cli)/'],
];

const upward = [];
LAYERS.forEach(([name, path], i) => {
  const higher = LAYERS.slice(i + 1).map(([, p]) => `(${p})`);
  if (higher.length === 0) return;
  upward.push({
    name: `no-upward-from-${name}`,
    comment: `${name} may not import from a higher layer`,
    severity: 'error',
    from: { path },
    to: { path: higher.join('|') },
  });
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
    { name: 'no-test-code-in-src', severity: 'error', from: { path: '^src/' }, to: { path: '^(test|bench)/' } },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
