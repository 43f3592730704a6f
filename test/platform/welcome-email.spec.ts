import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../harness/free-port';
import { startTestServer, type TestServer } from '../harness/server';

interface ReceivedMail {
  to: string[];
  body: string;
}

describe('welcome email job', () => {
  const received: ReceivedMail[] = [];
  let smtp: SMTPServer;
  let server: TestServer;
  let arrived: (() => void) | null = null;

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          arrived?.();
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Lightbox <noreply@lightbox.test>' });
  });
  afterAll(async () => {
    await server.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends one welcome email through the SMTP server when an account is created', async () => {
    const mail = new Promise<void>((resolve) => (arrived = resolve));
    await server.addUser({ email: 'new.registrar@example.org', name: 'Priya Patel', password: 'correct-horse-p', gmc: 'GMC2345678' });
    await mail;
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['new.registrar@example.org']);
    expect(received[0]!.body).toMatch(/Subject: Welcome to Lightbox/);
    expect(received[0]!.body).toMatch(/Dear Priya Patel/);
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toHaveLength(1);
  });
});
