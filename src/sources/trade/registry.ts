/** The trade-statistics formats `sanctrace ingest` reads, by CLI name. */
import { UsageError } from '../errors.js';
import { baciFormat } from './baci.js';
import { comextFormat } from './comext.js';
import { comtradeFormat } from './comtrade.js';
import { eurostatCn8Format } from './eurostat-cn8.js';
import type { TradeFormat } from './format.js';

const FORMATS: TradeFormat[] = [eurostatCn8Format, comextFormat, comtradeFormat, baciFormat];

export function tradeFormats(): string[] {
  return FORMATS.map((f) => f.format);
}

export function isTradeFormat(format: string): boolean {
  return FORMATS.some((f) => f.format === format);
}

export function tradeFormat(format: string): TradeFormat {
  const f = FORMATS.find((x) => x.format === format);
  if (!f) throw new UsageError(`unknown trade format "${format}"; trade formats: ${tradeFormats().join(', ')}`);
  return f;
}
