import * as z from 'zod/mini';

/** The longest address a mail system accepts (RFC 5321's path limit). */
export const EMAIL_ADDRESS_MAX = 254;

/** An email address in the plain form every mail program takes: name@example.com. */
export const emailAddress = z.email().check(z.maxLength(EMAIL_ADDRESS_MAX));
