/**
 * The run services' configuration errors and warnings (src/app: ConfigurationError `problem`,
 * WarningCause) in the CLI's language (src/cli/configuration-error-text.ts, warning-text.ts):
 * in English the CLI's text is the services' own message, made by the real code paths; in
 * Japanese it is translated with the user's names as data; and the built CLI says it so.
 */
import { strict as assert } from 'node:assert';
import { ConfigurationError } from '../../src/app/configuration-error';
import { credentialsFromEnvironment } from '../../src/app/environment-config';
import type { Logger, WarningCause } from '../../src/app/logger';
import { checkVoteInput, normalizeConsensusInput } from '../../src/app/normalize-run-input';
import { participantNotes } from '../../src/app/participant-notes';
import { ParticipantHealth } from '../../src/app/participant-health';
import { ParticipantPolicy } from '../../src/app/participant-policy';
import { connectionOf, resolveParticipants } from '../../src/app/resolve-participants';
import { selectParticipants } from '../../src/app/select-participants';
import { useCliLanguage } from '../../src/cli/cli-language';
import { configurationErrorText } from '../../src/cli/configuration-error-text';
import { PARTICIPANTS_SETTING, warningText } from '../../src/cli/warning-text';
import type { Participant } from '../../src/core/participant';
import { createPriceTableCostEstimator } from '../../src/providers/pricing';
import { EchoLanguageModel } from '../app/support/echo-language-model';
import { baseSettings } from '../app/support/council-fixture';
import { runCliProcess } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

const noKeys = credentialsFromEnvironment({});
const fake = (provider: string, model: string) =>
  provider === 'fake' ? new EchoLanguageModel(provider, model) : undefined;

async function thrown(action: () => unknown): Promise<ConfigurationError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof ConfigurationError, String(error));
    assert.ok(error.problem, `no problem on: ${error.message}`);
    return error;
  }
  assert.fail('no ConfigurationError');
}

/** Every ConfigurationError with a problem that the services raise, from the real code paths. */
async function everyConfigurationError(): Promise<ConfigurationError[]> {
  const settings = baseSettings({ participants: [] });
  const context = { settings, credentials: noKeys };
  const policy = new ParticipantPolicy(
    { credentials: noKeys, extraModelFactory: fake },
    { debug() {}, info() {}, warn() {}, error() {} },
    new ParticipantHealth(),
  );
  const voter = { id: 'fake:a' } as Participant;
  return Promise.all([
    thrown(() => resolveParticipants([{ provider: 'nope', model: 'x{0}' }], context)),
    thrown(() => resolveParticipants([{ provider: 'openai', model: '' }], context)),
    thrown(() => resolveParticipants([{ provider: 'openai', model: 'gpt-x' }], context)),
    thrown(() => resolveParticipants([{ provider: 'google', model: 'gemini-x' }], context)),
    thrown(() =>
      connectionOf('openai', baseSettings({ baseUrls: { openai: 'https://u:p@h/v1' } })),
    ),
    thrown(() => selectParticipants(['openai'], context, silent())),
    thrown(() => selectParticipants(['fake:a'], { ...context, extraModelFactory: fake }, silent())),
    thrown(() => selectParticipants(undefined, context, silent())),
    thrown(() => normalizeConsensusInput({ input: { task: ' ' } } as never, settings)),
    thrown(() => checkVoteInput({ question: '' } as never)),
    thrown(() => policy.chooseJudge('fake:a', [voter], settings)),
  ]);
}

function silent(): Logger {
  return { debug() {}, info() {}, warn() {}, error() {} };
}

/** Every warning with a cause the services log, and the English line they log with it. */
async function everyWarning(): Promise<[string, WarningCause][]> {
  const warned: [string, WarningCause][] = [];
  const logger: Logger = {
    ...silent(),
    warn: (message, cause) => void warned.push([message, cause!]),
  };
  const settings = baseSettings({
    participants: [
      { provider: 'fake', model: 'a' },
      { provider: 'fake', model: 'b' },
      { provider: 'google', model: 'gemini-x' },
      { provider: 'nope', model: 'y' },
    ],
  });
  await selectParticipants(
    undefined,
    { settings, credentials: noKeys, extraModelFactory: fake },
    logger,
  );
  const policy = new ParticipantPolicy({ credentials: noKeys }, logger, new ParticipantHealth());
  const resolveContext = policy.resolveContext(settings);
  resolveContext.onRetry!('fake:a', 2, 750, {
    kind: 'rate-limit',
    message: 'Slow {0} down',
  });
  // Said twice by the SDK, warned once.
  for (let call = 0; call < 2; call++)
    resolveContext.onSdkWarning!('anthropic:claude-x', 'anthropic', 'Careful {0}');
  const lists = new Map([
    [
      'openai',
      [
        { id: 'gpt-old', lifecycle: 'deprecated' as const, shutdownDate: '2027-04-01' },
        { id: 'gpt-dep', lifecycle: 'deprecated' as const },
      ],
    ],
    [
      'anthropic',
      [
        { id: 'claude-gone', lifecycle: 'retired' as const, shutdownDate: '2026-05-18T00:00:00Z' },
        { id: 'claude-ret', lifecycle: 'retired' as const },
      ],
    ],
  ]);
  const noted = [
    ['openai', 'gpt-old'],
    ['openai', 'gpt-dep'],
    ['openai', 'gpt-missing'],
    ['anthropic', 'claude-gone'],
    ['anthropic', 'claude-ret'],
  ].map(([provider, model]) => ({
    id: `${provider}:${model}`,
    provider: provider!,
    model: model!,
  }));
  for (const setting of [PARTICIPANTS_SETTING, 'multiLlm.participants']) {
    const notes = participantNotes(noted, {
      lists,
      cost: createPriceTableCostEstimator({}),
      budget: { maxCostUsd: 0.5 },
      setting,
      now: Date.parse('2026-12-01'),
    });
    for (const note of notes) warned.push([note.message, { kind: 'model-note', note }]);
  }
  return warned;
}

describe('CLI: configuration errors and warnings of the run services, by cause', function () {
  this.timeout(120_000);
  after(() => useCliLanguage({}));

  it('in English says exactly what the services say, for every kind', async () => {
    useCliLanguage({ MLO_LANG: 'en' });
    const errors = await everyConfigurationError();
    assert.deepEqual(
      new Set(errors.map((error) => error.problem!.kind)),
      new Set([
        'unknown-provider',
        'no-model',
        'no-api-key',
        'url-credentials',
        'not-a-participant',
        'too-few-participants',
        'empty-task',
        'empty-question',
        'judge-is-voter',
      ]),
    );
    for (const error of errors) {
      const text = configurationErrorText(error);
      assert.equal(text.message, error.message);
      assert.equal(text.hint, error.hint);
    }
    const warnings = await everyWarning();
    assert.deepEqual(
      [
        ...new Set(
          warnings.map(([, cause]) => (cause.kind === 'model-note' ? cause.note.kind : cause.kind)),
        ),
      ].sort(),
      ['deprecated', 'left-out', 'retired', 'retry', 'unknown', 'unpriced', 'vendor-sdk'],
    );
    assert.equal(warnings.filter(([, cause]) => cause.kind === 'vendor-sdk').length, 1);
    assert.equal(warnings.filter(([, cause]) => cause.kind === 'left-out').length, 2);
    for (const [message, cause] of warnings) assert.equal(warningText(cause), message);
  });

  it('in Japanese translates every kind, with the names as data', async () => {
    useCliLanguage({ MLO_LANG: 'ja' });
    const errors = await everyConfigurationError();
    for (const error of errors) {
      const text = configurationErrorText(error);
      assert.notEqual(text.message, error.message);
      assert.match(text.message, /[\u3040-\u30ff\u4e00-\u9fff]/);
      if (error.hint) assert.notEqual(text.hint, error.hint);
    }
    // A name that looks like a placeholder is printed as written, not filled.
    assert.equal(
      configurationErrorText(errors[0]!).message,
      '参加者「nope:x{0}」のプロバイダー「nope」は不明です。',
    );
    const warnings = await everyWarning();
    for (const [message, cause] of warnings) {
      const text = warningText(cause);
      assert.notEqual(text, message);
      assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    const retry = warnings.find(([, cause]) => cause.kind === 'retry')!;
    assert.equal(
      warningText(retry[1]),
      'fake:a: rate-limit: Slow {0} down — 750 ms 後に再試行します（2 回目）',
    );
    const sdk = warnings.find(([, cause]) => cause.kind === 'vendor-sdk')!;
    assert.equal(
      warningText(sdk[1]),
      'anthropic:claude-x: Anthropic の SDK からの警告: Careful {0}',
    );
  });

  describe('the built CLI with MLO_LANG=ja', () => {
    const council = useFakeVendorCli('mlo-config-ja-');
    /** Google's key missing (its errors and warnings are the point), no council set. */
    const env = (extra: Record<string, string> = {}) =>
      council.env({
        MLO_LANG: 'ja',
        GEMINI_API_KEY: undefined,
        MLO_PARTICIPANTS: undefined,
        ...extra,
      });

    it('an unknown provider and a missing key: Japanese, exit 2', async () => {
      const unknown = await runCliProcess(
        ['run', 'x', '--participants', 'nope:m,openai:gpt-6.2-sol'],
        env(),
      );
      assert.equal(unknown.code, 2);
      assert.equal(
        unknown.stderr,
        'mlo: 参加者「nope:m」のプロバイダー「nope」は不明です。\n' +
          '次のいずれかを使ってください: openai, anthropic, google（OpenAI 互換エンドポイントは multiLlm.openaiCompatible.endpoints、スタンドアロン モードでは MLO_ENDPOINTS=id=url で追加できます）。\n',
      );
      const keyless = await runCliProcess(
        ['run', 'x', '--participants', 'openai:gpt-6.2-sol,google:gemini-4-argon'],
        env(),
      );
      assert.equal(keyless.code, 2);
      assert.match(
        keyless.stderr,
        /^mlo: Google Gemini の API キーがありません（参加者 google:gemini-4-argon）。\n環境変数 GEMINI_API_KEY（または GOOGLE_API_KEY）を設定してください。/,
      );
    });

    it('participant warnings before a vote: left out, unknown to the vendor, in Japanese; the judge fallback too', async () => {
      const result = await runCliProcess(
        ['vote', '2 は素数？', '--json'],
        env({
          MLO_PARTICIPANTS:
            'openai:gpt-6.2-sol,anthropic:claude-sonnet-5-5,openai:gpt-nope-9,google:gemini-4-argon',
          // The SDKs' own logging at debug goes through the CLI's logger, not onto stdout.
          ANTHROPIC_LOG: 'debug',
          OPENAI_LOG: 'debug',
        }),
      );
      assert.equal(result.code, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as { reached: boolean }).reached, true);
      assert.doesNotMatch(result.stderr, /\[log_[0-9a-f]+\]/);
      // Every configured model votes, so none is left to judge: grouped locally, said in Japanese.
      assert.match(
        result.stderr,
        /^mlo: 審判なしでローカルにグループ化しました: 使える審判モデルがありませんでした。$/m,
      );
      assert.match(
        result.stderr,
        /^mlo: 警告: google:gemini-4-argon はこの実行から外されました: 環境変数 GEMINI_API_KEY/m,
      );
      assert.match(
        result.stderr,
        /^mlo: 警告: openai:gpt-nope-9: OpenAI はこのキーでモデル「gpt-nope-9」を一覧に載せていません。MLO_PARTICIPANTS または --participants を現行のモデルに変更してください/m,
      );
      assert.doesNotMatch(result.stderr, /warn:|left out|does not list/);
    });
  });
});
