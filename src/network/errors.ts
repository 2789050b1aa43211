/** A network query that cannot be answered: an unknown id (not_found) or a bad parameter (invalid). */
export class NetworkQueryError extends Error {
  override name = 'NetworkQueryError';
  constructor(
    readonly kind: 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
