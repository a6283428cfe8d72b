import path from 'node:path';

/** The package root, the same from src/ (ts-jest) and from dist/ (compiled). */
export const ROOT = path.resolve(__dirname, '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'src', 'store', 'migrations');
export const AGENDAS_DIR = path.join(ROOT, 'agendas');
export const CARDS_DIR = path.join(ROOT, 'cards');
