import type { ConsensusStatus, Ratification } from './consensus-types';

export function ratificationStatus(
  converged: boolean,
  participantCount: number,
  ratifications: Ratification[],
): ConsensusStatus {
  if (!converged) return 'provisional';
  const objections = ratifications.filter((ratification) => ratification.vote === 'object').length;
  // Unanimous = every participant of the run answered and nobody objects; an abstainer is not agreement.
  if (objections === 0 && ratifications.length === participantCount) return 'unanimous';
  if (objections * 2 < ratifications.length) return 'majority';
  return 'provisional';
}
