import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { SlackInstallationRepository } from '../../store/repositories/slack-installations';

/** An org-wide install is kept under its enterprise id, any other under its team id. */
function keyOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const key = q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : q.teamId;
  if (!key) throw new Error('Slack installation without a team or enterprise id');
  return key;
}

/** Bolt's installation store, in our database, so every replica sees every installation. */
export function databaseInstallationStore(repo: SlackInstallationRepository): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      await repo.save(
        keyOf({
          isEnterpriseInstall: installation.isEnterpriseInstall,
          enterpriseId: installation.enterprise?.id,
          teamId: installation.team?.id,
        }),
        installation,
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await repo.get(keyOf(query));
      if (!found)
        throw new Error(`no Slack installation for ${keyOf(query)}: install the app in that workspace first`);
      return found as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repo.remove(keyOf(query));
    },
  };
}
