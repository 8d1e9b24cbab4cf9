import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_SEC, parseCommand, UsageError } from './args';

const send = ['send', '--csv', 'c.csv', '--message', 'Hi %name%', '--sender', 'Shop'];

function usage(argv: string[]): string {
  try {
    parseCommand(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('parseCommand', () => {
  it('reads a send command with its defaults', () => {
    expect(parseCommand(send)).toEqual({
      kind: 'send',
      csv: 'c.csv',
      message: 'Hi %name%',
      sender: 'Shop',
      name: null,
      country: null,
      phoneColumn: null,
      yes: false,
      again: false,
      dataDir: null,
      demo: false,
      baseUrl: null,
      batchSize: null,
      wait: false,
      timeoutSec: DEFAULT_TIMEOUT_SEC,
    });
  });

  it('reads every send option', () => {
    const cmd = parseCommand([
      ...send,
      '--name=Spring sale',
      '--country',
      'se',
      '--phone-column',
      'Mobil',
      '--base-url',
      'http://127.0.0.1:8080/',
      '--data-dir',
      '/tmp/x',
      '--batch-size',
      '250',
      '--wait',
      '--timeout',
      '30',
      '-y',
    ]);
    expect(cmd).toMatchObject({
      name: 'Spring sale',
      country: 'SE',
      phoneColumn: 'Mobil',
      baseUrl: 'http://127.0.0.1:8080',
      dataDir: '/tmp/x',
      batchSize: 250,
      wait: true,
      timeoutSec: 30,
      yes: true,
    });
  });

  it('names what is missing or wrong', () => {
    expect(usage(['send', '--message', 'x', '--sender', 'Shop'])).toBe('Missing --csv FILE.');
    expect(usage(['send', '--csv', 'c.csv', '--sender', 'Shop'])).toBe('Missing --message TEXT.');
    expect(usage([...send.slice(0, 5), '--message', '   ', '--sender', 'Shop'])).toMatch(/--message is empty/);
    expect(usage(['send', '--csv', 'c', '--message', 'x', '--sender', 'MuchTooLongSender'])).toMatch(/--sender "MuchTooLongSender"/);
    expect(usage([...send, '--batch-size', '0'])).toMatch(/--batch-size must be a whole number from 1 to 10000/);
    expect(usage([...send, '--batch-size', '10001'])).toMatch(/--batch-size/);
    expect(usage([...send, '--batch-size', '2.5'])).toMatch(/--batch-size/);
    expect(usage([...send, '--timeout', '-1'])).toMatch(/--timeout/);
    expect(usage([...send, '--country', 'Denmark'])).toMatch(/--country must be a two-letter country code/);
    expect(usage([...send, '--frobnicate'])).toMatch(/Unknown option '--frobnicate'/);
    expect(usage([...send, 'extra'])).toMatch(/Unexpected argument 'extra'/);
    expect(usage(['send', '--csv'])).toMatch(/argument missing/);
  });

  it('accepts a digits-only sender and rejects one with a plus and letters', () => {
    expect(parseCommand(['send', '--csv', 'c', '--message', 'x', '--sender', '+4512345678'])).toMatchObject({ sender: '+4512345678' });
    expect(usage(['send', '--csv', 'c', '--message', 'x', '--sender', 'Shop!'])).toMatch(/--sender/);
  });

  it('checks --base-url like the app setting, naming the option', () => {
    expect(usage([...send, '--base-url', 'http://gatewayapi.com'])).toMatch(/^--base-url must use https:\/\//);
    expect(usage([...send, '--base-url', 'not a url'])).toMatch(/^--base-url is not a valid URL/);
    expect(usage([...send, '--base-url', 'https://user:pw@gatewayapi.com'])).toMatch(/^--base-url must not contain a user name/);
    expect(parseCommand([...send, '--base-url', 'https://gatewayapi.eu'])).toMatchObject({ baseUrl: 'https://gatewayapi.eu' });
  });

  it('refuses --base-url with --demo: demo can only reach the simulator', () => {
    expect(usage([...send, '--demo', '--base-url', 'https://gatewayapi.com'])).toMatch(/--demo always sends to the built-in simulator/);
  });

  it('asks for --option=value when a value starts with a dash', () => {
    expect(usage(['send', '--csv', 'c', '--sender', 'Shop', '--message', '-20% today'])).toMatch(/--option=value/);
    expect(parseCommand(['send', '--csv', 'c', '--sender', 'Shop', '--message=-20% today'])).toMatchObject({ message: '-20% today' });
  });

  it('reads resume, status and import', () => {
    expect(parseCommand(['resume', '--demo', '--wait'])).toMatchObject({ kind: 'resume', demo: true, wait: true, baseUrl: null });
    expect(parseCommand(['status', '--json', '--campaign', '3'])).toMatchObject({ kind: 'status', json: true, campaign: 3 });
    expect(parseCommand(['import', 'f.csv', '--country', 'dk', '--json'])).toMatchObject({
      kind: 'import',
      file: 'f.csv',
      country: 'DK',
      json: true,
      message: null,
    });
    expect(usage(['import'])).toMatch(/Name the CSV file/);
    expect(usage(['import', 'a.csv', 'b.csv'])).toMatch(/One file at a time/);
    expect(usage(['status', '--campaign', 'x'])).toMatch(/--campaign/);
    expect(usage(['resume', '--csv', 'x'])).toMatch(/Unknown option '--csv'/);
  });

  it('gives help and rejects unknown commands', () => {
    expect(parseCommand([])).toEqual({ kind: 'help', topic: null });
    expect(parseCommand(['--help'])).toEqual({ kind: 'help', topic: null });
    expect(parseCommand(['help', 'send'])).toEqual({ kind: 'help', topic: 'send' });
    expect(parseCommand(['send', '--help'])).toEqual({ kind: 'help', topic: 'send' });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
    expect(usage(['sned'])).toMatch(/Unknown command "sned"/);
    expect(usage(['--csv', 'x'])).toMatch(/Put the command first/);
  });
});
