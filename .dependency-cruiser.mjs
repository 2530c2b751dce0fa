// The import rule of docs/ARCHITECTURE.md as an allowlist: a dependency is an error unless one
// of the `allowed` entries below says its layer may have it, npm packages and Node built-ins
// included. `npm run lint` runs it; test/structure/import-rule.test.ts keeps probes that must fail.
import { tsImport } from 'tsx/esm/api';

const node = { dependencyTypes: ['core'] };
const npm = (...names) => `^node_modules/(@types/)?(${names.join('|')})/`;
const layer = (...folders) => `^(${folders.join('|')})/`;

// Each vendor folder (named by its registry id) may import the SDK its registry entry names;
// the OpenAI-compatible adapter (not a registry vendor) uses the openai SDK.
const { VENDORS } = await tsImport('./src/providers/provider-registry.ts', import.meta.url);
const vendorFolders = {
  ...Object.fromEntries(VENDORS.map((vendor) => [vendor.id, [vendor.sdk.module]])),
  'openai-compatible': ['openai'],
  // the scripted council: no SDK, no network
  simulated: [],
};

const providerCommon = 'src/providers/(common|pricing)';

export default {
  allowedSeverity: 'error',
  allowed: [
    // src/core: the engine, pure TypeScript. zod (schemas) and jsdiff (text divergence,
    // majority hunks) are pure libraries; nothing else, not even a Node built-in.
    { from: { path: layer('src/core') }, to: { path: [layer('src/core'), npm('zod', 'diff')] } },

    // src/shared: contracts between processes and the panel.
    {
      from: { path: layer('src/shared') },
      to: { path: [layer('src/shared', 'src/core'), npm('zod')] },
    },

    // src/providers: vendor-neutral parts (common/, pricing/, the registry and factory at the
    // top) see core and each other; each vendor folder sees core, the neutral parts and its SDK.
    {
      from: { path: `^(${providerCommon})/` },
      to: {
        path: [
          layer('src/core', providerCommon),
          npm('@pydantic/genai-prices'),
          // a vendor definition's listModels returns the vendor-neutral model list entry
          '^src/providers/model-listing\\.ts$',
        ],
      },
    },
    {
      from: { path: '^src/providers/[^/]+\\.ts$' },
      to: { path: [layer('src/core', 'src/providers')] },
    },
    ...Object.entries(vendorFolders).map(([folder, sdks]) => ({
      from: { path: layer(`src/providers/${folder}`) },
      to: {
        path: [
          layer('src/core', providerCommon, `src/providers/${folder}`),
          ...(sdks.length > 0 ? [npm(...sdks)] : []),
          // the vendor-neutral shape of a model list entry (id, lifecycle facts)
          '^src/providers/model-listing\\.ts$',
          // the OpenAI-compatible adapter is the OpenAI one over Chat Completions
          ...(folder === 'openai-compatible' ? [layer('src/providers/openai')] : []),
        ],
      },
    })),

    // src/app: the run services of every host. Node I/O, no vscode, no MCP SDK; p-limit caps
    // runs and vendor calls in flight.
    {
      from: { path: layer('src/app') },
      to: {
        path: [layer('src/app', 'src/core', 'src/providers', 'src/shared'), npm('zod', 'p-limit')],
      },
    },
    { from: { path: layer('src/app') }, to: node },

    // src/bridge: the editor <-> MCP server protocol (both ends). Core and shared types, the
    // app's logger, zod and Node sockets; never vscode, the MCP SDK or an entry layer.
    {
      from: { path: layer('src/bridge') },
      to: { path: [layer('src/bridge', 'src/core', 'src/shared', 'src/app'), npm('zod')] },
    },
    { from: { path: layer('src/bridge') }, to: node },

    // src/extension: the only vscode importer.
    {
      from: { path: layer('src/extension') },
      to: {
        path: [
          layer(
            'src/extension',
            'src/core',
            'src/providers',
            'src/app',
            'src/shared',
            'src/bridge',
          ),
          '^vscode$',
          npm('vscode'),
        ],
      },
    },
    { from: { path: layer('src/extension') }, to: node },

    // src/mcp: the MCP server (tools, prompts, resources, the bridge client).
    {
      from: { path: layer('src/mcp') },
      to: {
        path: [
          layer('src/mcp', 'src/core', 'src/providers', 'src/app', 'src/shared', 'src/bridge'),
          npm('@modelcontextprotocol/sdk', 'zod'),
        ],
      },
    },
    { from: { path: layer('src/mcp') }, to: node },

    // src/server: the team server on Redis.
    {
      from: { path: layer('src/server') },
      to: {
        path: [
          layer('src/server', 'src/core', 'src/providers', 'src/app', 'src/shared', 'src/mcp'),
          npm('bullmq', 'ioredis', 'prom-client', '@modelcontextprotocol/sdk', 'zod'),
          // the set-up errors `mlo serve` / `mlo agents` print (tool results stay English)
          npm('@vscode/l10n'),
        ],
      },
    },
    { from: { path: layer('src/server') }, to: node },

    // src/cli: the `mlo` command line (also starts the MCP and team servers).
    {
      from: { path: layer('src/cli') },
      to: {
        path: [
          layer(
            'src/cli',
            'src/core',
            'src/providers',
            'src/app',
            'src/shared',
            'src/mcp',
            'src/server',
          ),
          // its own version, for `mlo --version`
          '^package\\.json$',
          // its strings in the user's language, from the extension's Japanese bundle
          npm('@vscode/l10n'),
          '^l10n/bundle\\.l10n\\.ja\\.json$',
        ],
      },
    },
    { from: { path: layer('src/cli') }, to: node },

    // webview/: the panel, in the browser; talks to the host only through src/shared.
    {
      from: { path: layer('webview') },
      to: {
        path: [
          layer('webview', 'src/shared'),
          npm(
            'lit',
            '@lit',
            '@vscode-elements/elements',
            '@vscode/codicons',
            'partial-json',
            'diff',
            'diff2html',
            'dompurify',
            'markdown-it',
            'zod',
          ),
        ],
      },
    },
  ],
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Layers and modules form no cycle.',
      from: { path: '^(src|webview)/' },
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a core file may not even name a vscode type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
