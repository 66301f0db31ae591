import { z } from 'zod';

/**
 * Zod's general messages in nynorsk. Zod has bokmål (`z.locales.no`) and English but no
 * nynorsk; this is its bokmål locale put into nynorsk, with the types and the kinds of value
 * named in words rather than zod's own (`string`, `array`), so an API client or a form that
 * shows the message reads a sentence. The contracts' own messages (`says`) come first; these
 * are for what they leave to zod.
 */

type Issue = z.core.$ZodRawIssue;

const { parsedType, stringifyPrimitive, joinValues } = z.core.util;

/** How big a value of each origin is counted. */
const units: Partial<Record<string, string>> = {
  string: 'teikn',
  file: 'byte',
  array: 'element',
  set: 'element',
  map: 'oppføringar',
};

/** The value a size limit is about, as the subject of a sentence. */
const subjects: Partial<Record<string, string>> = {
  string: 'teksten',
  file: 'fila',
  array: 'lista',
  set: 'mengda',
  map: 'tabellen',
  number: 'talet',
  int: 'talet',
  bigint: 'talet',
  date: 'datoen',
};

const formats: Partial<Record<string, string>> = {
  regex: 'verdi',
  email: 'e-postadresse',
  url: 'URL',
  emoji: 'emoji',
  uuid: 'UUID',
  uuidv4: 'UUIDv4',
  uuidv6: 'UUIDv6',
  nanoid: 'nanoid',
  guid: 'GUID',
  cuid: 'cuid',
  cuid2: 'cuid2',
  ulid: 'ULID',
  xid: 'XID',
  ksuid: 'KSUID',
  datetime: 'ISO-dato og -klokkeslett',
  date: 'ISO-dato',
  time: 'ISO-klokkeslett',
  duration: 'ISO-varigheit',
  ipv4: 'IPv4-adresse',
  ipv6: 'IPv6-adresse',
  mac: 'MAC-adresse',
  cidrv4: 'IPv4-område',
  cidrv6: 'IPv6-område',
  base64: 'base64-koda tekst',
  base64url: 'base64url-koda tekst',
  json_string: 'JSON-tekst',
  e164: 'E.164-nummer',
  credit_card: 'kredittkortnummer',
  currency_code: 'valutakode',
  iban: 'IBAN',
  jwt: 'JWT',
  template_literal: 'verdi',
};

const types: Partial<Record<string, string>> = {
  nan: 'NaN',
  number: 'tal',
  int: 'heiltal',
  bigint: 'heiltal',
  string: 'tekst',
  boolean: 'sann eller usann',
  array: 'liste',
  object: 'objekt',
  date: 'dato',
  null: 'null',
  undefined: 'ingen verdi',
  function: 'funksjon',
  symbol: 'symbol',
  map: 'tabell',
  set: 'mengd',
  file: 'fil',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function localeError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = parsedType(issue.input);
      const got = types[received] ?? received;
      if (/^[A-Z]/.test(issue.expected)) return `Ugyldig verdi: venta instanceof ${issue.expected}, fekk ${got}`;
      return `Ugyldig verdi: venta ${types[issue.expected] ?? issue.expected}, fekk ${got}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `Ugyldig verdi: venta ${stringifyPrimitive(issue.values[0])}`;
      return `Ugyldig val: venta ein av ${joinValues(issue.values, '|')}`;
    case 'too_big': {
      const subject = capitalised(subjects[issue.origin] ?? 'verdien');
      const unit = units[issue.origin];
      const maximum = issue.maximum.toString();
      if (unit) return issue.inclusive ? `${subject} kan ikkje ha meir enn ${maximum} ${unit}` : `${subject} må ha færre enn ${maximum} ${unit}`;
      return issue.inclusive ? `${subject} kan ikkje vere større enn ${maximum}` : `${subject} må vere mindre enn ${maximum}`;
    }
    case 'too_small': {
      const subject = capitalised(subjects[issue.origin] ?? 'verdien');
      const unit = units[issue.origin];
      const minimum = issue.minimum.toString();
      if (unit) return issue.inclusive ? `${subject} må ha minst ${minimum} ${unit}` : `${subject} må ha meir enn ${minimum} ${unit}`;
      return issue.inclusive ? `${subject} kan ikkje vere mindre enn ${minimum}` : `${subject} må vere større enn ${minimum}`;
    }
    case 'invalid_format': {
      if (issue.format === 'starts_with') return `Ugyldig tekst: må byrje med «${(issue as { prefix?: string }).prefix}»`;
      if (issue.format === 'ends_with') return `Ugyldig tekst: må slutte med «${(issue as { suffix?: string }).suffix}»`;
      if (issue.format === 'includes') return `Ugyldig tekst: må innehalde «${(issue as { includes?: string }).includes}»`;
      if (issue.format === 'regex') return `Ugyldig tekst: må samsvare med mønsteret ${issue.pattern}`;
      return `Ugyldig ${formats[issue.format] ?? issue.format}`;
    }
    case 'not_multiple_of':
      return `Ugyldig tal: må vere eit multiplum av ${issue.divisor}`;
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'Ukjende nøklar' : 'Ukjend nøkkel'}: ${joinValues(issue.keys, ', ')}`;
    case 'invalid_key':
      return `Ugyldig nøkkel i ${issue.origin}`;
    case 'invalid_union':
      return 'Ugyldig verdi';
    case 'invalid_element':
      return `Ugyldig verdi i ${issue.origin}`;
    default:
      return 'Ugyldig verdi';
  }
}

/** The nynorsk locale, in the form of zod's own (`z.config(nn())`). */
export default function nn(): { localeError: z.core.$ZodErrorMap } {
  return { localeError: localeError as z.core.$ZodErrorMap };
}
