/** answer_question: answers from the company's knowledge base and live data (hours, prices). */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { searchKnowledge } from "@/server/services/knowledge/service";
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { normalizeArgs } from "@/server/services/retell-function/spoken-input";

export const answerQuestion: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const question = normalizeArgs(args).frage;
    if (!question) throw new AppError(ErrorCodes.MISSING_FIELD, "Was möchten Sie wissen?");
    const { answer, results } = await searchKnowledge(fctx.ctx, { query: question, branch_id: fctx.branch.id, limit: 1 });
    return answer
      ? { success: true, message: answer, source: results[0]?.source }
      : { success: false, message: "Dazu habe ich leider keine Information. Gern notiere ich Ihr Anliegen für einen Rückruf." };
  },
};
