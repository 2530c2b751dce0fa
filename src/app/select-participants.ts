/**
 * Which participants a run gets: the caller's explicit `provider:model` list (every one must be
 * usable, else a ConfigurationError says what to set), or the configured defaults (those
 * without a key are left out while at least two remain, so one missing key does not block).
 */
import { ConfigurationError } from './configuration-error';
import type { ParticipantSetting } from './council-settings';
import { parseParticipantSpec, ParticipantSpecError } from './environment-config';
import type { Logger } from './logger';
import {
  connectionOf,
  knownProviders,
  participantIds,
  participantStatusOf,
  resolveParticipants,
  type ResolveContext,
} from './resolve-participants';
import type { Participant } from '../core/participant';

export const MIN_PARTICIPANTS = 2;

export function parseRequestedParticipants(specs: string[]): ParticipantSetting[] {
  return specs.map((spec) => {
    try {
      return parseParticipantSpec(spec);
    } catch (error) {
      if (error instanceof ParticipantSpecError) {
        throw new ConfigurationError(error.message, undefined, {
          kind: 'not-a-participant',
          spec: error.spec,
        });
      }
      throw error;
    }
  });
}

export async function selectParticipants(
  requested: string[] | undefined,
  context: ResolveContext,
  logger: Logger,
  minimum = MIN_PARTICIPANTS,
): Promise<Participant[]> {
  let settings: ParticipantSetting[];
  if (requested && requested.length > 0) {
    settings = parseRequestedParticipants(requested);
  } else {
    const configured = context.settings.participants;
    const ids = participantIds(configured);
    const statuses = await Promise.all(
      configured.map((setting, index) =>
        participantStatusOf(setting, ids[index]!, context, undefined),
      ),
    );
    const usable = configured.filter((_, index) => statuses[index]!.available);
    if (usable.length >= minimum && usable.length < configured.length) {
      for (const status of statuses.filter((s) => !s.available)) {
        logger.warn(`${status.id} left out of this run: ${status.reason ?? 'not available'}`, {
          kind: 'left-out',
          participantId: status.id,
          provider: status.provider,
          why: connectionOf(status.provider, context.settings) ? 'no-api-key' : 'unknown-provider',
          known: knownProviders(context.settings),
        });
      }
      settings = usable;
    } else {
      // Too few usable: resolve them all so the error names what to set.
      settings = configured;
    }
  }
  // Each named participant is checked first, so the error names the real problem.
  const participants = await resolveParticipants(settings, context);
  if (participants.length < minimum) {
    throw new ConfigurationError(
      `A run needs at least ${minimum} participants; ${settings.length === 0 ? 'none is' : `only ${settings.length} is`} configured.`,
      'Set the key of another vendor, or name at least two participants as provider:model (two models of one vendor work too, labelled single-vendor): the setting multiLlm.participants, MLO_PARTICIPANTS in standalone mode, or --participants openai:gpt-6.2-sol,anthropic:claude-sonnet-5-5 on the command line.',
      { kind: 'too-few-participants', minimum, configured: settings.length },
    );
  }
  return participants;
}
