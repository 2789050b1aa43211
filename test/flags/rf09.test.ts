import { describe, expect, it } from 'vitest';
import { rf09 } from '../../src/flags/rules/rf09-forwarder.js';
import { Fixture, flagOf } from './fixtures.js';

describe('RF09 forwarder as final consignee', () => {
  it('flags a freight forwarder (NACE 52.29) that is the consignee of oscilloscopes', () => {
    const w = new Fixture();
    w.company('Almaty-Forwarding', { country: 'kz', classification: '52.29 Other transportation support activities' });
    w.company('US-Maker', { country: 'us' });
    const line = w.line({ sender: 'US-Maker', receiver: 'Almaty-Forwarding', date: '2022-08-01', hs: '903020', qty: 40, destination: 'KZ' });
    const f = flagOf(w.run(rf09), 'Almaty-Forwarding');
    expect(f?.score).toBe(0.8);
    expect(f?.summary).toContain('final consignee of 1 shipment line, 1 of goods of concern');
    expect(f?.evidence[0]).toMatchObject({ kind: 'statement', value: '52.29 Other transportation support activities' });
    expect(f?.evidence).toContainEqual(expect.objectContaining({ id: line }));
  });

  it('recognises a logistics firm by its name, weaker, and not a forwarder that is only the declarant', () => {
    const w = new Fixture();
    w.company('ТОО Бекет Логистик', { country: 'kz' });
    w.company('Dealer', { country: 'kz', classification: '46.52' });
    w.company('Maker', { country: 'de' });
    w.line({ sender: 'Maker', receiver: 'ТОО Бекет Логистик', date: '2022-08-01', hs: '940360', qty: 4, destination: 'KZ' });
    w.add('EconomicActivity', 'declared-only', { sender: 'Maker', receiver: 'Dealer', declarant: 'ТОО Бекет Логистик', date: '2022-08-01', hsCode: '854231' }, 'customs');
    const out = w.run(rf09);
    const f = flagOf(out, 'ТОО Бекет Логистик');
    expect(f?.score).toBe(0.4);
    expect(f?.evidence[0]).toMatchObject({ kind: 'statement', value: 'ТОО Бекет Логистик', label: 'name contains "logistik"' });
    expect(flagOf(out, 'Dealer')).toBeUndefined();
  });

  it('does not flag a forwarder consignee of goods for another country (a transit consignee)', () => {
    const w = new Fixture();
    w.company('Transit-Forwarding', { country: 'kz', classification: '52.29' });
    w.company('Maker', { country: 'de' });
    w.line({ sender: 'Maker', receiver: 'Transit-Forwarding', date: '2022-08-01', hs: '903020', qty: 4, destination: 'MN' });
    expect(w.run(rf09).flags).toEqual([]);
  });
});
