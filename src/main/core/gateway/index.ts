// The GatewayAPI client and everything callers need to act on its errors.
export { GatewayClient, type GatewayClientOptions, type TokenSource } from './client';
export {
  GatewayError,
  isGatewayError,
  isAbortError,
  describeGatewayError,
} from './errors';
export { classifyHttpError, parseErrorBody, parseRetryAfter, MAX_BODY_CHARS } from './classify-http';
export { classifyTransportError, type HttpMethod } from './classify-transport';
export { platformBaseUrl, validateBaseUrl, resolveBaseUrl, type Platform, type BaseUrlCheck } from './base-url';
export { buildSendBody, MAX_RECIPIENTS_PER_REQUEST } from './send-body';
export type * from './types';
