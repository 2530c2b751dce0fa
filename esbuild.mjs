// Builds the bundles of docs/ARCHITECTURE.md:
//   dist/extension.js   node, cjs, `vscode` external (the extension host entry)
//   dist/mcp-server.js  node, cjs, standalone (launched by path, never imported)
//   dist/cli.js         node, cjs, the `mlo` command line
//   dist/vendor/*.js    one bundle per vendor SDK, required on first use (see splitVendorSdks)
//   dist/webview/       browser bundle of the panel + its static assets
// `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { cp, mkdir, chmod } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

// Vendor SDKs are large (issue 7: the extension bundle stays small and loads an SDK only when
// a participant of that vendor is first called). Adapters reach their SDK only through
// `await import('<sdk>')`; this plugin turns each such import into a `require` of a separate
// bundle in dist/vendor/, shared by the extension, the MCP server and the CLI. The SDKs and the
// names taken from them come from the provider registry (src/providers/provider-registry.ts).
const { VENDORS } = await tsImport('./src/providers/provider-registry.ts', import.meta.url);
const vendorSdks = {
  ...Object.fromEntries(
    VENDORS.map(({ sdk }) => [sdk.module, `export { ${sdk.exports.join(', ')} } from '${sdk.module}';`]),
  ),
  // The price list (src/providers/pricing/genai-prices-cost.ts) is `require`d, not imported:
  // cost is computed synchronously, but only once the first call has finished.
  '@pydantic/genai-prices': "export { calcPrice } from '@pydantic/genai-prices';",
};
/** Vendor bundles loaded by a `require` call rather than `await import(…)`. */
const requiredLazily = new Set(['@pydantic/genai-prices']);
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const vendorSdkFilter = new RegExp(`^(${Object.keys(vendorSdks).map(escapeRegExp).join('|')})$`);
const vendorFile = (sdk) => `vendor/${sdk.replace(/^@/, '').replace(/\//g, '-')}.js`;
const splitVendorSdks = {
  name: 'split-vendor-sdks',
  setup(build) {
    build.onResolve({ filter: vendorSdkFilter }, (args) => {
      const lazy =
        args.kind === 'dynamic-import' ||
        (args.kind === 'require-call' && requiredLazily.has(args.path));
      if (!lazy) return undefined;
      return { path: args.path, namespace: 'vendor-sdk' };
    });
    build.onLoad({ filter: /.*/, namespace: 'vendor-sdk' }, (args) => ({
      contents: `module.exports = require('./${vendorFile(args.path)}');`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor-sdk' }, (args) => ({ path: args.path, external: true }));
  },
};
const vendorBuilds = Object.entries(vendorSdks).map(([sdk, contents]) => ({
  ...node,
  stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `${sdk}-entry.js` },
  outfile: `dist/${vendorFile(sdk)}`,
}));

const builds = [
  {
    ...node,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [splitVendorSdks],
  },
  { ...node, entryPoints: ['src/mcp/mcp-server-main.ts'], outfile: 'dist/mcp-server.js', plugins: [splitVendorSdks] },
  {
    ...node,
    entryPoints: ['src/cli/cli-main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [splitVendorSdks],
  },
  ...vendorBuilds,
  {
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    entryPoints: { panel: 'webview/main.ts' },
    outdir: 'dist/webview',
    loader: { '.css': 'css' },
  },
];

async function copyStaticAssets() {
  const out = path.join(root, 'dist/webview');
  await mkdir(out, { recursive: true });
  // The UI toolkit (@vscode-elements/elements, on Lit) is bundled into panel.js: nothing to copy.
  await cp(
    path.join(root, 'node_modules/diff2html/bundles/css/diff2html.min.css'),
    path.join(out, 'diff2html.min.css'),
  );
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  await copyStaticAssets();
  console.error('[esbuild] watching…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await copyStaticAssets();
  await chmod(path.join(root, 'dist/cli.js'), 0o755);
}
