/**
 * OpenAI Responses API wire format (POST /v1/responses), from the openai SDK's
 * resources/responses/responses.d.ts (ResponseStreamEvent) and the API reference: a stream is
 * `event: <type>` + `data: <json>` frames — response.created, response.in_progress,
 * response.output_item.added, response.content_part.added, response.output_text.delta…,
 * response.output_text.done, response.content_part.done, response.output_item.done,
 * response.completed (with usage). Errors: { error: { message, type, param, code } }.
 */
import type { Fault, ModelCall } from '../script-rule';
import { openAiErrorReply, openAiModelList } from './openai-errors';
import type { StreamFrames, VendorWire, WireUsage } from './vendor-wire';
import { asRecord, contentText, sseFrame } from './vendor-wire';

export const openAiResponsesWire: VendorWire = {
  parseCall(path, body): ModelCall | undefined {
    if (!path.endsWith('/responses')) return undefined;
    const record = asRecord(body);
    const input = record.input;
    const messages = Array.isArray(input) ? input.map(asRecord) : [];
    const userText =
      typeof input === 'string'
        ? input
        : messages
            .filter((message) => message.role === 'user')
            .map((message) => contentText(message.content))
            .join('\n');
    const developerText = messages
      .filter((message) => message.role === 'system' || message.role === 'developer')
      .map((message) => contentText(message.content))
      .join('\n');
    const format = asRecord(asRecord(record.text).format);
    return {
      vendor: 'openai',
      model: String(record.model ?? ''),
      system: [typeof record.instructions === 'string' ? record.instructions : '', developerText]
        .filter(Boolean)
        .join('\n'),
      userText,
      ...(format.type === 'json_schema'
        ? { schemaName: String(format.name ?? ''), schema: format.schema }
        : {}),
      stream: record.stream === true,
    };
  },

  streamFrames(call, text, usage): StreamFrames {
    let sequence = 0;
    const frame = (data: Record<string, unknown>) =>
      sseFrame({ ...data, sequence_number: sequence++ }, String(data.type));
    const ids = responseIds();
    const inProgress = responseObject(call, ids, 'in_progress', [], undefined);
    const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
    const doneItem = messageItem(ids.item, text, 'completed');
    return {
      contentType: 'text/event-stream; charset=utf-8',
      head: [
        frame({ type: 'response.created', response: inProgress }),
        frame({ type: 'response.in_progress', response: inProgress }),
        frame({
          type: 'response.output_item.added',
          output_index: 0,
          item: { ...messageItem(ids.item, '', 'in_progress'), content: [] },
        }),
        frame({
          type: 'response.content_part.added',
          item_id: ids.item,
          output_index: 0,
          content_index: 0,
          part,
        }),
      ],
      delta: (piece) =>
        frame({
          type: 'response.output_text.delta',
          item_id: ids.item,
          output_index: 0,
          content_index: 0,
          delta: piece,
          logprobs: [],
        }),
      get tail() {
        return [
          frame({
            type: 'response.output_text.done',
            item_id: ids.item,
            output_index: 0,
            content_index: 0,
            text,
            logprobs: [],
          }),
          frame({
            type: 'response.content_part.done',
            item_id: ids.item,
            output_index: 0,
            content_index: 0,
            part: { ...part, text },
          }),
          frame({ type: 'response.output_item.done', output_index: 0, item: doneItem }),
          frame({
            type: 'response.completed',
            response: responseObject(call, ids, 'completed', [doneItem], usage),
          }),
        ];
      },
      get overloadedFrame() {
        return frame({
          type: 'error',
          code: 'server_is_overloaded',
          message: 'The server is overloaded. Please try again later. (simulated)',
          param: null,
        });
      },
    };
  },

  completeBody(call, text, usage) {
    const ids = responseIds();
    return responseObject(
      call,
      ids,
      'completed',
      [messageItem(ids.item, text, 'completed')],
      usage,
    );
  },

  errorReply(fault: Fault, call, context) {
    return openAiErrorReply(fault, call, context);
  },

  listModels(path, models) {
    return path.endsWith('/models') ? openAiModelList(models) : undefined;
  },
};

let counter = 0;
function responseIds(): { response: string; item: string } {
  counter += 1;
  return { response: `resp_fake${counter}`, item: `msg_fake${counter}` };
}

function messageItem(id: string, text: string, status: string) {
  return {
    type: 'message',
    id,
    status,
    role: 'assistant',
    content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
  };
}

function responseObject(
  call: ModelCall,
  ids: { response: string },
  status: string,
  output: unknown[],
  usage: WireUsage | undefined,
) {
  return {
    id: ids.response,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    error: null,
    incomplete_details: null,
    instructions: call.system || null,
    model: call.model,
    output,
    parallel_tool_calls: true,
    temperature: null,
    tool_choice: 'auto',
    tools: [],
    top_p: null,
    text: call.schemaName
      ? {
          format: { type: 'json_schema', name: call.schemaName, schema: call.schema, strict: true },
        }
      : { format: { type: 'text' } },
    usage:
      usage === undefined
        ? null
        : {
            input_tokens: usage.inputTokens,
            input_tokens_details: { cached_tokens: usage.cachedInputTokens },
            output_tokens: usage.outputTokens,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: usage.inputTokens + usage.outputTokens,
          },
  };
}
