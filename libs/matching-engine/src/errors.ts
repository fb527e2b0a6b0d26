/** Input the engine cannot interpret (malformed date, non-finite number, duplicate id, ...). */
export class MatchingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchingInputError';
  }
}
