/** --participants a,b,c -> the spec strings (validated later, with what-to-fix errors). */
export function participantsFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const specs = value
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  return specs.length > 0 ? specs : undefined;
}
