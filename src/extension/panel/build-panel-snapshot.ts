/**
 * The full state the panel renders, built by the host whenever the view is (re)created or
 * anything other than a live event changes. Never contains a key: provider readiness is a
 * boolean per provider.
 */
import * as vscode from 'vscode';
import type { RunEvent } from '../../core/run-events';
import type { ConsensusResult } from '../../core/consensus-types';
import type { ActiveRunSnapshot, PanelSnapshot } from '../../shared/host-to-webview';
import type { ProviderReadiness } from '../../shared/provider-status';
import type { ExtensionServices } from '../extension-services';
import { configuredModels, providerCatalog } from '../provider-catalog';
import { readCouncilSettings } from '../read-council-settings';
import { participantSpec } from '../parse-council-settings';
import { listEditorModels, VSCODE_LM_PROVIDER } from '../lm/vscode-lm-language-model';
import { compactRunEvents } from './run-event-buffer';
import { SIMULATED_PROVIDER_ID } from '../../providers/simulated/simulated-provider';
import { configuredModelNotes } from './provider-notes';

let lastVersion = 0;

/** Strictly increasing across all views of this window (the panel ignores older snapshots). */
function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now());
  return lastVersion;
}

export async function providerReadiness(services: ExtensionServices): Promise<ProviderReadiness[]> {
  const settings = readCouncilSettings();
  const notes = configuredModelNotes(settings);
  const notesOf = (provider: string) => {
    const own = notes.filter((note) => note.provider === provider);
    return own.length > 0 ? { notes: own } : {};
  };
  const providers = await Promise.all(
    providerCatalog(settings).map(async (entry): Promise<ProviderReadiness> => ({
      provider: entry.providerId,
      displayName: entry.displayName,
      keyPresent: entry.needsKey ? await services.credentials.hasApiKey(entry.providerId) : false,
      needsKey: entry.needsKey,
      models: configuredModels(settings, entry.providerId),
      ...notesOf(entry.providerId),
    })),
  );
  const editorModels = await listEditorModels();
  const configuredEditorModels = configuredModels(settings, VSCODE_LM_PROVIDER);
  if (editorModels.length > 0 || configuredEditorModels.length > 0) {
    providers.push({
      provider: VSCODE_LM_PROVIDER,
      displayName: vscode.l10n.t('Editor models'),
      keyPresent: false,
      needsKey: false,
      models: editorModels.length > 0 ? editorModels.map((m) => m.id) : configuredEditorModels,
    });
  }
  const simulated = configuredModels(settings, SIMULATED_PROVIDER_ID);
  if (simulated.length > 0) {
    // Dev mode (scripts/dev.mjs): the panel says these need no key instead of "No API keys yet".
    providers.push({
      provider: SIMULATED_PROVIDER_ID,
      displayName: vscode.l10n.t('Simulated participants'),
      keyPresent: false,
      needsKey: false,
      models: simulated,
    });
  }
  return providers;
}

async function activeRunSnapshot(
  services: ExtensionServices,
  runId: string,
): Promise<Omit<ActiveRunSnapshot, 'events'> & { events: () => RunEvent[] }> {
  const live = services.runs.liveEvents(runId);
  let events: () => RunEvent[];
  if (live) {
    // Read at post time, not now, so no event between now and the post is missed.
    events = () => services.runs.liveEvents(runId) ?? live;
  } else {
    const records = await services.council.readTranscript(runId).catch(() => []);
    const replay = compactRunEvents(
      runId,
      records.map(({ seq: _seq, ...event }) => event as RunEvent),
    );
    events = () => replay;
  }
  const result = await services.council.getResult(runId).catch(() => undefined);
  const consensus = result && 'status' in result ? (result as ConsensusResult) : undefined;
  const target = services.runs.targetOf(runId);
  return {
    runId,
    events,
    applyState: services.runs.applyStateOf(runId, consensus),
    ...(target ? { target: target.label } : {}),
  };
}

/** Returns a function that stamps and completes the snapshot at the moment it is posted. */
export async function preparePanelSnapshot(
  services: ExtensionServices,
): Promise<() => PanelSnapshot> {
  const settings = readCouncilSettings();
  const [providers, history] = await Promise.all([
    providerReadiness(services),
    services.council.listRuns().catch((error: unknown) => {
      services.log.warn(`could not list runs: ${String(error)}`);
      return [];
    }),
  ]);
  const runId = services.runs.activeRunId;
  const active = runId ? await activeRunSnapshot(services, runId) : undefined;
  return () => {
    const notice = services.runs.takeNotice();
    return {
      version: nextVersion(),
      locale: vscode.env.language,
      providers,
      history: [...history].sort((a, b) => b.startedAt - a.startedAt),
      ...(active
        ? {
            activeRun: {
              runId: active.runId,
              events: active.events(),
              applyState: active.applyState,
              ...(active.target ? { target: active.target } : {}),
            },
          }
        : {}),
      defaults: {
        maxRounds: settings.maxRounds,
        participants: settings.participants.map(participantSpec),
      },
      ...(notice ? { notice } : {}),
    };
  };
}
