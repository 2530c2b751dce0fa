/**
 * A model of the editor (Copilot and other `vscode.lm` providers) as a council participant:
 * `vscode-lm:<model id or family>` needs no API key. The Language Model API has no system
 * role and no JSON-schema mode, so the system prompt leads the first user message and the
 * schema is stated in the prompt; the engine validates and repairs the JSON as for any vendor.
 */
import * as vscode from 'vscode';
import type { LanguageModel, ModelRequest, ModelResponse, Usage } from '../../core/language-model';
import { ModelError } from '../../core/model-error';
import { mapLanguageModelError } from './map-language-model-error';

export const VSCODE_LM_PROVIDER = 'vscode-lm';

export async function selectEditorModel(
  idOrFamily: string,
): Promise<vscode.LanguageModelChat | undefined> {
  const byId = await vscode.lm.selectChatModels({ id: idOrFamily });
  if (byId[0]) return byId[0];
  const byFamily = await vscode.lm.selectChatModels({ family: idOrFamily });
  return byFamily[0];
}

export class VscodeLmLanguageModel implements LanguageModel {
  readonly provider = VSCODE_LM_PROVIDER;

  constructor(readonly modelId: string) {}

  async generate(request: ModelRequest): Promise<ModelResponse> {
    if (request.signal.aborted) throw this.cancelled();
    const model = await selectEditorModel(this.modelId);
    if (!model) {
      throw new ModelError({
        kind: 'model-not-found',
        provider: this.provider,
        modelId: this.modelId,
        message: `No editor language model with id or family "${this.modelId}".`,
        hint: "Install or sign in to a chat model provider (e.g. GitHub Copilot), or change multiLlm.participants; 'Multi-LLM: Refresh Models' lists the available ones.",
      });
    }
    const messages = toChatMessages(request);
    const cancellation = new vscode.CancellationTokenSource();
    const onAbort = (): void => cancellation.cancel();
    request.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await model.sendRequest(
        messages,
        {
          justification: vscode.l10n.t(
            'The Multi-LLM council asks this model to take part in a run.',
          ),
        },
        cancellation.token,
      );
      let text = '';
      for await (const fragment of response.text) {
        text += fragment;
        request.onTextDelta?.(fragment);
      }
      if (request.signal.aborted) throw this.cancelled();
      return {
        text,
        usage: await countUsage(model, messages, text, cancellation.token),
        finishReason: 'stop',
        modelId: model.id,
      };
    } catch (error) {
      if (request.signal.aborted) throw this.cancelled();
      throw mapLanguageModelError(error, this.modelId);
    } finally {
      request.signal.removeEventListener('abort', onAbort);
      cancellation.dispose();
    }
  }

  private cancelled(): ModelError {
    return new ModelError({
      kind: 'cancelled',
      provider: this.provider,
      modelId: this.modelId,
      message: 'The call was cancelled.',
    });
  }
}

function toChatMessages(request: ModelRequest): vscode.LanguageModelChatMessage[] {
  const schemaNote = request.jsonSchema
    ? `\n\nAnswer with one JSON object only (no prose, no code fence) that matches this JSON schema named "${request.jsonSchema.name}":\n${JSON.stringify(request.jsonSchema.schema)}`
    : '';
  const preamble = `${request.system}${schemaNote}`;
  const messages = request.messages.map((message) =>
    message.role === 'user'
      ? vscode.LanguageModelChatMessage.User(message.content)
      : vscode.LanguageModelChatMessage.Assistant(message.content),
  );
  return [vscode.LanguageModelChatMessage.User(preamble), ...messages];
}

/** The API reports no usage; count with the model's own tokenizer (0 when it cannot). */
async function countUsage(
  model: vscode.LanguageModelChat,
  messages: vscode.LanguageModelChatMessage[],
  output: string,
  token: vscode.CancellationToken,
): Promise<Usage> {
  try {
    const inputs = await Promise.all(messages.map((m) => model.countTokens(m, token)));
    const outputTokens = await model.countTokens(output, token);
    return {
      inputTokens: inputs.reduce((sum, n) => sum + n, 0),
      outputTokens,
      cachedInputTokens: 0,
    };
  } catch {
    return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  }
}

/** The editor's models as participants the panel and list_participants can show. */
export async function listEditorModels(): Promise<vscode.LanguageModelChat[]> {
  try {
    return await vscode.lm.selectChatModels();
  } catch {
    return [];
  }
}
