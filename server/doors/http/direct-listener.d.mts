import type { IncomingMessage, ServerResponse } from "node:http";
import type { DirectLane } from "@/server/doors/direct-lane";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export function laneOnGlobal(): DirectLane | null;

export function directListener(
  nextHandler: NodeHandler,
  options?: { lane?: () => DirectLane | null; headers?: { key: string; value: string }[] },
): NodeHandler;
