import * as s from "@/server/services/retell-config/schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Retell-Konfiguration and Funktionen: webhook, API key and custom functions, through `retell.config`. */
export const retellConfigRouter = createTRPCRouter({
  getWebhookConfiguration: methodQuery("retell.config.getWebhookConfiguration", s.empty, s.webhookConfigurationResult),
  updateWebhookSettings: methodMutation("retell.config.updateWebhookSettings", s.updateWebhookSettingsParams, s.updateWebhookSettingsResult),
  testWebhook: methodMutation("retell.config.testWebhook", s.empty, s.testWebhookResult),
  setApiKey: methodMutation("retell.config.setApiKey", s.setApiKeyParams, s.apiKeyResult),
  rotateApiKey: methodMutation("retell.config.rotateApiKey", s.rotateApiKeyParams, s.rotateApiKeyResult),
  /** Admins only (the method's roles); every call leaves an audit row. */
  revealApiKey: methodQuery("retell.config.revealApiKey", s.empty, s.revealApiKeyResult),
  getCustomFunctions: methodQuery("retell.config.getCustomFunctions", s.empty, s.getCustomFunctionsResult),
  createCustomFunction: methodMutation("retell.config.createCustomFunction", s.createCustomFunctionParams, s.functionWriteResult),
  updateCustomFunction: methodMutation("retell.config.updateCustomFunction", s.updateCustomFunctionParams, s.functionWriteResult),
  deleteCustomFunction: methodMutation("retell.config.deleteCustomFunction", s.deleteCustomFunctionParams, s.deleteCustomFunctionResult),
  deployFunctions: methodMutation("retell.config.deployFunctions", s.empty, s.deployFunctionsResult),
});
