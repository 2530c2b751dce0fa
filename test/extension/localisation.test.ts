/**
 * Every English string the user can see has its Japanese translation: the manifest's %keys%
 * (package.nls.json / package.nls.ja.json), each vscode.l10n.t() literal in src/extension and
 * each @vscode/l10n `l10n.t()` literal of the command line (src/cli, and the set-up errors of
 * src/server it prints), all in l10n/bundle.l10n.ja.json. A string added without a translation
 * fails here.
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

/** Where the translated strings are, and the call that marks them there. */
const LOCALISED = [
  { dir: 'src/extension', call: 'vscode.l10n.t' },
  { dir: 'src/cli', call: 'l10n.t' },
  { dir: 'src/server', call: 'l10n.t' },
];

function l10nLiterals(dir: string, call: string): { strings: Set<string>; nonLiteral: string[] } {
  const strings = new Set<string>();
  const nonLiteral: string[] = [];
  for (const file of sourceFiles(path.join(root, dir))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === call) {
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

  for (const { dir, call } of LOCALISED) {
    it(`translates every ${call} string of ${dir}`, () => {
      const { strings, nonLiteral } = l10nLiterals(dir, call);
      assert.ok(strings.size > 0, `${dir} marks its strings with ${call}`);
      assert.deepEqual(nonLiteral, [], 'l10n.t needs a literal so the bundle can hold it');
      const bundle = readJson('l10n/bundle.l10n.ja.json');
      assert.deepEqual(
        [...strings].filter((s) => !(s in bundle)),
        [],
        'missing in bundle.l10n.ja.json',
      );
    });
  }

  it('keeps the {n} placeholders of each translation', () => {
    const bundle = readJson('l10n/bundle.l10n.ja.json') as Record<string, string>;
    const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
    for (const [english, japanese] of Object.entries(bundle)) {
      assert.equal(placeholders(japanese), placeholders(english), english);
    }
  });
});
