/**
 * Just enough of the `vscode` module for host-side unit tests of the panel provider and the run
 * tracker in plain Node (the full API is exercised in code-server and by test/electron). Installed
 * by `installFakeVscode()` before the modules under test are loaded.
 */
import Module from 'node:module';

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  static file(path: string): FakeUri {
    return new FakeUri('file', path);
  }
  static parse(value: string): FakeUri {
    const [scheme, rest] = value.split('://');
    return new FakeUri(scheme ?? 'file', rest ?? '');
  }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    return new FakeUri(base.scheme, [base.path, ...parts].join('/'));
  }
  static from(components: { scheme: string; path: string }): FakeUri {
    return new FakeUri(components.scheme, components.path);
  }
}

/** What reached editor chrome: a notification's message and buttons, a progress title, a pick. */
export interface ChromeRecord {
  kind: 'error' | 'warning' | 'information' | 'progress' | 'quickPick';
  texts: string[];
}

export interface FakeVscodeState {
  executed: { command: string; args: unknown[] }[];
  /** Every string shown in chrome, in order (see ChromeRecord). */
  chrome: ChromeRecord[];
  configuration: Record<string, unknown>;
  configurationEmitter: EventEmitter<{ affectsConfiguration(section: string): boolean }>;
}

export const state: FakeVscodeState = {
  executed: [],
  chrome: [],
  configuration: {},
  configurationEmitter: new EventEmitter(),
};

/** A notification: its message and button labels are recorded; no button is clicked. */
async function notify(kind: ChromeRecord['kind'], texts: unknown[]): Promise<undefined> {
  state.chrome.push({
    kind,
    texts: texts.filter((text): text is string => typeof text === 'string'),
  });
  return undefined;
}

const format = (text: string, ...args: unknown[]): string =>
  text.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));

export const fakeVscode = {
  EventEmitter,
  Uri: FakeUri,
  Disposable: class {
    constructor(private readonly callback: () => void) {}
    dispose(): void {
      this.callback();
    }
  },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { Notification: 15 },
  commands: {
    executeCommand: async (command: string, ...args: unknown[]) => {
      state.executed.push({ command, args });
      return undefined;
    },
    registerCommand: () => ({ dispose() {} }),
  },
  workspace: {
    getConfiguration: (section: string) => ({
      get: (key: string, fallback?: unknown) =>
        state.configuration[`${section}.${key}`] ?? fallback,
    }),
    onDidChangeConfiguration: state.configurationEmitter.event,
    asRelativePath: (uri: FakeUri | string) => (typeof uri === 'string' ? uri : uri.path),
    workspaceFolders: undefined,
  },
  window: {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    showErrorMessage: async (...texts: unknown[]) => notify('error', texts),
    showWarningMessage: async (...texts: unknown[]) => notify('warning', texts),
    showInformationMessage: async (...texts: unknown[]) => notify('information', texts),
    withProgress: async <T>(
      options: { title?: string },
      task: (
        progress: { report(value: { message?: string }): void },
        token: { onCancellationRequested(): { dispose(): void } },
      ) => Promise<T>,
    ): Promise<T> => {
      const record: ChromeRecord = { kind: 'progress', texts: [options.title ?? ''] };
      state.chrome.push(record);
      return task(
        { report: (value) => record.texts.push(value.message ?? '') },
        { onCancellationRequested: () => ({ dispose() {} }) },
      );
    },
    showQuickPick: async (
      items: { label: string; description?: string; detail?: string }[],
      options?: { title?: string },
    ) => {
      state.chrome.push({
        kind: 'quickPick',
        texts: [
          options?.title ?? '',
          ...items.flatMap((item) => [item.label, item.description ?? '', item.detail ?? '']),
        ],
      });
      return undefined;
    },
  },
  lm: {
    selectChatModels: async () => [],
    onDidChangeChatModels: new EventEmitter<void>().event,
  },
  env: { language: 'en', appName: 'fake', clipboard: { writeText: async () => {} } },
  l10n: { t: format },
  version: '1.101.0',
};

let installed = false;

export function installFakeVscode(): void {
  if (installed) return;
  installed = true;
  const moduleWithResolver = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const original = moduleWithResolver._resolveFilename;
  moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return 'vscode';
    return original.call(this, request, ...rest);
  };
  moduleWithResolver._cache['vscode'] = {
    id: 'vscode',
    filename: 'vscode',
    loaded: true,
    exports: fakeVscode,
  };
}
