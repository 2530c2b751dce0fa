/**
 * Walks every string the extension can put into editor chrome (notifications and their buttons,
 * progress titles and messages, the status bar, quick picks and input boxes) in the TypeScript
 * source, and classifies what each is built from. A sink built from anything but fixed localised
 * text, numbers, and outside text passed through chromeText is listed below with the reason it
 * is safe; a new unaudited sink fails this test (docs/SECURITY.md, "No command links").
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SOURCE = join(ROOT, 'src', 'extension');

/** Sinks whose value is not fixed text, each checked by hand: file + expression -> why. */
const AUDITED: Record<string, string> = {
  'run/follow-run-with-progress.ts: title':
    'the progress title: built by the callers, each in this walk (l10n.t with chromeText)',
  'run/follow-run-with-progress.ts: result.status': 'a status enum of the engine',
  'run/follow-run-with-progress.ts: result.roundsCompleted': 'a number',
  'run/follow-run-with-progress.ts: describeProgress(undefined, undefined)':
    'describe-progress.ts: l10n.t of the phase enum and round number',
  'run/follow-run-with-progress.ts: describeProgress(event.phase, round)':
    'describe-progress.ts: l10n.t of the phase enum and round number',
  'run/follow-run-with-progress.ts: noticeProgressText(event.notice)':
    'notice-text.ts: l10n.t chosen by the notice cause, filled with the round number only',
  "run/follow-run-with-progress.ts: [finished, ...noticeOutcomeTexts(result.notices ?? [])].join(' ')":
    'l10n.t texts (this walk): the summary and notice-text.ts sentences chosen by cause',
  'run/notice-text.ts: roundOf(notice)': 'a number (Math.trunc of the round)',
  'run/notice-text.ts: roundList': 'round numbers (roundOf) joined by ", "',
  'run/run-status-bar.ts: describeProgress(latest.phase, latest.round)':
    'describe-progress.ts: l10n.t of the phase enum and round number',
  'run/run-status-bar.ts: running.length': 'a number',
  'run/describe-progress.ts: phase': 'the Phase enum of the engine (run-events.ts)',
  'run/describe-progress.ts: round': 'a number',
  'run/ask-instruction.ts: options.title': 'callers pass l10n.t with chromeText (this walk)',
  'run/ask-instruction.ts: options.placeholder': 'callers pass fixed l10n.t text',
  'run/ask-instruction.ts: typed.trim()': 'what the user is typing, echoed back to them',
  'run/ask-instruction.ts: label': 'an instruction the user typed earlier',
  'commands/pick-run.ts: options.title': 'callers pass fixed l10n.t text',
  'commands/set-api-key-command.ts: title': 'callers pass fixed l10n.t text',
  'commands/set-api-key-command.ts: provider.displayName':
    'pickProvider and the catalog lookup both pass it through chromeText',
  'commands/clear-api-key-command.ts: provider.displayName':
    'from pickProvider, which passes it through chromeText',
  'commands/refresh-models-command.ts: problems.length': 'a number',
  'apply/apply-consensus-result.ts: start.line + 1': 'a number',
};

const CHROME_CALLS = new Set(['showErrorMessage', 'showWarningMessage', 'showInformationMessage']);
const OPTION_PROPS = new Set(['title', 'prompt', 'placeHolder', 'placeholder', 'message']);
const ITEM_PROPS = new Set(['label', 'description', 'detail']);
const ASSIGNED_PROPS = new Set(['text', 'tooltip', 'title', 'placeholder', 'name']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function isL10nCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.expression.getText() === 'vscode.l10n.t';
}

/** The unaudited parts a chrome string is built from ([] = fixed text, numbers or chromeText). */
function taint(node: ts.Expression, file: ts.SourceFile, seen = new Set<ts.Node>()): string[] {
  if (seen.has(node)) return [];
  seen.add(node);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))
    return taint(node.expression, file, seen);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [];
  if (ts.isNumericLiteral(node)) return [];
  if (node.kind === ts.SyntaxKind.UndefinedKeyword || node.getText() === 'undefined') return [];
  if (ts.isCallExpression(node) && node.expression.getText() === 'chromeText') return [];
  if (isL10nCall(node)) return node.arguments.slice(1).flatMap((arg) => taint(arg, file, seen));
  if (ts.isConditionalExpression(node))
    return [...taint(node.whenTrue, file, seen), ...taint(node.whenFalse, file, seen)];
  if (ts.isTemplateExpression(node))
    return node.templateSpans.flatMap((span) => taint(span.expression, file, seen));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const text = node.getText();
    if (/^[\w.]+ \+ \d+$/.test(text)) return [text];
    return [...taint(node.left, file, seen), ...taint(node.right, file, seen)];
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, file);
    if (declaration?.initializer) return taint(declaration.initializer, file, seen);
  }
  return [node.getText()];
}

function findDeclaration(
  name: string,
  from: ts.Node,
  file: ts.SourceFile,
): ts.VariableDeclaration | undefined {
  let found: ts.VariableDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && node.name.getText() === name && node.pos < from.pos)
      found = node;
    ts.forEachChild(node, visit);
  };
  // The nearest enclosing function's declarations first, then the file's.
  let scope: ts.Node | undefined = from.parent;
  while (scope && !ts.isFunctionLike(scope)) scope = scope.parent;
  visit(scope ?? file);
  if (!found) visit(file);
  return found;
}

/** `{ title: x }` and the shorthand `{ title }` alike. */
function propertyValues(object: ts.ObjectLiteralExpression, names: Set<string>): ts.Expression[] {
  const values: ts.Expression[] = [];
  for (const prop of object.properties) {
    if (ts.isPropertyAssignment(prop) && names.has(prop.name.getText()))
      values.push(prop.initializer);
    if (ts.isShorthandPropertyAssignment(prop) && names.has(prop.name.text)) values.push(prop.name);
  }
  return values;
}

function chromeSinks(file: ts.SourceFile): ts.Expression[] {
  const sinks: ts.Expression[] = [];
  const hasQuickPick = /showQuickPick|createQuickPick/.test(file.text);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (CHROME_CALLS.has(method))
        sinks.push(...node.arguments.filter((arg) => !ts.isObjectLiteralExpression(arg)));
      if (['withProgress', 'showQuickPick', 'showInputBox', 'report'].includes(method)) {
        for (const arg of node.arguments) {
          if (!ts.isObjectLiteralExpression(arg)) continue;
          sinks.push(...propertyValues(arg, OPTION_PROPS));
        }
      }
    }
    if (hasQuickPick && ts.isObjectLiteralExpression(node)) {
      sinks.push(...propertyValues(node, ITEM_PROPS));
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ASSIGNED_PROPS.has(node.left.name.text) &&
      /item|pick/.test(node.left.expression.getText())
    )
      sinks.push(node.right);
    // Localised text is for the user's eyes, and most of it ends up in chrome through a
    // parameter (a progress title, an input box title): so every l10n.t is walked too.
    if (isL10nCall(node)) sinks.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sinks;
}

describe('chrome text: every notification, progress, status-bar and quick-pick string', () => {
  const files = sourceFiles(SOURCE).map((path) =>
    ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
  );

  it('is fixed localised text, a number, audited, or outside text through chromeText', () => {
    const found = new Map<string, string>();
    let sinkCount = 0;
    for (const file of files) {
      for (const sink of chromeSinks(file)) {
        sinkCount += 1;
        for (const part of taint(sink, file)) {
          const key = `${relative(SOURCE, file.fileName)}: ${part}`;
          const line = file.getLineAndCharacterOfPosition(sink.getStart()).line + 1;
          found.set(key, `line ${line}`);
        }
      }
    }
    assert.ok(sinkCount > 60, `the walk found only ${sinkCount} sinks: is it still looking?`);
    const unaudited = [...found.keys()].filter((key) => !(key in AUDITED));
    assert.deepEqual(
      unaudited.map((key) => `${key} (${found.get(key)})`),
      [],
      'chrome text built from something not audited: pass outside text through chromeText',
    );
  });

  it('keeps the audit list to sinks that still exist', () => {
    const all = new Set<string>();
    for (const file of files)
      for (const sink of chromeSinks(file))
        for (const part of taint(sink, file))
          all.add(`${relative(SOURCE, file.fileName)}: ${part}`);
    assert.deepEqual(
      Object.keys(AUDITED).filter((key) => !all.has(key)),
      [],
    );
  });
});
