// Small text helpers: labels, dates and attributions in words.

/**
 * shorten returns a label cut to at most max characters at a word, with "…";
 * the full label is shown on hover and in the table.
 */
export function shorten(label, max = 28) {
  const s = String(label ?? '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** isoDay writes an ISO day (YYYY-MM-DD) in words: "8 December 2019". */
export function isoDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * dateText writes a PartialDate as the sources give it: a day, a month or a year,
 * else the source's relative date in quotation marks, else "date not given".
 * Bounds (notBefore/notAfter, when the API gives them) follow in words.
 */
export function dateText(date) {
  if (!date) return 'date not given';
  let s;
  switch (date.precision) {
    case 'DAY':
      s = isoDay(date.value);
      break;
    case 'MONTH': {
      const [y, m] = date.value.split('-').map(Number);
      s = `${MONTHS[m - 1]} ${y}`;
      break;
    }
    case 'YEAR':
      s = date.value;
      break;
    default:
      s = date.text ? `“${date.text}” (no date in the source)` : 'date not given';
  }
  if (date.precision !== 'UNKNOWN' && date.text) s += ` (“${date.text}”)`;
  const bounds = [];
  if (date.notBefore) bounds.push(`not before ${isoDay(date.notBefore)}`);
  if (date.notAfter) bounds.push(`not after ${isoDay(date.notAfter)}`);
  if (bounds.length && date.precision === 'UNKNOWN') s += `; ${bounds.join(', ')}`;
  return s;
}

/** attributionText says whose words a piece of evidence holds. */
export function attributionText(attribution, speaker) {
  const who = speaker?.label ?? speaker?.id;
  switch (attribution) {
    case 'DIRECT_QUOTE':
      return who ? `Direct quote of ${who}` : 'Direct quote';
    case 'REPORTED':
      return who ? `Reported words of ${who}` : 'Reported words';
    case 'ANONYMOUS':
      return 'An unnamed source';
    case 'ARTICLE':
      return 'The article’s own words';
    default:
      return String(attribution ?? '');
  }
}

/** plural returns "1 link" or "2 links". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
