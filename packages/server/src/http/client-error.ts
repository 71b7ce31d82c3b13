import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBase62 } from '../security/keys.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './errors.js';

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  detail: string;
}

/** What Node would answer (its default `clientError` handling), with a code and a sentence. */
function answerFor(code: string | undefined): ClientErrorAnswer {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        code: 'request_header_fields_too_large',
        detail: 'The request’s headers are larger than this server accepts; send fewer or shorter headers.',
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        reason: 'Content Too Large',
        code: 'payload_too_large',
        detail: 'The request’s chunk extensions are larger than this server accepts.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        code: 'request_timeout',
        detail: 'The request was not received in time.',
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        code: 'bad_request',
        detail: 'The request is not valid HTTP/1.1.',
      };
  }
}

/** The raw HTTP/1.1 response for a request Node could not parse: no app ever saw it. */
export function clientErrorResponse(code: string | undefined): string {
  const answer = answerFor(code);
  const problem: Problem = {
    type: `/docs#error-${answer.code}`,
    title: answer.reason,
    status: answer.status,
    detail: answer.detail,
    code: answer.code,
    requestId: `req_${randomBase62(20)}`,
  };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${answer.status} ${answer.reason}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    `X-Request-Id: ${problem.requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Answers requests Node's HTTP parser refuses (oversized headers: 431; malformed: 400) with
 * problem+json like every other error, instead of Node's bare status line. Replaces Node's own
 * handling, so it covers every case that handling does.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The client is gone, or a response is already under way on this connection: just close it.
    const current = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error.code));
  });
}
