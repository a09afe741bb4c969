import { describeIssues } from './errors';
import { runtimeResponse, runtimeResults, type RuntimeRequest, type RuntimeRequestType, type RuntimeResult } from './runtime';
import { WalletError } from './wallet-error';

/**
 * A typed caller of the background for extension pages and content scripts. The transport is
 * passed in so this stays free of extension APIs; answers are parsed like any other input.
 */
export function createRuntimeClient(send: (message: RuntimeRequest) => Promise<unknown>) {
  return async function call<Type extends RuntimeRequestType>(
    request: Extract<RuntimeRequest, { type: Type }>,
  ): Promise<RuntimeResult<Type>> {
    const response = runtimeResponse.safeParse(await send(request));
    if (!response.success) throw new WalletError('INVALID_REQUEST', `Unexpected answer from the wallet: ${describeIssues(response.error)}`);
    if (!response.data.ok) {
      const { code, message, reason, shortMinor } = response.data.error;
      throw new WalletError(code, message, { reason, shortMinor });
    }
    const result = runtimeResults[request.type as Type].safeParse(response.data.result);
    if (!result.success) throw new WalletError('INVALID_REQUEST', `Unexpected answer from the wallet: ${describeIssues(result.error)}`);
    return result.data as RuntimeResult<Type>;
  };
}
export type RuntimeClient = ReturnType<typeof createRuntimeClient>;
