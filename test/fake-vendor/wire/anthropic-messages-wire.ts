/**
 * Anthropic Messages wire format (POST /v1/messages), from @anthropic-ai/sdk's
 * RawMessageStreamEvent types and the streaming reference: `event: message_start`,
 * content_block_start, ping, content_block_delta (text_delta)…, content_block_stop,
 * message_delta (stop_reason + output usage), message_stop; an in-stream failure is
 * `event: error` with { type: "error", error: { type: "overloaded_error", … } }.
 * `usage.input_tokens` excludes cache reads (cache_read_input_tokens), as the real API does.
 */
import type { Fault, ModelCall } from '../script-rule';
import type { ErrorReply, FaultContext, StreamFrames, VendorWire, WireUsage } from './vendor-wire';
import { asRecord, contentText, sseFrame } from './vendor-wire';

let counter = 0;

export const anthropicMessagesWire: VendorWire = {
  parseCall(path, body): ModelCall | undefined {
    if (!path.endsWith('/v1/messages')) return undefined;
    const record = asRecord(body);
    const messages = Array.isArray(record.messages) ? record.messages.map(asRecord) : [];
    const format = asRecord(asRecord(record.output_config).format ?? record.output_format);
    const tools = Array.isArray(record.tools) ? record.tools.map(asRecord) : [];
    const forcedTool = tools[0];
    return {
      vendor: 'anthropic',
      model: String(record.model ?? ''),
      system: contentText(record.system),
      userText: messages
        .filter((message) => message.role === 'user')
        .map((message) => contentText(message.content))
        .join('\n'),
      ...(format.type === 'json_schema'
        ? { schema: format.schema }
        : forcedTool !== undefined
          ? { schemaName: String(forcedTool.name ?? ''), schema: forcedTool.input_schema }
          : {}),
      stream: record.stream === true,
    };
  },

  streamFrames(call, text, usage): StreamFrames {
    counter += 1;
    const message = messageObject(call, `msg_fake${counter}`, [], null, {
      ...wireUsage(usage),
      output_tokens: 1,
    });
    return {
      contentType: 'text/event-stream; charset=utf-8',
      head: [
        sseFrame({ type: 'message_start', message }, 'message_start'),
        sseFrame(
          {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'text', text: '', citations: null },
          },
          'content_block_start',
        ),
        sseFrame({ type: 'ping' }, 'ping'),
      ],
      delta: (piece) =>
        sseFrame(
          { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } },
          'content_block_delta',
        ),
      tail: [
        sseFrame({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
        sseFrame(
          {
            type: 'message_delta',
            delta: { stop_reason: 'end_turn', stop_sequence: null },
            usage: {
              input_tokens: wireUsage(usage).input_tokens,
              cache_read_input_tokens: usage.cachedInputTokens,
              cache_creation_input_tokens: 0,
              output_tokens: usage.outputTokens,
            },
          },
          'message_delta',
        ),
        sseFrame({ type: 'message_stop' }, 'message_stop'),
      ],
      overloadedFrame: sseFrame(
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
        'error',
      ),
    };
  },

  completeBody(call, text, usage) {
    counter += 1;
    return messageObject(
      call,
      `msg_fake${counter}`,
      [{ type: 'text', text, citations: null }],
      'end_turn',
      wireUsage(usage),
    );
  },

  errorReply(fault: Fault, call: ModelCall, context: FaultContext): ErrorReply {
    const error = (status: number, type: string, message: string): ErrorReply => ({
      status,
      headers: { 'request-id': `req_fake${++counter}` },
      body: { type: 'error', error: { type, message }, request_id: `req_fake${counter}` },
    });
    switch (fault) {
      case 'rate-limited':
        return {
          ...error(
            429,
            'rate_limit_error',
            'Number of request tokens has exceeded your per-minute rate limit. (simulated)',
          ),
          headers: {
            'retry-after': context.retryAfter,
            ...(context.retryAfterMs === undefined
              ? {}
              : { 'retry-after-ms': String(context.retryAfterMs) }),
          },
        };
      case 'overloaded':
        return error(529, 'overloaded_error', 'Overloaded');
      case 'unavailable':
        return error(503, 'api_error', 'Service unavailable. (simulated)');
      case 'unauthorized':
        return error(401, 'authentication_error', 'invalid x-api-key');
      case 'insufficient-quota':
        return error(
          400,
          'invalid_request_error',
          'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
        );
      case 'model-not-found':
        return error(404, 'not_found_error', `model: ${call.model}`);
      case 'bad-request':
        return error(400, 'invalid_request_error', 'messages: field required (simulated)');
      default:
        return error(500, 'api_error', 'Internal server error (simulated)');
    }
  },

  listModels(path, models, query) {
    if (!path.endsWith('/v1/models')) return undefined;
    // Retired models are listed only when the `lifecycle` filter asks for them (ModelListParams).
    const wanted = query.getAll('lifecycle').concat(query.getAll('lifecycle[]')).join(',');
    const listed = models.filter(
      (model) => model.lifecycle !== 'retired' || wanted.includes('retired'),
    );
    return {
      data: listed.map((model) => ({
        type: 'model',
        id: model.id,
        display_name: model.id,
        created_at: '2026-01-01T00:00:00Z',
        capabilities: null,
        lifecycle: model.lifecycle ?? 'active',
        deprecated_at: model.deprecatedAt ? `${model.deprecatedAt}T00:00:00Z` : null,
        retires_at: model.shutdownDate ? `${model.shutdownDate}T00:00:00Z` : null,
        line: null,
        max_input_tokens: 1_000_000,
        max_tokens: 128_000,
      })),
      has_more: false,
      first_id: listed[0]?.id ?? null,
      last_id: listed[listed.length - 1]?.id ?? null,
    };
  },
};

function wireUsage(usage: WireUsage) {
  return {
    input_tokens: usage.inputTokens - usage.cachedInputTokens,
    cache_read_input_tokens: usage.cachedInputTokens,
    cache_creation_input_tokens: 0,
    output_tokens: usage.outputTokens,
    server_tool_use: null,
    service_tier: 'standard',
  };
}

function messageObject(
  call: ModelCall,
  id: string,
  content: unknown[],
  stopReason: string | null,
  usage: Record<string, unknown>,
) {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: call.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage,
  };
}
