export function securityHeaders(options: { production: boolean }): Array<{ key: string; value: string }>;
export function contentSecurityPolicy(options: { production: boolean }): string;
