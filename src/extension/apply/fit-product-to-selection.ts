/**
 * Models often drop (or add) the final line break of the code they return. The product replaces
 * the selection exactly, so a lost newline would glue the next line onto the result. Keep the
 * selection's own ending: its trailing line break (and its style, \n or \r\n), or none.
 * Pure, unit-tested.
 */
export function fitProductToSelection(selection: string, product: string): string {
  const ending = /\r?\n$/.exec(selection)?.[0];
  const trimmed = product.replace(/\r?\n$/, '');
  return ending === undefined ? trimmed : trimmed + ending;
}
