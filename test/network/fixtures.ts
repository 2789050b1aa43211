import path from 'node:path';
import { ftmReader } from '../../src/sources/ftm.js';
import { buildNetworkFrom, type BuildOptions } from '../../src/network/build.js';
import type { Network } from '../../src/network/network.js';
import type { FtmEntity } from '../../src/model/entity.js';
import { LISTS, readAll } from '../helpers.js';

/** The OpenSanctions FtM extract (Zala Aero / CST and the Zakharov family), as FtM entities. */
export async function zalaEntities(): Promise<FtmEntity[]> {
  const { records } = await readAll(ftmReader, [path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz')]);
  return records.flatMap((r) => r.entities);
}

export const ZALA = {
  zakharov: 'NK-aU5ybkbRFJucf8YMwsJvDw',
  cst: 'NK-abdzbEBkqyT29GyREbiURZ',
  kalashnikov: 'NK-nR5AXM9AVPq4pQaSPSaVam',
  svetlana: 'NK-DQ98GPMgdVH8DSZd8g9Xtc',
  transkomplekt: 'NK-DSxJ9ZzHxBBMyEMnnTBhai',
  nikita: 'NK-JseaPJctnK9o8wrmz8xmoT',
  aeroscan: 'NK-iE6m5ryPeTAMZozfECVSL7',
  zalaAeroJsc: 'NK-cPks3aTbes8k4aCerfBAzN',
  abashkin: 'NK-mCEmxFfuhfdjpC8gsxH74o',
  uavAssociation: 'NK-SiYwWfxwLVrVeFswsvAvsm',
  cstPerm: 'ru-inn-5920040846',
  sps: 'NK-9Xa4Kg7Y7nfccE7VcZt6Q6',
};

/** A small hand-made world in FtM: entities given as [id, schema, properties]. */
export function entities(...rows: Array<[string, string, Record<string, string | string[]>]>): FtmEntity[] {
  return rows.map(([id, schema, props]) => ({
    id,
    schema,
    properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
  }));
}

export function network(list: FtmEntity[], options?: BuildOptions): Network {
  return buildNetworkFrom(list, options);
}

/**
 * A hand-made world after the May 2023 investigation (invented names): a Russian owner of both the
 * Kazakh hub and the Moscow buyer; German parents whose exporter ships to their son's new Kazakh
 * company, which forwards the same chips to Moscow; a buyer listed later.
 */
export function articleWorld(): FtmEntity[] {
  return entities(
    ['ivan', 'Person', { name: 'Ivan Petrov', birthDate: '1960-05-01', nationality: 'ru' }],
    ['ivan-kz', 'Person', { name: 'Петров Иван', birthDate: '1960-05-01', nationality: 'ru', idNumber: '600501300123' }],
    ['karl', 'Person', { name: 'Karl Weber', nationality: 'de' }],
    ['anna', 'Person', { name: 'Anna Weber', nationality: 'de' }],
    ['max', 'Person', { name: 'Max Weber', nationality: 'kz' }],
    ['nord', 'Company', { name: 'Nord Vektor OOO', jurisdiction: 'ru', innCode: '7704123450' }],
    ['tengri', 'Company', { name: 'Tengri Hub LLP', jurisdiction: 'kz', incorporationDate: '2022-04-10', address: 'Tole bi 101, office 7, Almaty', phone: '+7 727 355 0101' }],
    ['steppe', 'Company', { name: 'Steppe Trade LLP', jurisdiction: 'kz', incorporationDate: '2022-03-15', address: 'Tole bi 101, office 7, Almaty' }],
    ['rheinau', 'Company', { name: 'Rheinau Messtechnik GmbH', jurisdiction: 'de' }],
    ['dutch', 'Company', { name: 'Polder Drones BV', jurisdiction: 'nl', phone: '8 727 355-01-01' }],
    ['own-nord', 'Ownership', { owner: 'ivan', asset: 'nord', percentage: '100', startDate: '2020-01-01' }],
    ['own-tengri', 'Ownership', { owner: 'ivan-kz', asset: 'tengri', percentage: '100', startDate: '2022-04-10' }],
    ['own-steppe-old', 'Ownership', { owner: 'ivan', asset: 'steppe', percentage: '100', startDate: '2022-03-15', endDate: '2022-04-01' }],
    ['own-steppe', 'Ownership', { owner: 'max', asset: 'steppe', percentage: '100', startDate: '2022-04-01' }],
    ['own-rheinau-k', 'Ownership', { owner: 'karl', asset: 'rheinau', percentage: '50' }],
    ['own-rheinau-a', 'Ownership', { owner: 'anna', asset: 'rheinau', percentage: '50' }],
    ['fam-km', 'Family', { person: 'karl', relative: 'max', relationship: 'son' }],
    ['fam-am', 'Family', { person: 'anna', relative: 'max', relationship: 'son' }],
    ['dir-steppe', 'Directorship', { director: 'max', organization: 'steppe', role: 'director', startDate: '2022-03-15' }],
    ['l1', 'EconomicActivity', { sender: 'rheinau', receiver: 'steppe', date: '2022-05-02', hsCode: '85423100', quantity: '2598', quantityUnit: 'pcs', value: '184300', currency: 'EUR' }],
    ['l2', 'EconomicActivity', { sender: 'steppe', receiver: 'nord', date: '2022-05-20', hsCode: '85423100', quantity: '2598', quantityUnit: 'pcs', value: '201600', currency: 'EUR' }],
    ['l3', 'EconomicActivity', { sender: 'dutch', receiver: 'tengri', date: '2022-05-10', hsCode: '880690', quantity: '300', quantityUnit: 'pcs', value: '90000', currency: 'EUR' }],
    ['l4', 'EconomicActivity', { sender: 'tengri', receiver: 'nord', date: '2022-06-01', hsCode: '880690', quantity: '300', quantityUnit: 'pcs', value: '120000', currency: 'USD' }],
    ['l5', 'EconomicActivity', { sender: 'tengri', receiver: 'nord', date: '2022-07-01', hsCode: '880690', quantity: '200', quantityUnit: 'pcs', value: '80000', currency: 'USD' }],
    ['sanction-nord', 'Sanction', { entity: 'nord', authority: 'Office of Foreign Assets Control', program: 'RUSSIA-EO14024', startDate: '2023-05-19' }],
  );
}
