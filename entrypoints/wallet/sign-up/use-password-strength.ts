import { useRef, useState } from 'preact/hooks';
import type { Strength } from '@/lib/account/password-scorer';

/**
 * The password scorer, fetched the first time the login password is used: its dictionaries weigh
 * about 237 KB gzipped, far more than the rest of the page, and most visits never reach it.
 */
export function usePasswordStrength() {
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; strength: Strength }>({
    status: 'idle',
  });
  const loading = useRef<Promise<Strength>>(undefined);

  const load = (): Promise<Strength> => {
    if (loading.current) return loading.current;
    setState({ status: 'loading' });
    loading.current = import('@/lib/account/password-strength').then(
      ({ passwordScore: strength }) => {
        setState({ status: 'ready', strength });
        return strength;
      },
      (error: unknown) => {
        // Forgotten, so the next focus or the submit tries again.
        loading.current = undefined;
        setState({ status: 'failed' });
        throw error;
      },
    );
    return loading.current;
  };

  // A failed preload shows in `status`; the submit awaits `load` and reports its error.
  const preload = () => void load().catch(() => undefined);

  return { ...state, load, preload };
}
export type PasswordMeter = ReturnType<typeof usePasswordStrength>;
