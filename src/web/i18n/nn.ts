import { plural, pluralWord } from '#shared/plural.ts';
import { nnVocabulary as vocabulary } from '#shared/vocabulary/nn.ts';
import { detail, serverMessage } from './error-messages.ts';
import type { Messages } from './messages.ts';

/** A count on its own («2 500»), for texts where the noun after it takes its form from another count. */
const formatCount = (value: number) => numberFormat.format(value);
const numberFormat = new Intl.NumberFormat('nn-NO');

/**
 * Nynorsk: every piece of UI text in Samla, with the same keys as the bokmål catalog
 * (`Messages`), so TypeScript names every key that is missing here. The words follow
 * docs/glossary/nn.md (e-infinitiv: «å vere», «å leggje»). Nynorsk has the same plural
 * categories as bokmål (one/other), so `plural` from #shared/plural.ts chooses the form
 * here too; the nouns are nynorsk («1 oppgåve», «2 oppgåver», «2 system»).
 */
export const nn: Messages = {
  meta: {
    intlLocale: 'nn-NO',
    htmlLang: 'nn',
    /** A date and a time together: «01.01.2028 kl. 13:05». */
    timeAt: (date: string, time: string) => `${date} kl. ${time}`,
  },
  app: {
    name: 'Samla',
    tagline: 'Digital samanslåing av kommunar',
    skipLink: 'Hopp til hovudinnhaldet',
    navLabel: 'Hovudmeny',
    nav: { mergers: 'Samanslåingar', catalog: 'Sjekklista' },
    userMenu: {
      trigger: (name: string) => name,
      triggerLabel: (name: string) => `Brukarmeny for ${name}`,
      signedInAs: 'Logga inn som',
      administrator: 'Administrator',
      tokens: 'Mine API-nøklar',
      account: 'Meg sjølv',
      users: 'Brukarar',
      signOut: 'Logg ut',
      signingOut: 'Loggar ut …',
    },
    footer: (publisher: string, author: string, title: string) =>
      `Innhaldet i sjekklista er henta frå «${title}», gitt ut av ${publisher} og utarbeidd av ${author}.`,
    footerShort: 'Samla gjer KS’ sjekkliste for digital samanslåing til eit arbeidsverktøy for prosjektet.',
    documentTitle: (page: string) => `${page} – Samla`,
    breadcrumbsLabel: 'Du er her:',
  },
  common: {
    loading: 'Lastar …',
    retry: 'Prøv på nytt',
    save: 'Lagre',
    saving: 'Lagrar …',
    notSet: 'Ikkje sett',
    yes: 'Ja',
    no: 'Nei',
    cancel: 'Avbryt',
    closeDialog: 'Lukk dialogvindauget',
  },
  errors: {
    summaryHeading: 'For å gå vidare må du rette opp dette:',
    loadFailed: 'Vi fekk ikkje henta innhaldet.',
    pageCodeFailed: 'Fekk ikkje henta denne sida frå Samla-serveren. Sjekk nettverket og prøv igjen. Er Samla nettopp oppdatert, last inn sida på nytt.',
    network: 'Fekk ikkje kontakt med Samla-serveren. Sjekk nettverket og prøv igjen.',
    unreadable: 'Serveren svarte med noko Samla ikkje forstod. Prøv igjen, eller kontakt ein administrator.',
    generic: 'Noko gjekk gale. Prøv igjen, eller kontakt ein administrator.',
    notFoundTitle: 'Fann ikkje sida',
    notFoundText: 'Sida finst ikkje, eller adressa er skriven feil.',
    goHome: 'Gå til samanslåingane',
    pageFailedTitle: 'Noko gjekk gale på denne sida',
    pageFailedText: 'Samla klarte ikkje å vise sida. Prøv igjen, eller gå til samanslåingane. Skjer det igjen, sei frå til ein administrator.',
    /**
     * Catalog text by API error code (every code in #shared/error-codes.ts).
     * `serverMessage`: the server's own message is shown, until it sends the values in `details`.
     */
    byCode: {
      // requests, sessions, access
      VALIDATION_FAILED: serverMessage,
      BAD_REQUEST: serverMessage,
      ROUTE_NOT_FOUND: serverMessage,
      INTERNAL_ERROR: (details: unknown) => {
        const id = detail(details, 'requestId', 'string');
        return id ? `Noko gjekk gale på serveren. Prøv igjen, eller kontakt ein administrator og oppgi feil-ID ${id}.` : undefined;
      },
      SHUTTING_DOWN: 'Samla startar på nytt. Prøv igjen om litt.',
      BUSY: serverMessage,
      TASK_TIMEOUT: serverMessage,
      TASK_TOO_LARGE: 'Arbeidet kravde meir minne enn Samla gir det, og vart avbrote.',
      UNAUTHENTICATED: 'Du må logge inn for å bruke Samla.',
      FORBIDDEN: 'Du har ikkje tilgang til dette.',
      CSRF_TOKEN_INVALID: 'Førespurnaden mangla gyldig CSRF-nøkkel. Last sida på nytt.',
      INVALID_TOKEN: 'API-nøkkelen er ugyldig eller trekt tilbake.',
      INVALID_TOKEN_EXPIRY: serverMessage,
      TOKEN_NOT_FOUND: 'Fann ikkje nøkkelen, eller han er alt trekt tilbake.',
      SESSION_REQUIRED: serverMessage,
      SESSION_NOT_FOUND: 'Fann ikkje økta. Ho kan alt vere avslutta.',
      VERSION_CONFLICT: 'Nokon andre har endra oppgåva etter at du opna ho.',
      // sign-in, set-up, users
      INVALID_CREDENTIALS: 'E-postadressa eller passordet er feil.',
      TOO_MANY_ATTEMPTS: 'For mange mislukka innloggingar. Vent litt og prøv igjen.',
      USER_DEACTIVATED: serverMessage,
      SSO_NOT_CONFIGURED: 'Innlogging med identitetstilbydar er ikkje sett opp.',
      SSO_FAILED: serverMessage,
      SSO_NO_EMAIL: 'Identitetstilbydaren oppgav inga e-postadresse, og det treng Samla.',
      SSO_EMAIL_NOT_VERIFIED:
        'Identitetstilbydaren har ikkje stadfesta e-postadressa di, så Samla kan ikkje knyte innlogginga til ein eksisterande brukar. Kontakt ein administrator.',
      INVALID_SETUP_CODE: 'Oppsettkoden stemmer ikkje. Han står i loggen til serveren.',
      SETUP_ALREADY_DONE: 'Samla er alt sett opp. Logg inn.',
      USER_NOT_FOUND: 'Ingen brukar har denne e-postadressa. Ein administrator må opprette brukaren under «Brukarar» først.',
      USER_EXISTS: 'Det finst alt ein brukar med denne e-postadressa.',
      USER_HAS_HISTORY: 'Brukaren har gjort endringar som står i historikken, og kan difor ikkje slettast. Deaktiver brukaren i staden.',
      CANNOT_REMOVE_SELF: (details: unknown) => {
        const action = detail(details, 'action', 'string');
        return action === 'delete' ? 'Du kan ikkje slette deg sjølv.' : action === 'deactivate' ? 'Du kan ikkje deaktivere deg sjølv.' : undefined;
      },
      LAST_ADMINISTRATOR: 'Samla må ha minst éin aktiv administrator.',
      PASSWORD_REQUIRED: 'Samla har inga innlogging via identitetstilbydar, så brukaren treng eit passord for å kunne logge inn.',
      WEAK_PASSWORD: serverMessage,
      WRONG_PASSWORD: 'Det noverande passordet stemmer ikkje.',
      NO_PASSWORD: 'Du loggar inn med identitetstilbydaren og har ikkje noko passord i Samla å endre.',
      INVALID_RESET_CODE: 'Koden er ugyldig, alt brukt eller gått ut. Be ein administrator om ein ny.',
      // mergers, members
      MERGER_NOT_FOUND: 'Fann ikkje samanslåinga. Ho kan vere sletta, eller lenkja kan vere feil.',
      TOO_FEW_MUNICIPALITIES: 'Vel minst to kommunar.',
      UNKNOWN_MUNICIPALITY: serverMessage,
      DUPLICATE_MUNICIPALITY: serverMessage,
      MEMBER_NOT_FOUND: 'Personen er ikkje lenger med i samanslåinga.',
      ALREADY_MEMBER: 'Personen er alt med i samanslåinga.',
      ALREADY_INVITED: 'Adressa er alt invitert. Trekk tilbake invitasjonen først om ho skal ha ei anna rolle.',
      INVITATION_NOT_FOUND: 'Fann ingen invitasjon til denne adressa. Kanskje er han trekt tilbake, eller personen har logga inn.',
      ROLE_NOT_GRANTABLE: 'Berre ein eigar kan gi rolla «Eigar».',
      LAST_OWNER: 'Samanslåinga må ha minst éin eigar. Gi nokon andre rolla «Eigar» først.',
      // plan
      TASK_NOT_FOUND: 'Fann ikkje oppgåva. Ho kan vere sletta, eller lenkja kan vere feil.',
      ACTIVITY_NOT_FOUND: 'Aktiviteten finst ikkje i sjekklista.',
      NOT_RELEVANT_REASON_REQUIRED: 'Skriv ei grunngiving når oppgåva blir sett til «Ikkje relevant».',
      CATALOG_TASK_TITLE_READONLY: 'Tittelen på oppgåver frå sjekklista kan ikkje endrast.',
      PLANNED_START_AFTER_DUE_DATE: 'Planlagd start kan ikkje vere etter fristen.',
      DEPENDENCIES_OPEN: serverMessage,
      DEPENDENCY_TASK_NOT_FOUND: 'Oppgåva det skal vere avhengig av, finst ikkje i denne samanslåinga.',
      DEPENDENCY_NOT_FOUND: 'Oppgåva har ikkje denne avhengigheita.',
      DEPENDENCY_EXISTS: serverMessage,
      DEPENDENCY_CYCLE: serverMessage,
      PHASE_END_BEFORE_START: 'Fasen kan ikkje slutte før han startar.',
      MILESTONE_NOT_FOUND: 'Fann ikkje milepælen.',
      OPPORTUNITY_NOT_FOUND: 'Fann ikkje moglegheita i sjekklista.',
      OPPORTUNITY_ALREADY_TAKEN_UP: serverMessage,
      // decisions, contract deadlines, reports
      SOLUTION_AREA_NOT_FOUND: 'Fann ikkje løysingsområdet.',
      DECISION_NOT_FOUND: 'Området har ikkje noko vegval enno.',
      DECISION_INVALID: serverMessage,
      DEFERRAL_NOT_APPLICABLE: 'Berre eit vedteke vegval som utset eit kritisk område til overgangsfasen, kan få utsetjinga godteken.',
      DEFERRAL_REASON_REQUIRED: 'Skriv kvifor prosjektet godtek utsetjinga.',
      CALENDAR_FEED_NOT_FOUND: serverMessage,
      REPORT_PERIOD_INVALID: serverMessage,
      // risks, benefits
      RISK_NOT_FOUND: 'Fann ikkje risikoen.',
      RISK_INVALID: serverMessage,
      RISK_MATRIX_INVALID: serverMessage,
      MITIGATION_NOT_FOUND: 'Fann ikkje tiltaket.',
      MITIGATION_INVALID: serverMessage,
      SUGGESTION_NOT_FOUND: 'Fann ikkje forslaget.',
      SUGGESTION_ALREADY_ACCEPTED: 'Forslaget er alt lagt til som risiko.',
      BENEFIT_NOT_FOUND: 'Fann ikkje gevinsten.',
      BENEFIT_ENABLER_INVALID: serverMessage,
      INDICATOR_NOT_FOUND: 'Fann ikkje indikatoren.',
      INDICATOR_DATES_INVALID: serverMessage,
      BASELINE_AFTER_MEASUREMENTS: serverMessage,
      MEASUREMENT_NOT_FOUND: 'Fann ikkje målinga.',
      MEASUREMENT_BEFORE_BASELINE: serverMessage,
      // inventory, import
      SYSTEM_NOT_FOUND: 'Fann ikkje systemet.',
      DIGITAL_SERVICE_NOT_FOUND: 'Fann ikkje den digitale tenesta.',
      CONTRACT_NOT_FOUND: 'Fann ikkje avtalen.',
      INTEGRATION_NOT_FOUND: 'Fann ikkje integrasjonen.',
      ARCHIVE_NOT_FOUND: 'Fann ikkje arkivet.',
      INFRASTRUCTURE_NOT_FOUND: 'Fann ikkje infrastrukturen.',
      IT_ORGANISATION_NOT_FOUND: 'Fann ikkje rolla.',
      INTERMUNICIPAL_COOPERATION_NOT_FOUND: 'Fann ikkje samarbeidet.',
      SYSTEM_IN_USE: 'Systemet er i bruk i avtalar, integrasjonar, tenester, arkiv eller vegval. Fjern det der først.',
      UNKNOWN_KIND: serverMessage,
      KIND_REQUIRED: 'Oppgi kva type register CSV-fila gjeld (parameteren kind).',
      FILE_TOO_LARGE: (details: unknown) => {
        const megabytes = detail(details, 'maxMegabytes', 'number');
        return megabytes === undefined ? undefined : `Fila er større enn ${megabytes} MB. Del ho opp i fleire filer.`;
      },
      NOT_A_SPREADSHEET: serverMessage,
      // Excel's menus are named as Excel shows them (Office in Norwegian: bokmål).
      OLD_EXCEL_FORMAT: 'Fila er i det gamle Excel-formatet (.xls). Opne ho i Excel eller LibreOffice og lagre som .xlsx.',
      ODS_NOT_SUPPORTED: 'Fila er eit OpenDocument-rekneark (.ods). Lagre ho som .xlsx (Fil › Lagre som › Excel 2007–365) og last opp på nytt.',
      PASSWORD_PROTECTED:
        'Arbeidsboka er verna med passord. Opne ho i Excel, fjern passordet (Fil › Info › Beskytt arbeidsbok › Krypter med passord, tøm feltet), lagre og last opp på nytt.',
      SPREADSHEET_TOO_SLOW: serverMessage,
      SPREADSHEET_TOO_LARGE: serverMessage,
      TOO_MANY_ROWS: (details: unknown) => {
        const sheet = detail(details, 'sheet', 'string');
        const rows = detail(details, 'rows', 'number');
        const limit = detail(details, 'limit', 'number');
        return sheet === undefined || rows === undefined || limit === undefined
          ? undefined
          : `Arket «${sheet}» har ${rows} rader; grensa er ${limit} per ark.`;
      },
      NO_KNOWN_SHEETS: serverMessage,
      IMPORT_INVALID: 'Fila har feil. Ingenting er importert.',
      IMPORT_PREVIEW_OUTDATED:
        'Kartlegginga eller fila er endra sidan førehandsvisinga, så importen ville gjort noko anna enn det ho viste. Sjå over den nye førehandsvisinga og importer på nytt.',
      IMPORT_NEEDS_CONFIRMATION: serverMessage,
    },
    forbiddenTitle: 'Ikkje tilgang',
  },
  announcer: {
    mergerCreated: (name: string) => `Samanslåinga «${name}» er oppretta.`,
    taskSaved: (title: string) => `Oppgåva «${title}» er lagra.`,
    taskCreated: (title: string) => `Oppgåva «${title}» er lagt til.`,
    results: (count: number) => `Viser ${plural(count, 'oppgåve', 'oppgåver')}.`,
    memberAdded: (name: string, role: string) => `${name} er lagt til som ${role}.`,
    memberRoleChanged: (name: string, role: string) => `${name} har no rolla ${role}.`,
    memberRemoved: (name: string) => `${name} er fjerna frå samanslåinga.`,
    invitationWithdrawn: (email: string) => `Invitasjonen til ${email} er trekt tilbake.`,
    userCreated: (name: string) => `Brukaren ${name} er oppretta.`,
    tokenRevoked: (name: string) => `API-nøkkelen «${name}» er trekt tilbake.`,
    copied: 'Nøkkelen er no kopiert.',
    historyResults: (count: number) => `Viser ${plural(count, 'endring', 'endringar')}.`,
  },
  validation: {
    required: 'Feltet må fyllast ut.',
    tooLong: (max: number) => `Teksten kan ikkje vere lengre enn ${formatCount(max)} teikn.`,
    tooShort: (min: number) => `Teksten må ha minst ${formatCount(min)} teikn.`,
    number: 'Oppgi eit tal.',
    wholeNumber: 'Oppgi eit heilt tal.',
    tooSmall: (min: number) => (min === 0 ? 'Talet kan ikkje vere negativt.' : `Talet kan ikkje vere lågare enn ${formatCount(min)}.`),
    tooBig: (max: number) => `Talet kan ikkje vere høgare enn ${formatCount(max)}.`,
    amountNegative: 'Beløpet kan ikkje vere negativt.',
    tooFew: (min: number) => `Vel minst ${formatCount(min)}.`,
    tooMany: (max: number) => `Du kan velje høgst ${formatCount(max)}.`,
    email: 'Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.',
    date: 'Skriv ein gyldig dato på forma dd.mm.åååå.',
    option: 'Vel eitt av alternativa.',
    invalid: 'Verdien er ikkje gyldig. Sjekk kva som står i feltet.',
  },
  status: vocabulary.taskStatus,
  roles: vocabulary.mergerRole,
  roleDescriptions: vocabulary.mergerRoleDescription,
  auth: {
    login: {
      title: 'Logg inn',
      lead: 'Logg inn for å arbeide med kommunesamanslåingane du er med i.',
      email: 'E-post',
      password: 'Passord',
      submit: 'Logg inn',
      submitting: 'Loggar inn …',
      emailRequired: 'Skriv e-postadressa di.',
      passwordRequired: 'Skriv inn passordet ditt.',
      singleSignOn: (name: string) => `Logg inn med ${name}`,
      or: 'eller med e-postadresse og passord',
      expired:
        'Du er logga ut fordi økta di er avslutta. Det skjer når ho har vore ubrukt for lenge, når du loggar ho ut frå ein annan nettlesar, eller når ein administrator deaktiverer brukaren din. Logg inn igjen for å halde fram der du var.',
      signedOut: 'Du er logga ut.',
      passwordReset: 'Passordet er endra, og du er logga ut overalt. Logg inn med det nye passordet.',
      tooManyAttempts: (minutes: string) => `For mange mislukka innloggingar. Vent ${minutes} og prøv igjen.`,
      minutes: (count: number) => plural(count, 'minutt', 'minutt'),
      noAccount: 'Har du ikkje brukar? Be ein administrator i Samla om å opprette ein til deg.',
      ssoEmailNotVerified:
        'Innlogginga vart avvist: identitetstilbydaren har ikkje stadfesta e-postadressa di, så Samla kan ikkje knyte ho til brukaren med same adresse. Kontakt ein administrator.',
      ssoUserDeactivated: 'Brukaren din er deaktivert. Kontakt ein administrator viss du skal ha tilgang igjen.',
      ssoFailed: 'Innlogginga med identitetstilbydaren mislukkast eller hadde gått ut. Prøv igjen.',
    },
    setup: {
      title: 'Opprett administrator',
      lead: 'Samla er ikkje sett opp enno. Opprett den første brukaren, som blir administrator og kan opprette dei andre brukarane.',
      codeHelpHeading: 'Kvar finn eg oppsettkoden?',
      // The log line is the server's own text, in bokmål: quoted as the reader will see it.
      codeHelp:
        'Samla skreiv oppsettkoden i loggen til serveren då Samla starta. Sjå etter linja som byrjar med «Samla er ikke satt opp ennå». Koden står sist på linja. Spør den som driv serveren viss du ikkje ser loggen sjølv. Koden verkar berre til administratoren er oppretta.',
      code: 'Oppsettkode',
      codeDescription: 'Koden frå loggen til serveren.',
      email: 'E-post',
      name: 'Namn',
      password: 'Passord',
      passwordDescription: 'Minst 12 teikn. Bruk gjerne fleire ord etter kvarandre.',
      submit: 'Opprett administrator',
      submitting: 'Opprettar …',
      codeRequired: 'Skriv oppsettkoden frå loggen til serveren.',
      emailRequired: 'Skriv e-postadressa.',
      emailInvalid: 'Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.',
      nameRequired: 'Skriv namnet.',
      passwordTooShort: 'Passordet må ha minst 12 teikn.',
    },
  },
  members: {
    title: 'Medlemmer',
    documentTitle: (merger: string) => `Medlemmer – ${merger}`,
    lead: 'Kven som er med i samanslåinga, og kva rolla deira gir lov til.',
    tableCaption: 'Medlemmer med e-postadresse og rolle',
    name: 'Namn',
    email: 'E-post',
    role: 'Rolle',
    actions: 'Handling',
    you: '(deg)',
    roleFor: (name: string) => `Rolle for ${name}`,
    saveRole: 'Lagre rolla',
    saveRoleFor: (name: string) => `Lagre rolla til ${name}`,
    remove: 'Fjern',
    removeNamed: (name: string) => `Fjern ${name}`,
    confirmRemoveHeading: (name: string) => `Fjerne ${name} frå samanslåinga?`,
    confirmRemoveText: 'Personen mistar tilgangen til samanslåinga med ein gong. Det personen har gjort, står framleis i historikken.',
    confirmRemove: 'Fjern medlemmet',
    add: {
      title: 'Legg til medlem',
      lead: 'Personen blir medlem første gong hen loggar inn i Samla med denne e-postadressa. Samla sender ingen e-post, så sei frå til personen sjølv. Har personen ingen brukar enno, opprettar ein administrator brukaren under «Brukarar».',
      invited: (email: string) => `Invitasjon send til ${email} – personen blir medlem ved første innlogging.`,
      email: 'E-post',
      emailDescription: 'E-postadressa personen loggar inn med.',
      role: 'Rolle',
      submit: 'Legg til medlem',
      submitting: 'Legg til …',
      emailRequired: 'Skriv e-postadressa til personen.',
      emailInvalid: 'Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.',
    },
    readOnlyNote: 'Berre eigarar og prosjektleiarar kan leggje til medlemmer.',
    invitations: {
      title: 'Invitasjonar som ventar',
      lead: 'Adressene blir medlemmer når nokon loggar inn med dei.',
      tableCaption: 'Invitasjonar som ventar, med rolle, kven som inviterte og når',
      email: 'E-post',
      role: 'Rolle',
      invitedBy: 'Invitert av',
      invitedAt: 'Invitert',
      actions: 'Handling',
      withdraw: 'Trekk tilbake',
      withdrawNamed: (email: string) => `Trekk tilbake invitasjonen til ${email}`,
      confirmHeading: (email: string) => `Trekkje tilbake invitasjonen til ${email}?`,
      confirmText: 'Adressa blir ikkje medlem når nokon loggar inn med ho. Du kan invitere på nytt seinare.',
      confirm: 'Trekk tilbake invitasjonen',
    },
    calendarFeedMakerLeft: (who: string) =>
      `Samanslåinga har ei kalenderadresse som ${who} laga. ${who} er ikkje lenger medlem, men adressa verkar framleis for alle som har ho.`,
    calendarFeedLink: 'Sjå eller slett kalenderadressa under «Avtalefristar»',
  },
