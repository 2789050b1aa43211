import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/names/analyse.js';
import { compatible, LEGAL_FORM_CLASSES, legalFormClass, legalFormFamily, legalFormSimilarity } from '../../src/names/legal-forms.js';
import { annexIv } from './data.js';

const forms = (name: string, schema?: string) => analyseName(name, schema).legalForms;
const rest = (name: string, schema?: string) => analyseName(name, schema).tokens.map((t) => t.latin).join(' ');

describe('legal forms', () => {
  it('recognises one class in all its spellings and scripts', () => {
    for (const t of ['ТОО', 'TOO', 'ЖШС', 'LLP', 'L.L.P.', 'Limited Liability Partnership', 'Товарищество с ограниченной ответственностью', 'Жауапкершілігі шектеулі серіктестігі']) {
      expect(legalFormClass(t), t).toBe('llp');
    }
    for (const t of ['ООО', 'OOO', 'LLC', 'L.L.C.', 'Obshchestvo s ogranichennoy otvetstvennostyu', 'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU', 'Общество с ограниченной ответственностью', 'ОсОО', 'OsOO', 'жоопкерчилиги чектелген коому', "mas'uliyati cheklangan jamiyati", 'ՍՊԸ', 'd.o.o.']) {
      expect(legalFormClass(t), t).toBe('llc');
    }
    for (const t of ['АО', 'AO', 'АҚ', 'JSC', 'OAO', 'ОАО', 'ЗАО', 'ZAO', 'ПАО', 'PAO', 'PJSC', 'CJSC', 'OJSC', 'Joint Stock Company', 'Joint-Stock Company', 'Aktsionernoe Obshchestvo', 'Публичное акционерное общество', '株式会社', '股份有限公司']) {
      expect(legalFormClass(t), t).toBe('jsc');
    }
    expect(legalFormClass('GmbH')).toBe('gmbh');
    expect(legalFormClass('Ltd.')).toBe('ltd');
    expect(legalFormClass('Private Limited')).toBe('ltd');
    expect(legalFormClass('Pvt Ltd')).toBe('ltd');
    expect(legalFormClass('有限公司')).toBe('ltd');
    expect(legalFormClass('PLC')).toBe('plc');
    expect(legalFormClass('Inc.')).toBe('corp');
    expect(legalFormClass('Ltd. Şti.')).toBe('sti');
    expect(legalFormClass('Limited Şirketi')).toBe('sti');
    expect(legalFormClass('A.Ş.')).toBe('as');
    expect(legalFormClass('Anonim Şirketi')).toBe('as');
    expect(legalFormClass('FZCO')).toBe('fzco');
    expect(legalFormClass('FZE')).toBe('fze');
    expect(legalFormClass('FZ-LLC')).toBe('llc-fz');
    expect(legalFormClass('OÜ')).toBe('ou');
    expect(legalFormClass('Oy')).toBe('oy');
    expect(legalFormClass('B.V.')).toBe('bv');
    expect(legalFormClass('N.V.')).toBe('nv');
    expect(legalFormClass('s.r.o.')).toBe('sro');
    expect(legalFormClass('S.A.')).toBe('sa');
    expect(legalFormClass('AG')).toBe('ag');
    expect(legalFormClass('S.r.l.')).toBe('srl');
    expect(legalFormClass('S.p.A.')).toBe('spa');
    expect(legalFormClass('Sp. z o.o.')).toBe('spzoo');
    expect(legalFormClass('ИП')).toBe('ip');
    expect(legalFormClass('ФГУП')).toBe('gup');
    expect(legalFormClass('Romashka')).toBeUndefined();
  });

  it('finds the forms of the Annex IV Kazakh partnership in its three spellings, wherever they stand', () => {
    const elem = [...annexIv().values()].find((e) => e.name === 'TOO Elem Group')!;
    expect(elem).toBeDefined();
    const names = [elem.name, ...elem.aliases];
    for (const n of names) {
      const a = analyseName(n, 'Company');
      expect(a.legalForms, n).toEqual(['llp']);
      expect(a.tokens.slice(0, 2).map((t) => t.key), n).toEqual(['elem', 'grup']);
    }
    // the bilingual name in brackets is left out of the tokens and kept as an alternative
    expect(analyseName(names[1]!, 'Company').alternatives).toContain('ЭЛЕМ ГРУПП');
  });

  it('finds Russian forms at the start or the end, dotted or not, in quotes or not (OFAC, Annex IV)', () => {
    expect(forms('ООО «Ромашка»')).toEqual(['llc']);
    expect(rest('ООО «Ромашка»')).toBe('romashka');
    expect(forms('Argut OOO')).toEqual(['llc']);
    expect(forms('OOO Planar')).toEqual(['llc']);
    expect(forms('OAO JSC Chemcomposite')).toEqual(['jsc']);
    expect(rest('OAO JSC Chemcomposite')).toBe('chemcomposite');
    expect(forms('AKTSIONERNOE OBSHCHESTVO SG-DEVELOPMENT')).toEqual(['jsc']);
    expect(forms('OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU NEOBIT')).toEqual(['llc']);
    expect(rest('OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU NEOBIT')).toBe('neobit');
    expect(forms('GAZPROM VNIIGAZ, OOO')).toEqual(['llc']);
    expect(forms('X L.L.C.')).toEqual(['llc']);
    expect(forms('Profflab OSOO')).toEqual(['llc']);
    expect(forms('«ПроффЛаб» жоопкерчилиги чектелген коому')).toEqual(['llc']);
    expect(forms('Yildiz Çip Teknoloji Elektronik Tic. San. Ltd. Şti.')).toEqual(['sti']);
    expect(forms('Success Aviation Services FZC')).toEqual(['fzco']);
    expect(forms('ساكسيس افييشن سيرفيسز ش م ح')).toEqual(['fzco']);
    expect(forms('آيتيك ش.ذ.م.م-منطقة حرة')).toEqual(['llc-fz']);
    expect(forms('ITIC LLC FZ')).toEqual(['llc-fz']);
    expect(forms('广州欧赛科技有限公司')).toEqual(['ltd']);
    expect(forms('«ՏԱԿՈ» ՍՊԸ')).toEqual(['llc']);
    expect(forms('Foo GmbH & Co. KG')).toEqual(['kg']);
  });

  it('finds long forms misspelt or cut off at a field limit, only at the end of a name', () => {
    expect(forms('Siemens Aktiengeselschaft')).toEqual(['ag']);
    expect(rest('Siemens Aktiengeselschaft')).toBe('siemens');
    expect(forms('TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN')).toEqual(['jsc']);
    expect(rest('TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN')).toBe('tactical missiles corporation');
    expect(forms('Societatea cu Răspundere Limitată PRO TRAFFIC')).toEqual(['srl']);
    expect(forms('SRL PRO TRAFFIC')).toEqual(['srl']);
    // a word that only starts like a form, or a near miss in the middle of a name, is a name
    expect(forms('Joint Stock Trading')).toEqual([]);
    expect(forms('Aktiengeselschaft Siemens Holding')).toEqual([]);
    expect(forms('Gesellschaft Elektrotechnik')).toEqual([]);
  });

  it('does not take words that only look like forms', () => {
    // Kazakh АҚ is JSC; the Latin "Ak" of Ak Bars is a name
    expect(forms('Ak Bars Holding')).toEqual([]);
    expect(forms('АҚ Қазақтелеком')).toEqual(['jsc']);
    // an end-only form at the start, and a person's initials
    expect(forms('Ltd Street Market')).toEqual([]);
    expect(forms('A. O. Ivanov', 'Person')).toEqual([]);
    expect(forms('ИП Иванов Иван Иванович', 'Person')).toEqual(['ip']);
    // a name that is nothing but a form keeps its word
    expect(analyseName('JSC').tokens.map((t) => t.latin)).toEqual(['jsc']);
  });

  it('compares classes: same class 1, same family 0.8, limited vs free zone 0.5, unrelated 0', () => {
    expect(compatible('llc', 'llc')).toBe(1);
    expect(compatible('llc', 'llp')).toBe(0.8);
    expect(compatible('llc', 'gmbh')).toBe(0.8);
    expect(compatible('jsc', 'plc')).toBe(0.8);
    expect(compatible('llc', 'fze')).toBe(0.5);
    expect(compatible('llc', 'jsc')).toBe(0);
    expect(compatible('ip', 'llc')).toBe(0);
    expect(legalFormFamily('sti')).toBe('limited');
    expect(legalFormSimilarity(forms('ООО «Элпром»'), forms('Elprom LLC'))).toBe(1);
    expect(legalFormSimilarity(forms('TOO Elem Group'), forms('Elem Group LLC'))).toBe(0.8);
    expect(legalFormSimilarity(forms('Elem Group'), forms('Elem Group LLC'))).toBeUndefined();
    for (const info of Object.values(LEGAL_FORM_CLASSES)) expect(info.label.length).toBeGreaterThan(0);
  });
});
