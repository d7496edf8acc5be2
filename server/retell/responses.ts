/** JSON answers of the Retell doors. Refusals carry a short message and nothing else. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

export function refuse(status: 400 | 401 | 404 | 413 | 500, error: string): Response {
  return json(status, { error });
}
