/**
 * Hand-made FtM worlds for the rule tests: a few companies, people, relations and shipment lines,
 * with invented names, built in memory into the rules' context.
 */
import { DEFAULT_CONFIG, resolveFlagsConfig, type FlagsConfig } from '../../src/flags/config.js';
import { buildContext, type ContextEntity, type CrossrefLink, type FlagContext, type HubContext } from '../../src/flags/context.js';
import type { Rule } from '../../src/flags/rule.js';
import type { Flag, RuleOutcome } from '../../src/flags/types.js';

type Props = Record<string, string | string[] | number | undefined>;

function props(p: Props): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v : [String(v)];
  }
  return out;
}

export interface LineSpec {
  sender?: string;
  receiver?: string;
  date: string;
  hs?: string;
  qty?: number;
  unit?: string;
  value?: number;
  currency?: string;
  origin?: string;
  departure?: string;
  destination?: string;
  transit?: string | string[];
  direction?: 'export' | 'import';
  netWeight?: number;
}

export class Fixture {
  readonly entities: ContextEntity[] = [];
  crossref: CrossrefLink[] = [];
  hubs?: HubContext;
  private n = 0;

  constructor(readonly dataset = 'registry') {}

  add(schema: string, id: string, p: Props, dataset = this.dataset): string {
    this.entities.push({ id, schema, properties: props(p), datasets: [dataset] });
    return id;
  }

  company(id: string, p: Props = {}, dataset?: string): string {
    return this.add('Company', id, { name: id.replace(/-/g, ' '), ...p }, dataset);
  }

  person(id: string, p: Props = {}, dataset?: string): string {
    return this.add('Person', id, { name: id.replace(/-/g, ' '), ...p }, dataset);
  }

  /** A party on a sanctions list (dataset us_ofac_sdn, topic sanction, with its Sanction). */
  listed(id: string, p: Props = {}, schema = 'Company'): string {
    this.add(schema, id, { name: id.replace(/-/g, ' '), topics: 'sanction', ...p }, 'us_ofac_sdn');
    this.add('Sanction', `${id}-sanction`, { entity: id, authority: 'OFAC', program: 'RUSSIA-EO14024' }, 'us_ofac_sdn');
    return id;
  }

  own(owner: string, asset: string, percentage?: number, start?: string, end?: string): string {
    return this.add('Ownership', `own-${++this.n}`, { owner, asset, percentage, startDate: start, endDate: end });
  }

  direct(director: string, organization: string, start?: string, end?: string): string {
    return this.add('Directorship', `dir-${++this.n}`, { director, organization, startDate: start, endDate: end, role: 'director' });
  }

  family(person: string, relative: string, relationship: string): string {
    return this.add('Family', `fam-${++this.n}`, { person, relative, relationship });
  }

  address(id: string, p: Props): string {
    return this.add('Address', id, p);
  }

  line(l: LineSpec, id = `line-${++this.n}`, dataset = 'customs'): string {
    return this.add(
      'EconomicActivity',
      id,
      {
        sender: l.sender,
        receiver: l.receiver,
        date: l.date,
        hsCode: l.hs,
        quantity: l.qty,
        quantityUnit: l.unit,
        value: l.value,
        currency: l.currency ?? (l.value !== undefined ? 'USD' : undefined),
        originCountry: l.origin,
        departureCountry: l.departure,
        destinationCountry: l.destination,
        transitCountry: l.transit,
        directionOfTransportation: l.direction,
        netWeight: l.netWeight,
      },
      dataset,
    );
  }

  context(config: Partial<FlagsConfig> | FlagsConfig = {}): FlagContext {
    return buildContext(this.entities, { config: resolveFlagsConfig({ ...config }), crossref: this.crossref, hubs: this.hubs });
  }

  run(rule: Rule, config: Partial<FlagsConfig> = {}): RuleOutcome {
    return rule.evaluate(this.context(config));
  }
}

export function flagOf(outcome: RuleOutcome, entityId: string): Flag | undefined {
  return outcome.flags.find((f) => f.entity_id === entityId);
}

export function evidenceIds(flag: Flag | undefined): string[] {
  return (flag?.evidence ?? []).map((e) => e.id).filter((x): x is string => Boolean(x));
}

export { DEFAULT_CONFIG };
