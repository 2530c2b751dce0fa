/**
 * Every English string the user can see has its Japanese translation: the manifest's %keys%
 * (package.nls.json / package.nls.ja.json) and each vscode.l10n.t() literal in src/extension
 * (l10n/bundle.l10n.ja.json). A string added without a translation fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

function l10nLiterals(): { strings: Set<string>; nonLiteral: string[] } {
  const strings = new Set<string>();
  const nonLiteral: string[] = [];
  for (const file of sourceFiles(path.join(root, 'src/extension'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === 'vscode.l10n.t') {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          strings.add(first.text);
        } else {
          nonLiteral.push(`${path.relative(root, file)}: ${node.getText(source).slice(0, 80)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { strings, nonLiteral };
}

describe('localisation (English and Japanese)', () => {
  it('translates every manifest string referenced from package.json', () => {
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    assert.ok(keys.length > 30, 'the manifest uses %keys% for its titles and descriptions');
    const english = readJson('package.nls.json');
    const japanese = readJson('package.nls.ja.json');
    assert.deepEqual(
      keys.filter((key) => !(key in english)),
      [],
      'missing in package.nls.json',
    );
    assert.deepEqual(
      Object.keys(english).filter((key) => !(key in japanese)),
      [],
      'missing in package.nls.ja.json',
    );
  });

  it('translates every vscode.l10n.t string of the extension host', () => {
    const { strings, nonLiteral } = l10nLiterals();
    assert.deepEqual(nonLiteral, [], 'l10n.t needs a literal so the bundle can hold it');
    const bundle = readJson('l10n/bundle.l10n.ja.json');
    assert.deepEqual(
      [...strings].filter((s) => !(s in bundle)),
      [],
      'missing in bundle.l10n.ja.json',
    );
  });

  it('keeps the {n} placeholders of each translation', () => {
    const bundle = readJson('l10n/bundle.l10n.ja.json') as Record<string, string>;
    const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
    for (const [english, japanese] of Object.entries(bundle)) {
      assert.equal(placeholders(japanese), placeholders(english), english);
    }
  });
});
