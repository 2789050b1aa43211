import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Root of the installed package (works from src/ under vitest and from dist/ when built). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
