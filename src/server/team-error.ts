/** A refusal the caller can act on: the message says what was wrong and which tool to use. */
export class TeamError extends Error {
  override readonly name = 'TeamError';
}
