// The GatewayAPI client and everything callers need to act on its errors.
export { GatewayClient, type GatewayClientOptions, type TokenSource } from './client';
export {
  GatewayError,
  isGatewayError,
  isAbortError,
  describeGatewayError,
  redactSecret,
  scrubSecret,
} from './errors';
export { classifyHttpError, parseErrorBody, parseRetryAfter, MAX_BODY_CHARS, MAX_RETRY_AFTER_MS } from './classify-http';
export { classifyTransportError, CONNECT_FAILED, type HttpMethod } from './classify-transport';
export { countryFromVariable } from './country';
export { platformBaseUrl, validateBaseUrl, resolveBaseUrl, type Platform, type BaseUrlCheck } from './base-url';
export { buildSendBody, MAX_RECIPIENTS_PER_REQUEST, VALIDITY_PERIOD_S, VALIDITY_PERIOD_MS } from './send-body';
export type * from './types';
