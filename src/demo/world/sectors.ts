/**
 * Lines of business of the synthetic registry: NACE Rev. 2 classes (Kazakhstan's OKED and the other
 * national classifications derive from it) with the HS subheadings a firm of that line trades. A
 * firm shipping goods outside its line is what red flag RF08 looks for.
 */

export type SectorId =
  | 'electronic-components'
  | 'electronics-manufacturing'
  | 'computers'
  | 'household-electronics'
  | 'photo-drones'
  | 'machine-tools'
  | 'machine-tool-manufacturing'
  | 'industrial-equipment'
  | 'instruments'
  | 'instrument-manufacturing'
  | 'auto-parts'
  | 'vehicles'
  | 'fruit-vegetables'
  | 'fruit-growing'
  | 'food'
  | 'grain'
  | 'clothing'
  | 'textiles'
  | 'garment-manufacturing'
  | 'chemicals'
  | 'cosmetics'
  | 'pharmaceuticals'
  | 'metals'
  | 'steel-production'
  | 'copper-production'
  | 'construction-materials'
  | 'furniture'
  | 'household-goods'
  | 'general-trading'
  | 'freight-forwarding'
  | 'road-transport'
  | 'it-services'
  | 'consulting'
  | 'real-estate'
  | 'construction'
  | 'holding'
  | 'restaurants'
  | 'retail';

export interface Sector {
  id: SectorId;
  /** NACE Rev. 2 class */
  nace: string;
  label: string;
  /** HS 2022 subheadings the line of business trades (empty: no goods trade) */
  goods: readonly string[];
  /** a producer: exports what it makes, imports little */
  producer?: boolean;
}

const ELECTRONIC_COMPONENTS = ['854231', '854232', '854233', '854239', '853221', '853224', '854110', '854121', '854129', '854141', '854149', '854160', '853400', '853690', '851762', '851769', '852910', '854800', '850440', '852351', '852691'];

export const SECTORS: Record<SectorId, Sector> = {
  'electronic-components': { id: 'electronic-components', nace: '46.52', label: 'Wholesale of electronic and telecommunications equipment and parts', goods: ELECTRONIC_COMPONENTS },
  'electronics-manufacturing': { id: 'electronics-manufacturing', nace: '26.11', label: 'Manufacture of electronic components', goods: ['854231', '854232', '854239', '853400', '854129', '854149', '853690', '853224', '854110', '854121'], producer: true },
  computers: { id: 'computers', nace: '46.51', label: 'Wholesale of computers, computer peripheral equipment and software', goods: ['847130', '847150', '847180', '852852', '847330', '852351', '851762'] },
  'household-electronics': { id: 'household-electronics', nace: '46.43', label: 'Wholesale of electrical household appliances', goods: ['851713', '847130', '852872', '851830', '845011', '841810', '950450', '841510'] },
  'photo-drones': { id: 'photo-drones', nace: '46.43', label: 'Wholesale of electrical household appliances (photographic equipment and drones)', goods: ['880621', '880622', '880623', '880730', '852589'] },
  'machine-tools': { id: 'machine-tools', nace: '46.62', label: 'Wholesale of machine tools', goods: ['845710', '845811', '845961', '846693', '848210', '848220', '848230', '848250'] },
  'machine-tool-manufacturing': { id: 'machine-tool-manufacturing', nace: '28.41', label: 'Manufacture of metal forming machinery', goods: ['845710', '845811', '845961', '846693'], producer: true },
  'industrial-equipment': { id: 'industrial-equipment', nace: '46.69', label: 'Wholesale of other machinery and equipment', goods: ['841381', '842952', '843149', '847989', '853710', '850440', '848210', '848220', '848250'] },
  instruments: { id: 'instruments', nace: '46.69', label: 'Wholesale of other machinery and equipment (measuring and navigation instruments)', goods: ['903020', '903032', '903039', '903082', '854320', '902750', '901380', '901480', '901420', '852691'] },
  'instrument-manufacturing': { id: 'instrument-manufacturing', nace: '26.51', label: 'Manufacture of instruments and appliances for measuring, testing and navigation', goods: ['903020', '903032', '903039', '854320', '902750', '901480', '901310'], producer: true },
  'auto-parts': { id: 'auto-parts', nace: '45.31', label: 'Wholesale trade of motor vehicle parts and accessories', goods: ['870899', '870830', '401110', '840991'] },
  vehicles: { id: 'vehicles', nace: '45.11', label: 'Sale of cars and light motor vehicles', goods: ['870323', '870421', '870899', '401110'] },
  'fruit-vegetables': { id: 'fruit-vegetables', nace: '46.31', label: 'Wholesale of fruit and vegetables', goods: ['080810', '080510', '070200', '080610', '081090'] },
  'fruit-growing': { id: 'fruit-growing', nace: '01.24', label: 'Growing of pome fruits and stone fruits', goods: ['080810', '080610', '081090'], producer: true },
  food: { id: 'food', nace: '46.39', label: 'Non-specialised wholesale of food, beverages and tobacco', goods: ['040690', '180690', '090240', '210690', '170199', '151219', '200911', '040221', '020714', '030389', '220421'] },
  grain: { id: 'grain', nace: '46.21', label: 'Wholesale of grain, unmanufactured tobacco, seeds and animal feeds', goods: ['100199', '170199', '151219'] },
  clothing: { id: 'clothing', nace: '46.42', label: 'Wholesale of clothing and footwear', goods: ['610910', '620342', '640399', '611020', '630260'] },
  textiles: { id: 'textiles', nace: '46.41', label: 'Wholesale of textiles', goods: ['520852', '630260', '610910'] },
  'garment-manufacturing': { id: 'garment-manufacturing', nace: '14.13', label: 'Manufacture of other outerwear', goods: ['610910', '620342', '611020', '520852'], producer: true },
  chemicals: { id: 'chemicals', nace: '46.75', label: 'Wholesale of chemical products', goods: ['390120', '310520', '380893', '290511', '392690'] },
  cosmetics: { id: 'cosmetics', nace: '46.45', label: 'Wholesale of perfume and cosmetics', goods: ['330499'] },
  pharmaceuticals: { id: 'pharmaceuticals', nace: '46.46', label: 'Wholesale of pharmaceutical goods', goods: ['300490', '901839'] },
  metals: { id: 'metals', nace: '46.72', label: 'Wholesale of metals and metal ores', goods: ['721049', '760410', '740311', '730890'] },
  'steel-production': { id: 'steel-production', nace: '24.10', label: 'Manufacture of basic iron and steel and of ferro-alloys', goods: ['721049', '730890'], producer: true },
  'copper-production': { id: 'copper-production', nace: '24.44', label: 'Copper production', goods: ['740311'], producer: true },
  'construction-materials': { id: 'construction-materials', nace: '46.73', label: 'Wholesale of wood, construction materials and sanitary equipment', goods: ['690721', '252329', '730890', '721049'] },
  furniture: { id: 'furniture', nace: '46.47', label: 'Wholesale of furniture, carpets and lighting equipment', goods: ['940360', '940171', '940490'] },
  'household-goods': { id: 'household-goods', nace: '46.49', label: 'Wholesale of other household goods', goods: ['950300', '950691', '482010', '940490', '851830'] },
  'general-trading': { id: 'general-trading', nace: '46.90', label: 'Non-specialised wholesale trade', goods: ['851713', '847130', '852872', '851830', '950300', '610910', '620342', '940360', '180690', '210690', '392690', '841510'] },
  'freight-forwarding': { id: 'freight-forwarding', nace: '52.29', label: 'Other transportation support activities (freight forwarding, customs brokerage)', goods: [] },
  'road-transport': { id: 'road-transport', nace: '49.41', label: 'Freight transport by road', goods: [] },
  'it-services': { id: 'it-services', nace: '62.01', label: 'Computer programming activities', goods: [] },
  consulting: { id: 'consulting', nace: '70.22', label: 'Business and other management consultancy activities', goods: [] },
  'real-estate': { id: 'real-estate', nace: '68.20', label: 'Rental and operating of own or leased real estate', goods: [] },
  construction: { id: 'construction', nace: '41.20', label: 'Construction of residential and non-residential buildings', goods: [] },
  holding: { id: 'holding', nace: '64.20', label: 'Activities of holding companies', goods: [] },
  restaurants: { id: 'restaurants', nace: '56.10', label: 'Restaurants and mobile food service activities', goods: [] },
  retail: { id: 'retail', nace: '47.19', label: 'Other retail sale in non-specialised stores', goods: [] },
};

export function sector(id: SectorId): Sector {
  return SECTORS[id];
}

/** Whether a line of business trades goods of this HS subheading. */
export function inLineOfBusiness(id: SectorId, hs6: string): boolean {
  return SECTORS[id].goods.includes(hs6);
}
