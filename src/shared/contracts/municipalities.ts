import { z } from 'zod';
import { languageForm } from './mergers.ts';

export const municipality = z
  .object({
    number: z.string().meta({ example: '0301' }),
    name: z.string(),
    parallelNames: z.array(z.string()),
    county: z.string(),
    countyNumber: z.string(),
    languageForm,
  })
  .meta({ id: 'Municipality' });
export type Municipality = z.infer<typeof municipality>;

export const listMunicipalitiesResponse = z.object({
  validFrom: z.string(),
  source: z.string(),
  municipalities: z.array(municipality),
});
export type MunicipalityRegister = z.infer<typeof listMunicipalitiesResponse>;
