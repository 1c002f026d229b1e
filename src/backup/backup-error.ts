/**
 * A backup or restore refused or failed for a reason the operator can act on; the message is
 * printed as it is by the CLI, so it says what is wrong and what to do.
 */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}
