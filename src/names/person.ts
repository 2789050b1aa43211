import { isParticle, isTitle } from './generic-words.js';
import { latinKey } from './transliterate.js';

/**
 * Parts of personal names: patronymics (Slavic -ovich/-evich/-ovna/-evna/-ichna, Ukrainian -ivna,
 * Belarusian -avich/-auna, Turkic -uly/-uulu/-kyzy/-ogly as a suffix or as a word of their own),
 * initials, particles, and a small lexicon of common given names, so that the engine can align
 * given, patronymic and family names whatever their order and tolerate a patronymic on one side only.
 *
 * Everything works on latinKey forms, so Vladimirovich, Vladimirovitch, Wladimirowitsch and
 * Владимирович are one patronymic, and Abishuly, Абишұлы and Abishuli one Turkic patronymic.
 */

export type PersonPart = 'given' | 'patronymic' | 'family' | 'initial' | 'particle' | 'title' | 'number' | 'word';

export interface Patronymic {
  /** The father's name as far as the suffix tells it (latinKey form): vladimirovich → vladimir. */
  stem: string;
  gender: 'male' | 'female';
  style: 'slavic' | 'turkic';
}

// latinKey forms: y→i, doubles collapsed, -ovych → -ovich, -oviç → -ovich
const SLAVIC_MALE = /^(.{2,}?)(?:ovich|evich|avich|ich)$/;
const SLAVIC_FEMALE = /^(.{2,}?)(?:ovna|evna|avna|auna|inichna|ichna|ivna)$/;
const TURKIC_MALE = /^(.{3,}?)(?:uli|ulu|ogli|oglu)$/;
const TURKIC_FEMALE = /^(.{3,}?)(?:kizi|gizi)$/;

/** The patronymic a single word is, by its suffix, if any (Vladimirovich, Arkadyevna, Abishuly, Nursultanqyzy). */
export function patronymicOf(key: string): Patronymic | undefined {
  let m = SLAVIC_MALE.exec(key);
  if (m) return { stem: m[1]!, gender: 'male', style: 'slavic' };
  m = SLAVIC_FEMALE.exec(key);
  if (m) return { stem: m[1]!, gender: 'female', style: 'slavic' };
  m = TURKIC_MALE.exec(key);
  if (m) return { stem: m[1]!, gender: 'male', style: 'turkic' };
  m = TURKIC_FEMALE.exec(key);
  if (m) return { stem: m[1]!, gender: 'female', style: 'turkic' };
  return undefined;
}

const MARKERS: Record<string, 'male' | 'female'> = {};
for (const w of ['uly', 'uli', 'ulu', 'uulu', 'ogly', 'ogli', 'oglu', 'ugli', 'ugly']) MARKERS[latinKey(w)] = 'male';
for (const w of ['kyzy', 'kizi', 'qizi', 'gyzy', 'gizi', 'kyz']) MARKERS[latinKey(w)] = 'female';

/** Turkic patronymic words written apart from the father's name: "Nurgojo uulu", "Aliyev Ali oglu", "kyzy". */
export function patronymicMarker(key: string): 'male' | 'female' | undefined {
  return MARKERS[key];
}

/**
 * Common given names, one line per name with its spellings and its forms in neighbouring languages
 * (Russian, Ukrainian, Belarusian; Arabic and Central Asian spellings; English). Two words of the
 * lexicon on one line are the same name (Aleksandr, Oleksandr, Alyaksandr); two on different lines
 * are different names, however alike (Aleksandr and Aleksei, Vladimir and Vladislav).
 */
const GIVEN_NAME_GROUPS = `
aleksandr alexander aleksander oleksandr alyaksandr aliaksandr sasha
aleksandra alexandra oleksandra aliaksandra
aleksei alexei alexey aleksey oleksii oleksiy aliaksei alyaksei alexis
anatoli anatoly anatolii anatoliy
andrei andrey andrii andriy andrew andrej
anton antonio
arkadi arkady arkadii arkadiy
arsen arsenii arseniy
artem artyom artem artiom
boris borys barys
vadim vadym
valentin valentyn
valeri valery valerii valeriy
vasili vasily vasilii vasyl vasil vasiliy
viktor victor viktar
vitali vitaly vitalii vitaliy
vladimir volodymyr uladzimir wladimir
vladislav vladyslav uladzislau
vyacheslav viacheslav viachaslau
gennadi gennady gennadii hennadii hennadiy
georgi georgy georgii heorhii george jurgen
gleb hlib
grigori grigory hryhorii hryhoriy ryhor gregory
denis denys dzianis
dmitri dmitry dmitrii dmytro dzmitry dmitriy
evgeni evgeny yevgeny yevgeniy evgenii yevhen yauhen eugene
egor yegor yehor
ivan ivan ivan
igor ihar ihor
ilya illia ilia
kirill kyrylo kiryl
konstantin kostiantyn kanstantsin constantin
leonid leanid
lev lew
maksim maxim maksym maksimilian
mikhail mykhailo mikhail michael mikhas
nikita mykyta
nikolai nikolay mykola mikalai nicholas nikola
oleg oleh aleh
pavel pavlo paval paul
petr pyotr petro piotr peter pietro
roman raman
ruslan
sergei sergey serhii serhiy siarhei sergiy
stanislav stanislau
stepan stefan stephen
timur temir
fedor fyodor fedir fiodor theodore
yuri yury yurii iurii yury jurij juri
yakov yakiv jacob iakov
eduard edward
artur arthur
albert
rustam rustem
marat
ramzan ramazan ramadan
magomed mahomed
said sayid saeed saed
murat murad
aslan arslan
semen semyon
timofei tymofii
filipp pylyp philip
daniil danylo daniel danil
matvei matvii matthew
yaroslav iaroslav
svyatoslav sviatoslav
alla
anastasia anastasiya anastasiia nastassia
anna hanna ganna ann anne
antonina
valentina valentyna
valeria valeriya
vera vira
viktoria victoria viktoriia viktoryia
galina halyna halina
darya daria daria
ekaterina yekaterina kateryna katsiaryna katerina catherine
elena yelena olena alena helen alena
elizaveta yelizaveta
zhanna
zinaida
irina iryna iryna
kristina khrystyna christina
larisa larysa
lidia lidiya lidiia
lilia liliya liliia
lyubov liubov
lyudmila liudmyla ludmila
margarita marharyta
marina maryna
maria mariya mariia mary
nadezhda nadiia
natalia natalya nataliia natallia natalie
nina
oksana aksana
olga olha volha
polina
raisa
svetlana sviatlana
sofia sofiya sophia
tamara
tatiana tatyana tetiana tatsiana
ulyana uliana
yulia yuliya yuliia iuliia julia
yana iana
evgenia yevgenia yevheniia
inna
alina
diana
elvira
veronika veronica
ksenia kseniya kseniia
nursultan
kassym kasym qasym
jomart zhomart
askar askhar
bolat bulat
dauren
erlan yerlan
ermek
nurlan
nurbek
serik
talgat
kairat
almaz
azamat
aidar aydar
aibek aybek
bakyt bakhyt bakit
daniyar daniar
erzhan yerzhan
zhanat
kanat
mukhtar mokhtar
rakhat
sadyr
sooronbay
kurmanbek
almazbek
dinara
gulnara gulnora
aigul aygul
aizhan
asel
saule
zhanar
aliya aliia alia
madina
dilnoza
alisher
bakhtiyar bakhtiyor bakhtiar
shavkat
jamshid dzhamshid
farrukh farukh
sherzod
ulugbek ulugbec
otabek
abdulaziz
mohammed mohammad mohamed muhammad muhammed mohamad muhamad mukhammed magomed
ahmed ahmad akhmed akhmad
ali
hassan hasan khasan
hussein husain hossein husayn hussain khusein
abdullah abdallah abdulla
omar umar
osman usman othman uthman
khalid khaled
ibrahim ebrahim
ismail ismoil
yusuf youssef yousef yussuf yosef joseph jose
mustafa mostafa
mahmoud mahmud makhmud
hamid
hamza
karim kareem
rashid rasheed
salem salim
sami
tariq tarek
walid waleed
yasin yassin
zaid zayd
fatima fatma
aisha aysha
mariam maryam
zainab zeynab
reza
mehdi mahdi
javad jawad
majid majeed
qasem qasim kasim
abbas
jafar jaafar
mohsen muhsin
morteza murtaza
john jon jonathan
james
robert
william
david
richard
thomas
charles
mark
kevin
brian
juan
carlos
luis
jorge
pedro
miguel
manuel
francisco
patricia
jennifer
linda
elizabeth
susan
sarah
karen
nancy
ana
`;

const GIVEN = new Map<string, number>();
GIVEN_NAME_GROUPS.split('\n').forEach((line, group) => {
  for (const w of line.split(/\s+/)) if (w !== '' && !GIVEN.has(latinKey(w))) GIVEN.set(latinKey(w), group);
});

/** Whether a latinKey is a common given name (a small lexicon: Russian, Ukrainian, Belarusian, Central Asian, Arabic, English). */
export function isGivenName(key: string): boolean {
  return GIVEN.has(key);
}

/**
 * Whether two latinKeys are the same given name (1: Aleksandr, Oleksandr, Alyaksandr), different
 * names of the lexicon (0: Aleksandr, Aleksei), or unknown (undefined: either is not in it).
 */
export function sameGivenName(a: string, b: string): 0 | 1 | undefined {
  const ga = GIVEN.get(a);
  const gb = GIVEN.get(b);
  if (ga === undefined || gb === undefined) return undefined;
  return ga === gb ? 1 : 0;
}

const DIGITS = /^\d+$/;

/**
 * The part each word of a person's name plays, from the latinKeys of its words in order.
 * `latin` are the words' Latin spellings (particles are recognised by them). `familyFirst` is the number of leading words known to be the family name (the part before the
 * comma in "PUTIN, Vladimir Vladimirovich"). A patronymic is only recognised right after a given
 * name, in a name of three or more words (or after a comma), so the surnames Abramovich or Petrovic
 * in "Roman Arkadyevich Abramovich" or "Marko Petrovic" stay family names. Without a patronymic,
 * a word from the given-name lexicon makes the others family names; otherwise words stay 'word'.
 */
export function personParts(keys: readonly string[], familyFirst = 0, latin: readonly string[] = keys): PersonPart[] {
  // "Ben" opening a name is the given name (Ben Netanyahu), not the particle of "Isa Ben Tarif"
  const particle = (i: number) => isParticle(latin[i]!) && !(i === 0 && familyFirst === 0 && latin[i] === 'ben' && keys.length >= 2);
  const parts: PersonPart[] = keys.map((k, i) => (DIGITS.test(k) ? 'number' : k.length === 1 ? 'initial' : isTitle(latin, i) ? 'title' : particle(i) ? 'particle' : 'word'));
  const isName = (i: number) => parts[i] === 'word';
  // Turkic patronymic words: the father's name before the marker
  for (let i = 1; i < keys.length; i++) {
    if (isName(i) && patronymicMarker(keys[i]!) && isName(i - 1) && i - 1 >= familyFirst) {
      parts[i] = 'patronymic';
      parts[i - 1] = 'patronymic';
    }
  }
  const nameCount = parts.filter((p) => p === 'word' || p === 'initial' || p === 'patronymic').length;
  if (familyFirst > 0) {
    for (let i = 0; i < familyFirst && i < keys.length; i++) if (isName(i)) parts[i] = 'family';
    let given = -1;
    for (let i = familyFirst; i < keys.length; i++) {
      if (!isName(i)) continue;
      if (given < 0) {
        parts[i] = 'given';
        given = i;
      } else if (!parts.includes('patronymic') && patronymicOf(keys[i]!)) parts[i] = 'patronymic';
      else parts[i] = 'given';
    }
    return parts;
  }
  let p = parts.indexOf('patronymic');
  if (p < 0 && nameCount >= 3) {
    const candidates = keys.map((k, i) => (i >= 1 && isName(i) && patronymicOf(k) ? i : -1)).filter((i) => i >= 0);
    const isCand = (i: number) => candidates.includes(i);
    p = candidates.find((i) => (isName(i - 1) || parts[i - 1] === 'initial') && !isCand(i - 1)) ?? candidates.find((i) => isName(i - 1) || parts[i - 1] === 'initial') ?? -1;
    if (p >= 0) parts[p] = 'patronymic';
  }
  if (p >= 0) {
    const g = p - 1;
    if (g >= 0 && isName(g)) parts[g] = 'given';
    let last = p;
    while (last + 1 < parts.length && parts[last + 1] === 'patronymic') last++;
    const after = keys.map((_, i) => i).filter((i) => i > last && isName(i));
    const before = keys.map((_, i) => i).filter((i) => i < g && isName(i));
    for (const i of after.length > 0 ? [...after, ...before] : before) parts[i] = 'family';
    return parts;
  }
  const words = keys.map((_, i) => i).filter(isName);
  const known = words.filter((i) => isGivenName(keys[i]!));
  if (words.length >= 2 && known.length === 1) {
    for (const i of words) parts[i] = i === known[0] ? 'given' : 'family';
  } else if (words.length === 1 && parts.includes('initial')) {
    parts[words[0]!] = 'family';
  }
  return parts;
}
