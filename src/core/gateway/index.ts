// The GatewayAPI client and everything callers need to act on its errors.
export { GatewayClient, type GatewayClientOptions, type TokenSource } from './client';
export { GatewayError, isGatewayError, isAbortError, describeGatewayError, redactSecret, scrubSecret } from './errors';
export { classifyHttpError, parseErrorBody, parseRetryAfter, MAX_BODY_CHARS, MAX_RETRY_AFTER_MS } from './classifyHttp';
export { classifyTransportError, CONNECT_FAILED, type HttpMethod } from './classifyTransport';
export { countryFromVariable } from './country';
export { platformBaseUrl, validateBaseUrl, resolveBaseUrl, type Platform, type BaseUrlCheck } from './baseUrl';
export { buildSendBody, MAX_RECIPIENTS_PER_REQUEST, VALIDITY_PERIOD_S, VALIDITY_PERIOD_MS } from './sendBody';
export type * from './types';
