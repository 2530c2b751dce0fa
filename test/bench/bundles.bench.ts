/**
 * Bundle sizes of a production build, and whether the extension bundle leaves the vendor SDKs
 * unevaluated until a participant of that vendor is called (issue 7: extension ≤ 1.5 MB).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import type { BenchModule } from './bench-module';

const ROOT = path.resolve(__dirname, '../..');
const size = (file: string) => statSync(path.join(ROOT, file)).size;

export const bundlesBench: BenchModule = {
  name: 'bundles (production build)',
  async run() {
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const files = {
      extensionBundleBytes: 'dist/extension.js',
      mcpServerBundleBytes: 'dist/mcp-server.js',
      cliBundleBytes: 'dist/cli.js',
      webviewBundleBytes: 'dist/webview/panel.js',
      openaiVendorBytes: 'dist/vendor/openai.js',
      anthropicVendorBytes: 'dist/vendor/anthropic-ai-sdk.js',
      googleVendorBytes: 'dist/vendor/google-genai.js',
    };
    const fields: Record<string, number | boolean> = {};
    for (const [field, file] of Object.entries(files)) fields[field] = size(file);

    // Load dist/extension.js with a stub `vscode` and see which vendor bundles got evaluated.
    const moduleWithLoad = Module as unknown as {
      _load: (request: string, ...rest: unknown[]) => unknown;
    };
    const originalLoad = moduleWithLoad._load;
    moduleWithLoad._load = (request: string, ...rest: unknown[]) =>
      request === 'vscode' ? {} : originalLoad(request, ...rest);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the built bundle is the measurement
      require(path.join(ROOT, 'dist/extension.js'));
    } finally {
      moduleWithLoad._load = originalLoad;
    }
    const loadedVendors = Object.keys(require.cache).filter((key) =>
      key.includes(`${path.sep}dist${path.sep}vendor${path.sep}`),
    );
    fields.vendorSdksLoadedAtStartup = loadedVendors.length;
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    return {
      rows: [
        ...Object.entries(files).map(([field, file]) => ({
          name: file,
          values: { size: kb(fields[field] as number) },
        })),
        {
          name: 'vendor SDK bundles evaluated on loading the extension',
          values: { size: loadedVendors.length },
        },
      ],
      fields,
    };
  },
};
