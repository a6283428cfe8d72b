import { AppError } from '../../core/errors';

/**
 * The fence around the one reach into botframework-connector's internals: its @azure/core-client pipeline
 * (`client.client.pipeline`), which no option exposes (the connector factory overwrites
 * `requestPolicyFactories`). If a release moves it, this throws instead of letting error answers pass as sent.
 */
export function connectorPipeline<P>(client: unknown, methods: readonly (keyof P & string)[]): P {
  const pipeline = (client as { client?: { pipeline?: Record<string, unknown> } })?.client?.pipeline;
  for (const method of methods)
    if (typeof pipeline?.[method] !== 'function')
      throw sdkChanged(`client.client.pipeline.${method} is missing`);
  return pipeline as P;
}

export function sdkChanged(detail: string): AppError {
  return new AppError('TEAMS_SDK_CHANGED', `botframework-connector changed: ${detail}`, { detail });
}
