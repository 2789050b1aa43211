/**
 * Given and family names per country, from which people of the synthetic world are composed. Each
 * is a common name of its country; their combinations are invented, and a combination that equals
 * a name on the bundled sanctions lists is drawn again (see listed-names.ts). Names of heads of
 * state and other public figures are left out of the pools.
 */
import type { CountryCode } from './countries.js';

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

const w = (s: string): string[] => s.trim().split(/\s+/).map((x) => x.replace(/_/g, ' '));

const RU: NamePool = {
  male: w(`Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Артём Николай Владимир Павел Роман Олег
    Игорь Денис Виктор Константин Юрий Антон Кирилл Илья Вадим Станислав Геннадий Борис Леонид Тимур Григорий Фёдор
    Вячеслав Егор Никита Анатолий Валерий Василий Руслан Аркадий Семён Глеб Ярослав Эдуард Георгий Всеволод`),
  female: w(`Елена Ольга Наталья Татьяна Ирина Светлана Анна Мария Екатерина Юлия Марина Галина Людмила Ксения Анастасия
    Дарья Виктория Алина Валентина Надежда Оксана Вера Полина Елизавета Софья Кристина Евгения Лариса Нина Жанна`),
  family: w(`Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев
    Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев
    Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков
    Сорокин Виноградов Ковалёв Белов Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов
    Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов
    Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин
    Исаев Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров
    Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв
    Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов
    Анисимов Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин
    Митрофанов Воронов Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников
    Хохлов Жданов Зуев Ершов Русаков Субботин Блинов Виноградский Шестаков Уваров Дорофеев Лыков Носков Пестов Рябов`),
};

const KZ: NamePool = {
  male: w(`Нұрлан Ерлан Асхат Даурен Бауыржан Серік Марат Арман Ержан Қайрат Болат Ғалым Айдос Жандос Әлихан Медет
    Санжар Бекзат Ринат Тимур Олжас Ербол Мұрат Азамат Жасұлан Әділет Талғат Ақылбек Дархан Нұрбол Ерасыл Алмас Ерік
    Руслан Дмитрий Сергей Андрей Виктор Евгений`),
  female: w(`Айгүл Гүлнар Әсел Динара Жанар Айжан Мәдина Сәуле Ақмарал Гүлмира Жұлдыз Ләззат Айнұр Балжан Назгүл Салтанат Дана
    Аружан Меруерт Ботагөз Камила Алия Елена Ольга Татьяна`),
  family: w(`Ахметов Жумабаев Сейтказиев Искаков Омаров Сулейменов Жаксыбеков Байжанов Тулегенов Абенов Кенжебаев Қасымов
    Мухамеджанов Есенов Садыков Бекмуханов Ержанов Нурпеисов Жуманов Кожахметов Тлеубаев Серикбаев Амиров Алиев
    Батырбеков Сагинтаев Кусаинов Оспанов Шарипов Ибраев Рахимов Утемисов Исабеков Кадыров Байтенов Мамырбаев
    Дюсенов Абдрахманов Турсунов Жакупов Сапаров Калиев Есимов Акишев Бектуров Бекенов Ермеков Муканов Тастанов
    Жаркенов Смагулов Аубакиров Бисенов Уалиев Нургалиев Кенесов Ким Пак Ли Цой Шевченко Бондаренко Коваленко`),
};

const KG: NamePool = {
  male: w(`Бакыт Алмаз Нурбек Азамат Эрлан Улан Канат Тилек Эмиль Бекжан Мирлан Жыргалбек Руслан Талант Чынгыз Айбек
    Нурлан Максат Мелис Улукбек Адилет Эрмек Кубанычбек Темирлан Жоомарт Нурсултан Бектур Марат`),
  female: w(`Айгерим Гулзат Жылдыз Нургуль Айпери Бермет Чолпон Асель Гульнара Динара Назира Мээрим Айзада Элиза Каныкей
    Жибек Умут Аида Салкын`),
  family: w(`Абдыкадыров Асанов Бекболотов Джумабеков Исаков Касымалиев Мамытов Осмонов Сатыбалдиев Токтогулов Турдубаев
    Усенов Чолпонбаев Эшимбеков Алымкулов Бообеков Дуйшенбиев Жусупов Калыков Кененбаев Мамбетов Молдобаев Орозбеков
    Сыдыков Таштанов Токтосунов Укуев Шамшиев Абдылдаев Бакиров Жолдошев Имаков Карабаев Маматов Нуралиев`),
};

const UZ: NamePool = {
  male: w(`Rustam Jahongir Sherzod Bekzod Otabek Aziz Dilshod Farrux Jasur Sardor Ulug'bek Akmal Bobur Doniyor Eldor
    Javlon Nodir Oybek Temur Anvar Botir Sanjar Shoxrux Alisher Zafar Islom Ravshan Hamid Sarvar`),
  female: w(`Dilnoza Gulnora Malika Nigora Shahnoza Zarina Madina Feruza Sevara Nodira Kamola Lola Umida Dildora Mohira
    Gulchehra Nilufar Yulduz Munisa`),
  family: w(`Rahimov Yusupov Abdullayev Alimov Ergashev Hasanov Ismoilov Jo'rayev Xolmatov Mirzayev Nazarov Normatov
    Qodirov Rahmonov Saidov Sultonov Tursunov Umarov Usmonov Yo'ldoshev Zokirov Axmedov Boboyev Davletov Fayzullayev
    G'afurov Hamroyev Ibragimov Jalilov Komilov Latipov Mahmudov Nurmatov Ortiqov Po'latov Qosimov Rashidov Salimov
    Toshmatov Valiyev Xudoyberdiyev`),
};

const AM: NamePool = {
  male: w(`Armen Aram Hayk Tigran Gevorg Vardan Karen Arsen Davit Narek Samvel Artur Suren Hovhannes Levon Ashot Gagik
    Vahe Ruben Edgar Hrant Sargis Mher Artak Vazgen Garegin`),
  female: w(`Anahit Ani Lilit Mariam Nare Gayane Arpine Siranush Karine Armine Tatevik Hasmik Lusine Marine Nune Astghik
    Shushan Sona Zaruhi`),
  family: w(`Petrosyan Hakobyan Grigoryan Harutyunyan Khachatryan Hovhannisyan Karapetyan Gevorgyan Mkrtchyan Avetisyan
    Vardanyan Ghazaryan Manukyan Poghosyan Galstyan Martirosyan Asatryan Margaryan Danielyan Hambardzumyan Arakelyan
    Melkonyan Zakaryan Babayan Torosyan Mnatsakanyan Yeghiazaryan Aghajanyan Baghdasaryan Stepanyan Sahakyan Movsisyan
    Avagyan Sukiasyan Ohanyan Abrahamyan Aslanyan Minasyan Nersisyan Tadevosyan`),
};

const GE: NamePool = {
  male: w(`Giorgi Davit Levan Irakli Nikoloz Zurab Tornike Lasha Giga Otar Mamuka Vakhtang Shota Aleksandre Beka Luka
    Gela Tamaz Revaz Koba Dachi Sandro Temur Paata`),
  female: w(`Nino Tamar Mariam Ana Ketevan Eka Natia Salome Tamta Sopho Maia Nana Lela Khatuna Tinatin Manana Nata Elene`),
  family: w(`Beridze Kapanadze Gelashvili Maisuradze Giorgadze Lomidze Tsiklauri Bolkvadze Nozadze Abashidze Chikovani
    Mchedlishvili Khutsishvili Javakhishvili Gogoladze Kiknadze Shengelia Jikia Gabunia Dolidze Natsvlishvili Mamaladze
    Papava Tsintsadze Sharashidze Kharaishvili Meladze Chkheidze Gogichaishvili Kvirikashvili Jorjadze Lortkipanidze
    Tabatadze Barbakadze Zhvania Gvaramia Okropiridze Chachua`),
};

const TR: NamePool = {
  male: w(`Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Serkan Onur Cem Kemal Yusuf Ömer Fatih Okan
    Tolga Volkan Selim Barış Caner Erkan Hakan Levent Oğuz Tuncay`),
  female: w(`Ayşe Fatma Emine Zeynep Elif Merve Büşra Esra Selin Derya Gül Hatice Özlem Sibel Ebru Pınar Gizem Aslı Deniz`),
  family: w(`Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç
    Kurt Özkan Şimşek Polat Korkmaz Karaca Erdem Güneş Aksoy Tekin Bozkurt Acar Ünal Keskin Uçar Özer Taş Bulut Sarı
    Güler Akın Kocaman Altıntaş Türkmen Ekinci Durmaz Sezer`),
};

const AE: NamePool = {
  male: w(`Ahmed Mohammed Khalid Omar Saeed Rashid Hamad Sultan Abdullah Youssef Faisal Majid Hassan Tariq Nasser Rajesh
    Suresh Anil Vijay Sanjay Ramesh Imran Bilal Karim Walid Samir`),
  female: w(`Fatima Mariam Aisha Noura Hessa Latifa Shaikha Priya Deepa Anjali Sara Leila Rania Huda`),
  family: w(`Al_Mansoori Al_Shamsi Al_Hashimi Al_Marzouqi Al_Ketbi Al_Suwaidi Al_Falasi Al_Zaabi Al_Mazrouei Al_Nuaimi
    Al_Dhaheri Al_Blooshi Al_Ali Al_Hammadi Al_Kaabi Sharma Patel Nair Menon Pillai Iyer Shah Mehta Gupta Reddy Khan
    Qureshi Haddad Khoury Nasser Saleh Mansour Farouk Aziz`),
};

const DE: NamePool = {
  male: w(`Thomas Michael Andreas Stefan Markus Christian Frank Jürgen Klaus Matthias Martin Tobias Florian Jan Sebastian
    Alexander Uwe Peter Wolfgang Jens Dirk Holger Ralf Oliver Timo Lukas Felix`),
  female: w(`Sabine Petra Monika Claudia Andrea Susanne Nicole Stefanie Julia Katrin Anja Birgit Heike Silke Karin Lena
    Laura Jana Ute Kerstin`),
  family: w(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein
    Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier
    Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß
    Jung Hahn Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Ludwig`),
};

const NL: NamePool = {
  male: w(`Jan Pieter Dirk Hendrik Kees Willem Johan Bas Ruud Sander Maarten Joost Thijs Bram Niels Erik Gerrit Jeroen
    Wouter Roel Koen Arjen`),
  female: w(`Anna Sanne Lotte Eva Femke Marieke Inge Esther Linda Ingrid Anouk Sophie Fleur Iris Petra Noor`),
  family: w(`de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder de_Groot Bos Vos
    Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs
    de_Haan Vermeulen van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn de_Lange Schouten van_Beek Willems
    van_Vliet Hoekstra Maas Verhoeven Koster Prins`),
};

const IT: NamePool = {
  male: w(`Marco Giuseppe Luca Andrea Francesco Alessandro Giovanni Roberto Stefano Paolo Antonio Matteo Davide Simone
    Fabio Massimo Claudio Riccardo Lorenzo Enrico Daniele Alberto`),
  female: w(`Giulia Francesca Chiara Sara Laura Valentina Elena Alessandra Silvia Federica Paola Martina Anna Roberta
    Cristina Elisa Monica`),
  family: w(`Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa
    Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo
    Gentile Martinelli Vitale Lombardo Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro`),
};

const US: NamePool = {
  male: w(`James John Robert Michael William David Richard Joseph Thomas Daniel Matthew Mark Steven Paul Kevin Brian
    Jason Eric Gregory Scott Ryan Timothy`),
  female: w(`Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Emily Ashley Michelle
    Amanda Rebecca`),
  family: w(`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson
    White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell
    Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Reed Bailey`),
};

const GB: NamePool = {
  male: w(`Oliver George Harry Jack Charlie Thomas James William Daniel Samuel Edward Richard Andrew Paul Simon Stephen
    Matthew Christopher Jonathan Benjamin Alistair`),
  female: w(`Emma Olivia Sophie Charlotte Emily Lucy Hannah Rebecca Sarah Claire Helen Rachel Victoria Katherine Alice
    Eleanor`),
  family: w(`Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts
    Green Hall Wood Jackson Clarke Hughes Edwards Turner Hill Cooper Ward Morris Moore Clark Harrison Lewis Baker
    Patel Allen Young Mitchell Watson Bennett Carter Phillips Shaw Lloyd Griffiths Marshall Fletcher`),
};

/** Chinese: family names and given names as [characters, pinyin]. */
export const CN_FAMILY: ReadonlyArray<[string, string]> = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'],
  ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'],
  ['何', 'He'], ['林', 'Lin'], ['罗', 'Luo'], ['高', 'Gao'], ['郑', 'Zheng'], ['梁', 'Liang'], ['谢', 'Xie'], ['唐', 'Tang'],
  ['冯', 'Feng'], ['韩', 'Han'], ['曹', 'Cao'], ['彭', 'Peng'], ['曾', 'Zeng'], ['邓', 'Deng'], ['许', 'Xu'], ['傅', 'Fu'],
];
export const CN_GIVEN: ReadonlyArray<[string, string, 'm' | 'f']> = [
  ['伟', 'Wei', 'm'], ['芳', 'Fang', 'f'], ['娜', 'Na', 'f'], ['敏', 'Min', 'f'], ['静', 'Jing', 'f'], ['强', 'Qiang', 'm'],
  ['磊', 'Lei', 'm'], ['军', 'Jun', 'm'], ['洋', 'Yang', 'm'], ['勇', 'Yong', 'm'], ['艳', 'Yan', 'f'], ['杰', 'Jie', 'm'],
  ['涛', 'Tao', 'm'], ['明', 'Ming', 'm'], ['超', 'Chao', 'm'], ['秀英', 'Xiuying', 'f'], ['华', 'Hua', 'm'], ['平', 'Ping', 'm'],
  ['刚', 'Gang', 'm'], ['志强', 'Zhiqiang', 'm'], ['海燕', 'Haiyan', 'f'], ['晓东', 'Xiaodong', 'm'], ['文博', 'Wenbo', 'm'],
  ['宇', 'Yu', 'm'], ['浩', 'Hao', 'm'], ['鹏', 'Peng', 'm'], ['辉', 'Hui', 'm'], ['玲', 'Ling', 'f'], ['婷', 'Ting', 'f'],
  ['雪', 'Xue', 'f'], ['颖', 'Ying', 'f'], ['欣', 'Xin', 'f'], ['建华', 'Jianhua', 'm'], ['丽娟', 'Lijuan', 'f'],
  ['俊杰', 'Junjie', 'm'], ['晨', 'Chen', 'm'], ['佳怡', 'Jiayi', 'f'], ['子涵', 'Zihan', 'f'], ['国平', 'Guoping', 'm'],
];

/** Hong Kong: Cantonese romanisations, family first; some people add an English given name. */
const HK: NamePool = {
  male: w(`Ka_Ho Wai_Man Siu_Ming Chi_Keung Kwok_Wing Tai_Man Chun_Kit Ho_Yin Wing_Hong Man_Kit Kin_Wai Hon_Ming`),
  female: w(`Mei_Ling Wai_Yee Suk_Fan Ka_Yan Hoi_Yan Siu_Wai Yuk_Ling Man_Yee Pui_Shan Wing_Sze`),
  family: w(`Chan Wong Lee Cheung Lau Ng Leung Ho Lam Tang Li Chow Tsang Yip Kwok Fung Tse Lo Mak Yeung Choi Chu Kwan Poon`),
};
export const HK_ENGLISH_MALE = w('Kelvin Jason Kenneth Raymond Terence Vincent Eric Alan Patrick Dennis');
export const HK_ENGLISH_FEMALE = w('Cindy Winnie Fiona Grace Joyce Karen Vivian Queenie Shirley Maggie');

export const NAME_POOLS: Record<Exclude<CountryCode, 'CN'>, NamePool> = { RU, KZ, KG, UZ, AM, GE, TR, AE, DE, NL, IT, US, GB, HK };

/** Feminine form of a Russian-style family name (Смирнов → Смирнова, Rahimov → Rahimova). */
export function feminineFamily(name: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(name) || /(ov|ev|in)$/.test(name)) return name + (/[а-яё]$/.test(name) ? 'а' : 'a');
  if (/ский$/.test(name)) return name.slice(0, -2) + 'ая';
  return name;
}

/** Russian-style patronymic of a father's given name (Сергей → Сергеевич / Сергеевна). */
export function patronymic(father: string, female: boolean): string {
  const irregular: Record<string, [string, string]> = {
    Илья: ['Ильич', 'Ильинична'], Никита: ['Никитич', 'Никитична'], Фома: ['Фомич', 'Фоминична'],
  };
  const ir = irregular[father];
  if (ir) return female ? ir[1] : ir[0];
  let stem = father;
  if (/[йь]$/.test(stem)) stem = stem.slice(0, -1) + 'е';
  else if (/а$/.test(stem)) return stem.slice(0, -1) + (female ? 'ична' : 'ич');
  else stem = stem + 'о';
  return stem + (female ? 'вна' : 'вич');
}
