const MESSAGE_LIMIT = 300;

/**
 * An error reduced to what a log line may hold. The SDK's HTTP errors carry the request they failed on, with its
 * bearer token and its body (a triage card holds an enquirer's email and phone), so only the name, status and a
 * short message are kept.
 */
export function loggableError(error: unknown): { type: string; message: string; status?: number } {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error value thrown' };
  const status = (error as { status?: unknown; response?: { status?: unknown } }).status;
  const responseStatus = (error as { response?: { status?: unknown } }).response?.status;
  const code = typeof status === 'number' ? status : typeof responseStatus === 'number' ? responseStatus : undefined;
  return {
    type: error.name,
    message: redactContact(error.message).slice(0, MESSAGE_LIMIT),
    ...(code !== undefined && { status: code }),
  };
}

/** Email addresses and phone-like digit runs, in case a message quotes a request body. */
function redactContact(text: string): string {
  return text.replace(/[^\s"'<>@]+@[^\s"'<>@]+\.[a-z]{2,}/gi, '[email]').replace(/\+?\d[\d\s-]{8,}\d/g, '[number]');
}
