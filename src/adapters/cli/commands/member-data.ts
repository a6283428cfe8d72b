import { memberDataJson } from '../../../core/discussion';
import { parseFlags } from '../args';
import { type CliCommand, UsageError } from '../command';

/** The full file behind `mijn-gegevens export`, for a member whose export was too long for a chat message. */
export const memberDataCommand: CliCommand = {
  name: 'member-data',
  usage: [
    'member-data MEMBER_ID                 everything stored about a member, as JSON (their data request)',
  ],
  async run(argv, { out, withCore }) {
    const [memberId, ...extra] = parseFlags('member-data', argv, {}).positionals;
    if (!memberId || extra.length) throw new UsageError('member-data: give one MEMBER_ID');
    out(await withCore(async (core) => memberDataJson(await core.exportMemberData(memberId))));
  },
};
