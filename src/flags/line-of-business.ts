/**
 * Which goods a line of business trades: NACE Rev. 2 activities (Kazakhstan's OKED and Russia's
 * OKVED 2 follow NACE to four digits) → HS chapters or headings. Written from the NACE Rev. 2
 * class definitions (Eurostat, "NACE Rev. 2 – Statistical classification of economic activities",
 * 2008) read against the HS 2022 chapter titles, at chapter level where a class covers a whole
 * chapter and at heading level where it covers part of one. Deliberately generous: RF08 should
 * fire on a fruit wholesaler shipping microchips, not on an electronics wholesaler shipping cables.
 *
 * `any`: the activity may trade any goods (non-specialised wholesale and retail, agents).
 * `none`: the activity trades no goods of its own (services, holdings, real estate).
 * Transport and logistics trade no goods of their own: a forwarder buying and selling goods is
 * outside its line (RF08); a forwarder named as final consignee is RF09's question.
 */

export type GoodsScope = { kind: 'any' } | { kind: 'none' } | { kind: 'codes'; prefixes: string[] };

interface Entry {
  label: string;
  scope: GoodsScope;
}

const any = (label: string): Entry => ({ label, scope: { kind: 'any' } });
const none = (label: string): Entry => ({ label, scope: { kind: 'none' } });
const codes = (label: string, ...prefixes: string[]): Entry => ({ label, scope: { kind: 'codes', prefixes } });

const ELECTRONICS = ['85', '8471', '8473', '9030', '9031'];
const MACHINERY = ['84', '85', '90', '73', '82', '83', '86', '88', '89', '40', '3926'];

/** Keys are NACE divisions ("46"), groups ("46.5") or classes ("46.52"); the longest match wins. */
export const LINES_OF_BUSINESS: Record<string, Entry> = {
  '01': codes('Crop and animal production', '01', '02', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '23', '31', '3808', '8432', '8433', '8436'),
  '02': codes('Forestry and logging', '44', '06', '14'),
  '03': codes('Fishing and aquaculture', '03', '16', '23'),
  '05': codes('Mining of coal and lignite', '27'),
  '06': codes('Extraction of crude petroleum and natural gas', '27'),
  '07': codes('Mining of metal ores', '26', '71', '72', '74', '75', '76', '78', '79', '80', '81'),
  '08': codes('Other mining and quarrying', '25', '26', '68', '71'),
  '10': codes('Manufacture of food products', '02', '03', '04', '07', '08', '09', '10', '11', '15', '16', '17', '18', '19', '20', '21', '23', '39', '48'),
  '11': codes('Manufacture of beverages', '08', '10', '11', '17', '20', '22', '39', '70'),
  '12': codes('Manufacture of tobacco products', '24', '48'),
  '13': codes('Manufacture of textiles', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60', '63', '32', '84'),
  '14': codes('Manufacture of wearing apparel', '41', '42', '43', '50', '51', '52', '53', '54', '55', '56', '58', '60', '61', '62', '65', '96', '84'),
  '15': codes('Manufacture of leather products', '41', '42', '43', '64', '84'),
  '16': codes('Manufacture of wood products', '44', '45', '46', '32', '84'),
  '17': codes('Manufacture of paper', '47', '48', '32', '84'),
  '18': codes('Printing', '48', '49', '32', '37', '84'),
  '19': codes('Manufacture of coke and refined petroleum products', '27', '38'),
  '20': codes('Manufacture of chemicals', '25', '26', '27', '28', '29', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40'),
  '21': codes('Manufacture of pharmaceutical products', '28', '29', '30', '35', '38', '3926', '70', '9018'),
  '22': codes('Manufacture of rubber and plastic products', '39', '40', '29', '38', '84'),
  '23': codes('Manufacture of other non-metallic mineral products', '25', '68', '69', '70', '28', '32', '84'),
  '24': codes('Manufacture of basic metals', '26', '27', '28', '38', '72', '73', '74', '75', '76', '78', '79', '80', '81', '71', '84'),
  '25': codes('Manufacture of fabricated metal products', '72', '73', '74', '76', '82', '83', '93', '84', '85'),
  '26': codes('Manufacture of computer, electronic and optical products', ...ELECTRONICS, '84', '90', '91', '37', '28', '38', '39', '70', '71', '74', '76', '81'),
  '27': codes('Manufacture of electrical equipment', '85', '84', '94', '74', '76', '39', '72', '73', '90'),
  '28': codes('Manufacture of machinery and equipment', ...MACHINERY, '87'),
  '29': codes('Manufacture of motor vehicles', '87', '84', '85', '40', '70', '73', '83', '94', '90'),
  '30': codes('Manufacture of other transport equipment', '86', '87', '88', '89', '93', '84', '85', '90', '40', '73', '76'),
  '31': codes('Manufacture of furniture', '94', '44', '73', '83', '39', '58', '59'),
  '32': codes('Other manufacturing', '71', '90', '92', '95', '96', '30', '39', '40', '42', '91'),
  '33': codes('Repair and installation of machinery', ...MACHINERY, '87'),
  '35': codes('Electricity and gas supply', '27', '85', '84', '2716'),
  '36': codes('Water supply', '22', '28', '38', '84'),
  '37': codes('Sewerage', '38', '84'),
  '38': codes('Waste collection and recycling', '38', '39', '47', '70', '72', '74', '75', '76', '78', '79', '80', '81', '85', '89', '40'),
  '39': codes('Remediation', '38', '84'),
  '41': codes('Construction of buildings', '25', '44', '68', '69', '70', '72', '73', '76', '39', '32', '84', '85', '94'),
  '42': codes('Civil engineering', '25', '27', '68', '72', '73', '84', '85', '86'),
  '43': codes('Specialised construction', '25', '32', '39', '44', '68', '69', '70', '72', '73', '74', '76', '83', '84', '85', '94'),
  '45': codes('Trade and repair of motor vehicles', '87', '40', '84', '85', '94', '27', '34', '38', '70', '73', '83', '90'),
  '46': any('Wholesale trade (no class given)'),
  '47': any('Retail trade (no class given)'),
  '46.1': any('Wholesale on a fee or contract basis (agents)'),
  '46.2': codes('Wholesale of agricultural raw materials and live animals', '01', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '23', '24', '41', '43', '51', '52', '53'),
  '46.3': codes('Wholesale of food, beverages and tobacco', '02', '03', '04', '05', '07', '08', '09', '10', '11', '15', '16', '17', '18', '19', '20', '21', '22', '24', '23', '25'),
  '46.41': codes('Wholesale of textiles', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60', '61', '62', '63'),
  '46.42': codes('Wholesale of clothing and footwear', '61', '62', '63', '64', '65', '42', '43', '71'),
  '46.43': codes('Wholesale of electrical household appliances, radio and television, photographic and optical goods', '84', '85', '90', '91', '95', '8806', '8807'),
  '46.44': codes('Wholesale of china, glassware and cleaning materials', '34', '69', '70', '39', '73', '76', '82', '96'),
  '46.45': codes('Wholesale of perfume and cosmetics', '33', '34', '96'),
  '46.46': codes('Wholesale of pharmaceutical goods', '30', '29', '90', '40', '38', '3926', '94'),
  '46.47': codes('Wholesale of furniture, carpets and lighting equipment', '94', '57', '85', '44', '63'),
  '46.48': codes('Wholesale of watches and jewellery', '71', '91'),
  '46.49': codes('Wholesale of other household goods', '95', '48', '49', '39', '42', '44', '63', '69', '70', '73', '76', '82', '83', '87', '96', '85', '33', '34', '64', '94', '37', '92', '93'),
  '46.51': codes('Wholesale of computers, peripheral equipment and software', '8471', '8473', '8443', '8523', '8528', '8517', '8504', '8544', '85'),
  '46.52': codes('Wholesale of electronic and telecommunications equipment and parts', '85', '8471', '8473', '9030', '9031', '9032'),
  '46.61': codes('Wholesale of agricultural machinery', '84', '87', '40', '73'),
  '46.62': codes('Wholesale of machine tools', '84', '82', '85', '90'),
  '46.63': codes('Wholesale of mining, construction and civil engineering machinery', '84', '87', '40', '73'),
  '46.64': codes('Wholesale of machinery for the textile industry', '84', '85'),
  '46.65': codes('Wholesale of office furniture', '94'),
  '46.66': codes('Wholesale of other office machinery', '84', '85', '90', '94'),
  '46.69': codes('Wholesale of other machinery and equipment', ...MACHINERY),
  '46.71': codes('Wholesale of fuels', '27', '44'),
  '46.72': codes('Wholesale of metals and metal ores', '26', '71', '72', '73', '74', '75', '76', '78', '79', '80', '81'),
  '46.73': codes('Wholesale of wood, construction materials and sanitary equipment', '25', '32', '39', '44', '45', '68', '69', '70', '72', '73', '76', '84', '94'),
  '46.74': codes('Wholesale of hardware, plumbing and heating equipment', '73', '74', '76', '82', '83', '84', '39', '40', '85'),
  '46.75': codes('Wholesale of chemical products', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40'),
  '46.76': codes('Wholesale of other intermediate products', '39', '40', '47', '48', '50', '51', '52', '53', '54', '55', '56', '71'),
  '46.77': codes('Wholesale of waste and scrap', '38', '39', '40', '47', '63', '70', '71', '72', '74', '75', '76', '78', '79', '80', '81', '85'),
  '46.9': any('Non-specialised wholesale trade'),
  '47.1': any('Retail sale in non-specialised stores'),
  '47.2': codes('Retail sale of food, beverages and tobacco', '02', '03', '04', '07', '08', '09', '10', '11', '15', '16', '17', '18', '19', '20', '21', '22', '24'),
  '47.3': codes('Retail sale of automotive fuel', '27'),
  '47.4': codes('Retail sale of information and communication equipment', '84', '85', '8806'),
  '47.5': codes('Retail sale of other household equipment', '94', '57', '63', '69', '70', '73', '82', '83', '84', '85', '44', '32', '39'),
  '47.6': codes('Retail sale of cultural and recreation goods', '49', '48', '85', '92', '95', '8806', '8712', '89'),
  '47.7': codes('Retail sale of other goods', '30', '33', '34', '42', '43', '61', '62', '63', '64', '65', '71', '90', '91', '96', '06', '01', '95'),
  '47.8': any('Retail sale via stalls and markets'),
  '47.9': any('Retail trade not in stores or markets'),
  '49': none('Land transport'),
  '50': none('Water transport'),
  '51': none('Air transport'),
  '52': none('Warehousing and support activities for transportation'),
  '53': none('Postal and courier activities'),
  '55': none('Accommodation'),
  '56': none('Food and beverage service activities'),
  '58': codes('Publishing activities', '49', '8523'),
  '59': codes('Film, video and music production', '8525', '8519', '8521', '8523', '37'),
  '60': none('Programming and broadcasting'),
  '61': codes('Telecommunications', '8517', '8525', '8529', '8544'),
  '62': codes('Computer programming and consultancy', '8471', '8473', '8523'),
  '63': codes('Information service activities', '8471', '8473'),
  '64': none('Financial service activities'),
  '65': none('Insurance'),
  '66': none('Activities auxiliary to finance'),
  '68': none('Real estate activities'),
  '69': none('Legal and accounting activities'),
  '70': none('Activities of head offices; management consultancy'),
  '71': codes('Architectural and engineering activities; technical testing', '9030', '9031', '9015', '9024', '9027'),
  '72': codes('Scientific research and development', '90', '28', '29', '38', '9027'),
  '73': none('Advertising and market research'),
  '74': none('Other professional, scientific and technical activities'),
  '75': codes('Veterinary activities', '30', '23'),
  '77': codes('Rental and leasing activities', '84', '87', '88', '89', '8471'),
  '78': none('Employment activities'),
  '79': none('Travel agencies and tour operators'),
  '80': none('Security and investigation activities'),
  '81': none('Services to buildings and landscape activities'),
  '82': none('Office administrative and business support activities'),
  '84': none('Public administration'),
  '85': none('Education'),
  '86': codes('Human health activities', '30', '90', '94', '40'),
  '87': none('Residential care activities'),
  '88': none('Social work activities'),
  '90': none('Creative, arts and entertainment activities'),
  '91': none('Libraries, archives, museums'),
  '92': none('Gambling and betting activities'),
  '93': codes('Sports activities and amusement', '95'),
  '94': none('Activities of membership organisations'),
  '95': codes('Repair of computers and household goods', '84', '85', '90', '91'),
  '96': codes('Other personal service activities', '33', '34'),
};

/** Transport, storage and postal activities: NACE 49–53. */
export function isLogisticsActivity(code: string): boolean {
  return /^(49|50|51|52|53)(\.|$)/.test(code);
}

/** The line of business of a NACE code, by its longest known prefix. */
export function lineOfBusiness(code: string): { key: string; label: string; scope: GoodsScope } | undefined {
  const parts = code.split('.');
  const division = parts[0]!;
  const rest = parts[1] ?? '';
  const keys = [rest.length >= 2 ? `${division}.${rest.slice(0, 2)}` : undefined, rest.length >= 1 ? `${division}.${rest[0]}` : undefined, division];
  for (const key of keys) {
    if (key && LINES_OF_BUSINESS[key]) return { key, ...LINES_OF_BUSINESS[key]! };
  }
  return undefined;
}

/** Whether a line of business covers an HS code (digits). */
export function scopeCovers(scope: GoodsScope, hs: string): boolean {
  if (scope.kind === 'any') return true;
  if (scope.kind === 'none') return false;
  return scope.prefixes.some((p) => hs.startsWith(p));
}
