import type { RunContext } from './run-context';
import { RunCancelledError } from './call-participant';

/** Rejects with RunCancelledError as soon as the run is cancelled, whatever the calls do. */
export function raceCancel<T>(context: RunContext, work: Promise<T>): Promise<T> {
  // The raced work may still reject after the run is cancelled; observe it so it is never unhandled.
  work.catch(() => undefined);
  if (context.cancelled) return Promise.reject(new RunCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunCancelledError());
    context.signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        context.signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        context.signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
