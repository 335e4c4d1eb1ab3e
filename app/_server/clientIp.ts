/**
 * Set by the app server from the socket address (or, with TRUST_PROXY=1, the first
 * X-Forwarded-For entry) and overwritten on every request, so clients cannot forge it.
 */
export const CLIENT_IP_HEADER = "x-specwright-client-ip";
