/**
 * Multi-LLM: Export Run… — a run's transcript as JSON (the records as stored) or Markdown,
 * written where the user picks in a save dialog. Transcripts hold no keys (core invariant).
 */
import * as vscode from 'vscode';
import { exportFileName, exportRun as renderExport, type ExportFormat } from '../../app/export-run';
import type { ExtensionServices } from '../extension-services';
import { pickRun } from './pick-run';
import { chromeText } from '../notify/chrome-text';

export async function exportRun(
  services: ExtensionServices,
  runId: string,
  format: ExportFormat,
): Promise<vscode.Uri | undefined> {
  const records = await services.council.readTranscript(runId);
  // The same files as `mlo export` writes (src/app), secrets redacted there as well.
  const content = renderExport(runId, records, format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export council run'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, exportFileName(runId, format)) } : {}),
    filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  services.log.info(`run ${runId}: exported as ${format}`);
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Run exported to {0}.', chromeText(vscode.workspace.asRelativePath(target))),
    open,
  );
  if (choice === open) await vscode.window.showTextDocument(target);
  return target;
}

export function registerExportRunCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'multiLlm.exportRun',
      async (runIdArg?: unknown, formatArg?: unknown) => {
        const runId =
          typeof runIdArg === 'string'
            ? runIdArg
            : (await pickRun(services, { title: vscode.l10n.t('Export which run?') }))?.runId;
        if (!runId) return undefined;
        let format: ExportFormat | undefined =
          formatArg === 'json' || formatArg === 'markdown' ? formatArg : undefined;
        if (!format) {
          const picked = await vscode.window.showQuickPick(
            [
              {
                label: 'Markdown',
                description: vscode.l10n.t('readable report'),
                format: 'markdown' as const,
              },
              {
                label: 'JSON',
                description: vscode.l10n.t('lossless, the full transcript'),
                format: 'json' as const,
              },
            ],
            { title: vscode.l10n.t('Export format') },
          );
          format = picked?.format;
        }
        if (!format) return undefined;
        try {
          return await exportRun(services, runId, format);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          services.log.error(`run ${runId}: export failed: ${message}`);
          const showLog = vscode.l10n.t('Show Log');
          const choice = await vscode.window.showErrorMessage(
            vscode.l10n.t('The export failed. The log has the details.'),
            showLog,
          );
          if (choice === showLog) services.log.show(true);
          return undefined;
        }
      },
    ),
  );
}
