import type { ErrorCode } from '#shared/error-codes.ts';
import type { Localized } from '#shared/localized.ts';

/**
 * A message for every error code in every language, correct without the values of one
 * request: what the server answers in nynorsk or English when the thrower wrote its
 * message in bokmål only, or had values to put in it that the code's text cannot name.
 * The wording follows the web catalogs' `errors.byCode` (src/web/i18n), copied rather
 * than imported because shared code does not depend on the web.
 */
export const errorMessages: Readonly<Record<ErrorCode, Localized>> = {
  // requests, sessions, access
  VALIDATION_FAILED: {
    nb: 'Forespørselen er ugyldig.',
    nn: 'Førespurnaden er ugyldig.',
    en: 'The request is invalid.',
  },
  BAD_REQUEST: {
    nb: 'Forespørselen kunne ikke leses.',
    nn: 'Førespurnaden kunne ikkje lesast.',
    en: 'The request could not be read.',
  },
  ROUTE_NOT_FOUND: {
    nb: 'Fant ikke adressen.',
    nn: 'Fann ikkje adressa.',
    en: 'The address was not found.',
  },
  INTERNAL_ERROR: {
    nb: 'Noe gikk galt på serveren. Prøv igjen, eller kontakt en administrator.',
    nn: 'Noko gjekk gale på serveren. Prøv igjen, eller kontakt ein administrator.',
    en: 'Something went wrong on the server. Try again, or contact an administrator.',
  },
  SHUTTING_DOWN: {
    nb: 'Samla starter på nytt. Prøv igjen om litt.',
    nn: 'Samla startar på nytt. Prøv igjen om litt.',
    en: 'Samla is restarting. Try again in a moment.',
  },
  BUSY: {
    nb: 'Samla er opptatt akkurat nå. Prøv igjen om litt.',
    nn: 'Samla er oppteken akkurat no. Prøv igjen om litt.',
    en: 'Samla is busy right now. Try again in a moment.',
  },
  TASK_TIMEOUT: {
    nb: 'Arbeidet tok for lang tid og ble avbrutt.',
    nn: 'Arbeidet tok for lang tid og vart avbrote.',
    en: 'The work took too long and was stopped.',
  },
  TASK_TOO_LARGE: {
    nb: 'Arbeidet krevde mer minne enn Samla gir det, og ble avbrutt.',
    nn: 'Arbeidet kravde meir minne enn Samla gir det, og vart avbrote.',
    en: 'The work needed more memory than Samla allows it, and was stopped.',
  },
  UNAUTHENTICATED: {
    nb: 'Du må logge inn for å bruke Samla.',
    nn: 'Du må logge inn for å bruke Samla.',
    en: 'You must sign in to use Samla.',
  },
  FORBIDDEN: {
    nb: 'Du har ikke tilgang til dette.',
    nn: 'Du har ikkje tilgang til dette.',
    en: 'You do not have access to this.',
  },
  CSRF_TOKEN_INVALID: {
    nb: 'Forespørselen manglet gyldig CSRF-nøkkel. Last siden på nytt.',
    nn: 'Førespurnaden mangla gyldig CSRF-nøkkel. Last sida på nytt.',
    en: 'The request lacked a valid CSRF token. Reload the page.',
  },
  INVALID_TOKEN: {
    nb: 'API-nøkkelen er ugyldig eller trukket tilbake.',
    nn: 'API-nøkkelen er ugyldig eller trekt tilbake.',
    en: 'The API key is invalid or has been revoked.',
  },
  INVALID_TOKEN_EXPIRY: {
    nb: 'Siste dag for API-nøkkelen er ugyldig.',
    nn: 'Siste dag for API-nøkkelen er ikkje gyldig.',
    en: 'The API key’s last day is invalid.',
  },
  TOKEN_NOT_FOUND: {
    nb: 'Fant ikke nøkkelen, eller den er allerede trukket tilbake.',
    nn: 'Fann ikkje nøkkelen, eller han er alt trekt tilbake.',
    en: 'The key was not found, or it has already been revoked.',
  },
  SESSION_REQUIRED: {
    nb: 'Dette må gjøres i nettleseren, ikke med en API-nøkkel.',
    nn: 'Dette må gjerast i nettlesaren, ikkje med ein API-nøkkel.',
    en: 'This must be done in the browser, not with an API key.',
  },
  SESSION_NOT_FOUND: {
    nb: 'Fant ikke økten. Den kan allerede være avsluttet.',
    nn: 'Fann ikkje økta. Ho kan alt vere avslutta.',
    en: 'The session was not found. It may already have ended.',
  },
  VERSION_CONFLICT: {
    nb: 'Noen andre har endret oppgaven etter at du åpnet den.',
    nn: 'Nokon andre har endra oppgåva etter at du opna ho.',
    en: 'Someone else has changed the task since you opened it.',
  },

  // sign-in, set-up, users
  INVALID_CREDENTIALS: {
    nb: 'Feil e-post eller passord.',
    nn: 'E-postadressa eller passordet er feil.',
    en: 'Wrong e-mail address or password.',
  },
  TOO_MANY_ATTEMPTS: {
    nb: 'For mange mislykkede innlogginger. Vent litt og prøv igjen.',
    nn: 'For mange mislukka innloggingar. Vent litt og prøv igjen.',
    en: 'Too many failed sign-in attempts. Wait a little and try again.',
  },
  USER_DEACTIVATED: {
    nb: 'Brukeren er deaktivert.',
    nn: 'Brukaren er deaktivert.',
    en: 'The user is deactivated.',
  },
  SSO_NOT_CONFIGURED: {
    nb: 'Innlogging med identitetstilbyder er ikke satt opp.',
    nn: 'Innlogging med identitetstilbydar er ikkje sett opp.',
    en: 'Sign-in with an identity provider has not been set up.',
  },
  SSO_FAILED: {
    nb: 'Innloggingen hos identitetstilbyderen feilet. Prøv igjen.',
    nn: 'Innlogginga hos identitetstilbydaren gjekk ikkje. Prøv igjen.',
    en: 'The sign-in with the identity provider failed. Try again.',
  },
  SSO_NO_EMAIL: {
    nb: 'Identitetstilbyderen oppga ingen e-postadresse, som Samla trenger.',
    nn: 'Identitetstilbydaren oppgav inga e-postadresse, og det treng Samla.',
    en: 'The identity provider gave no e-mail address, which Samla needs.',
  },
  SSO_EMAIL_NOT_VERIFIED: {
    nb: 'Identitetstilbyderen har ikke bekreftet e-postadressen din, så Samla kan ikke knytte innloggingen til en eksisterende bruker. Kontakt en administrator.',
    nn: 'Identitetstilbydaren har ikkje stadfesta e-postadressa di, så Samla kan ikkje knyte innlogginga til ein eksisterande brukar. Kontakt ein administrator.',
    en: 'The identity provider has not verified your e-mail address, so Samla cannot link the sign-in to an existing user. Contact an administrator.',
  },
  INVALID_SETUP_CODE: {
    nb: 'Oppsettkoden stemmer ikke. Den står i serverens logg.',
    nn: 'Oppsettkoden stemmer ikkje. Han står i loggen til serveren.',
    en: 'The set-up code is not correct. It is in the server’s log.',
  },
  SETUP_ALREADY_DONE: {
    nb: 'Samla er allerede satt opp. Logg inn.',
    nn: 'Samla er alt sett opp. Logg inn.',
    en: 'Samla has already been set up. Sign in.',
  },
  USER_NOT_FOUND: {
    nb: 'Ingen bruker har denne e-postadressen. En administrator må opprette brukeren under «Brukere» først.',
    nn: 'Ingen brukar har denne e-postadressa. Ein administrator må opprette brukaren under «Brukarar» først.',
    en: 'No user has this e-mail address. An administrator must first create the user under “Users”.',
  },
  USER_EXISTS: {
    nb: 'Det finnes allerede en bruker med denne e-postadressen.',
    nn: 'Det finst alt ein brukar med denne e-postadressa.',
    en: 'A user with this e-mail address already exists.',
  },
  USER_HAS_HISTORY: {
    nb: 'Brukeren har gjort endringer som står i historikken, og kan derfor ikke slettes. Deaktiver brukeren i stedet.',
    nn: 'Brukaren har gjort endringar som står i historikken, og kan difor ikkje slettast. Deaktiver brukaren i staden.',
    en: 'The user has made changes that are recorded in the history, and so cannot be deleted. Deactivate the user instead.',
  },
  CANNOT_REMOVE_SELF: {
    nb: 'Du kan ikke slette eller deaktivere deg selv.',
    nn: 'Du kan ikkje slette eller deaktivere deg sjølv.',
    en: 'You cannot delete or deactivate yourself.',
  },
  LAST_ADMINISTRATOR: {
    nb: 'Samla må ha minst én aktiv administrator.',
    nn: 'Samla må ha minst éin aktiv administrator.',
    en: 'Samla must have at least one active administrator.',
  },
  PASSWORD_REQUIRED: {
    nb: 'Samla har ingen innlogging via identitetstilbyder, så brukeren trenger et passord for å kunne logge inn.',
    nn: 'Samla har inga innlogging via identitetstilbydar, så brukaren treng eit passord for å kunne logge inn.',
    en: 'Samla has no sign-in through an identity provider, so the user needs a password to be able to sign in.',
  },
  WEAK_PASSWORD: {
    nb: 'Passordet er for svakt.',
    nn: 'Passordet er for veikt.',
    en: 'The password is too weak.',
  },
  WRONG_PASSWORD: {
    nb: 'Det nåværende passordet stemmer ikke.',
    nn: 'Det noverande passordet stemmer ikkje.',
    en: 'The current password is not correct.',
  },
  NO_PASSWORD: {
    nb: 'Du logger inn med identitetstilbyderen og har ikke noe passord i Samla å endre.',
    nn: 'Du loggar inn med identitetstilbydaren og har ikkje noko passord i Samla å endre.',
    en: 'You sign in with the identity provider and have no password in Samla to change.',
  },
  INVALID_RESET_CODE: {
    nb: 'Koden er ugyldig, allerede brukt eller utløpt. Be en administrator om en ny.',
    nn: 'Koden er ugyldig, alt brukt eller gått ut. Be ein administrator om ein ny.',
    en: 'The code is invalid, already used or expired. Ask an administrator for a new one.',
  },

  // mergers, members
  MERGER_NOT_FOUND: {
    nb: 'Fant ikke sammenslåingen. Den kan være slettet, eller lenken kan være feil.',
    nn: 'Fann ikkje samanslåinga. Ho kan vere sletta, eller lenkja kan vere feil.',
    en: 'The merger was not found. It may have been deleted, or the link may be wrong.',
  },
  TOO_FEW_MUNICIPALITIES: {
    nb: 'Velg minst to kommuner.',
    nn: 'Vel minst to kommunar.',
    en: 'Choose at least two municipalities.',
  },
  UNKNOWN_MUNICIPALITY: {
    nb: 'Kommunen finnes ikke i kommuneregisteret.',
    nn: 'Kommunen finst ikkje i kommuneregisteret.',
    en: 'The municipality is not in the municipality register.',
  },
  DUPLICATE_MUNICIPALITY: {
    nb: 'En kommune er valgt mer enn én gang.',
    nn: 'Ein kommune er vald meir enn éin gong.',
    en: 'A municipality is chosen more than once.',
  },
  MEMBER_NOT_FOUND: {
    nb: 'Personen er ikke lenger med i sammenslåingen.',
    nn: 'Personen er ikkje lenger med i samanslåinga.',
    en: 'The person is no longer a member of the merger.',
  },
  ALREADY_MEMBER: {
    nb: 'Personen er allerede med i sammenslåingen.',
    nn: 'Personen er alt med i samanslåinga.',
    en: 'The person is already a member of the merger.',
  },
  ALREADY_INVITED: {
    nb: 'Adressen er allerede invitert. Trekk tilbake invitasjonen først om den skal ha en annen rolle.',
    nn: 'Adressa er alt invitert. Trekk tilbake invitasjonen først om ho skal ha ei anna rolle.',
    en: 'The address has already been invited. Withdraw the invitation first if it is to have a different role.',
  },
  INVITATION_NOT_FOUND: {
    nb: 'Fant ingen invitasjon til denne adressen. Kanskje er den trukket tilbake, eller personen har logget inn.',
    nn: 'Fann ingen invitasjon til denne adressa. Kanskje er han trekt tilbake, eller personen har logga inn.',
    en: 'No invitation to this address was found. It may have been withdrawn, or the person has signed in.',
  },
  ROLE_NOT_GRANTABLE: {
    nb: 'Bare en eier kan gi rollen «Eier».',
    nn: 'Berre ein eigar kan gi rolla «Eigar».',
    en: 'Only an owner can give the “Owner” role.',
  },
  LAST_OWNER: {
    nb: 'Sammenslåingen må ha minst én eier. Gi noen andre rollen «Eier» først.',
    nn: 'Samanslåinga må ha minst éin eigar. Gi nokon andre rolla «Eigar» først.',
    en: 'The merger must have at least one owner. Give someone else the “Owner” role first.',
  },
  MERGER_ARCHIVED: {
    nb: 'Sammenslåingen er arkivert og kan bare leses. En eier eller prosjektleder kan gjenåpne den.',
    nn: 'Samanslåinga er arkivert og kan berre lesast. Ein eigar eller prosjektleiar kan opne ho igjen.',
    en: 'The merger is archived and can only be read. An owner or project manager can reopen it.',
  },
  MERGER_NAME_MISMATCH: {
    nb: 'Navnet stemmer ikke. Skriv navnet på sammenslåingen nøyaktig slik det står.',
    nn: 'Namnet stemmer ikkje. Skriv namnet på samanslåinga nøyaktig slik det står.',
    en: 'The name does not match. Write the name of the merger exactly as it is shown.',
  },
  MUNICIPALITY_HAS_INVENTORY: {
    nb: 'Kartleggingen til kommunene som fjernes, slettes med dem. Bekreft for å fjerne dem likevel.',
    nn: 'Kartlegginga til kommunane som blir fjerna, blir sletta med dei. Stadfest for å fjerne dei likevel.',
    en: 'The inventory of the municipalities being removed is deleted with them. Confirm to remove them anyway.',
  },
  MUNICIPALITY_SYSTEMS_IN_USE: {
    nb: 'Systemer i kommunene som skal fjernes, er fortsatt i bruk. Fjern eller endre det som bruker dem først.',
    nn: 'System i kommunane som skal fjernast, er framleis i bruk. Fjern eller endre det som brukar dei, først.',
    en: 'Systems in the municipalities to be removed are still in use. Remove or change what uses them first.',
  },
  RESPONSIBLE_NOT_MEMBER: {
    nb: 'Den ansvarlige må være medlem av sammenslåingen. Velg et medlem fra listen, eller skriv inn et navn.',
    nn: 'Den ansvarlege må vere medlem av samanslåinga. Vel eit medlem frå lista, eller skriv inn eit namn.',
    en: 'The person responsible must be a member of the merger. Choose a member from the list, or type a name.',
  },
  RESPONSIBLE_AMBIGUOUS: {
    nb: 'Velg enten et medlem eller skriv inn et navn som ansvarlig, ikke begge.',
    nn: 'Vel anten eit medlem eller skriv inn eit namn som ansvarleg, ikkje begge.',
    en: 'Either choose a member or type a name as responsible, not both.',
  },

  // plan
  TASK_NOT_FOUND: {
    nb: 'Fant ikke oppgaven. Den kan være slettet, eller lenken kan være feil.',
    nn: 'Fann ikkje oppgåva. Ho kan vere sletta, eller lenkja kan vere feil.',
    en: 'The task was not found. It may have been deleted, or the link may be wrong.',
  },
  ACTIVITY_NOT_FOUND: {
    nb: 'Aktiviteten finnes ikke i sjekklisten.',
    nn: 'Aktiviteten finst ikkje i sjekklista.',
    en: 'The activity does not exist in the checklist.',
  },
  NOT_RELEVANT_REASON_REQUIRED: {
    nb: 'Skriv en begrunnelse når oppgaven settes til «Ikke relevant».',
    nn: 'Skriv ei grunngiving når oppgåva blir sett til «Ikkje relevant».',
    en: 'Give a reason when the task is set to “Not relevant”.',
  },
  CATALOG_TASK_TITLE_READONLY: {
    nb: 'Tittelen på oppgaver fra sjekklisten kan ikke endres.',
    nn: 'Tittelen på oppgåver frå sjekklista kan ikkje endrast.',
    en: 'The title of tasks from the checklist cannot be changed.',
  },
  PLANNED_START_AFTER_DUE_DATE: {
    nb: 'Planlagt start kan ikke være etter fristen.',
    nn: 'Planlagd start kan ikkje vere etter fristen.',
    en: 'The planned start cannot be after the due date.',
  },
  DEPENDENCIES_OPEN: {
    nb: 'Oppgaven avhenger av oppgaver som ikke er ferdige. Oppgi en begrunnelse for å sette den som ferdig likevel.',
    nn: 'Oppgåva er avhengig av oppgåver som ikkje er ferdige. Skriv ei grunngiving for å setje ho som ferdig likevel.',
    en: 'The task depends on tasks that are not done. Give a reason to mark it as done anyway.',
  },
  DEPENDENCY_TASK_NOT_FOUND: {
    nb: 'Oppgaven det skal avhenges av, finnes ikke i denne sammenslåingen.',
    nn: 'Oppgåva det skal vere avhengig av, finst ikkje i denne samanslåinga.',
    en: 'The task to depend on does not exist in this merger.',
  },
  DEPENDENCY_NOT_FOUND: {
    nb: 'Oppgaven har ikke denne avhengigheten.',
    nn: 'Oppgåva har ikkje denne avhengnaden.',
    en: 'The task does not have this dependency.',
  },
  DEPENDENCY_EXISTS: {
    nb: 'Oppgaven avhenger allerede av denne oppgaven.',
    nn: 'Oppgåva er alt avhengig av denne oppgåva.',
    en: 'The task already depends on this task.',
  },
  DEPENDENCY_CYCLE: {
    nb: 'Avhengigheten ville gitt en sirkel: oppgavene ville ventet på hverandre.',
    nn: 'Avhengnaden ville gitt ein sirkel: oppgåvene ville venta på kvarandre.',
    en: 'The dependency would make a cycle: the tasks would wait for each other.',
  },
  PHASE_END_BEFORE_START: {
    nb: 'Fasen kan ikke slutte før den starter.',
    nn: 'Fasen kan ikkje slutte før han startar.',
    en: 'The phase cannot end before it starts.',
  },
  MILESTONE_NOT_FOUND: {
    nb: 'Fant ikke milepælen.',
    nn: 'Fann ikkje milepælen.',
    en: 'The milestone was not found.',
  },
  OPPORTUNITY_NOT_FOUND: {
    nb: 'Fant ikke muligheten i sjekklisten.',
    nn: 'Fann ikkje moglegheita i sjekklista.',
    en: 'The opportunity was not found in the checklist.',
  },
  OPPORTUNITY_ALREADY_TAKEN_UP: {
    nb: 'Muligheten er allerede lagt til i planen.',
    nn: 'Moglegheita er alt lagd til i planen.',
    en: 'The opportunity has already been added to the plan.',
  },

  // decisions, contract deadlines, reports
  SOLUTION_AREA_NOT_FOUND: {
    nb: 'Fant ikke løsningsområdet.',
    nn: 'Fann ikkje løysingsområdet.',
    en: 'The solution area was not found.',
  },
  DECISION_NOT_FOUND: {
    nb: 'Området har ikke noe veivalg ennå.',
    nn: 'Området har ikkje noko vegval enno.',
    en: 'The area has no decision yet.',
  },
  DECISION_INVALID: {
    nb: 'Veivalget er ikke gyldig. Se over feltene.',
    nn: 'Vegvalet er ikkje gyldig. Sjå over felta.',
    en: 'The decision is not valid. Check the fields.',
  },
  DECISION_RECORD_INVALID: {
    nb: 'Vedtaket mangler opplysninger. Se over feltene.',
    nn: 'Vedtaket manglar opplysningar. Sjå over felta.',
    en: 'The decision record is missing information. Check the fields.',
  },
  DEFERRAL_NOT_APPLICABLE: {
    nb: 'Bare et vedtatt veivalg som utsetter et kritisk område til overgangsfasen, kan få utsettelsen godtatt.',
    nn: 'Berre eit vedteke vegval som utset eit kritisk område til overgangsfasen, kan få utsetjinga godteken.',
    en: 'Only an adopted decision that defers a critical area to the transition phase can have the deferral accepted.',
  },
  DEFERRAL_REASON_REQUIRED: {
    nb: 'Skriv hvorfor prosjektet godtar utsettelsen.',
    nn: 'Skriv kvifor prosjektet godtek utsetjinga.',
    en: 'Write why the project accepts the deferral.',
  },
  CALENDAR_FEED_NOT_FOUND: {
    nb: 'Fant ikke kalenderadressen. Den kan være erstattet av en ny.',
    nn: 'Fann ikkje kalenderadressa. Ho kan vere erstatta av ei ny.',
    en: 'The calendar address was not found. It may have been replaced by a new one.',
  },
  REPORT_PERIOD_INVALID: {
    nb: 'Rapportperioden er ugyldig.',
    nn: 'Rapportperioden er ikkje gyldig.',
    en: 'The report period is invalid.',
  },
  REPORT_NOT_FOUND: {
    nb: 'Fant ikke rapporten.',
    nn: 'Fann ikkje rapporten.',
    en: 'The report was not found.',
  },

  // risks, benefits
  RISK_NOT_FOUND: {
    nb: 'Fant ikke risikoen.',
    nn: 'Fann ikkje risikoen.',
    en: 'The risk was not found.',
  },
  RISK_INVALID: {
    nb: 'Risikoen er ikke gyldig. Se over feltene.',
    nn: 'Risikoen er ikkje gyldig. Sjå over felta.',
    en: 'The risk is not valid. Check the fields.',
  },
  RISK_MATRIX_INVALID: {
    nb: 'Risikomatrisen er ikke gyldig.',
    nn: 'Risikomatrisa er ikkje gyldig.',
    en: 'The risk matrix is not valid.',
  },
  MITIGATION_NOT_FOUND: {
    nb: 'Fant ikke tiltaket.',
    nn: 'Fann ikkje tiltaket.',
    en: 'The measure was not found.',
  },
  MITIGATION_INVALID: {
    nb: 'Tiltaket er ikke gyldig. Se over feltene.',
    nn: 'Tiltaket er ikkje gyldig. Sjå over felta.',
    en: 'The measure is not valid. Check the fields.',
  },
  SUGGESTION_NOT_FOUND: {
    nb: 'Fant ikke forslaget.',
    nn: 'Fann ikkje forslaget.',
    en: 'The suggestion was not found.',
  },
  SUGGESTION_ALREADY_ACCEPTED: {
    nb: 'Forslaget er allerede lagt til som risiko.',
    nn: 'Forslaget er alt lagt til som risiko.',
    en: 'The suggestion has already been added as a risk.',
  },
  BENEFIT_NOT_FOUND: {
    nb: 'Fant ikke gevinsten.',
    nn: 'Fann ikkje gevinsten.',
    en: 'The benefit was not found.',
  },
  BENEFIT_ENABLER_INVALID: {
    nb: 'Det gevinsten forutsetter, er ikke gyldig.',
    nn: 'Det gevinsten føreset, er ikkje gyldig.',
    en: 'What the benefit depends on is not valid.',
  },
  INDICATOR_NOT_FOUND: {
    nb: 'Fant ikke indikatoren.',
    nn: 'Fann ikkje indikatoren.',
    en: 'The indicator was not found.',
  },
  INDICATOR_DATES_INVALID: {
    nb: 'Datoene for indikatoren er ugyldige.',
    nn: 'Datoane for indikatoren er ugyldige.',
    en: 'The indicator’s dates are invalid.',
  },
  BASELINE_AFTER_MEASUREMENTS: {
    nb: 'Utgangspunktet kan ikke være etter den første målingen.',
    nn: 'Utgangspunktet kan ikkje vere etter den første målinga.',
    en: 'The baseline cannot be after the first measurement.',
  },
  MEASUREMENT_NOT_FOUND: {
    nb: 'Fant ikke målingen.',
    nn: 'Fann ikkje målinga.',
    en: 'The measurement was not found.',
  },
  MEASUREMENT_BEFORE_BASELINE: {
    nb: 'Målingen kan ikke være før utgangspunktet.',
    nn: 'Målinga kan ikkje vere før utgangspunktet.',
    en: 'The measurement cannot be before the baseline.',
  },

  // inventory, import
  SYSTEM_NOT_FOUND: {
    nb: 'Fant ikke systemet.',
    nn: 'Fann ikkje systemet.',
    en: 'The system was not found.',
  },
  DIGITAL_SERVICE_NOT_FOUND: {
    nb: 'Fant ikke den digitale tjenesten.',
    nn: 'Fann ikkje den digitale tenesta.',
    en: 'The digital service was not found.',
  },
  CONTRACT_NOT_FOUND: {
    nb: 'Fant ikke avtalen.',
    nn: 'Fann ikkje avtalen.',
    en: 'The agreement was not found.',
  },
  INTEGRATION_NOT_FOUND: {
    nb: 'Fant ikke integrasjonen.',
    nn: 'Fann ikkje integrasjonen.',
    en: 'The integration was not found.',
  },
  ARCHIVE_NOT_FOUND: {
    nb: 'Fant ikke arkivet.',
    nn: 'Fann ikkje arkivet.',
    en: 'The archive was not found.',
  },
  INFRASTRUCTURE_NOT_FOUND: {
    nb: 'Fant ikke infrastrukturen.',
    nn: 'Fann ikkje infrastrukturen.',
    en: 'The infrastructure was not found.',
  },
  IT_ORGANISATION_NOT_FOUND: {
    nb: 'Fant ikke rollen.',
    nn: 'Fann ikkje rolla.',
    en: 'The role was not found.',
  },
  INTERMUNICIPAL_COOPERATION_NOT_FOUND: {
    nb: 'Fant ikke samarbeidet.',
    nn: 'Fann ikkje samarbeidet.',
    en: 'The cooperation was not found.',
  },
  SYSTEM_IN_USE: {
    nb: 'Systemet er i bruk i avtaler, integrasjoner, tjenester, arkiver eller veivalg. Fjern det der først.',
    nn: 'Systemet er i bruk i avtalar, integrasjonar, tenester, arkiv eller vegval. Fjern det der først.',
    en: 'The system is used in agreements, integrations, services, archives or decisions. Remove it there first.',
  },
  UNKNOWN_KIND: {
    nb: 'Det er ikke en type register Samla kjenner.',
    nn: 'Det er ikkje ein type register Samla kjenner.',
    en: 'That is not a kind of register Samla knows.',
  },
  KIND_REQUIRED: {
    nb: 'Oppgi hvilken type register CSV-filen gjelder (parameteren kind).',
    nn: 'Oppgi kva type register CSV-fila gjeld (parameteren kind).',
    en: 'State which kind of register the CSV file is for (the parameter kind).',
  },
  FILE_TOO_LARGE: {
    nb: 'Filen er for stor. Del den opp i flere filer.',
    nn: 'Fila er for stor. Del ho opp i fleire filer.',
    en: 'The file is too large. Split it into several files.',
  },
  NOT_A_SPREADSHEET: {
    nb: 'Filen er tom eller ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.',
    nn: 'Fila er tom eller ikkje eit rekneark. Last opp ei xlsx-fil eller ei CSV-fil.',
    en: 'The file is empty or not a spreadsheet. Upload an xlsx file or a CSV file.',
  },
  OLD_EXCEL_FORMAT: {
    nb: 'Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel eller LibreOffice og lagre som .xlsx.',
    nn: 'Fila er i det gamle Excel-formatet (.xls). Opne ho i Excel eller LibreOffice og lagre som .xlsx.',
    en: 'The file is in the old Excel format (.xls). Open it in Excel or LibreOffice and save it as .xlsx.',
  },
  ODS_NOT_SUPPORTED: {
    nb: 'Filen er et OpenDocument-regneark (.ods). Lagre den som .xlsx (Fil › Lagre som › Excel 2007–365) og last opp på nytt.',
    nn: 'Fila er eit OpenDocument-rekneark (.ods). Lagre ho som .xlsx (Fil › Lagre som › Excel 2007–365) og last opp på nytt.',
    en: 'The file is an OpenDocument spreadsheet (.ods). Save it as .xlsx (File › Save As › Excel 2007–365) and upload it again.',
  },
  PASSWORD_PROTECTED: {
    nb: 'Arbeidsboken er beskyttet med passord. Åpne den i Excel, fjern passordet (Fil › Info › Beskytt arbeidsbok › Krypter med passord, tøm feltet), lagre og last opp på nytt.',
    nn: 'Arbeidsboka er verna med passord. Opne ho i Excel, fjern passordet (Fil › Info › Beskytt arbeidsbok › Krypter med passord, tøm feltet), lagre og last opp på nytt.',
    en: 'The workbook is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear the field), save and upload it again.',
  },
  SPREADSHEET_TOO_SLOW: {
    nb: 'Filen tok for lang tid å lese og ble avbrutt. Lagre den på nytt fra Excel, eller del den opp i flere filer.',
    nn: 'Fila tok for lang tid å lese og vart avbroten. Lagre ho på nytt frå Excel, eller del ho opp i fleire filer.',
    en: 'The file took too long to read and was stopped. Save it again from Excel, or split it into several files.',
  },
  SPREADSHEET_TOO_LARGE: {
    nb: 'Filen krevde mer minne å lese enn Samla gir en opplasting, og ble avbrutt. Del den opp i flere filer.',
    nn: 'Fila kravde meir minne å lese enn Samla gir ei opplasting, og vart avbroten. Del ho opp i fleire filer.',
    en: 'The file needed more memory to read than Samla gives an upload, and was stopped. Split it into several files.',
  },
  TOO_MANY_ROWS: {
    nb: 'Et ark har flere rader enn grensen.',
    nn: 'Eit ark har fleire rader enn grensa.',
    en: 'A sheet has more rows than the limit.',
  },
  NO_KNOWN_SHEETS: {
    nb: 'Arbeidsboken har ingen ark Samla kjenner.',
    nn: 'Arbeidsboka har ingen ark Samla kjenner.',
    en: 'The workbook has no sheets Samla knows.',
  },
  IMPORT_INVALID: {
    nb: 'Filen har feil. Ingenting er importert.',
    nn: 'Fila har feil. Ingenting er importert.',
    en: 'The file has errors. Nothing has been imported.',
  },
  IMPORT_PREVIEW_OUTDATED: {
    nb: 'Kartleggingen eller filen er endret siden forhåndsvisningen, så importen ville gjort noe annet enn den viste. Se over den nye forhåndsvisningen og importer på nytt.',
    nn: 'Kartlegginga eller fila er endra sidan førehandsvisinga, så importen ville gjort noko anna enn det ho viste. Sjå over den nye førehandsvisinga og importer på nytt.',
    en: 'The inventory or the file has changed since the preview, so the import would have done something other than it showed. Review the new preview and import again.',
  },
  IMPORT_NEEDS_CONFIRMATION: {
    nb: 'Forhåndsvisningen har advarsler. Les dem, og bekreft at du vil importere likevel.',
    nn: 'Førehandsvisinga har åtvaringar. Les dei, og stadfest at du vil importere likevel.',
    en: 'The preview has warnings. Read them, and confirm that you want to import anyway.',
  },

  // comments, notifications
  COMMENT_NOT_FOUND: {
    nb: 'Fant ikke kommentaren. Kanskje er den slettet.',
    nn: 'Fann ikkje kommentaren. Kanskje er han sletta.',
    en: 'The comment was not found. It may have been deleted.',
  },
  NOT_COMMENT_AUTHOR: {
    nb: 'Du kan bare endre eller slette dine egne kommentarer. Prosjektleder og eier kan slette alle.',
    nn: 'Du kan berre endre eller slette dine eigne kommentarar. Prosjektleiar og eigar kan slette alle.',
    en: 'You can only change or delete your own comments. The project manager and the owner can delete any comment.',
  },
  NOTIFICATION_NOT_FOUND: {
    nb: 'Fant ikke varselet.',
    nn: 'Fann ikkje varselet.',
    en: 'The notification was not found.',
  },
};
