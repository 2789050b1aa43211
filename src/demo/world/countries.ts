/**
 * The fifteen countries of the synthetic world: how many companies each has at scale 1, which
 * lines of business are common there, its cities, streets and postal codes, and how its registry
 * writes an address. Streets and cities are real places; the house numbers and offices are drawn.
 */
import type { Rng } from './random.js';
import type { SectorId } from './sectors.js';

export type CountryCode = 'DE' | 'NL' | 'IT' | 'US' | 'GB' | 'CN' | 'HK' | 'KZ' | 'KG' | 'AM' | 'GE' | 'UZ' | 'AE' | 'TR' | 'RU';

/** Where a country sits on the routes: coalition suppliers, Asian suppliers, transit hubs, or Russia. */
export type Region = 'coalition' | 'asia' | 'hub' | 'russia';

export interface City {
  name: string;
  /** postal code range [low, high] (numeric codes) or outward codes (GB) */
  post: [number, number] | string[];
  streets: string[];
  /** US state, Italian province, Chinese province or district */
  area?: string;
}

export interface CountryProfile {
  code: CountryCode;
  name: string;
  region: Region;
  /** companies at scale 1 */
  companies: number;
  phone: string;
  sectors: Partial<Record<SectorId, number>>;
  cities: City[];
}

const s = (text: string): string[] => text.split('|').map((x) => x.trim());

const NON_TRADING_WEST: Partial<Record<SectorId, number>> = { 'it-services': 8, consulting: 8, 'real-estate': 6, construction: 5, holding: 5, restaurants: 3, retail: 3 };

export const COUNTRIES: Record<CountryCode, CountryProfile> = {
  DE: {
    code: 'DE', name: 'Germany', region: 'coalition', companies: 2100, phone: '+49',
    sectors: { 'electronic-components': 8, 'electronics-manufacturing': 5, 'machine-tool-manufacturing': 5, 'machine-tools': 4, 'industrial-equipment': 6, instruments: 3, 'instrument-manufacturing': 3, 'auto-parts': 6, vehicles: 3, chemicals: 4, pharmaceuticals: 3, food: 4, clothing: 2, furniture: 2, 'household-goods': 2, computers: 3, 'household-electronics': 2, 'freight-forwarding': 4, 'road-transport': 2, 'general-trading': 2, cosmetics: 1, metals: 2, 'steel-production': 1, ...NON_TRADING_WEST },
    cities: [
      { name: 'Berlin', post: [10115, 14199], streets: s('Friedrichstraße|Kantstraße|Lindenstraße|Gartenstraße|Mozartstraße|Hauptstraße') },
      { name: 'Hamburg', post: [20095, 22769], streets: s('Am Hafen|Bahnhofstraße|Industriestraße|Großer Burstah|Schillerstraße') },
      { name: 'München', post: [80331, 81929], streets: s('Goethestraße|Schillerstraße|Lindenstraße|Max-Planck-Straße|Gewerbestraße') },
      { name: 'Frankfurt am Main', post: [60306, 60599], streets: s('Hauptstraße|Mainzer Landstraße|Gartenstraße|Industriestraße') },
      { name: 'Stuttgart', post: [70173, 70629], streets: s('Königstraße|Daimlerstraße|Robert-Bosch-Straße|Siemensstraße|Industriestraße') },
      { name: 'Köln', post: [50667, 51149], streets: s('Hauptstraße|Bahnhofstraße|Gewerbestraße|Schillerstraße') },
      { name: 'Düsseldorf', post: [40210, 40629], streets: s('Königsallee|Kaiserstraße|Industriestraße|Siemensstraße') },
      { name: 'Nürnberg', post: [90402, 90491], streets: s('Carl-Zeiss-Straße|Bahnhofstraße|Gewerbestraße') },
      { name: 'Leipzig', post: [4103, 4357], streets: s('Im Gewerbepark|Karl-Liebknecht-Straße|Industriestraße') },
      { name: 'Karlsruhe', post: [76131, 76229], streets: s('Kaiserstraße|Siemensstraße|Am Hafen') },
    ],
  },
  NL: {
    code: 'NL', name: 'Netherlands', region: 'coalition', companies: 1100, phone: '+31',
    sectors: { 'electronic-components': 6, 'photo-drones': 2, 'electronics-manufacturing': 3, computers: 3, 'household-electronics': 2, 'industrial-equipment': 4, instruments: 2, food: 5, 'fruit-vegetables': 4, chemicals: 3, pharmaceuticals: 2, 'freight-forwarding': 8, 'road-transport': 3, 'general-trading': 3, metals: 1, furniture: 1, ...NON_TRADING_WEST, holding: 8 },
    cities: [
      { name: 'Amsterdam', post: [1011, 1109], streets: s('Keizersgracht|Herengracht|Stationsweg|Kerkstraat') },
      { name: 'Rotterdam', post: [3011, 3089], streets: s('Havenstraat|Zuidplein|Transportweg|Handelsweg') },
      { name: 'Eindhoven', post: [5611, 5658], streets: s('Marconistraat|Edisonstraat|Nijverheidsweg|Energieweg') },
      { name: 'Utrecht', post: [3511, 3585], streets: s('Stationsweg|Kerkstraat|Handelsweg') },
      { name: 'Venlo', post: [5911, 5928], streets: s('Industrieweg|Transportweg|Nijverheidsweg') },
      { name: 'Tilburg', post: [5011, 5049], streets: s('Dorpsstraat|Industrieweg|Energieweg') },
      { name: 'Schiphol', post: [1118, 1119], streets: s('Handelsweg|Transportweg') },
    ],
  },
  IT: {
    code: 'IT', name: 'Italy', region: 'coalition', companies: 1400, phone: '+39',
    sectors: { 'machine-tool-manufacturing': 5, 'machine-tools': 3, 'industrial-equipment': 6, instruments: 2, food: 6, clothing: 6, 'garment-manufacturing': 4, furniture: 5, cosmetics: 3, pharmaceuticals: 2, chemicals: 2, 'auto-parts': 3, 'construction-materials': 4, metals: 2, 'freight-forwarding': 3, 'electronic-components': 2, ...NON_TRADING_WEST, 'it-services': 5, holding: 4 },
    cities: [
      { name: 'Milano', area: 'MI', post: [20121, 20162], streets: s('Via Roma|Corso Italia|Via Dante Alighieri|Viale Europa|Via Giuseppe Verdi') },
      { name: 'Torino', area: 'TO', post: [10121, 10156], streets: s('Via Giuseppe Garibaldi|Corso Italia|Via dell\'Industria') },
      { name: 'Bologna', area: 'BO', post: [40121, 40141], streets: s('Via Mazzini|Via del Lavoro|Via Enrico Fermi') },
      { name: 'Bergamo', area: 'BG', post: [24121, 24129], streets: s('Via dell\'Industria|Via Guglielmo Marconi|Via dell\'Artigianato') },
      { name: 'Brescia', area: 'BS', post: [25121, 25136], streets: s('Via del Lavoro|Via Alessandro Volta|Via dell\'Industria') },
      { name: 'Verona', area: 'VR', post: [37121, 37142], streets: s('Via Roma|Viale Europa|Via Enrico Fermi') },
      { name: 'Padova', area: 'PD', post: [35121, 35143], streets: s('Via Giuseppe Verdi|Via Guglielmo Marconi') },
      { name: 'Modena', area: 'MO', post: [41121, 41126], streets: s('Via Emilia|Via dell\'Artigianato|Via del Lavoro') },
      { name: 'Napoli', area: 'NA', post: [80121, 80147], streets: s('Via Roma|Corso Italia|Via Mazzini') },
    ],
  },
  US: {
    code: 'US', name: 'United States', region: 'coalition', companies: 1500, phone: '+1',
    sectors: { 'electronic-components': 6, 'electronics-manufacturing': 5, computers: 4, instruments: 3, 'instrument-manufacturing': 3, 'industrial-equipment': 4, 'machine-tools': 2, pharmaceuticals: 3, chemicals: 3, food: 3, grain: 1, 'auto-parts': 2, vehicles: 1, 'household-electronics': 2, 'freight-forwarding': 3, 'general-trading': 2, cosmetics: 1, ...NON_TRADING_WEST, 'it-services': 10, 'real-estate': 8, holding: 6 },
    cities: [
      { name: 'New York', area: 'NY', post: [10001, 10282], streets: s('Park Avenue|Broadway|Madison Avenue|Water Street') },
      { name: 'Los Angeles', area: 'CA', post: [90001, 90089], streets: s('Harbor Boulevard|Wilshire Boulevard|Commerce Drive') },
      { name: 'Houston', area: 'TX', post: [77001, 77099], streets: s('Main Street|Industrial Parkway|Westheimer Road') },
      { name: 'Miami', area: 'FL', post: [33101, 33199], streets: s('Biscayne Boulevard|Airport Road|Commerce Drive') },
      { name: 'San Jose', area: 'CA', post: [95110, 95139], streets: s('Technology Drive|Tasman Drive|Zanker Road') },
      { name: 'Austin', area: 'TX', post: [78701, 78759], streets: s('Corporate Center Drive|Congress Avenue|Technology Drive') },
      { name: 'Seattle', area: 'WA', post: [98101, 98199], streets: s('Lakeview Drive|Market Street|Elm Street') },
      { name: 'Newark', area: 'NJ', post: [7101, 7114], streets: s('Market Street|Industrial Parkway|Maple Avenue') },
      { name: 'Dallas', area: 'TX', post: [75201, 75254], streets: s('Commerce Street|Main Street|Oak Avenue') },
      { name: 'Wilmington', area: 'DE', post: [19801, 19810], streets: s('Market Street|Orange Street|King Street') },
    ],
  },
  GB: {
    code: 'GB', name: 'United Kingdom', region: 'coalition', companies: 1200, phone: '+44',
    sectors: { 'electronic-components': 4, 'electronics-manufacturing': 3, instruments: 2, 'instrument-manufacturing': 2, 'industrial-equipment': 3, computers: 3, pharmaceuticals: 2, chemicals: 2, food: 3, clothing: 2, 'auto-parts': 2, vehicles: 2, cosmetics: 2, 'freight-forwarding': 3, 'general-trading': 3, ...NON_TRADING_WEST, 'it-services': 9, consulting: 10, 'real-estate': 8, holding: 8 },
    cities: [
      { name: 'London', post: s('EC1V|EC2A|E1|N1|SE1|SW1W|W1T|WC2H|NW1'), streets: s('High Street|Old Street|Great Portland Street|Borough High Street|Kings Road') },
      { name: 'Manchester', post: s('M1|M2|M3|M4|M17'), streets: s('Deansgate|Oxford Road|Trafford Park Road|Mill Lane') },
      { name: 'Birmingham', post: s('B1|B2|B5|B9'), streets: s('Broad Street|Station Road|Church Street') },
      { name: 'Leeds', post: s('LS1|LS2|LS10|LS11'), streets: s('Albion Street|Victoria Road|Park Lane') },
      { name: 'Bristol', post: s('BS1|BS2|BS16'), streets: s('Queen Street|Castle Street|London Road') },
      { name: 'Glasgow', post: s('G1|G2|G3'), streets: s('Buchanan Street|George Street|Green Lane') },
      { name: 'Cambridge', post: s('CB1|CB4'), streets: s('Hills Road|Science Park Road|Station Road') },
      { name: 'Reading', post: s('RG1|RG2'), streets: s('Kings Road|London Road|Green Park Road') },
    ],
  },
  CN: {
    code: 'CN', name: 'China', region: 'asia', companies: 2300, phone: '+86',
    sectors: { 'electronics-manufacturing': 10, 'electronic-components': 10, computers: 4, 'household-electronics': 6, 'photo-drones': 2, 'machine-tool-manufacturing': 3, 'machine-tools': 2, 'industrial-equipment': 5, instruments: 2, 'instrument-manufacturing': 2, 'garment-manufacturing': 6, clothing: 4, textiles: 4, chemicals: 4, furniture: 4, 'household-goods': 5, 'auto-parts': 4, vehicles: 2, metals: 2, 'steel-production': 2, 'construction-materials': 2, 'general-trading': 6, 'freight-forwarding': 4, 'it-services': 3, consulting: 2, 'real-estate': 2, construction: 2, holding: 1, food: 2 },
    cities: [
      { name: 'Shenzhen', area: 'Guangdong', post: [518000, 518172], streets: s('Huaqiang North Road|Shennan Avenue|Keyuan Road|Hi-Tech Park Road') },
      { name: 'Guangzhou', area: 'Guangdong', post: [510400, 510620], streets: s('Tianhe Road|Jiefang Road|Zhongshan Road') },
      { name: 'Dongguan', area: 'Guangdong', post: [523000, 523850], streets: s('Dongcheng Road|Renmin Road|Xinhua Road') },
      { name: 'Shanghai', area: 'Shanghai', post: [200120, 201100], streets: s('Century Avenue|Zhangjiang Road|Jianshe Road') },
      { name: 'Ningbo', area: 'Zhejiang', post: [315000, 315800], streets: s('Binhai Avenue|Zhongshan Road|Jiefang Road') },
      { name: 'Suzhou', area: 'Jiangsu', post: [215000, 215100], streets: s('Xinghu Street|Renmin Road|Suhong Road') },
      { name: 'Xiamen', area: 'Fujian', post: [361000, 361006], streets: s('Huli Avenue|Xiahe Road|Jianshe Road') },
      { name: 'Yiwu', area: 'Zhejiang', post: [322000, 322000], streets: s('Futian Road|Chouzhou Road|Xinhua Road') },
      { name: 'Qingdao', area: 'Shandong', post: [266000, 266555], streets: s('Hong Kong Middle Road|Jiangshan Road|Renmin Road') },
    ],
  },
  HK: {
    code: 'HK', name: 'Hong Kong', region: 'asia', companies: 1000, phone: '+852',
    sectors: { 'electronic-components': 12, computers: 4, 'household-electronics': 5, 'general-trading': 12, clothing: 3, 'household-goods': 3, instruments: 2, 'photo-drones': 1, 'freight-forwarding': 6, holding: 10, consulting: 6, 'real-estate': 4, 'it-services': 3, restaurants: 2, retail: 3, food: 2, cosmetics: 2 },
    cities: [
      { name: 'Wan Chai', post: [0, 0], streets: s('Hennessy Road|Lockhart Road|Gloucester Road') },
      { name: 'Central', post: [0, 0], streets: s('Des Voeux Road Central|Queen\'s Road Central|Wyndham Street') },
      { name: 'Kwun Tong', post: [0, 0], streets: s('Hoi Bun Road|How Ming Street|Hung To Road') },
      { name: 'Tsim Sha Tsui', post: [0, 0], streets: s('Nathan Road|Canton Road|Granville Road') },
      { name: 'Sheung Wan', post: [0, 0], streets: s('Connaught Road West|Wing Lok Street|Bonham Strand') },
      { name: 'Mong Kok', post: [0, 0], streets: s('Nathan Road|Argyle Street|Shantung Street') },
      { name: 'Cheung Sha Wan', post: [0, 0], streets: s('Castle Peak Road|Cheung Sha Wan Road|Tai Nan West Street') },
    ],
  },
  KZ: {
    code: 'KZ', name: 'Kazakhstan', region: 'hub', companies: 2200, phone: '+7',
    sectors: { food: 5, 'fruit-vegetables': 3, grain: 4, 'construction-materials': 5, construction: 8, metals: 3, 'copper-production': 1, 'steel-production': 1, chemicals: 2, 'auto-parts': 3, vehicles: 2, 'industrial-equipment': 4, 'machine-tools': 1, 'electronic-components': 2, computers: 3, 'household-electronics': 3, pharmaceuticals: 2, clothing: 2, furniture: 2, 'household-goods': 2, 'general-trading': 6, 'freight-forwarding': 5, 'road-transport': 3, 'it-services': 5, consulting: 5, 'real-estate': 5, holding: 2, restaurants: 3, retail: 4, instruments: 1, 'photo-drones': 1 },
    cities: [
      { name: 'Алматы', post: [50000, 50063], streets: s('пр. Абая|ул. Толе би|пр. Достык|ул. Жибек Жолы|пр. Аль-Фараби|ул. Сатпаева|ул. Розыбакиева|ул. Тимирязева|ул. Гоголя|пр. Райымбека|ул. Богенбай батыра|ул. Шевченко|ул. Жандосова') },
      { name: 'Астана', post: [10000, 10017], streets: s('пр. Мангилик Ел|ул. Кенесары|пр. Республики|ул. Сыганак|пр. Туран|ул. Достык|пр. Кабанбай батыра|ул. Бейбитшилик|ул. Иманова') },
      { name: 'Шымкент', post: [160000, 160050], streets: s('ул. Байтурсынова|пр. Тауке хана|ул. Казыбек би|ул. Жибек Жолы') },
      { name: 'Караганда', post: [100000, 100029], streets: s('пр. Бухар жырау|ул. Ерубаева|ул. Гоголя|пр. Нуркена Абдирова') },
      { name: 'Актобе', post: [30000, 30020], streets: s('пр. Абилкайыр хана|ул. Маресьева|пр. Алии Молдагуловой') },
      { name: 'Атырау', post: [60000, 60011], streets: s('ул. Сатпаева|пр. Азаттык|ул. Айтеке би') },
      { name: 'Павлодар', post: [140000, 140018], streets: s('ул. Ломова|ул. Естая|ул. Академика Сатпаева') },
      { name: 'Костанай', post: [110000, 110011], streets: s('ул. Байтурсынова|пр. Аль-Фараби|ул. Тарана') },
    ],
  },
  KG: {
    code: 'KG', name: 'Kyrgyzstan', region: 'hub', companies: 700, phone: '+996',
    sectors: { 'general-trading': 6, clothing: 5, 'garment-manufacturing': 4, textiles: 2, food: 4, 'fruit-vegetables': 2, 'construction-materials': 3, construction: 5, 'auto-parts': 3, vehicles: 2, 'household-electronics': 2, computers: 1, 'electronic-components': 1, 'industrial-equipment': 1, 'freight-forwarding': 4, 'road-transport': 3, 'it-services': 4, consulting: 3, 'real-estate': 3, restaurants: 3, retail: 4, 'household-goods': 2 },
    cities: [
      { name: 'Бишкек', post: [720000, 720085], streets: s('пр. Чуй|ул. Киевская|пр. Манаса|ул. Токтогула|пр. Жибек Жолу|ул. Ахунбаева|ул. Исанова|ул. Московская|ул. Боконбаева|ул. Фрунзе|ул. Абдрахманова') },
      { name: 'Ош', post: [723500, 723510], streets: s('ул. Ленина|ул. Курманжан Датки|ул. Масалиева') },
    ],
  },
  AM: {
    code: 'AM', name: 'Armenia', region: 'hub', companies: 600, phone: '+374',
    sectors: { computers: 3, 'electronic-components': 2, 'household-electronics': 3, food: 5, 'fruit-growing': 2, 'fruit-vegetables': 2, pharmaceuticals: 2, cosmetics: 1, 'construction-materials': 3, construction: 4, clothing: 2, 'general-trading': 4, 'freight-forwarding': 3, 'it-services': 10, consulting: 5, 'real-estate': 4, restaurants: 3, retail: 3, holding: 2, 'auto-parts': 2, vehicles: 2, instruments: 1 },
    cities: [
      { name: 'Yerevan', post: [1, 99], streets: s('Abovyan St|Tigran Mets Ave|Mashtots Ave|Komitas Ave|Baghramyan Ave|Sayat-Nova Ave|Arshakunyats Ave|Tumanyan St|Khanjyan St|Nalbandyan St|Halabyan St|Azatutyan Ave') },
      { name: 'Gyumri', post: [3101, 3126], streets: s('Rijkov St|Abovyan St|Gorki St') },
      { name: 'Vanadzor', post: [2001, 2024], streets: s('Tigran Mets Ave|Batumi St') },
    ],
  },
  GE: {
    code: 'GE', name: 'Georgia', region: 'hub', companies: 650, phone: '+995',
    sectors: { vehicles: 5, 'auto-parts': 4, food: 5, 'fruit-vegetables': 3, 'fruit-growing': 2, 'construction-materials': 4, construction: 5, 'general-trading': 5, 'freight-forwarding': 5, 'road-transport': 3, 'it-services': 7, consulting: 4, 'real-estate': 5, restaurants: 4, retail: 3, holding: 2, 'household-electronics': 2, pharmaceuticals: 2, metals: 1, computers: 2, 'electronic-components': 1 },
    cities: [
      { name: 'Tbilisi', post: [101, 194], streets: s('Rustaveli Ave|Chavchavadze Ave|Pekini Ave|Kostava St|Tsereteli Ave|Vazha-Pshavela Ave|Aghmashenebeli Ave|Kazbegi Ave|Tamarashvili St') },
      { name: 'Batumi', post: [6000, 6010], streets: s('Gorgiladze St|Chavchavadze St|Rustaveli St') },
      { name: 'Poti', post: [4400, 4400], streets: s('Akaki Tsereteli St|Davit Aghmashenebeli St') },
      { name: 'Kutaisi', post: [4600, 4600], streets: s('Tsereteli St|Chavchavadze Ave') },
    ],
  },
  UZ: {
    code: 'UZ', name: 'Uzbekistan', region: 'hub', companies: 900, phone: '+998',
    sectors: { 'fruit-growing': 5, 'fruit-vegetables': 6, textiles: 4, 'garment-manufacturing': 5, clothing: 3, food: 4, grain: 1, chemicals: 2, 'construction-materials': 4, construction: 5, metals: 2, 'copper-production': 1, 'auto-parts': 3, vehicles: 2, 'household-electronics': 2, computers: 1, 'electronic-components': 1, 'general-trading': 4, 'freight-forwarding': 3, 'road-transport': 3, 'it-services': 4, consulting: 3, 'real-estate': 2, restaurants: 3, retail: 4, pharmaceuticals: 2, 'industrial-equipment': 2 },
    cities: [
      { name: 'Toshkent', post: [100000, 100210], streets: s("Amir Temur ko'chasi|Shota Rustaveli ko'chasi|Mustaqillik shoh ko'chasi|Navoiy ko'chasi|Bobur ko'chasi|Chilonzor ko'chasi|Buyuk Ipak Yo'li ko'chasi|Nukus ko'chasi|Afrosiyob ko'chasi") },
      { name: 'Samarqand', post: [140100, 140160], streets: s("Registon ko'chasi|Dahbed ko'chasi|Mirzo Ulug'bek ko'chasi") },
      { name: 'Namangan', post: [160100, 160140], streets: s("Navoiy ko'chasi|Uychi ko'chasi") },
      { name: 'Andijon', post: [170100, 170130], streets: s("Bobur shoh ko'chasi|Navoiy shoh ko'chasi") },
    ],
  },
  AE: {
    code: 'AE', name: 'United Arab Emirates', region: 'hub', companies: 1000, phone: '+971',
    sectors: { 'general-trading': 14, 'electronic-components': 5, computers: 4, 'household-electronics': 5, vehicles: 3, 'auto-parts': 3, food: 4, cosmetics: 2, metals: 2, 'freight-forwarding': 6, holding: 8, consulting: 6, 'real-estate': 6, 'it-services': 4, construction: 4, restaurants: 3, retail: 3, 'industrial-equipment': 2, instruments: 1, 'photo-drones': 1 },
    cities: [
      { name: 'Dubai', post: [0, 0], streets: s('Jumeirah Lake Towers|Jebel Ali Free Zone|Dubai Silicon Oasis|Business Bay|Al Fahidi Street, Bur Dubai|Deira, Al Maktoum Road|Dubai Airport Free Zone') },
      { name: 'Sharjah', post: [0, 0], streets: s('SAIF Zone|Hamriyah Free Zone|Al Khan Street') },
      { name: 'Ras Al Khaimah', post: [0, 0], streets: s('RAKEZ Al Hamra Business Park|Al Nakheel') },
      { name: 'Ajman', post: [0, 0], streets: s('Ajman Free Zone|Sheikh Rashid Bin Abdulaziz Street') },
    ],
  },
  TR: {
    code: 'TR', name: 'Türkiye', region: 'hub', companies: 1400, phone: '+90',
    sectors: { clothing: 6, 'garment-manufacturing': 6, textiles: 4, food: 5, 'fruit-vegetables': 3, 'fruit-growing': 2, furniture: 4, 'household-goods': 3, 'household-electronics': 3, 'electronic-components': 3, computers: 2, 'industrial-equipment': 4, 'machine-tools': 2, chemicals: 3, 'construction-materials': 4, 'steel-production': 2, metals: 2, 'auto-parts': 4, vehicles: 2, cosmetics: 2, pharmaceuticals: 2, 'general-trading': 5, 'freight-forwarding': 5, 'road-transport': 3, 'it-services': 3, consulting: 3, 'real-estate': 3, construction: 5, holding: 2, restaurants: 3, retail: 3, instruments: 1 },
    cities: [
      { name: 'İstanbul', area: 'Ataşehir|Şişli|Beşiktaş|Kadıköy|Bağcılar|Esenyurt|Beylikdüzü|Ümraniye|Güngören|Zeytinburnu', post: [34000, 34990], streets: s('Gül Sok.|Lale Sok.|Menekşe Sok.|Gazi Cad.|Kazım Karabekir Cad.|Mimar Sinan Cad.|Ertuğrul Gazi Sok.') },
      { name: 'Mersin', area: 'Akdeniz|Yenişehir|Mezitli', post: [33000, 33340], streets: s('İstiklal Cad.|Atatürk Bulvarı|Çiçek Sok.') },
      { name: 'İzmir', area: 'Konak|Bornova|Karşıyaka', post: [35000, 35990], streets: s('Gazi Bulvarı|Cumhuriyet Bulvarı|Lale Sok.') },
      { name: 'Ankara', area: 'Çankaya|Yenimahalle|Etimesgut', post: [6000, 6990], streets: s('Atatürk Bulvarı|Mimar Sinan Cad.|Gül Sok.') },
      { name: 'Bursa', area: 'Osmangazi|Nilüfer', post: [16000, 16990], streets: s('Gazi Cad.|Menekşe Sok.') },
      { name: 'Gaziantep', area: 'Şehitkamil|Şahinbey', post: [27000, 27990], streets: s('İnönü Cad.|Gül Sok.') },
    ],
  },
  RU: {
    code: 'RU', name: 'Russia', region: 'russia', companies: 2000, phone: '+7',
    sectors: { 'electronic-components': 6, computers: 4, 'household-electronics': 4, instruments: 3, 'industrial-equipment': 5, 'machine-tools': 3, 'auto-parts': 4, vehicles: 3, food: 5, 'fruit-vegetables': 3, grain: 2, chemicals: 3, metals: 3, 'steel-production': 2, 'copper-production': 1, 'construction-materials': 3, construction: 6, clothing: 3, furniture: 2, 'household-goods': 2, pharmaceuticals: 3, cosmetics: 1, 'general-trading': 4, 'freight-forwarding': 4, 'road-transport': 3, 'it-services': 7, consulting: 6, 'real-estate': 5, holding: 3, restaurants: 3, retail: 4, 'photo-drones': 1 },
    cities: [
      { name: 'Москва', post: [101000, 129347], streets: s('ул. Тверская|Ленинградский пр-т|ул. Новый Арбат|Варшавское ш.|ул. Профсоюзная|ул. Большая Ордынка|Каширское ш.|ул. Вавилова|пр-т Мира|ул. Николоямская|ул. Летниковская|Дмитровское ш.|ул. Складочная|Огородный пр-д|ул. Электрозаводская|Рязанский пр-т') },
      { name: 'Санкт-Петербург', post: [190000, 199406], streets: s('Невский пр-т|Московский пр-т|ул. Марата|Лиговский пр-т|наб. Обводного канала|ул. Седова|Кожевенная линия') },
      { name: 'Екатеринбург', post: [620000, 620149], streets: s('ул. Малышева|ул. Мира|ул. Промышленная|ул. Заводская') },
      { name: 'Новосибирск', post: [630000, 630132], streets: s('Красный пр-т|ул. Советская|ул. Гагарина') },
      { name: 'Казань', post: [420000, 420141], streets: s('ул. Баумана|ул. Пушкина|ул. Петербургская') },
      { name: 'Нижний Новгород', post: [603000, 603163], streets: s('ул. Большая Покровская|ул. Октябрьская|ул. Заводская') },
      { name: 'Самара', post: [443000, 443125], streets: s('ул. Ленинградская|ул. Мира|Московское ш.') },
      { name: 'Ростов-на-Дону', post: [344000, 344113], streets: s('ул. Большая Садовая|пр-т Ворошиловский|ул. Промышленная') },
    ],
  },
};

export const COUNTRY_CODES = Object.keys(COUNTRIES) as CountryCode[];

export const HUBS: readonly CountryCode[] = COUNTRY_CODES.filter((c) => COUNTRIES[c].region === 'hub');

/** Whether the country uses Cyrillic in its registry (Russian, Kazakh, Kyrgyz registries). */
export function cyrillicRegistry(c: CountryCode): boolean {
  return c === 'RU' || c === 'KZ' || c === 'KG';
}

export interface Address {
  full: string;
  city: string;
  postalCode: string;
  street: string;
  /** a flat in a residential building rather than an office */
  residential: boolean;
}

const HK_BUILDING = s('Golden|Prosperity|Harbour|Fortune|Silver|Pacific|Oriental|Grand|Kingsway|Wing Fat|Tak Shing|Cheung Fat|Kwai Fong|Lucky|Bright Star|Eastern');
const HK_KIND = s('Commercial Building|Centre|Plaza|Tower|Industrial Building|House');
const AE_TOWER = s('Platinum|Saba|Indigo|Mazaya|Fortune|Jumeirah Bay|Silver|Gold Crest|Palladium|Armada');
const TR_MAH = s('Atatürk|Cumhuriyet|Fatih|Yenişehir|Barbaros|Mimar Sinan|Yıldız|Esentepe|Merkez|İnönü');
const CN_BUILDING = s('Science and Technology|Electronics|International Trade|Innovation|Jinrun|Huafeng|Tianan|Zhongxin|Xinghe|Haitai');

function postNumber(r: Rng, post: [number, number], width: number): string {
  return String(r.int(post[0], post[1])).padStart(width, '0');
}

/** A street address in the way the country's registry writes it. */
export function drawAddress(r: Rng, code: CountryCode, opts: { residential?: boolean; city?: City } = {}): Address {
  const profile = COUNTRIES[code];
  const city = opts.city ?? r.pick(profile.cities);
  const street = r.pick(city.streets);
  const residential = opts.residential ?? r.chance(code === 'RU' || code === 'KZ' || code === 'KG' || code === 'AM' || code === 'GE' || code === 'UZ' ? 0.06 : 0.02);
  const no = r.int(1, 180);
  const office = r.int(1, 420);
  const post = city.post;
  let full: string;
  let postalCode = '';
  switch (code) {
    case 'RU':
    case 'KZ':
    case 'KG': {
      postalCode = postNumber(r, post as [number, number], 6);
      const building = `${code === 'RU' ? 'д. ' : ''}${no}${r.chance(0.2) ? '/' + r.int(1, 9) : ''}`;
      const unit = residential ? `кв. ${r.int(1, 240)}` : `${code === 'RU' && r.chance(0.4) ? `стр. ${r.int(1, 6)}, ` : ''}офис ${office}`;
      full = `${postalCode}, г. ${city.name}, ${street}, ${building}, ${unit}`;
      break;
    }
    case 'UZ': {
      postalCode = postNumber(r, post as [number, number], 6);
      full = `${postalCode}, ${city.name} sh., ${street}, ${no}${r.chance(0.3) ? r.pick(['A', 'B', 'V']) : ''}${residential ? `, ${r.int(1, 120)}-xonadon` : ''}`;
      break;
    }
    case 'AM':
      postalCode = postNumber(r, post as [number, number], 4);
      full = `${no} ${street}, ${residential ? 'apt' : 'office'} ${r.int(1, 150)}, ${city.name} ${postalCode}`;
      break;
    case 'GE':
      postalCode = postNumber(r, post as [number, number], 4);
      full = `${no} ${street}${residential ? `, apt ${r.int(1, 150)}` : r.chance(0.5) ? `, office ${r.int(1, 60)}` : ''}, ${city.name} ${postalCode}`;
      break;
    case 'AE': {
      const zone = street;
      if (residential) full = `Flat ${r.int(101, 2408)}, ${r.pick(['Al Nahda 2', 'Al Qusais', 'International City', 'Al Barsha 1', 'Discovery Gardens'])}, ${city.name}`;
      else if (/Free Zone|SAIF|RAKEZ|Airport Free/.test(zone)) full = `${r.pick(['Executive Suite', 'Office', 'Warehouse'])} ${r.pick(['Z', 'A', 'B', 'Q'])}${r.int(1, 9)}-${r.int(1, 99)}, ${zone}, ${city.name}`;
      else if (zone === 'Jumeirah Lake Towers') full = `Office ${r.int(1, 45)}${String(r.int(1, 20)).padStart(2, '0')}, ${r.pick(AE_TOWER)} Tower, Cluster ${r.pick(['A', 'C', 'D', 'I', 'J', 'X', 'Y'])}, ${zone}, ${city.name}`;
      else full = `Office ${r.int(101, 1908)}, ${r.pick(AE_TOWER)} Building, ${zone}, ${city.name}`;
      postalCode = `P.O. Box ${r.int(1000, 99999)}`;
      full += `, ${postalCode}`;
      break;
    }
    case 'TR': {
      postalCode = postNumber(r, post as [number, number], 5);
      const district = r.pick((city.area ?? city.name).split('|'));
      full = `${r.pick(TR_MAH)} Mah. ${street} No: ${no}${residential ? ` D: ${r.int(1, 30)}` : r.chance(0.5) ? ` Kat: ${r.int(1, 12)}` : ''}, ${postalCode} ${district}/${city.name}`;
      break;
    }
    case 'HK':
      full = `${residential ? 'Flat' : r.pick(['Room', 'Unit', 'Flat/Rm'])} ${r.int(1, 30)}${String(r.int(1, 20)).padStart(2, '0')}, ${r.int(1, 30)}/F, ${r.pick(HK_BUILDING)} ${r.pick(HK_KIND)}, ${no} ${street}, ${city.name}, Hong Kong`;
      break;
    case 'CN':
      postalCode = postNumber(r, post as [number, number], 6);
      full = `Room ${r.int(1, 30)}${String(r.int(1, 20)).padStart(2, '0')}, ${r.pick(['Block A', 'Block B', 'Building 3', 'Tower 2'])}, ${r.pick(CN_BUILDING)} Building, No. ${no} ${street}, ${city.name}, ${city.area} ${postalCode}`;
      break;
    case 'DE':
      postalCode = postNumber(r, post as [number, number], 5);
      full = `${street} ${no}${r.chance(0.15) ? r.pick(['a', 'b']) : ''}, ${postalCode} ${city.name}`;
      break;
    case 'NL':
      postalCode = `${postNumber(r, post as [number, number], 4)} ${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`;
      full = `${street} ${no}, ${postalCode} ${city.name}`;
      break;
    case 'IT':
      postalCode = postNumber(r, post as [number, number], 5);
      full = `${street} ${no}, ${postalCode} ${city.name} (${city.area})`;
      break;
    case 'US':
      postalCode = postNumber(r, post as [number, number], 5);
      full = `${r.int(10, 9800)} ${street}${residential ? `, Apt ${r.int(1, 40)}` : r.chance(0.6) ? `, Suite ${r.int(100, 2400)}` : ''}, ${city.name}, ${city.area} ${postalCode}`;
      break;
    case 'GB': {
      const letters = 'ABDEFGHJLNPQRSTUWXYZ';
      postalCode = `${r.pick(post as string[])} ${r.int(1, 9)}${letters[r.int(0, letters.length - 1)]}${letters[r.int(0, letters.length - 1)]}`;
      full = `${residential ? `Flat ${r.int(1, 60)}, ` : r.chance(0.4) ? `Unit ${r.int(1, 40)}, ` : ''}${no} ${street}, ${city.name} ${postalCode}`;
      break;
    }
  }
  return { full, city: city.name, postalCode, street, residential };
}

/** A telephone number in the country's international format. */
export function drawPhone(r: Rng, code: CountryCode, cityName?: string): string {
  const d = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  switch (code) {
    case 'RU':
      return `+7 ${cityName === 'Санкт-Петербург' ? '812' : cityName === 'Москва' || !cityName ? r.pick(['495', '499']) : '9' + d(2)} ${d(3)}-${d(2)}-${d(2)}`;
    case 'KZ':
      return `+7 ${cityName === 'Алматы' ? '727' : cityName === 'Астана' ? '7172' : '70' + r.int(0, 8)} ${d(3)} ${d(4)}`;
    case 'KG':
      return `+996 ${r.pick(['312', '555', '700', '777'])} ${d(6)}`;
    case 'UZ':
      return `+998 ${r.pick(['71', '90', '93', '97'])} ${d(3)}-${d(2)}-${d(2)}`;
    case 'AM':
      return `+374 ${r.pick(['10', '91', '93', '99'])} ${d(6)}`;
    case 'GE':
      return `+995 ${r.pick(['32', '555', '599'])} ${d(6)}`;
    case 'AE':
      return `+971 ${r.pick(['4', '6', '7', '50', '55'])} ${d(7)}`;
    case 'TR':
      return `+90 ${r.pick(['212', '216', '324', '232', '312', '224'])} ${d(3)} ${d(2)} ${d(2)}`;
    case 'HK':
      return `+852 ${r.pick(['2', '3', '9'])}${d(3)} ${d(4)}`;
    case 'CN':
      return `+86 ${r.pick(['755', '20', '769', '21', '574'])} ${d(8)}`;
    case 'DE':
      return `+49 ${r.pick(['30', '40', '89', '69', '711', '221', '211'])} ${d(7)}`;
    case 'NL':
      return `+31 ${r.pick(['20', '10', '40', '30', '77'])} ${d(3)} ${d(4)}`;
    case 'IT':
      return `+39 0${r.pick(['2', '11', '51', '35', '30', '45'])} ${d(7)}`;
    case 'US':
      return `+1 ${r.int(201, 989)}-${d(3)}-${d(4)}`;
    case 'GB':
      return `+44 ${r.pick(['20', '161', '121', '113', '117'])} ${d(4)} ${d(4)}`;
  }
}
