import { useState } from 'preact/hooks';
import { errorText } from './error-text';

/** One request at a time from a form: busy while it runs, its error in the UI language, done once it succeeded. */
export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  async function run(request: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await request();
      setDone(true);
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run };
}
