/** A LanguageModel that answers every call with a fixed text (no network). */
import type { LanguageModel, ModelRequest, ModelResponse } from '../../../src/core/language-model';

export class EchoLanguageModel implements LanguageModel {
  calls = 0;

  constructor(
    readonly provider: string,
    readonly modelId: string,
    private readonly text = '{"product":"x","rationale":"y"}',
  ) {}

  generate(request: ModelRequest): Promise<ModelResponse> {
    this.calls += 1;
    request.onTextDelta?.(this.text);
    return Promise.resolve({
      text: this.text,
      usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0 },
      finishReason: 'stop',
      modelId: this.modelId,
    });
  }
}
