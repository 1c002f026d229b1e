import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';

/** A file sent with a mail, e.g. an event's .ics. */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  /** Full media type, with parameters (`text/calendar; charset=utf-8; method=PUBLISH`). */
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** A fixed Message-ID, so a message re-sent after a fault is recognisably the same one. */
  messageId?: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start-up message ("files in ./data/mail" or the SMTP host). */
  readonly describe: string;
  /** Closes pooled SMTP connections (at shutdown). */
  close?(): void;
}

/** Sends over SMTP when a URL is configured, otherwise writes each message as an .eml file. */
export function createMailer(options: { smtpUrl: string | undefined; from: string; dataDir: string }): Mailer {
  if (options.smtpUrl) {
    // Bounded waits: the newsletter sender treats a send that outlives its lease as lost,
    // so no single send may hang longer than that.
    const transport: Transporter = createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    return {
      describe: `SMTP ${new URL(options.smtpUrl).host}`,
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const folder = join(options.dataDir, 'mail');
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `files in ${folder}`,
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await writeFile(join(folder, name), info.message as Buffer);
    },
  };
}
