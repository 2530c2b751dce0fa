/** Responses API status (+ incomplete_details.reason) -> the port's FinishReason. */
import type { FinishReason } from '../../core/language-model';

export function mapOpenAIFinishReason(
  status: string | undefined,
  incompleteReason?: string | null,
): FinishReason {
  switch (status) {
    case 'completed':
      return 'stop';
    case 'incomplete':
      if (incompleteReason === 'max_output_tokens') return 'length';
      if (incompleteReason === 'content_filter') return 'content-filter';
      return 'other';
    case 'failed':
      return 'error';
    default:
      return 'other';
  }
}
