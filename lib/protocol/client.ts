import { describeIssues } from './errors';
import { NoAnswerError } from './no-answer';
import type { RuntimeRequest, RuntimeRequestType, RuntimeResult, runtimeResults } from './runtime';
import { runtimeResponse } from './runtime-response';
import { WalletError } from './wallet-error';

/**
 * A typed caller of the background for extension pages and content scripts. The transport is
 * passed in so this stays free of extension APIs; answers are parsed like any other input.
 */
export function createRuntimeClient<Types extends RuntimeRequestType>(
  send: (message: RuntimeRequest) => Promise<unknown>,
  /** The answers this caller expects, so each bundle carries only the schemas it uses. */
  results: Pick<typeof runtimeResults, Types>,
) {
  return async function call<Type extends Types>(request: Extract<RuntimeRequest, { type: Type }>): Promise<RuntimeResult<Type>> {
    let answer: unknown;
    try {
      answer = await send(request);
    } catch (error) {
      throw new NoAnswerError(error instanceof Error ? error.message : String(error));
    }
    if (answer === undefined) throw new NoAnswerError('The wallet gave no answer');
    const response = runtimeResponse.safeParse(answer);
    if (!response.success) throw new WalletError('INVALID_REQUEST', `Unexpected answer from the wallet: ${describeIssues(response.error)}`);
    if (!response.data.ok) {
      const { code, message, ...details } = response.data.error;
      throw new WalletError(code, message, details);
    }
    const result = (results[request.type as Type] as (typeof runtimeResults)[Type]).safeParse(response.data.result);
    if (!result.success) throw new WalletError('INVALID_REQUEST', `Unexpected answer from the wallet: ${describeIssues(result.error)}`);
    return result.data as RuntimeResult<Type>;
  };
}
export type RuntimeClient<Types extends RuntimeRequestType = RuntimeRequestType> = ReturnType<typeof createRuntimeClient<Types>>;
