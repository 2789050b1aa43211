export * from './analyse.js';
export * from './generic-words.js';
export * from './legal-forms.js';
export * from './normalise.js';
export * from './person.js';
export * from './phonetic.js';
export * from './similarity.js';
export * from './transliterate.js';
