import { readSampleBackup } from './store.js';

/**
 * The sample backup's client records and what the gateway's RFC 7592 PUT makes of them (the
 * client lifecycle's byte-compatibility fixtures, shared by its API and CLI tests).
 */

const SAMPLE = readSampleBackup().registrations as Record<string, { value: string }>;
export const UNICODE = 'client_TrQGsD7xHypvy1XQu1qt3g';
export const GATEWAY = 'client_3SvF7px4c_BY7LPz2ezxlg';
export const TEST = 'client_7pycEZkYab2d0ktIp4YXsA';
export const sample = (id: string) => (SAMPLE[id] as { value: string }).value;

/**
 * What the gateway's `PUT /register/{id}` writes for these bodies (reference/gateway-data.md §10:
 * rfc7592.py loads the record, sets redirect_uris (json.dumps of the list), client_name, client_uri,
 * logo_uri, contacts (a list), tos_uri, policy_uri and scope in that order, existing keys in place
 * and new ones appended, then json.dumps with its defaults), for the sample backup's records. The
 * bytes were computed with Python 3's json module over the sample's values and are written here
 * literally.
 */
export const PUT_UNICODE_BODY = {
  clientName: 'Café ☃ 🚀 client',
  redirectUris: ['https://app.example.com/cb', 'http://localhost:8080/cb'],
  clientUri: 'https://app.example.com',
  logoUri: 'https://app.example.com/logo.png',
  contacts: ['ops@example.com', 'Jörg <jorg@example.com>'],
  tosUri: 'https://app.example.com/tos',
  policyUri: 'https://app.example.com/privacy',
  scope: 'openid mcp:read',
};
export const PUT_UNICODE_BYTES = String.raw`{"client_id": "client_TrQGsD7xHypvy1XQu1qt3g", "client_secret": "oRSqMk-GUsQ02Ex7JA2iBP2ZCf-gnn65YzBxkC2FdU8", "client_secret_expires_at": 1803483266, "client_id_issued_at": 1795707266, "redirect_uris": "[\"https://app.example.com/cb\", \"http://localhost:8080/cb\"]", "client_name": "Caf\u00e9 \u2603 \ud83d\ude80 client", "scope": "openid mcp:read", "created_at": 1795707266, "response_types": "[\"code\"]", "grant_types": "[\"authorization_code\", \"refresh_token\"]", "registration_access_token": "reg-_JGmwGQ-NK7Ai-ZdnGfmVWWd8LHK2Ks7yxHwrUGq67M", "client_uri": "https://app.example.com", "logo_uri": "https://app.example.com/logo.png", "contacts": ["ops@example.com", "J\u00f6rg <jorg@example.com>"], "tos_uri": "https://app.example.com/tos", "policy_uri": "https://app.example.com/privacy"}`;

export const PUT_GATEWAY_BODY = { scope: 'openid profile email mcp:admin', contacts: ['admin@example.com'], policyUri: 'https://auth.example.com/privacy' };
export const PUT_GATEWAY_BYTES = String.raw`{"client_id": "client_3SvF7px4c_BY7LPz2ezxlg", "client_secret": "N0gbV7rLzMtxlDrEQaVmaxAkBDATofyDhaFKyx0Qgy0", "client_secret_expires_at": 1803483266, "client_id_issued_at": 1795707266, "redirect_uris": "[\"https://auth.example.com/success\"]", "client_name": "MCP OAuth Gateway Client", "scope": "openid profile email mcp:admin", "created_at": 1795707266, "response_types": "[\"code\"]", "grant_types": "[\"authorization_code\", \"refresh_token\"]", "registration_access_token": "reg-gAc9stRvcQ9UnuM8yhGy_CEnSHVoJLTdOm4gqjc6bdg", "contacts": ["admin@example.com"], "policy_uri": "https://auth.example.com/privacy"}`;

/** A second PUT on that result: `contacts` changes in place, `client_uri` is new and goes last. */
export const PUT_AGAIN_BODY = { clientUri: 'https://auth.example.com', contacts: ['admin@example.com', 'oncall@example.com'] };
export const PUT_AGAIN_BYTES = String.raw`{"client_id": "client_3SvF7px4c_BY7LPz2ezxlg", "client_secret": "N0gbV7rLzMtxlDrEQaVmaxAkBDATofyDhaFKyx0Qgy0", "client_secret_expires_at": 1803483266, "client_id_issued_at": 1795707266, "redirect_uris": "[\"https://auth.example.com/success\"]", "client_name": "MCP OAuth Gateway Client", "scope": "openid profile email mcp:admin", "created_at": 1795707266, "response_types": "[\"code\"]", "grant_types": "[\"authorization_code\", \"refresh_token\"]", "registration_access_token": "reg-gAc9stRvcQ9UnuM8yhGy_CEnSHVoJLTdOm4gqjc6bdg", "contacts": ["admin@example.com", "oncall@example.com"], "policy_uri": "https://auth.example.com/privacy", "client_uri": "https://auth.example.com"}`;
