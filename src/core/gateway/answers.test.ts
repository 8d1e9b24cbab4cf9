// What a 200 to a send must hold to count as accepted with known ids, and how much of any answer is
// read: one rule for a valid id (a positive safe integer), one id per message (or per recipient),
// and a cap on every answer, beyond which the transfer is cut. Against a real local server.
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../http/undiciFetch';
import { GatewayClient } from './client';
import { GatewayError } from './errors';
import { gatewayId, parseSendResponse } from './responses';
import { MAX_SEND_ANSWER_BYTES, MAX_SMALL_ANSWER_BYTES } from './answerLimits';
import type { SendRequest } from './types';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let server: http.Server;
let baseUrl: string;
let handler: Handler = (_q, res) => res.end();
/** Bytes the server managed to write for the last answer before the client cut the transfer. */
let written = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
const httpFetch = createHttpFetch({ connectTimeoutMs: 2000 });
afterAll(async () => {
  await httpFetch.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const client = () => new GatewayClient({ baseUrl, token: 'tok', fetch: httpFetch.fetch, timeoutMs: 10_000 });
const request = (n: number): SendRequest => ({
  sender: 'Shop',
  message: 'Hi',
  encoding: 'UTF8',
  recipients: Array.from({ length: n }, (_, i) => ({ msisdn: String(4520000000 + i) })),
});
const answerWith = (body: string) => (handler = (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));

/** A 200 of `total` bytes (valid JSON: whitespace, then the ids), written as fast as the client reads. */
const hugeAnswer = (total: number) =>
  (handler = (_q, res) => {
    written = 0;
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('{"ids":[7]}');
    };
    pump();
  });

async function sendError(p: Promise<unknown>): Promise<GatewayError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(GatewayError);
  return e as GatewayError;
}

describe('a valid GatewayAPI id', () => {
  it('is a positive safe integer, as a number or a string of digits; nothing else', () => {
    expect([1, 421332671, '421332671', Number.MAX_SAFE_INTEGER].map(gatewayId)).toEqual([1, 421332671, 421332671, Number.MAX_SAFE_INTEGER]);
    for (const bad of [0, -1, 1.5, '0', '-3', '1e3', '0x10', '', null, true, 2 ** 53, '12a', Number.NaN]) {
      expect(gatewayId(bad), String(bad)).toBeNull();
    }
  });

  it('a send answer is usable only with valid ids, one per message or one per recipient', () => {
    const expected = { messages: 1, recipients: 3 };
    expect(parseSendResponse({ ids: [5] }, expected)?.ids).toEqual([5]);
    expect(parseSendResponse({ ids: [5, 6, 7] }, expected)?.ids).toEqual([5, 6, 7]);
    expect(parseSendResponse({ ids: [0] }, expected)).toBeNull();
    expect(parseSendResponse({ ids: [-4] }, expected)).toBeNull();
    expect(parseSendResponse({ ids: [5, 0, 7] }, expected)).toBeNull();
    expect(parseSendResponse({ ids: [5, 6] }, expected)).toBeNull();
    expect(parseSendResponse({ ids: [5, 6, 7, 8] }, expected)).toBeNull();
  });
});

describe('send answers with odd ids → ambiguous (the batch may have been accepted)', () => {
  for (const [label, body] of [
    ['{"ids":[0]}', '{"ids":[0]}'],
    ['{"ids":[-1]}', '{"ids":[-1]}'],
    ['{"ids":[1.5]}', '{"ids":[1.5]}'],
    ['two ids for three recipients', '{"ids":[11,12]}'],
    ['no ids', '{"ids":[]}'],
  ]) {
    it(label, async () => {
      answerWith(body);
      const e = await sendError(client().send(request(3)));
      expect(e).toMatchObject({ kind: 'ambiguous', httpStatus: 200 });
      expect(e.message).toMatch(/valid message ids/);
    });
  }

  it('one id for the message, or one per recipient, is accepted', async () => {
    answerWith('{"ids":[42]}');
    expect((await client().send(request(3))).ids).toEqual([42]);
    answerWith('{"ids":[42,43,44]}');
    expect((await client().send(request(3))).ids).toEqual([42, 43, 44]);
  });

  it('a status poll or cancel for id 0 is refused before any request', async () => {
    let asked = 0;
    handler = (_q, res) => {
      asked++;
      res.end('[]');
    };
    await expect(client().status(0)).rejects.toThrow(/Not a GatewayAPI message id/);
    await expect(client().cancel(-2)).rejects.toThrow(/Not a GatewayAPI message id/);
    expect(asked).toBe(0);
  });
});

describe('answers are read up to a cap, then the transfer is cut', () => {
  it('a 300 MB 200 to a send: ambiguous after reading ~1 MB, memory stays flat', async () => {
    hugeAnswer(300 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const e = await sendError(client().send(request(3)));
    expect(e).toMatchObject({ kind: 'ambiguous', httpStatus: 200 });
    expect(e.message).toMatch(/larger than 1 MB/);
    // The server could not push the 300 MB: the client stopped reading and closed the connection.
    await new Promise((r) => setTimeout(r, 50));
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a declared Content-Length above the cap is not read at all', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_SEND_ANSWER_BYTES + 1) });
      res.write('{"ids":[7]}');
    };
    const e = await sendError(client().send(request(1)));
    expect(e).toMatchObject({ kind: 'ambiguous', httpStatus: 200 });
  });

  it('just under the cap is read and accepted', async () => {
    answerWith(' '.repeat(MAX_SEND_ANSWER_BYTES - 20) + '{"ids":[7]}');
    expect((await client().send(request(1))).ids).toEqual([7]);
  });

  it('a credit answer above 64 KB: transient (retried later), not an account verdict', async () => {
    answerWith(' '.repeat(MAX_SMALL_ANSWER_BYTES + 10) + '{"credit":"1.0","currency":"DKK","id":1}');
    const e = await sendError(client().account());
    expect(e).toMatchObject({ kind: 'transient', httpStatus: 200 });
  });
});
