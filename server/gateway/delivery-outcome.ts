/** What happened to one instance in one delivery attempt. */
export interface InstanceOutcome {
  readonly file: string;
  readonly sent: boolean;
  readonly detail: string;
}

/** Sends de-identified Part 10 files to one destination; reports per file, never throws for a per-file failure. */
export interface InstanceSender {
  send(files: readonly { readonly file: string; readonly sopInstanceUid: string }[]): Promise<InstanceOutcome[]>;
}
