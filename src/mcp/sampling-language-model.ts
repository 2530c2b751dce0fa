/**
 * A participant whose model is the calling client's own (docs/MCP.md, "The caller's own model"):
 * each call goes to the client as sampling/createMessage with the persona prompt as the system
 * prompt. No key involved. Clients without the sampling capability get a clear error.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { CreateMessageResult } from '@modelcontextprotocol/sdk/types.js';
import {
  ZERO_USAGE,
  type LanguageModel,
  type ModelRequest,
  type ModelResponse,
} from '../core/language-model';
import { ModelError } from '../core/model-error';

export const SAMPLING_PROVIDER = 'sampling';
const SAMPLING_TIMEOUT_MS = 10 * 60_000;

export class SamplingLanguageModel implements LanguageModel {
  readonly provider = SAMPLING_PROVIDER;

  constructor(
    private readonly getServer: () => Server | undefined,
    /** "any", or a model hint the client may honour (e.g. "claude-sonnet"). */
    readonly modelId: string,
  ) {}

  async generate(request: ModelRequest): Promise<ModelResponse> {
    const server = this.getServer();
    if (!server || server.getClientCapabilities()?.sampling === undefined) {
      throw new ModelError({
        kind: 'bad-request',
        provider: SAMPLING_PROVIDER,
        modelId: this.modelId,
        message:
          'The MCP client did not declare the "sampling" capability, so its own model cannot be a participant.',
        hint: 'Allow model access (sampling) for this MCP server in your client (VS Code: the server\'s "Configure Model Access"), or remove the "sampling" participant.',
      });
    }
    const system = request.jsonSchema
      ? `${request.system}\n\nAnswer with only one JSON object that matches this JSON Schema (no prose, no code fence):\n${JSON.stringify(request.jsonSchema.schema)}`
      : request.system;
    let result: CreateMessageResult;
    try {
      result = (await server.createMessage(
        {
          systemPrompt: system,
          messages: request.messages.map((m) => ({
            role: m.role,
            content: { type: 'text', text: m.content },
          })),
          maxTokens: request.maxOutputTokens ?? 8192,
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(this.modelId !== 'any'
            ? { modelPreferences: { hints: [{ name: this.modelId }] } }
            : {}),
          includeContext: 'none',
        },
        { signal: request.signal, timeout: SAMPLING_TIMEOUT_MS },
      )) as CreateMessageResult;
    } catch (error) {
      if (request.signal.aborted) {
        throw new ModelError({
          kind: 'cancelled',
          provider: SAMPLING_PROVIDER,
          modelId: this.modelId,
          message: 'The call was cancelled.',
        });
      }
      throw new ModelError({
        kind: 'unknown',
        provider: SAMPLING_PROVIDER,
        modelId: this.modelId,
        message: `The client refused or failed the sampling request: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Approve the sampling request in your client, or remove the "sampling" participant.',
        cause: error,
      });
    }
    const blocks = Array.isArray(result.content) ? result.content : [result.content];
    let text = blocks.map((block) => (block.type === 'text' ? block.text : '')).join('');
    if (request.jsonSchema) text = stripCodeFence(text);
    request.onTextDelta?.(text);
    return {
      text,
      usage: ZERO_USAGE,
      finishReason: result.stopReason === 'maxTokens' ? 'length' : 'stop',
      modelId: result.model,
    };
  }
}

function stripCodeFence(text: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return match?.[1] ?? text;
}

/** The extraModelFactory for createCouncilService: `sampling` or `sampling:<hint>`. */
export function createSamplingModelFactory(
  getServer: () => Server | undefined,
): (providerId: string, model: string) => LanguageModel | undefined {
  return (providerId, model) =>
    providerId === SAMPLING_PROVIDER
      ? new SamplingLanguageModel(getServer, model === '' || model === 'default' ? 'any' : model)
      : undefined;
}
