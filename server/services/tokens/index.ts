export { authenticateToken, clearTokenCache, forgetToken, type AuthenticatedToken } from "./authenticate";
export { createApiToken, listApiTokens, revokeApiToken, type TokenInfo } from "./manage";
export { TOKEN_PREFIX, displayToken } from "./format";
