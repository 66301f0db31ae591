import { z } from 'zod';
import { isoDate } from './common.ts';
import { languageForm } from './mergers.ts';

export const municipality = z
  .object({
    number: z.string().meta({ example: '0301' }),
    name: z
      .string()
      .describe('Det offisielle navnet, med alle navneformene i lovens rekkefølge, skilt med « – »')
      .meta({ example: 'Guovdageaidnu – Kautokeino' }),
    nameParts: z.array(z.string()).describe('Navneformene hver for seg, i samme rekkefølge'),
    county: z.string(),
    countyNumber: z.string(),
    languageForm,
  })
  .meta({ id: 'Municipality' });
export type Municipality = z.infer<typeof municipality>;

export const municipalitiesQuery = z.object({
  date: isoDate.optional().describe('Registeret som gjaldt denne dagen (ÅÅÅÅ-MM-DD); uten: i dag'),
});

export const listMunicipalitiesResponse = z.object({
  validFrom: z.string().describe('Datoen denne versjonen av registeret gjelder fra'),
  source: z.string(),
  municipalities: z.array(municipality),
});
export type MunicipalityRegister = z.infer<typeof listMunicipalitiesResponse>;
