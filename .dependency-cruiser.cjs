/**
 * The map of the house, checked by `npm run check:layers` (part of `npm test`).
 *
 * Layers, each importing only those below it:
 *   core           database, transactions, outbox and audit ports, config, errors, GraphQL plumbing, lifecycle engine
 *   access         the actor, abilities, policies, SQL filters, the request context
 *   wings          the domain, in the order of WINGS below: a wing imports only the wings listed for it
 *   compositions   the API and worker processes (src/*.ts), the seed
 *
 * A wing reaches another only through that wing's public surface, its `index.ts`: never its
 * entities, services' internals or files. docs/architecture.md draws the same map.
 */

/** Each domain wing and the wings it may use (it may always use core and access). */
const WINGS = {
  organizations: [],
  identity: ['organizations'],
  audit: [],
  notifications: ['identity', 'organizations'],
  documents: ['identity', 'organizations'],
  evidence: ['documents', 'identity', 'organizations'],
  payments: ['documents', 'notifications', 'identity', 'organizations'],
  notarization: ['payments', 'evidence', 'documents', 'notifications', 'identity', 'organizations'],
  litigation: ['payments', 'evidence', 'notarization', 'documents', 'notifications', 'identity', 'organizations'],
  statistics: ['litigation', 'organizations'],
};

const wingNames = Object.keys(WINGS);
const any = (names) => `^src/(${names.join('|')})/`;
const COMPOSITIONS = '^src/([^/]+\\.ts|seed/)';

const wingOrder = wingNames
  .map((wing) => {
    const forbidden = wingNames.filter((other) => other !== wing && !WINGS[wing].includes(other));
    return forbidden.length === 0
      ? null
      : {
          name: `wing-order-${wing}`,
          comment: `The ${wing} wing may use only ${WINGS[wing].join(', ') || 'no other wing'} (besides core and access).`,
          severity: 'error',
          from: { path: `^src/${wing}/` },
          to: { path: any(forbidden) },
        };
  })
  .filter(Boolean);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules form no import cycle (type-only imports, gone at run time, aside: two entities may name each other).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-knows-no-domain',
      comment: 'core imports nothing of access, the wings or the compositions.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'access-sits-on-core',
      comment: 'access imports only core.',
      severity: 'error',
      from: { path: '^src/access/' },
      to: { path: '^src/', pathNot: '^src/(core|access)/' },
    },
    {
      name: 'wings-below-compositions',
      comment: 'No wing imports a composition (the API and worker processes, the seed).',
      severity: 'error',
      from: { path: any(wingNames) },
      to: { path: COMPOSITIONS },
    },
    ...wingOrder,
    {
      name: 'through-public-surface',
      comment: "A wing reaches another only through that wing's index.ts (compositions assemble the wings' parts).",
      severity: 'error',
      from: { path: `^src/(${wingNames.join('|')})/` },
      to: { path: any(wingNames), pathNot: ['^src/$1/', `${any(wingNames)}index\\.ts$`] },
    },
    {
      name: 'known-places',
      comment: 'Every source file belongs to a layer: core, access, a wing, or a composition.',
      severity: 'error',
      from: { path: '^src/', pathNot: [`^src/(core|access|${wingNames.join('|')})/`, COMPOSITIONS] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
