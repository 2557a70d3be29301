export { authenticateApiKey, requireScope, type ApiKeyPrincipal } from "./authenticate-api-key";
export { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView, type CreateApiKeyOptions } from "./manage-api-keys";
export { apiKeyScopes, apiKeyScopeSchema, type ApiKeyScope } from "./scopes";
