export { parseEnv, readEnvFile, setEnvVars, formatEnvValue, type EnvMap, type EnvUpdateResult } from './env-file.js';
export { generateJwtSecret, tokenUrlSafe, writeJwtSecret, type JwtSecretResult } from './secrets.js';
export {
  validatePrivateKeyB64,
  generateRsaKeyB64,
  publicKeyPem,
  jwksEntry,
  ensureRsaKey,
  MIN_RSA_BITS,
  JWKS_KID,
  type KeyValidation,
  type RsaPublicJwk,
  type EnsureRsaKeyResult,
} from './rsa-keys.js';
export {
  decodeJwt,
  signJwt,
  verifySignature,
  checkClaims,
  resolveVerificationKey,
  MalformedJwtError,
  type JwtAlgorithm,
  type SigningKey,
  type VerificationKey,
  type DecodedJwt,
} from '../../clients-tokens/jwt.js';
export {
  inspectToken,
  validateConfiguredTokens,
  issuerFor,
  CONFIGURED_TOKEN_NAMES,
  TOKEN_PLACEHOLDER,
  type TokenVerdict,
  type TokenInspection,
  type InspectOptions,
  type ConfiguredTokenReport,
  type ConfiguredTokensResult,
  type EnvLike,
} from '../../clients-tokens/token-check.js';
export { OAuthRequestError } from './http.js';
export { createPkce, pkceChallenge, buildAuthorizeUrl, extractCode, type Pkce, type AuthorizeParams } from './pkce.js';
export {
  registerClient,
  exchangeCode,
  refreshAccessToken,
  probeClient,
  verifyAccessToken,
  verifyStatus,
  type RegistrationRequest,
  type RegisteredClient,
  type TokenResponse,
} from './gateway-client.js';
export { githubDeviceFlow, checkGithubToken, type DeviceFlowOptions, type GithubTokenCheck } from './github.js';
export { OOB_REDIRECT_URI } from './code-flow.js';
export { authBaseUrl, type CommandIo, type CommandBase } from './endpoints.js';
export { refreshTokens, type RefreshTokensOptions, type RefreshTokensResult, type TokenRefreshOutcome, type GithubPatStatus } from './refresh-tokens.js';
export {
  mcpClientToken,
  mcpClientTokenComplete,
  MCP_CLIENT_NAME,
  type McpClientTokenOptions,
  type McpClientTokenResult,
  type McpClientTokenCompleteOptions,
  type McpClientTokenCompleteResult,
} from './mcp-client-token.js';
export {
  generateGithubToken,
  gatewayTokenComplete,
  GATEWAY_CLIENT_NAME,
  type GenerateGithubTokenOptions,
  type GenerateGithubTokenResult,
  type GatewayTokenCompleteOptions,
} from './github-token.js';
