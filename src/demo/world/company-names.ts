/**
 * Invented company names, composed per country from syllables, place words and line-of-business
 * words, with the country's legal forms written as its registry writes them (ООО, ТОО, ОсОО, МЧЖ,
 * GmbH, B.V., S.r.l., Ltd, Co., Ltd., FZE/FZCO, Ltd. Şti.…). Cyrillic and Chinese names come with
 * the Latin or English rendering other records use.
 */
import type { CountryCode } from './countries.js';
import type { Rng } from './random.js';
import type { SectorId } from './sectors.js';
import { toLatin } from './translit.js';

export interface CompanyName {
  /** the name as the registry writes it, legal form included */
  name: string;
  /** the legal form as the registry abbreviates it */
  legalForm: string;
  /** the registry's other names: Kazakh-language form, English name of a Chinese firm */
  aliases: string[];
  /** the core name without legal form, in Latin letters (for customs spellings) */
  latinCore: string;
  /** the core name as written (any script) */
  core: string;
  /** the city the name places the firm in (Chinese names begin with it) */
  city?: string;
}

const s = (text: string): string[] => text.split('|').map((x) => x.trim());

type Topic = 'electronics' | 'machinery' | 'instruments' | 'auto' | 'food' | 'textile' | 'chemical' | 'metal' | 'construction' | 'logistics' | 'it' | 'finance' | 'trade' | 'pharma' | 'furniture' | 'service';

const TOPIC: Record<SectorId, Topic> = {
  'electronic-components': 'electronics', 'electronics-manufacturing': 'electronics', computers: 'electronics', 'household-electronics': 'electronics', 'photo-drones': 'electronics',
  'machine-tools': 'machinery', 'machine-tool-manufacturing': 'machinery', 'industrial-equipment': 'machinery', instruments: 'instruments', 'instrument-manufacturing': 'instruments',
  'auto-parts': 'auto', vehicles: 'auto', 'fruit-vegetables': 'food', 'fruit-growing': 'food', food: 'food', grain: 'food', clothing: 'textile', textiles: 'textile',
  'garment-manufacturing': 'textile', chemicals: 'chemical', cosmetics: 'chemical', pharmaceuticals: 'pharma', metals: 'metal', 'steel-production': 'metal', 'copper-production': 'metal',
  'construction-materials': 'construction', furniture: 'furniture', 'household-goods': 'trade', 'general-trading': 'trade', 'freight-forwarding': 'logistics', 'road-transport': 'logistics',
  'it-services': 'it', consulting: 'service', 'real-estate': 'finance', construction: 'construction', holding: 'finance', restaurants: 'service', retail: 'trade',
};

// Russian (also used in Kazakh and Kyrgyz registries): prefixes that join a word, and whole words
const RU_PREFIX: Record<Topic, string[]> = {
  electronics: s('Электро|Техно|Микро|Радио|Чип|Телеком|Инфо|Цифро'), machinery: s('Пром|Станко|Маш|Техно|Гидро|Энерго'),
  instruments: s('Прибор|Метро|Техно|Опто'), auto: s('Авто|Мото|Трак'), food: s('Агро|Продукт|Фуд|Мясо|Фрукт'), textile: s('Текстиль|Швей|Мода|Стиль'),
  chemical: s('Хим|Полимер|Пласт|Эко'), metal: s('Металл|Сталь|Мет|Прокат'), construction: s('Строй|Бетон|Керам|Дом'), logistics: s('Транс|Карго|Логист|Экспресс'),
  it: s('Софт|Диджитал|Код|Дата'), finance: s('Инвест|Капитал|Финанс|Актив'), trade: s('Торг|Импорт|Снаб|Опт'), pharma: s('Фарм|Мед|Био|Вита'),
  furniture: s('Мебель|Интерьер|Декор'), service: s('Консалт|Сервис|Проф|Бизнес'),
};
const RU_SUFFIX: Record<Topic, string[]> = {
  electronics: s('комплект|снаб|сервис|систем|трейд|компонент|элемент|сигнал|тех'), machinery: s('комплект|снаб|маш|техника|привод|сервис'),
  instruments: s('сервис|комплект|тех|снаб'), auto: s('деталь|запчасть|комплект|трейд|сервис'), food: s('продукт|трейд|импорт|снаб|торг'),
  textile: s('трейд|опт|импорт|снаб'), chemical: s('трейд|снаб|продукт|комплект'), metal: s('трейд|снаб|прокат|сервис'), construction: s('материал|комплект|снаб|трейд|сервис'),
  logistics: s('сервис|логистик|экспедиция|лайн|групп'), it: s('лаб|систем|тех|решения'), finance: s('групп|холдинг|партнер|менеджмент'), trade: s('трейд|торг|импорт|снаб|опт'),
  pharma: s('фарм|трейд|снаб|сервис'), furniture: s('трейд|стиль|комплект'), service: s('групп|партнер|сервис|консалт'),
};
const RU_WORD: Record<Topic, string[]> = {
  electronics: s('Электроникс|Компонент|Телеком|Системс|Технолоджи'), machinery: s('Индастри|Машинери|Инжиниринг|Техника'), instruments: s('Инструментс|Метрология|Приборы'),
  auto: s('Моторс|Авто|Драйв'), food: s('Фудс|Агро|Продукт|Фреш'), textile: s('Текстиль|Стиль|Фэшн'), chemical: s('Кемикал|Полимер|Химия'), metal: s('Металл|Стил|Метиз'),
  construction: s('Строй|Девелопмент|Билдинг'), logistics: s('Логистик|Транс|Карго|Экспресс|Форвардинг'), it: s('Софт|Диджитал|Лаб|Солюшнс'), finance: s('Инвест|Капитал|Холдинг|Групп'),
  trade: s('Трейд|Импорт|Коммерц|Трейдинг'), pharma: s('Фарм|Мед|Био'), furniture: s('Мебель|Интерьер|Хоум'), service: s('Консалтинг|Сервис|Партнерс|Групп'),
};
const RU_START = s('Ал|Бер|Вер|Гал|Дар|Зар|Кор|Лан|Мир|Нор|Ор|Сев|Сиб|Тар|Вол|Дон|Ур|Кам|Ин|Эл|Ар|Лад|Рад|Сол|Тем|Вит|Гор|Крас|Мег|Нев');
const RU_MID = s('е|и|о|а|ен|ан|ор|ер|ит|ол||||||');
const RU_END = s('екс|ит|он|ия|ис|ика|ант|ент|ол|ан|ор|ета|ина|ум|тек|ком|вест|лайн|март|тон|гард|ис');
const RU_PLACE = s('Урал|Волга|Сибирь|Балтик|Байкал|Кама|Дон|Енисей|Амур|Ока|Алтай|Север|Восток|Запад|Юг|Нева|Печора|Каспий');

const KZ_WORD = s('Алтын|Жарық|Көк|Сарыарқа|Бірлік|Береке|Нұр|Самал|Тұлпар|Шаңырақ|Дала|Жол|Арман|Бастау|Керуен|Тау|Кемел|Ордa|Сұңқар|Жұлдыз|Ақжайық|Есіл|Ертіс|Іле|Алатау|Хан Тәңірі|Мұнай|Көктем');
const KG_WORD = s('Ала-Тоо|Тянь-Шань|Ысык-Көл|Бакай|Ак-Жол|Жибек Жолу|Нур|Кут|Береке|Ата-Журт|Чүй|Нарын|Талас|Кумтөр|Ак-Суу|Тулпар|Сапар|Алтын-Таш|Эркин|Жаңы Заман');
const UZ_WORD = s("Zarafshon|Samarqand|Buxoro|Ipak Yo'li|Oltin|Nur|Baraka|Yulduz|Sharq|Turon|Farg'ona|Xorazm|Navro'z|Bunyodkor|Ziyo|Ulug'bek|Mehr|Orzu|Kamalak|Saxovat|Tong|Chorsu");
const UZ_TOPIC: Record<Topic, string[]> = {
  electronics: s('Elektron|Texno|Digital'), machinery: s('Texnika|Mashinasozlik|Sanoat'), instruments: s('Asbob|Texno'), auto: s('Avto|Motors'), food: s('Meva|Sabzavot|Oziq-ovqat|Agro|Fruit'),
  textile: s('Tekstil|Ipak|Paxta|Moda'), chemical: s('Kimyo|Polimer'), metal: s('Metall|Po\'lat'), construction: s('Qurilish|Stroy|Keramika'), logistics: s('Trans|Logistik|Yuk Tashish'),
  it: s('Soft|IT|Digital'), finance: s('Invest|Kapital|Group'), trade: s('Savdo|Trade|Import'), pharma: s('Farm|Med'), furniture: s('Mebel'), service: s('Servis|Konsalting|Group'),
};
const UZ_CYR: Record<string, string> = { a: 'а', b: 'б', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'ҳ', i: 'и', j: 'ж', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', q: 'қ', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', x: 'х', y: 'й', z: 'з' };

const EN_TOPIC: Record<Topic, string[]> = {
  electronics: s('Electronics|Technologies|Components|Semiconductor|Microsystems|Devices'), machinery: s('Machinery|Engineering|Industrial|Equipment|Automation'),
  instruments: s('Instruments|Measurement|Test Systems|Navigation'), auto: s('Auto Parts|Motors|Automotive'), food: s('Foods|Fresh Produce|Agro|Foodstuff'),
  textile: s('Textiles|Apparel|Garments|Fashion'), chemical: s('Chemicals|Polymers|Cosmetics'), metal: s('Metals|Steel|Alloys'), construction: s('Building Materials|Construction|Ceramics'),
  logistics: s('Logistics|Shipping|Freight|Cargo'), it: s('Software|Digital|IT Solutions|Labs'), finance: s('Holdings|Capital|Investments|Properties'), trade: s('Trading|Supply|Import Export|Commerce'),
  pharma: s('Pharma|Medical|Healthcare'), furniture: s('Furniture|Interiors|Home'), service: s('Consulting|Services|Partners|Management'),
};
const EN_BRAND = s('Apex|Summit|Pioneer|Liberty|Keystone|Redwood|Lakeshore|Bluewater|Vertex|Meridian|Northstar|Silverline|Ironbridge|Clearpoint|Bright|Crestview|Harbor|Granite|Cobalt|Evergreen|Falcon|Orion|Quantum|Nexus|Sterling|Vantage|Titan|Beacon|Pinnacle|Horizon|Cedar|Maple|Aspen|Ridge|Atlas|Polar');
const EN_SYL1 = s('Ver|Ax|Quan|Lum|Nex|Cor|Tri|Zen|Vol|Sol|Omni|Pro|Ultra|Tel|Dyn|Syn|Mag|Ter|Kin|Vel');
const EN_SYL2 = s('tek|tron|ex|ion|ia|ar|ix|on|ara|ent|ica|ova|um|is|ant|yx');
const GB_PLACE = s('Thames|Pennine|Cotswold|Albion|Mercia|Wessex|Northgate|Kingsway|Oakfield|Ashford|Severn|Chiltern|Mendip|Tyne|Solent');
const DE_WORD: Record<Topic, string[]> = {
  electronics: s('Elektronik|Elektrotechnik|Halbleiter|Komponenten|Systeme'), machinery: s('Maschinenbau|Industrietechnik|Antriebstechnik|Präzisionstechnik|Werkzeugmaschinen'),
  instruments: s('Messtechnik|Präzisionsinstrumente|Prüftechnik'), auto: s('Autoteile|Fahrzeugtechnik|Automobil'), food: s('Lebensmittel|Feinkost|Frischdienst'),
  textile: s('Textil|Moden|Bekleidung'), chemical: s('Chemie|Kunststoffe|Kosmetik'), metal: s('Metall|Stahlhandel|Metallbau'), construction: s('Bau|Baustoffe|Bauunternehmung'),
  logistics: s('Logistik|Spedition|Transporte'), it: s('Software|IT-Systeme|Digital'), finance: s('Beteiligungen|Immobilien|Vermögensverwaltung|Holding'), trade: s('Handel|Vertrieb|Import-Export|Großhandel'),
  pharma: s('Pharma|Medizintechnik'), furniture: s('Möbel|Einrichtung|Wohnen'), service: s('Beratung|Consulting|Dienstleistungen'),
};
const DE_BRAND1 = s('Al|Bel|Cor|Dan|El|Fer|Ger|Hel|Ka|Lin|Mer|Nor|Ost|Rhein|Sau|Tel|Ver|Wes|Alb|Ems|Isar|Main|Neck|Lah');
const DE_BRAND2 = s('tec|tron|tek|ex|on|ia|um|ar|ix|sys|com|ra|ta|co');
const DE_REGION = s('Rhein-Main|Schwaben|Nord|Süd|Bayern|Elbe|Ruhr|Baden|Hanse|Allgäu');
const NL_WORD: Record<Topic, string[]> = {
  electronics: s('Elektro|Electronics|Components|Techniek'), machinery: s('Machinebouw|Techniek|Industrie'), instruments: s('Meettechniek|Instruments'), auto: s('Auto-onderdelen|Automotive'),
  food: s('Food|Fresh|Groente en Fruit|Voeding'), textile: s('Textiel|Fashion'), chemical: s('Chemie|Kunststoffen'), metal: s('Metaal|Staal'), construction: s('Bouw|Bouwmaterialen'),
  logistics: s('Logistics|Logistiek|Transport|Expeditie'), it: s('Software|IT|Digital'), finance: s('Holding|Beheer|Vastgoed|Investments'), trade: s('Trading|Handel|Distributie|Import'),
  pharma: s('Pharma|Medical'), furniture: s('Meubelen|Interieur'), service: s('Advies|Consultancy|Diensten'),
};
const NL_BRAND = s('Oranje|Delta|Polder|Noorder|Zuider|Lage Landen|Maas|Waal|IJssel|Kempen|Veluwe|Rijn|Amstel|Zeeland|Brabant');
const IT_WORD: Record<Topic, string[]> = {
  electronics: s('Elettronica|Elettrotecnica|Componenti'), machinery: s('Meccanica|Macchine Utensili|Automazione|Impianti'), instruments: s('Strumenti|Misure'), auto: s('Ricambi Auto|Automotive'),
  food: s('Alimentari|Prodotti Tipici|Ortofrutta|Vini'), textile: s('Tessile|Moda|Abbigliamento'), chemical: s('Chimica|Cosmetici|Plastica'), metal: s('Metalli|Acciai'), construction: s('Ceramiche|Costruzioni|Edilizia'),
  logistics: s('Trasporti|Logistica|Spedizioni'), it: s('Informatica|Software'), finance: s('Holding|Immobiliare|Partecipazioni'), trade: s('Commerciale|Import Export|Distribuzione'),
  pharma: s('Farmaceutica|Medicali'), furniture: s('Arredamenti|Mobili'), service: s('Consulting|Servizi'),
};
const IT_BRAND = s('Tecno|Meta|Nova|Alpi|Adria|Lombarda|Padana|Euro|Sud|Mec|Italo|Emilia|Dolomiti|Garda|Arno|Tirreno|Appennino|Brenta|Ticino');
const TR_WORD: Record<Topic, string[]> = {
  electronics: s('Elektronik|Elektrik|Teknoloji'), machinery: s('Makina|Endüstri|Otomasyon'), instruments: s('Ölçüm|Teknoloji'), auto: s('Otomotiv|Yedek Parça'), food: s('Gıda|Tarım|Meyve'),
  textile: s('Tekstil|Konfeksiyon|Moda'), chemical: s('Kimya|Plastik|Kozmetik'), metal: s('Metal|Çelik'), construction: s('İnşaat|Yapı|Seramik'), logistics: s('Lojistik|Nakliyat|Taşımacılık'),
  it: s('Bilişim|Yazılım'), finance: s('Holding|Yatırım'), trade: s('Dış Ticaret|Ticaret|İthalat İhracat'), pharma: s('İlaç|Medikal'), furniture: s('Mobilya|Dekorasyon'), service: s('Danışmanlık|Hizmetleri'),
};
const TR_BRAND = s('Anadolu|Ege|Marmara|Akdeniz|Karadeniz|Toros|Uludağ|Kartal|Yıldız|Güneş|Akın|Ekin|Doruk|Umut|Asya|Atlas|Başak|Deniz|Kuzey|Poyraz');
const AE_AL = s('Al Noor|Al Safa|Al Reem|Al Wafa|Al Barakah|Al Mizan|Al Yasmin|Al Rawda|Al Fajr|Al Hilal|Al Jazeera|Al Khaleej|Al Majd|Al Qamar|Al Salam|Al Waha|Al Nujoom|Al Bahar|Al Sahra|Al Manara');
const AE_ADJ = s('Golden|Silver|Blue|Royal|Grand|Bright|Emerald|Crystal|Swift|Prime|First|United|Desert|Gulf|Ocean|Sky');
const AE_NOUN = s('Falcon|Horizon|Sands|Pearl|Oasis|Crescent|Dune|Palm|Star|Bridge|Gate|Sail|Wave|Coast|Harbour|Arrow|Rose|Line');
const AM_BRAND = s('Ararat|Ani|Arax|Sevan|Masis|Aragats|Nairi|Vahagn|Arev|Erebuni|Shirak|Zangezur|Lori|Urartu|Tsakhkadzor|Hrazdan|Dilijan|Garni|Artsakh Road|Noy');
const GE_BRAND = s('Kartli|Imereti|Kolkheti|Iveria|Mtatsminda|Rioni|Mtkvari|Kavkasia|Argo|Aragvi|Kazbegi|Svaneti|Tori|Lazika|Samegrelo|Alazani|Ushguli|Gelati');
const HK_SYL = s('Wing|Tak|Kin|Hing|Fat|Lung|Cheong|Shing|Wah|Yip|Kwong|Sun|Po|Hoi|Man|Fu|Lee|Tai|Yue|Chi|Kai|Ming|Wai|Yau');

const CN_CITY: ReadonlyArray<[string, string]> = [['深圳市', 'Shenzhen'], ['广州市', 'Guangzhou'], ['东莞市', 'Dongguan'], ['上海', 'Shanghai'], ['宁波', 'Ningbo'], ['苏州', 'Suzhou'], ['厦门', 'Xiamen'], ['义乌市', 'Yiwu'], ['青岛', 'Qingdao']];
const CN_BRAND: ReadonlyArray<[string, string]> = [
  ['华', 'Hua'], ['芯', 'Xin'], ['创', 'Chuang'], ['达', 'Da'], ['源', 'Yuan'], ['盛', 'Sheng'], ['泰', 'Tai'], ['鑫', 'Xin'], ['瑞', 'Rui'], ['德', 'De'],
  ['宏', 'Hong'], ['海', 'Hai'], ['通', 'Tong'], ['联', 'Lian'], ['博', 'Bo'], ['科', 'Ke'], ['锐', 'Rui'], ['恒', 'Heng'], ['嘉', 'Jia'], ['信', 'Xin'],
  ['晟', 'Sheng'], ['昊', 'Hao'], ['辰', 'Chen'], ['天', 'Tian'], ['星', 'Xing'], ['金', 'Jin'], ['龙', 'Long'], ['富', 'Fu'], ['美', 'Mei'], ['启', 'Qi'],
  ['航', 'Hang'], ['宇', 'Yu'], ['拓', 'Tuo'], ['迅', 'Xun'], ['亿', 'Yi'], ['众', 'Zhong'], ['汇', 'Hui'], ['诚', 'Cheng'], ['万', 'Wan'], ['特', 'Te'],
];
const CN_TOPIC: Record<Topic, ReadonlyArray<[string, string]>> = {
  electronics: [['电子科技', 'Electronic Technology'], ['电子', 'Electronics'], ['微电子', 'Microelectronics'], ['半导体', 'Semiconductor'], ['通讯设备', 'Communication Equipment']],
  machinery: [['机械', 'Machinery'], ['数控机床', 'CNC Machine Tool'], ['精密机械', 'Precision Machinery'], ['自动化设备', 'Automation Equipment']],
  instruments: [['仪器仪表', 'Instrument'], ['测控技术', 'Measurement and Control Technology'], ['光电', 'Optoelectronic']],
  auto: [['汽车配件', 'Auto Parts'], ['汽车零部件', 'Automotive Components']], food: [['食品', 'Food'], ['农产品', 'Agricultural Products']],
  textile: [['纺织', 'Textile'], ['服装', 'Garment'], ['服饰', 'Apparel']], chemical: [['化工', 'Chemical'], ['塑料制品', 'Plastic Products'], ['新材料', 'New Materials']],
  metal: [['金属制品', 'Metal Products'], ['钢铁', 'Iron and Steel']], construction: [['建材', 'Building Materials'], ['陶瓷', 'Ceramics'], ['建设工程', 'Construction Engineering']],
  logistics: [['国际物流', 'International Logistics'], ['供应链管理', 'Supply Chain Management'], ['国际货运代理', 'International Freight Forwarding']],
  it: [['信息技术', 'Information Technology'], ['软件', 'Software']], finance: [['投资', 'Investment'], ['实业', 'Industrial']],
  trade: [['进出口', 'Import and Export'], ['贸易', 'Trading'], ['国际贸易', 'International Trade']], pharma: [['医疗器械', 'Medical Devices'], ['医药', 'Pharmaceutical']],
  furniture: [['家具', 'Furniture'], ['家居用品', 'Household Products']], service: [['企业管理咨询', 'Business Consulting'], ['商务服务', 'Business Services']],
};

const cap = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

function syllableName(r: Rng, starts: string[], mids: string[], ends: string[]): string {
  return cap(`${r.pick(starts)}${r.pick(mids)}${r.pick(ends)}`.toLowerCase());
}

function ruCore(r: Rng, topic: Topic): string {
  switch (r.int(0, 5)) {
    case 0:
    case 1:
      return r.pick(RU_PREFIX[topic]) + r.pick(RU_SUFFIX[topic]);
    case 2:
      return `${syllableName(r, RU_START, RU_MID, RU_END)} ${r.pick(RU_WORD[topic])}`;
    case 3:
      return syllableName(r, RU_START, RU_MID, RU_END);
    case 4:
      return `${r.pick(RU_PLACE)}${r.pick(RU_SUFFIX[topic])}`;
    default:
      return `${r.pick(RU_PLACE)} ${r.pick(RU_WORD[topic])}`;
  }
}

function quoted(r: Rng, core: string): string {
  return r.chance(0.5) ? `«${core}»` : `"${core}"`;
}

/** A Latin uppercase rendering of a Cyrillic core (customs declarations write names so). */
function latinOf(core: string): string {
  return toLatin(core, 'bgn');
}

function uzCyrillic(latin: string): string {
  return latin
    .replace(/o'/gi, (m) => (m[0] === 'O' ? 'Ў' : 'ў'))
    .replace(/g'/gi, (m) => (m[0] === 'G' ? 'Ғ' : 'ғ'))
    .replace(/sh/gi, (m) => (m[0] === 'S' ? 'Ш' : 'ш'))
    .replace(/ch/gi, (m) => (m[0] === 'C' ? 'Ч' : 'ч'))
    .replace(/yo/gi, (m) => (m[0] === 'Y' ? 'Ё' : 'ё'))
    .replace(/yu/gi, (m) => (m[0] === 'Y' ? 'Ю' : 'ю'))
    .replace(/ya/gi, (m) => (m[0] === 'Y' ? 'Я' : 'я'))
    .replace(/[a-z]/gi, (ch) => {
      const c = UZ_CYR[ch.toLowerCase()] ?? ch;
      return ch === ch.toUpperCase() ? c.toUpperCase() : c;
    });
}

/** A new company name for the country and line of business. `family` supplies a family name for firms named after their founder. */
export function drawCompanyName(r: Rng, country: CountryCode, sectorId: SectorId, family: () => string): CompanyName {
  const topic = TOPIC[sectorId];
  const en = () => r.pick(EN_TOPIC[topic]);
  switch (country) {
    case 'RU': {
      const core = ruCore(r, topic);
      const form = r.weighted([['ООО', 85], ['АО', 10], ['ЗАО', 5]] as const, (x) => x[1])[0];
      return { name: `${form} ${quoted(r, core)}`, legalForm: form, aliases: [], core, latinCore: latinOf(core) };
    }
    case 'KZ': {
      const core = r.chance(0.45) ? `${r.pick(KZ_WORD)} ${r.pick(RU_WORD[topic])}` : r.chance(0.3) ? `Каз${r.pick(RU_PREFIX[topic]).toLowerCase()}${r.pick(RU_SUFFIX[topic])}` : ruCore(r, topic);
      const form = r.chance(0.93) ? 'ТОО' : 'АО';
      const aliases = r.chance(0.35) ? [`${form === 'ТОО' ? 'ЖШС' : 'АҚ'} «${core}»`] : [];
      return { name: `${form} ${quoted(r, core)}`, legalForm: form, aliases, core, latinCore: latinOf(core) };
    }
    case 'KG': {
      const core = r.chance(0.5) ? `${r.pick(KG_WORD)} ${r.pick(RU_WORD[topic])}` : ruCore(r, topic);
      const aliases = r.chance(0.2) ? [`«${core}» ЖЧК`] : [];
      return { name: `ОсОО ${quoted(r, core)}`, legalForm: 'ОсОО', aliases, core, latinCore: latinOf(core) };
    }
    case 'UZ': {
      const latin = `${r.pick(UZ_WORD)} ${r.pick(UZ_TOPIC[topic])}`;
      if (r.chance(0.3)) {
        const cyr = uzCyrillic(latin).toUpperCase();
        return { name: `"${cyr}" МЧЖ`, legalForm: 'МЧЖ', aliases: [`"${latin.toUpperCase()}" MCHJ`], core: cyr, latinCore: latin.toUpperCase() };
      }
      const form = r.chance(0.85) ? 'MChJ' : 'AJ';
      return { name: r.chance(0.5) ? `"${latin}" ${form}` : `${form} "${latin}"`, legalForm: form, aliases: [], core: latin, latinCore: latin };
    }
    case 'AM': {
      const core = r.chance(0.6) ? `${r.pick(AM_BRAND)} ${en()}` : `${r.pick(AM_BRAND)}${r.pick(['tech', 'trade', 'soft', 'pharm', 'lux', 'com'])}`;
      const form = r.chance(0.85) ? 'LLC' : 'CJSC';
      return { name: r.chance(0.5) ? `"${core}" ${form}` : `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'GE': {
      const core = `${r.pick(GE_BRAND)} ${en()}`;
      const form = r.chance(0.9) ? 'LLC' : 'JSC';
      return { name: r.chance(0.5) ? `${form} "${core}"` : `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'AE': {
      const form = r.weighted([['LLC', 40], ['FZE', 25], ['FZCO', 20], ['FZ-LLC', 15]] as const, (x) => x[1])[0];
      const kind = topic === 'trade' ? 'General Trading' : topic === 'logistics' ? r.pick(['Logistics', 'Shipping', 'Cargo Services']) : topic === 'finance' ? 'Holding' : `${en()} Trading`;
      const core = `${r.chance(0.4) ? r.pick(AE_AL) : `${r.pick(AE_ADJ)} ${r.pick(AE_NOUN)}`} ${kind}`;
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'TR': {
      const brand = r.chance(0.55) ? r.pick(TR_BRAND) : family();
      const word = r.pick(TR_WORD[topic]);
      const form = r.weighted([['San. ve Tic. Ltd. Şti.', 40], ['Ltd. Şti.', 35], ['A.Ş.', 15], ['Dış Tic. Ltd. Şti.', 10]] as const, (x) => x[1])[0];
      const core = `${brand} ${word}`;
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'HK': {
      const brand = `${r.pick(HK_SYL)} ${r.pick(HK_SYL)}`;
      const word = topic === 'finance' ? r.pick(['International Holdings', 'Investment', 'Holdings']) : en();
      const form = r.weighted([['Limited', 45], ['Company Limited', 25], ['(HK) Limited', 15], ['Co., Limited', 15]] as const, (x) => x[1])[0];
      const core = `${brand} ${word}`;
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'CN': {
      const [cityZh, cityEn] = r.pick(CN_CITY);
      const b1 = r.pick(CN_BRAND);
      let b2 = r.pick(CN_BRAND);
      while (b2[0] === b1[0]) b2 = r.pick(CN_BRAND);
      const [topicZh, topicEn] = r.pick(CN_TOPIC[topic]);
      const joint = r.chance(0.1);
      const formZh = joint ? '股份有限公司' : '有限公司';
      const formEn = joint ? 'Co., Ltd. (joint stock)' : 'Co., Ltd.';
      const brandEn = `${b1[1]}${b2[1].toLowerCase()}`;
      const english = `${cityEn} ${brandEn} ${topicEn} ${formEn.replace(' (joint stock)', '')}`;
      const core = `${b1[0]}${b2[0]}${topicZh}`;
      return { name: `${cityZh}${core}${formZh}`, legalForm: formEn, aliases: [english], core, latinCore: `${cityEn} ${brandEn} ${topicEn}`, city: cityEn };
    }
    case 'DE': {
      const pattern = r.int(0, 4);
      const core =
        pattern === 0 ? `${family()} ${r.pick(DE_WORD[topic])}`
        : pattern === 1 ? `${r.pick(DE_BRAND1)}${r.pick(DE_BRAND2)} ${r.pick(DE_WORD[topic])}`
        : pattern === 2 ? `${family()} & ${family()}`
        : pattern === 3 ? `${r.pick(DE_REGION)} ${r.pick(DE_WORD[topic])}`
        : `${r.pick(DE_BRAND1)}${r.pick(DE_BRAND2)}`;
      const form = pattern === 2 ? 'GmbH & Co. KG' : r.weighted([['GmbH', 80], ['AG', 6], ['UG (haftungsbeschränkt)', 8], ['GmbH & Co. KG', 6]] as const, (x) => x[1])[0];
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'NL': {
      const core = r.chance(0.4) ? `${family()} ${r.pick(NL_WORD[topic])}` : `${r.pick(NL_BRAND)} ${r.pick(NL_WORD[topic])}`;
      const form = r.chance(0.95) ? 'B.V.' : 'N.V.';
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'IT': {
      const pattern = r.int(0, 3);
      const core = pattern === 0 ? `${family()} ${r.pick(IT_WORD[topic])}` : pattern === 1 ? `${r.pick(IT_BRAND)} ${r.pick(IT_WORD[topic])}` : pattern === 2 ? `${family()} & Figli` : `${r.pick(IT_BRAND)}${r.pick(['mec', 'tek', 'plast', 'tex', 'lux', 'form'])}`;
      const form = r.weighted([['S.r.l.', 75], ['S.p.A.', 12], ['S.n.c.', 8], ['S.a.s.', 5]] as const, (x) => x[1])[0];
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
    case 'US':
    case 'GB': {
      const brand = country === 'GB' && r.chance(0.35) ? r.pick(GB_PLACE) : r.chance(0.5) ? r.pick(EN_BRAND) : r.chance(0.5) ? `${r.pick(EN_SYL1)}${r.pick(EN_SYL2)}` : family();
      const core = r.chance(0.1) ? `${family()} & ${r.pick(['Sons', 'Partners', 'Associates'])}` : `${brand} ${en()}`;
      const form = country === 'US'
        ? r.weighted([['Inc.', 50], ['LLC', 40], ['Corp.', 10]] as const, (x) => x[1])[0]
        : r.weighted([['Ltd', 55], ['Limited', 35], ['LLP', 6], ['PLC', 4]] as const, (x) => x[1])[0];
      return { name: `${core} ${form}`, legalForm: form, aliases: [], core, latinCore: core };
    }
  }
}

const QUALIFIERS_RU = s('Плюс|Групп|Центр|Про|Сервис|Трейд|Альянс|Инвест|Компани|Регион|Экспорт|Лидер');
const QUALIFIERS_LATIN = s('Group|International|Plus|Global|Partners|Solutions|One|Pro|Trade|Systems|Center|Alliance|Invest|Company|Export|Leader');

/**
 * A name made distinct with a qualifier word (and, when even that is taken, a number), as
 * registries are full of "… Plus", "… Group", "… 2": used once the country's plain names of a
 * line of business run short.
 */
export function qualified(r: Rng, n: CompanyName, level: number): CompanyName {
  if (n.aliases.some((a) => /[\u4e00-\u9fff]/.test(a)) || /[\u4e00-\u9fff]/.test(n.name)) {
    const q = String(r.int(2, 99));
    return { ...n, name: n.name.replace(n.core, `${n.core}${q}`), aliases: n.aliases.map((a) => a.replace(n.latinCore, `${n.latinCore} ${q}`)), core: `${n.core}${q}`, latinCore: `${n.latinCore} ${q}` };
  }
  const cyr = /[\u0400-\u04ff]/.test(n.core);
  let q = cyr ? r.pick(QUALIFIERS_RU) : r.pick(QUALIFIERS_LATIN);
  if (level > 1) q += ` ${r.int(2, 999)}`;
  const core = `${n.core} ${q}`;
  return { ...n, name: n.name.replace(n.core, core), aliases: n.aliases.map((a) => a.replace(n.core, core).replace(n.latinCore, `${n.latinCore} ${q}`)), core, latinCore: cyr ? toLatin(core, 'bgn') : `${n.latinCore} ${q}` };
}

/** Latin forms of the legal forms, as foreign customs records write them. */
export const LATIN_LEGAL_FORMS: Record<string, string[]> = {
  ООО: ['OOO', 'LLC', 'LIMITED LIABILITY COMPANY'],
  АО: ['AO', 'JSC'],
  ЗАО: ['ZAO', 'CJSC'],
  ТОО: ['TOO', 'LLP', 'LIMITED LIABILITY PARTNERSHIP'],
  ОсОО: ['OSOO', 'OsOO', 'LLC'],
  МЧЖ: ['MCHJ', 'LLC'],
};
