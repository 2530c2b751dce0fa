/**
 * `sampling` participants of the window's council: the model of an MCP client that started one
 * of our servers, reached with `sample` frames over that server's connection (the server relays
 * them as sampling/createMessage). The relay exists before the bridge starts, because the
 * council that the bridge serves is created with the relay's model factory.
 */
import {
  ZERO_USAGE,
  type LanguageModel,
  type ModelRequest,
  type ModelResponse,
} from '../core/language-model';
import { ModelError } from '../core/model-error';
import type { BridgeClientFrame, BridgeHostFrame, BridgeSampleRequest } from './bridge-frames';

type SampleResultFrame = Extract<BridgeClientFrame, { type: 'sample-result' }>;

/** One connection's sampling: its pending requests, answered by `sample-result` frames. */
export class ConnectionSampler {
  private readonly waiting = new Map<
    number,
    { resolve: (r: ModelResponse) => void; reject: (e: Error) => void; hint: string }
  >();
  private nextId = 1;

  constructor(private readonly send: (frame: BridgeHostFrame) => void) {}

  sample(request: BridgeSampleRequest, signal: AbortSignal): Promise<ModelResponse> {
    const id = this.nextId++;
    return new Promise<ModelResponse>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, hint: request.modelHint });
      signal.addEventListener(
        'abort',
        () => {
          if (!this.waiting.delete(id)) return;
          this.send({ type: 'sample-cancel', id });
          reject(samplingError('cancelled', request.modelHint, 'The call was cancelled.'));
        },
        { once: true },
      );
      this.send({ type: 'sample', id, request });
    });
  }

  settle(frame: SampleResultFrame): void {
    const waiting = this.waiting.get(frame.id);
    if (!waiting) return;
    this.waiting.delete(frame.id);
    if (frame.error || frame.text === undefined) {
      waiting.reject(
        samplingError(
          'unknown',
          waiting.hint,
          frame.error?.message ?? 'The MCP client returned no text.',
          frame.error?.hint ??
            'Approve the sampling request in the client, or remove the "sampling" participant.',
        ),
      );
      return;
    }
    waiting.resolve({
      text: frame.text,
      usage: ZERO_USAGE,
      finishReason: frame.stopReason === 'maxTokens' ? 'length' : 'stop',
      modelId: frame.model ?? waiting.hint,
    });
  }

  /** The connection is gone: every pending request fails. */
  failAll(): void {
    for (const waiting of this.waiting.values()) {
      waiting.reject(
        samplingError(
          'network',
          waiting.hint,
          'The MCP server that carried the sampling call disconnected.',
        ),
      );
    }
    this.waiting.clear();
  }
}

function samplingError(
  kind: 'cancelled' | 'unknown' | 'network' | 'bad-request',
  modelId: string,
  message: string,
  hint?: string,
): ModelError {
  return new ModelError({ kind, provider: 'sampling', modelId, message, hint });
}

export class SamplingRelay {
  /** Connections whose MCP client declared sampling, the most recent last. */
  private readonly offering: ConnectionSampler[] = [];

  setOffering(sampler: ConnectionSampler, available: boolean): void {
    const at = this.offering.indexOf(sampler);
    if (at >= 0) this.offering.splice(at, 1);
    if (available) this.offering.push(sampler);
  }

  /** A participant whose calls go to the most recent connected client that offers sampling. */
  createModel(modelHint: string): LanguageModel {
    const hint = modelHint || 'any';
    return {
      provider: 'sampling',
      modelId: hint,
      generate: (request) => this.generate(hint, request),
    };
  }

  /** For the council's extraModelFactory: `sampling` or `sampling:<hint>`. */
  readonly modelFactory = (providerId: string, model: string): LanguageModel | undefined =>
    providerId === 'sampling'
      ? this.createModel(model === '' || model === 'default' ? 'any' : model)
      : undefined;

  private async generate(hint: string, request: ModelRequest): Promise<ModelResponse> {
    const sampler = this.offering[this.offering.length - 1];
    if (!sampler) {
      throw samplingError(
        'bad-request',
        hint,
        'No connected MCP client offers the "sampling" capability, so the caller\'s own model cannot be a participant.',
        'Start the Multi-LLM MCP server from a chat client that allows model access (VS Code: the server\'s "Configure Model Access"), or remove the "sampling" participant.',
      );
    }
    const response = await sampler.sample(
      {
        system: request.system,
        messages: request.messages,
        ...(request.jsonSchema ? { jsonSchema: request.jsonSchema } : {}),
        ...(request.maxOutputTokens !== undefined
          ? { maxOutputTokens: request.maxOutputTokens }
          : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        modelHint: hint,
      },
      request.signal,
    );
    request.onTextDelta?.(response.text);
    return response;
  }
}
