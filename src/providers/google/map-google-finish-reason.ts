/** Gemini finishReason -> the port's FinishReason. */
import type { FinishReason } from '../../core/language-model';

const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
]);

export function mapGoogleFinishReason(reason: string | undefined): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason !== undefined && FILTERED.has(reason)) return 'content-filter';
  if (reason === 'MALFORMED_FUNCTION_CALL') return 'error';
  return 'other';
}
