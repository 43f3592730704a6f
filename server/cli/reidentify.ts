import { deriveSiteKeys } from '../deid/site-keys';
import { loadSiteSecret } from '../deid/profile-flags';
import { PseudonymStore, ReidentificationRequestError } from '../deid/pseudonym-store';
import { CliError, parseCliArgs, requireOption, type CliCommand } from './command';

const help = `Usage: lightbox reidentify --pseudonym VALUE --by "NAME, ROLE" --reason "WHY" [--secret-file F]
       lightbox reidentify --audit

Looks a pseudonymous Patient ID or UID from a de-identified export up in the Export Manager's encrypted
pseudonymisation log (RCR B.5). Every look-up is first written to the audit trail with who asked and why;
--audit prints that trail. Run it on the Export Manager, as a person authorised by the hospital's
information governance; it needs the site secret that sealed the log.`;

export const command: CliCommand = {
  help,
  async run(args) {
    const { values } = parseCliArgs(args, {
      pseudonym: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
      audit: { type: 'boolean' },
      'secret-file': { type: 'string' },
    });
    const dataDir = process.env.DATA_DIR ?? './data';
    let secret: Buffer;
    try {
      secret = await loadSiteSecret(values['secret-file'], dataDir);
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    const store = PseudonymStore.open(dataDir, deriveSiteKeys(secret).store);
    try {
      if (values.audit) {
        for (const row of store.auditTrail()) console.log(`${row.at}  ${row.who}  "${row.why}"  ${row.pseudonym}  ${row.matches} match(es)`);
        return 0;
      }
      const request = { pseudonym: requireOption(values, 'pseudonym'), who: requireOption(values, 'by'), why: requireOption(values, 'reason'), at: new Date() };
      const found = store.reidentify(request);
      if (found.length === 0) {
        console.log(`No export used the pseudonym ${request.pseudonym} (the look-up was recorded).`);
        return 1;
      }
      for (const value of found) console.log(`${value.kind}\t${value.original}\t(export ${value.exportId})`);
      return 0;
    } catch (error) {
      if (error instanceof ReidentificationRequestError) throw new CliError(error.message);
      throw error;
    } finally {
      store.close();
    }
  },
};
