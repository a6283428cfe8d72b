import { loadConfig } from '../../../config';
import { AgendaCatalog } from '../../../core/agenda/catalog';
import { classifierFor } from '../../../core/discussion/classifier';
import { loadAgendas } from '../../../store/agenda-files';
import { parseFlags } from '../args';
import { type CliCommand, UsageError } from '../command';

export const classifyCommand: CliCommand = {
  name: 'classify',
  usage: [
    'classify --agenda ID "TEXT"           the agenda\'s ambitions ranked for a message, as JSON, best first',
  ],
  async run(argv, { out }) {
    const { values, positionals } = parseFlags('classify', argv, { agenda: { type: 'string' } });
    if (!values.agenda) throw new UsageError('classify: --agenda is required');
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('classify: give the TEXT to classify');
    // Agendas are files: classifying needs no database, so it also works while the server runs.
    const config = loadConfig();
    const agenda = new AgendaCatalog(loadAgendas(config.agendaFiles, config.dataDir)).get(values.agenda);
    const ranked = classifierFor(agenda).rank(text);
    out(
      JSON.stringify(ranked.map((r) => ({ ambition: r.ambition, score: Math.round(r.score * 100) / 100 }))),
    );
  },
};
