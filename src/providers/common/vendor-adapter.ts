/**
 * The skeleton every vendor adapter shares: one model call is our retries around a watched
 * attempt (../common/generate-with-retries), in which a client of the vendor's SDK streams one
 * answer; a model list is one watched attempt that pages through the vendor's list. A vendor
 * folder fills in only what is its SDK's: how a client is built (`await import` of its own SDK,
 * on first use), how its errors are classified, how one answer is streamed and how its model
 * list is read. This file imports no SDK.
 */
import type { LanguageModel, ModelRequest, ModelResponse } from '../../core/language-model';
import type { ModelError } from '../../core/model-error';
import type { ReasoningEffort } from '../../core/reasoning-effort';
import { byId, type ModelListing } from '../model-listing';
import { buildModelError, type ClassifiedFailure } from './build-model-error';
import { generateWithRetries } from './generate-with-retries';
import type { ModelAdapterSettings } from './model-adapter-settings';
import { attemptContext, runWatchedAttempt, type AttemptContext } from './run-watched-attempt';

/** What one streamed call gets besides the client. */
export interface AdapterCall {
  modelId: string;
  request: ModelRequest;
  effort: ReasoningEffort | undefined;
  /** The error to throw for a failure the stream itself reports (an in-stream error, a cut). */
  fail(failure: ClassifiedFailure): ModelError;
}

export interface VendorAdapter<Client> {
  /** A client of the vendor's SDK whose requests go through `watchedFetch`. */
  createClient(settings: ModelAdapterSettings, watchedFetch?: typeof fetch): Promise<Client>;
  /** The vendor's errors (SDK or HTTP) as one of our failure kinds. */
  classify: AttemptContext['classify'];
  /** Sends the request and reads the streamed answer. */
  stream(client: Client, call: AdapterCall): Promise<ModelResponse>;
  /** The entries of the vendor's model list, read off its pages. */
  listModels(client: Client, signal: AbortSignal): AsyncIterable<ModelListing>;
}

/** A vendor's model over its adapter: the LanguageModel port of src/core/language-model.ts. */
export class AdapterLanguageModel<Client> implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly settings: ModelAdapterSettings,
    private readonly adapter: VendorAdapter<Client>,
  ) {
    this.provider = settings.identity.providerId;
  }

  generate(request: ModelRequest): Promise<ModelResponse> {
    const { settings, adapter, modelId } = this;
    const fail = (failure: ClassifiedFailure) =>
      buildModelError(failure, settings.identity, modelId);
    return generateWithRetries(settings, modelId, request, adapter.classify, async (fetch) =>
      adapter.stream(await adapter.createClient(settings, fetch), {
        modelId,
        request,
        effort: settings.effort,
        fail,
      }),
    );
  }
}

/** The models the key can use, sorted by id: one watched attempt (idle timeout, abort, errors mapped). */
export function listModelsThrough<Client>(
  adapter: VendorAdapter<Client>,
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<ModelListing[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, adapter.classify),
    async (watchedFetch) => {
      const client = await adapter.createClient(settings, watchedFetch);
      const models: ModelListing[] = [];
      for await (const model of adapter.listModels(client, signal)) models.push(model);
      return models.sort(byId);
    },
  );
}
