/**
 * What the CLI prints for a ConfigurationError (src/app/configuration-error.ts), in the
 * invocation's language (cli-language.ts), chosen by its `problem`. Provider ids, participant
 * texts and judge ids are the user's own settings and go in as data. The English is the run
 * services' own message and hint (test/cli/cli-configuration-language.test.ts keeps the two
 * equal); an error without a problem prints its English message and hint as they are.
 */
import * as l10n from '@vscode/l10n';
import type { ConfigurationError, ConfigurationProblem } from '../app/configuration-error';
import { keyEnvVarsOf } from '../app/environment-config';
import { DEFAULT_MODELS, providerDisplayName } from '../providers/provider-registry';

export interface ErrorText {
  message: string;
  hint?: string | undefined;
}

export function configurationErrorText(error: ConfigurationError): ErrorText {
  return error.problem ? problemText(error.problem) : { message: error.message, hint: error.hint };
}

/** A participant text that is not provider:model (also MLO_PARTICIPANTS, read before a run). */
export function notAParticipantText(spec: string): string {
  return l10n.t(
    '"{0}" is not a participant. Write provider:model, e.g. openai:{1} or anthropic:{2}.',
    spec,
    DEFAULT_MODELS.openai,
    DEFAULT_MODELS.anthropic,
  );
}

/** How to give the CLI a provider's key: its environment variable(s). */
export function keyHint(provider: string): string {
  const [first = '', ...others] = keyEnvVarsOf(provider);
  return others.length === 0
    ? l10n.t('Set the environment variable {0}, e.g. export {0}=…', first)
    : l10n.t(
        'Set the environment variable {0} (or {1}), e.g. export {0}=…',
        first,
        others.join(', '),
      );
}

function problemText(problem: ConfigurationProblem): ErrorText {
  switch (problem.kind) {
    case 'unknown-provider':
      return {
        message: l10n.t(
          'Unknown provider "{0}" in participant "{1}".',
          problem.provider,
          problem.participant,
        ),
        hint: l10n.t(
          'Use one of: {0} (add an OpenAI-compatible endpoint in multiLlm.openaiCompatible.endpoints, or MLO_ENDPOINTS=id=url in standalone mode).',
          problem.known.join(', '),
        ),
      };
    case 'not-a-participant':
      return { message: notAParticipantText(problem.spec) };
    case 'no-model':
      return {
        message: l10n.t('Participant "{0}" names no model.', problem.provider),
        hint: l10n.t(
          "Write provider:model, e.g. {0}:<model id> ('mlo models' lists them).",
          problem.provider,
        ),
      };
    case 'no-api-key':
      return {
        message: l10n.t(
          'No API key for {0} (participant {1}).',
          providerDisplayName(problem.provider),
          problem.participant,
        ),
        hint: keyHint(problem.provider),
      };
    case 'too-few-participants':
      return {
        message:
          problem.configured === 0
            ? l10n.t('A run needs at least {0} participants; none is configured.', problem.minimum)
            : l10n.t(
                'A run needs at least {0} participants; only {1} is configured.',
                problem.minimum,
                problem.configured,
              ),
        hint: l10n.t(
          'Set the key of another vendor, or name at least two participants as provider:model (two models of one vendor work too, labelled single-vendor): the setting multiLlm.participants, MLO_PARTICIPANTS in standalone mode, or --participants openai:gpt-6.2-sol,anthropic:claude-sonnet-5-5 on the command line.',
        ),
      };
    case 'url-credentials':
      return {
        message: l10n.t(
          'The base URL of {0} contains a user name or password; it was not used.',
          providerDisplayName(problem.provider),
        ),
        hint: l10n.t(
          'Remove the credentials from the URL and give the key as the API key (Set API Key…, or the key environment variable).',
        ),
      };
    case 'empty-task':
      return { message: l10n.t('The task is empty; say what the council should do.') };
    case 'empty-question':
      return { message: l10n.t('The question is empty; say what the voters should answer.') };
    case 'judge-is-voter':
      return {
        message: l10n.t(
          'The judge {0} is also a voter; pick a judge that is not among the voters.',
          problem.judge,
        ),
      };
  }
}
