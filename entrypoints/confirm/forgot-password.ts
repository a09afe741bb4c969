import { createContext } from 'preact';

/**
 * Opens "Forgot payment password?" in the confirm window, from whichever form asks for the
 * password (paying, filling a card, confirming receipt); undefined where nothing can open it.
 */
export const ForgotPassword = createContext<(() => void) | undefined>(undefined);
