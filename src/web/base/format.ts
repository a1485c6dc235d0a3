import { DateTime } from 'luxon';
import type { Language } from '../../identity/index.js';

const LOCALE: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

/** An instant with its offset (as the services write them) shown as the local time it names. */
export function localTime(iso: string, lang: Language): string {
  return DateTime.fromISO(iso, { setZone: true })
    .setLocale(LOCALE[lang])
    .toFormat(lang === 'da' ? "cccc d. LLLL yyyy 'kl.' HH:mm" : "cccc d LLLL yyyy 'at' HH:mm");
}

export function clockTime(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm');
}

export function localDay(date: string, lang: Language): string {
  return DateTime.fromISO(date)
    .setLocale(LOCALE[lang])
    .toFormat(lang === 'da' ? 'cccc d. LLLL' : 'cccc d LLLL');
}

export function longDate(date: string, lang: Language): string {
  return DateTime.fromISO(date)
    .setLocale(LOCALE[lang])
    .toFormat(lang === 'da' ? 'd. LLLL yyyy' : 'd LLLL yyyy');
}

export function shortDate(date: string, lang: Language): string {
  return DateTime.fromISO(date)
    .setLocale(LOCALE[lang])
    .toFormat(lang === 'da' ? 'd. LLL yyyy' : 'd LLL yyyy');
}

// ISO 3166-1 alpha-2, as the API's validation accepts them.
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const countryLists = new Map<Language, { value: string; label: string }[]>();

/** Every country by its name in `lang`, Denmark first (most applicants live here). */
export function countries(lang: Language): { value: string; label: string }[] {
  let list = countryLists.get(lang);
  if (!list) {
    const names = new Intl.DisplayNames([lang], { type: 'region' });
    const sorted = CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
      a.label.localeCompare(b.label, lang),
    );
    list = [...sorted.filter((c) => c.value === 'DK'), ...sorted.filter((c) => c.value !== 'DK')];
    countryLists.set(lang, list);
  }
  return list;
}

export function countryName(code: string, lang: Language): string {
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}
