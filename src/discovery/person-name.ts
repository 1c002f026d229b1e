/**
 * Titles and ranks that institutes print before experts' names ("Dr.", "Brig. Gen. (res.)",
 * "ד״ר", "תא״ל (במיל׳)"). Citation indexes want the bare name: Google Scholar matches
 * authors across papers by name, and "Dr. Dana Levin" would be a different author from
 * "Dana Levin". Hebrew abbreviations appear with gershayim/geresh and with ASCII quotes.
 */
const HONORIFICS = new Set([
  ...['Dr.', 'Prof.', 'Professor', 'Mr.', 'Mrs.', 'Ms.', 'Adv.', 'Amb.', 'Ambassador', 'Rabbi', 'Hon.'],
  ...['Gen.', 'Brig.', 'Maj.', 'Lt.', 'Col.', 'Adm.', 'Rear', 'Vice', 'Capt.', 'Cmdr.', '(res.)', '(ret.)'],
  ...['ד״ר', 'ד"ר', 'פרופ׳', "פרופ'", 'פרופסור', 'עו״ד', 'עו"ד', 'הרב', 'שגריר', 'מר', 'גב׳', "גב'"],
  ...['אלוף', 'תא״ל', 'תא"ל', 'אל״ם', 'אל"ם', 'סא״ל', 'סא"ל', 'רס״ן', 'רס"ן', 'רא״ל', 'רא"ל'],
  ...['(במיל׳)', "(במיל')", '(מיל׳)', "(מיל')", '(בדימוס)'],
]);

/** A display name split into its leading titles and the name proper. */
export interface SplitName {
  /** "Brig. Gen. (res.)", or '' when the name carries no title. */
  honorific: string;
  name: string;
}

/** Splits leading titles off a display name; a name made only of titles is kept whole. */
export function splitHonorific(displayName: string): SplitName {
  const words = displayName.trim().split(/\s+/);
  let titles = 0;
  while (titles < words.length - 1 && HONORIFICS.has(words[titles] ?? '')) titles++;
  return { honorific: words.slice(0, titles).join(' '), name: words.slice(titles).join(' ') };
}
