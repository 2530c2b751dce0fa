/** Size limits of tool inputs: big enough for real code, small enough to refuse a runaway paste. */
export const MAX_TASK_CHARS = 200_000;
export const MAX_SELECTION_CHARS = 400_000;
export const MAX_CONTEXT_CHARS = 400_000;
export const MAX_PRODUCT_CHARS = 400_000;
export const MAX_PARTICIPANTS = 8;
