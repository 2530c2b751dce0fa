/**
 * Text from outside the extension (a file name, a display name or base URL from settings, a run
 * title an MCP agent chose, a model id a vendor listed) made inert for editor chrome: VS Code
 * turns `[label](command:…)` in a notification into a link that runs the command, and `$(icon)`
 * in quick picks and the status bar into an icon. Without `[`, `]`, `$` and backticks neither
 * syntax can form; control and bidi characters go too, and the length is capped. Errors and
 * model text never reach chrome even in this form: they get fixed messages (docs/SECURITY.md).
 */
const SYNTAX: Record<string, string> = { '[': '［', ']': '］', $: '＄', '`': 'ˋ' };

export function chromeText(outside: string, maxLength = 80): string {
  const flat = outside
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/[[\]$`]/g, (char) => SYNTAX[char] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...flat];
  return chars.length <= maxLength ? flat : `${chars.slice(0, maxLength - 1).join('')}…`;
}
