/** Why the ledger refused a transfer or an account: typed results, never thrown strings. */
export type LedgerFailureCode =
  | 'invalid_input'
  | 'exists_with_different_fields'
  | 'id_already_failed'
  | 'linked_event_failed'
  | 'accounts_must_be_different'
  | 'account_not_found'
  | 'debit_account_not_found'
  | 'credit_account_not_found'
  | 'currency_mismatch'
  | 'insufficient_funds'
  | 'exceeds_limit'
  | 'overflow'
  | 'pending_transfer_not_found'
  | 'pending_transfer_not_pending'
  | 'pending_already_posted'
  | 'pending_already_voided'
  | 'exceeds_pending_amount';

export interface LedgerFailure {
  code: LedgerFailureCode;
  message: string;
}

export const fail = (code: LedgerFailureCode, message: string): LedgerFailure => ({ code, message });
