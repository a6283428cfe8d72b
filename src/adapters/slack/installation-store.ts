import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';

/** Where Slack OAuth installations are kept (one row per workspace or enterprise), handed in at mount. */
export interface SlackInstallations {
  save(id: string, installation: unknown): Promise<void>;
  get(id: string): Promise<unknown | null>;
  remove(id: string): Promise<void>;
}

/** An org-wide install is kept under its enterprise id, any other under its team id. */
function keyOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const key = q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : q.teamId;
  if (!key) throw new Error('Slack installation without a team or enterprise id');
  return key;
}

/** Bolt's installation store, in our database, so every replica sees every installation. */
export function databaseInstallationStore(repo: SlackInstallations): InstallationStore {
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
