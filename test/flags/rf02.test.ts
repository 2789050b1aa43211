import { describe, expect, it } from 'vitest';
import { rf02 } from '../../src/flags/rules/rf02-hub.js';
import { Fixture, flagOf } from './fixtures.js';

describe('RF02 transshipment hub', () => {
  it('flags a company located in a hub, low', () => {
    const w = new Fixture();
    w.company('Yerevan-Trade', { country: 'am' });
    const f = flagOf(w.run(rf02), 'Yerevan-Trade');
    expect(f?.score).toBe(0.3);
    expect(f?.severity).toBe('low');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'statement', value: 'AM' }));
  });

  it('flags a German exporter whose goods for Russia are routed through Kazakhstan, citing the lines', () => {
    const w = new Fixture();
    w.company('Stuttgart-Elektronik', { country: 'de' });
    w.company('Moscow-Buyer', { country: 'ru' });
    const line = w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Moscow-Buyer', date: '2022-09-01', hs: '854231', origin: 'DE', departure: 'DE', transit: 'KZ', destination: 'RU' });
    const f = flagOf(w.run(rf02), 'Stuttgart-Elektronik');
    expect(f?.score).toBe(0.8);
    expect(f?.summary).toContain('routed through Kazakhstan');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: line }));
    expect(f?.countries).toContain('KZ');
  });

  it('does not flag a German exporter shipping straight to Russia or through a non-hub, nor a Dutch firm', () => {
    const w = new Fixture();
    w.company('Stuttgart-Elektronik', { country: 'de' });
    w.company('Rotterdam-BV', { country: 'nl' });
    w.company('Moscow-Buyer', { country: 'ru' });
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Moscow-Buyer', date: '2022-09-01', hs: '854231', origin: 'DE', departure: 'DE', transit: 'PL', destination: 'RU' });
    const out = w.run(rf02);
    expect(flagOf(out, 'Stuttgart-Elektronik')).toBeUndefined();
    expect(flagOf(out, 'Rotterdam-BV')).toBeUndefined();
  });

  it('says what it needs when a party has no country and no lines', () => {
    const w = new Fixture('names-only');
    w.company('Nowhere-Ltd');
    expect(w.run(rf02).coverage).toEqual([expect.objectContaining({ dataset: 'names-only', status: 'not_evaluated', needs: expect.stringContaining('country') })]);
  });
});
