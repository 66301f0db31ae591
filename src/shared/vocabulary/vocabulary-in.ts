import type { Language } from '#shared/language.ts';
import { enVocabulary } from './en.ts';
import { nbVocabulary } from './nb.ts';
import { nnVocabulary } from './nn.ts';
import type { Vocabulary } from './vocabulary.ts';

const vocabularies: Readonly<Record<Language, Vocabulary>> = { nb: nbVocabulary, nn: nnVocabulary, en: enVocabulary };

/** The names of Samla's fixed values in `language`: for a page in the reader's, for a document in the merger's. */
export function vocabularyIn(language: Language): Vocabulary {
  return vocabularies[language];
}
