import * as s from "@/server/services/retell/schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Agenten & Nummern: the company's Retell workspace, through the `retell` server. */
export const agentsRouter = createTRPCRouter({
  listAgents: methodQuery("retell.listAgents", s.listAgentsParams, s.listAgentsResult),
  getAgentVersions: methodQuery("retell.getAgentVersions", s.getAgentVersionsParams, s.getAgentVersionsResult),
  publishAgentVersion: methodMutation("retell.publishAgentVersion", s.publishAgentVersionParams, s.publishAgentVersionResult),
  listPhoneNumbers: methodQuery("retell.listPhoneNumbers", s.listPhoneNumbersParams, s.listPhoneNumbersResult),
  setPhoneNumberAgentVersion: methodMutation("retell.setPhoneNumberAgentVersion", s.setPhoneNumberAgentVersionParams, s.setPhoneNumberAgentVersionResult),
});
