/**
 * Who sits on a council: the participants a run gets (explicit or configured), the vote judge
 * (never a voter), the availability report with each model's recent health, and the price
 * table a run is costed with. Read fresh from the settings at each call.
 */
import type { CostEstimator } from '../core/host-services';
import type { Participant, ParticipantInfo } from '../core/participant';
import { createPriceTableCostEstimator } from '../providers/pricing';
import { providerDisplayName } from '../providers/provider-registry';
import type { ParticipantStatus } from '../shared/council-service';
import type { CouncilServiceOptions } from './council-service-options';
import type { CouncilSettings } from './council-settings';
import { ConfigurationError } from './configuration-error';
import { errorOf } from './failed-result';
import type { Logger } from './logger';
import type { ParticipantHealth } from './participant-health';
import {
  participantIds,
  participantStatusOf,
  resolveParticipant,
  type ResolveContext,
} from './resolve-participants';
import { parseRequestedParticipants, selectParticipants } from './select-participants';

type PolicyOptions = Pick<
  CouncilServiceOptions,
  'credentials' | 'extraModelFactory' | 'extraParticipants' | 'modelOptions' | 'cost'
>;

/** A log note when every participant is from one vendor (the council then has one "voice"). */
export function singleVendorNote(participants: ParticipantInfo[]): string | undefined {
  const vendors = new Set(participants.map((participant) => participant.provider));
  return vendors.size === 1 ? `single-vendor run (${[...vendors][0]})` : undefined;
}

/** A ParticipantStatus without its availability fields: what the task ranking looks at. */
export function infoOfStatus(status: ParticipantStatus): ParticipantInfo {
  const { available: _a, keyPresent: _k, reason: _r, recentlyHealthy: _h, ...info } = status;
  return info;
}

export class ParticipantPolicy {
  private readonly sdkWarned = new Set<string>();

  constructor(
    private readonly options: PolicyOptions,
    private readonly logger: Logger,
    private readonly health: ParticipantHealth,
  ) {}

  resolveContext(settings: CouncilSettings): ResolveContext {
    return {
      settings,
      credentials: this.options.credentials,
      ...(this.options.extraModelFactory
        ? { extraModelFactory: this.options.extraModelFactory }
        : {}),
      ...(this.options.modelOptions ? { modelOptions: this.options.modelOptions } : {}),
      onRetry: (participantId, attempt, delayMs, error) =>
        this.logger.warn(
          `${participantId}: ${error.kind}: ${error.message}; retry ${attempt} in ${delayMs} ms`,
          {
            kind: 'retry',
            participantId,
            attempt,
            delayMs,
            error: error.kind,
            detail: error.message,
          },
        ),
      onSdkWarning: (participantId, provider, message) => {
        // The SDK may say the same on every call: once per participant and text.
        const key = `${participantId}\n${message}`;
        if (this.sdkWarned.has(key)) return;
        this.sdkWarned.add(key);
        this.logger.warn(
          `${participantId}: the ${providerDisplayName(provider)} SDK says: ${message}`,
          {
            kind: 'vendor-sdk',
            participantId,
            provider,
            detail: message,
          },
        );
      },
    };
  }

  costEstimator(settings: CouncilSettings): CostEstimator {
    return this.options.cost ?? createPriceTableCostEstimator(settings.priceOverrides ?? {});
  }

  /** The caller's `provider:model` list, or the configured defaults. */
  select(requested: string[] | undefined, settings: CouncilSettings): Promise<Participant[]> {
    return selectParticipants(requested, this.resolveContext(settings), this.logger);
  }

  /** Configured participants first, then the host's own models not already listed. */
  async list(settings: CouncilSettings): Promise<ParticipantStatus[]> {
    const context = this.resolveContext(settings);
    const ids = participantIds(settings.participants);
    const configured = await Promise.all(
      settings.participants.map((setting, index) =>
        participantStatusOf(setting, ids[index]!, context, this.health.of(ids[index]!)),
      ),
    );
    const extra = this.options.extraParticipants
      ? await this.options.extraParticipants().catch((error: unknown) => {
          this.logger.warn(`could not list the host's own models: ${errorOf(error).message}`);
          return [];
        })
      : [];
    const seen = new Set(configured.map((status) => status.id));
    return [
      ...configured,
      ...extra
        .filter((status) => !seen.has(status.id))
        .map((status) => {
          const healthy = this.health.of(status.id);
          return healthy === undefined ? status : { ...status, recentlyHealthy: healthy };
        }),
    ];
  }

  /**
   * The requested judge (refused when it is also a voter), else the first configured
   * participant that is not a voter, is available and did not just fail; else none.
   */
  async chooseJudge(
    requested: string | undefined,
    voters: Participant[],
    settings: CouncilSettings,
  ): Promise<Participant | undefined> {
    const context = this.resolveContext(settings);
    if (requested) {
      const [setting] = parseRequestedParticipants([requested]);
      const judge = await resolveParticipant(
        setting!,
        `${setting!.provider}:${setting!.model}`,
        context,
      );
      if (voters.some((voter) => voter.id === judge.id)) {
        throw new ConfigurationError(
          `The judge ${judge.id} is also a voter; pick a judge that is not among the voters.`,
          undefined,
          { kind: 'judge-is-voter', judge: judge.id },
        );
      }
      return judge;
    }
    const voterIds = new Set(voters.map((voter) => voter.id));
    const ids = participantIds(settings.participants);
    for (const [index, setting] of settings.participants.entries()) {
      const id = ids[index]!;
      if (voterIds.has(id)) continue;
      const status = await participantStatusOf(setting, id, context, this.health.of(id));
      if (status.available && status.recentlyHealthy !== false) {
        return resolveParticipant(setting, id, context);
      }
    }
    return undefined;
  }
}
