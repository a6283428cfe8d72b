import { loadConfig } from '../../../config';
import { importAgendaFile, loadAgendaFile, loadAgendas } from '../../../store/agenda-files';
import { type CliCommand, UsageError } from '../command';

export const agendaCommand: CliCommand = {
  name: 'agenda',
  usage: [
    'agenda list [--json]                  the agendas with their themes, ambitions and actions',
    'agenda validate FILE                  check an agenda file',
    'agenda import FILE                    check an agenda file and add it to this installation',
  ],
  async run([sub, ...args], { out }) {
    const config = loadConfig();
    if (sub === 'list') {
      // Agendas are files: listing needs no database, so it also works while the server runs.
      const agendas = loadAgendas(config.agendaFiles, config.dataDir);
      if (args.includes('--json')) return out(JSON.stringify(agendas, null, 2));
      for (const a of agendas) {
        out(`${a.id}  ${a.name} (${a.association})`);
        for (const theme of a.themes) out(`  ${theme.id}  ${theme.title}`);
        for (const amb of a.ambitions)
          out(`    ${amb.id}  ${amb.title}  (#${amb.tag}, ${amb.actions.length} acties)`);
      }
      return;
    }
    const file = args[0];
    if (!file) throw new UsageError(`agenda ${sub ?? ''}: name the FILE`);
    if (sub === 'validate') {
      const a = loadAgendaFile(file);
      return out(`${file}: ok (${a.id}: ${a.themes.length} themes, ${a.ambitions.length} ambitions)`);
    }
    if (sub === 'import') {
      const a = importAgendaFile(file, config.dataDir);
      return out(`${a.id} imported (${a.ambitions.length} ambitions); it is loaded at the next start`);
    }
    throw new UsageError(`agenda ${sub ?? ''}: unknown`);
  },
};
