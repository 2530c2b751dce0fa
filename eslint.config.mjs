// The import rule of docs/ARCHITECTURE.md, enforced here rather than by convention:
//   src/core       -> nothing outside itself (no vscode, vendor SDK, MCP SDK, Node I/O)
//   src/providers  -> core, and each vendor folder only its own SDK
//   src/shared     -> core (types)
//   src/mcp        -> core, providers, shared (never vscode)
//   src/server     -> core, providers, app, shared, mcp (never vscode, extension or cli)
//   webview/       -> src/shared only (plus browser npm packages)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = [
  'fs',
  'net',
  'child_process',
  'http',
  'https',
  'os',
  'path',
  'worker_threads',
  'dgram',
  'tls',
  'cluster',
  'readline',
];
const nodeIoPatterns = nodeIo.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]);
const vendorSdks = ['openai', 'openai/*', '@anthropic-ai/*', '@google/genai', '@google/genai/*'];
const mcpSdk = ['@modelcontextprotocol/*'];
const message = (what) => `Import rule (docs/ARCHITECTURE.md): ${what}`;

const restrict = (patterns, what) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: message(what) }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'out/**',
      '.cache/**',
      '.vscode-test/**',
      'test-artifacts/**',
      '.dev/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        globalThis: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        ReadableStream: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...vendorSdks,
        ...mcpSdk,
        ...nodeIoPatterns,
        '../providers/*',
        '../extension/*',
        '../mcp/*',
        '../shared/*',
        '**/providers/**',
        '**/extension/**',
        '**/mcp/**',
        '**/shared/**',
      ],
      'src/core is pure TypeScript: no vscode, vendor SDK, MCP SDK, Node I/O or outer layer.',
    ),
  },
  {
    files: ['src/providers/**/*.ts'],
    rules: restrict(
      ['vscode', ...mcpSdk, '**/extension/**', '**/mcp/**', '**/shared/**'],
      'src/providers may import only core and its own vendor SDK.',
    ),
  },
  {
    files: ['src/providers/openai/**/*.ts', 'src/providers/openai-compatible/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...mcpSdk,
        '@anthropic-ai/*',
        '@google/genai',
        '@google/genai/*',
        '**/extension/**',
        '**/mcp/**',
        '**/shared/**',
        '../anthropic/*',
        '../google/*',
      ],
      'an OpenAI adapter imports only the openai SDK.',
    ),
  },
  {
    files: ['src/providers/anthropic/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...mcpSdk,
        'openai',
        'openai/*',
        '@google/genai',
        '@google/genai/*',
        '**/extension/**',
        '**/mcp/**',
        '**/shared/**',
        '../openai/*',
        '../openai-compatible/*',
        '../google/*',
      ],
      'the Anthropic adapter imports only @anthropic-ai/sdk.',
    ),
  },
  {
    files: ['src/providers/google/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...mcpSdk,
        'openai',
        'openai/*',
        '@anthropic-ai/*',
        '**/extension/**',
        '**/mcp/**',
        '**/shared/**',
        '../openai/*',
        '../openai-compatible/*',
        '../anthropic/*',
      ],
      'the Google adapter imports only @google/genai.',
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...vendorSdks,
        ...mcpSdk,
        ...nodeIoPatterns,
        '**/providers/**',
        '**/extension/**',
        '**/mcp/**',
      ],
      'src/shared holds contracts: it may import only core types and zod.',
    ),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict(
      ['vscode', ...mcpSdk, '**/extension/**', '**/mcp/**', '**/cli/**'],
      'src/app (run services shared by extension, MCP and CLI) never imports vscode, the MCP SDK or an entry layer.',
    ),
  },
  {
    files: ['src/mcp/**/*.ts', 'src/cli/**/*.ts'],
    rules: restrict(
      ['vscode', '**/extension/**'],
      'src/mcp and src/cli never import vscode or the extension layer.',
    ),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict(
      ['vscode', '**/extension/**', '**/cli/**'],
      'src/server (the team server) never imports vscode, the extension layer or the CLI.',
    ),
  },
  {
    files: ['webview/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...vendorSdks,
        ...mcpSdk,
        ...nodeIoPatterns,
        '**/src/core/**',
        '**/src/providers/**',
        '**/src/extension/**',
        '**/src/mcp/**',
      ],
      'webview/ imports only src/shared (and browser npm packages).',
    ),
  },
  {
    files: ['test/**/*.ts', '*.mjs', 'test/**/*.mjs'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
