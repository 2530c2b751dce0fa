/**
 * Model text written to a terminal, made inert: an escape sequence in a product or a reason
 * (`ESC ]0;title BEL`, `ESC [2J`, OSC 8 links, OSC 52 clipboard writes) would otherwise be run
 * by the terminal. Every control character but newline and tab, and the bidi overrides that
 * reorder what is shown, is printed as a visible `\xNN` / `\uNNNN` escape instead. `--raw`
 * turns this off; pipes and files always get the bytes as they are.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafeText(text: string): string {
  return text.replace(CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
