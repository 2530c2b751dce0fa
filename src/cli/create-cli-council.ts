/** The council of one `mlo` invocation: keys, settings and the transcripts folder from the environment. */
import { createCouncilService } from '../app/create-council-service';
import { runLimitsFromEnvironment } from '../app/run-admission';
import type { CouncilSettings } from '../app/council-settings';
import {
  credentialsFromEnvironment,
  dataDirFromEnvironment,
  settingsFromEnvironment,
  type Environment,
} from '../app/environment-config';
import { JsonlTranscriptStore } from '../app/jsonl-transcript-store';
import { createStderrLogger, type LogLevel } from '../app/logger';
import { PARTICIPANTS_SETTING, warningLine } from './warning-text';

export function createCliCouncil(
  env: Environment,
  write: (line: string) => void,
  level: LogLevel,
  adjust: (settings: CouncilSettings) => CouncilSettings = (settings) => settings,
) {
  const settings = adjust(settingsFromEnvironment(env));
  const dataDir = dataDirFromEnvironment(env);
  const transcripts = new JsonlTranscriptStore(dataDir);
  const council = createCouncilService({
    limits: runLimitsFromEnvironment(env),
    credentials: credentialsFromEnvironment(env),
    settings: () => settings,
    transcripts,
    logger: createStderrLogger({ prefix: 'mlo:', level, write, warning: warningLine }),
    participantsSetting: PARTICIPANTS_SETTING,
  });
  return { council, settings, dataDir, transcripts };
}
