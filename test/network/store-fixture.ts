import path from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { LISTS, tempDir, writeTemp } from '../helpers.js';
import { entities } from './fixtures.js';

/**
 * A store with the real OpenSanctions extract (dataset zala) and a hand-made registry and customs
 * extract (dataset kz-registry, invented firms): a Kazakh company founded in April 2022 by a person
 * with Aleksandr Zakharov's name, birth date and INN, shipping drones to a Russian company with
 * LLC CST's INN — the same people and firm as the listed ones, under other ids.
 */
export const REGISTRY = entities(
  ['kz-co', 'Company', { name: 'Sary Dala Trade LLP', jurisdiction: 'kz', registrationNumber: '220440012345', incorporationDate: '2022-04-20' }],
  ['kz-zakharov', 'Person', { name: 'Захаров Александр Вячеславович', birthDate: '1965-09-21', innCode: '183111242406', nationality: 'ru' }],
  ['kz-own', 'Ownership', { owner: 'kz-zakharov', asset: 'kz-co', percentage: '100', startDate: '2022-04-20' }],
  ['ru-cst', 'Company', { name: 'ООО ЦСТ', jurisdiction: 'ru', innCode: '1841015504' }],
  ['line-1', 'EconomicActivity', { sender: 'kz-co', receiver: 'ru-cst', date: '2023-01-15', hsCode: '880699', quantity: '40', quantityUnit: 'pcs', value: '52000', currency: 'USD' }],
);

export async function networkStore(): Promise<{ store: DuckDbStore; db: string }> {
  const dir = tempDir('sanctrace-network-');
  const db = path.join(dir, 'network.duckdb');
  const store = await DuckDbStore.open(db);
  await ingest(store, { format: 'ftm', inputs: [path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz')], dataset: 'zala' });
  const file = writeTemp(dir, 'registry.ftm.json', REGISTRY.map((e) => JSON.stringify(e)).join('\n') + '\n');
  await ingest(store, { format: 'ftm', inputs: [file], dataset: 'kz-registry', version: '2024-01-01' });
  return { store, db };
}
