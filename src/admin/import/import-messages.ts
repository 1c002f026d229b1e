/** What the import tells staff, in English and Hebrew. */
import type { ImportNote } from './html-to-rich-doc.js';

export type Params = Record<string, string | number>;
export type Message = (p: Params) => string;

export const s = (p: Params, key: string) => String(p[key] ?? '');
export const count = (p: Params) => Number(p.count ?? 1);
export const times = (p: Params, lang: 'en' | 'he') => {
  const n = count(p);
  if (n <= 1) return '';
  return lang === 'en' ? ` (${n} times)` : ` (${n} פעמים)`;
};
export const detail = (p: Params) => (p.detail ? ` (${s(p, 'detail')})` : '');

export const formatNames: Record<string, { en: string; he: string }> = {
  underline: { en: 'underline', he: 'קו תחתון' },
  strikethrough: { en: 'strikethrough', he: 'קו חוצה' },
  superscript: { en: 'superscript', he: 'כתב עילי' },
  subscript: { en: 'subscript', he: 'כתב תחתי' },
};

export const messages: Record<string, { en: Message; he: Message }> = {
  // Files that cannot be imported at all
  'not-a-docx': {
    en: (p) =>
      p.reason === 'no-document'
        ? 'This file is a ZIP archive but not a Word document: it has no word/document.xml. Save the document from Word as “Word Document (.docx)” and import that file.'
        : 'This file is not a Word document (.docx). Save the document from Word as “Word Document (.docx)” and import that file.',
    he: (p) =>
      p.reason === 'no-document'
        ? 'הקובץ הוא ארכיון ZIP אבל לא מסמך Word: אין בו word/document.xml. יש לשמור את המסמך ב-Word בתור "מסמך Word" (docx) ולייבא את הקובץ הזה.'
        : 'הקובץ אינו מסמך Word מסוג docx. יש לשמור את המסמך ב-Word בתור "מסמך Word" (docx) ולייבא את הקובץ הזה.',
  },
  'legacy-doc': {
    en: () =>
      'This is an older Word file (.doc) or a password-protected document, which cannot be imported. Open it in Word, remove any password, save it as “Word Document (.docx)” and import that file.',
    he: () =>
      'זהו קובץ Word ישן (doc) או מסמך מוגן בסיסמה, ולכן אי אפשר לייבא אותו. יש לפתוח אותו ב-Word, להסיר את הסיסמה אם יש, לשמור אותו בתור "מסמך Word" (docx) ולייבא את הקובץ הזה.',
  },
  'too-large': {
    en: (p) =>
      p.reason === 'entries'
        ? `This document has too many internal parts${p.limit ? ` (more than ${s(p, 'limit')})` : ''} to be imported safely.`
        : p.reason === 'file'
          ? `This file is too large to import${p.limit ? ` (the limit is ${s(p, 'limit')})` : ''}.`
          : `This document is too large to import${p.limit ? `: unpacked, it would take more than ${s(p, 'limit')}` : ''}. Large pictures are the usual cause; compress them in Word (Picture Format → Compress Pictures) and try again.`,
    he: (p) =>
      p.reason === 'entries'
        ? `במסמך יש יותר מדי חלקים פנימיים${p.limit ? ` (יותר מ-${s(p, 'limit')})` : ''}, ולכן אי אפשר לייבא אותו בבטחה.`
        : p.reason === 'file'
          ? `הקובץ גדול מכדי לייבא אותו${p.limit ? ` (המגבלה היא ${s(p, 'limit')})` : ''}.`
          : `המסמך גדול מכדי לייבא אותו${p.limit ? `: לאחר פריסה הוא תופס יותר מ-${s(p, 'limit')}` : ''}. בדרך כלל הסיבה היא תמונות גדולות; אפשר לדחוס אותן ב-Word (עיצוב תמונה ← דחיסת תמונות) ולנסות שוב.`,
  },
  corrupt: {
    en: (p) =>
      `This file is damaged and cannot be read${detail(p)}. Open it in Word, save it again as .docx and import the new file.`,
    he: (p) =>
      `הקובץ פגום ואי אפשר לקרוא אותו${detail(p)}. יש לפתוח אותו ב-Word, לשמור אותו שוב כ-docx ולייבא את הקובץ החדש.`,
  },

  // Things left out of an imported document
  'link-dropped': {
    en: (p) =>
      `A link to “${s(p, 'href')}” was removed: only web (http, https) and email links are allowed. Its text was kept.${times(p, 'en')}`,
    he: (p) =>
      `קישור אל "${s(p, 'href')}" הוסר: מותרים רק קישורי אינטרנט (http,‏ https) וקישורי דואר אלקטרוני. הטקסט שלו נשמר.${times(p, 'he')}`,
  },
  'internal-link-dropped': {
    en: (p) =>
      count(p) > 1
        ? `${count(p)} links to places inside the document (a table of contents or cross-references) were removed; their text was kept.`
        : 'A link to a place inside the document (a table of contents entry or cross-reference) was removed; its text was kept.',
    he: (p) =>
      count(p) > 1
        ? `${count(p)} קישורים למקומות בתוך המסמך (תוכן עניינים או הפניות) הוסרו; הטקסט שלהם נשמר.`
        : 'קישור למקום בתוך המסמך (בתוכן עניינים או בהפניה) הוסר; הטקסט שלו נשמר.',
  },
  'image-no-alt': {
    en: (p) => `Image ${s(p, 'image')} has no alt text — add it before saving.`,
    he: (p) => `לתמונה ${s(p, 'image')} אין טקסט חלופי — יש להוסיף אותו לפני השמירה.`,
  },
  'image-alt-generated': {
    en: (p) => `The alt text of image ${s(p, 'image')} was written automatically by Word — check it before saving.`,
    he: (p) => `הטקסט החלופי של תמונה ${s(p, 'image')} נוצר אוטומטית ב-Word — יש לבדוק אותו לפני השמירה.`,
  },
  'image-linked': {
    en: (p) =>
      `Image ${s(p, 'image')} is linked to an outside file (“${s(p, 'target')}”) instead of being inside the document, so it was left out. Insert the picture into the document in Word and import again, or add it here by hand.`,
    he: (p) =>
      `תמונה ${s(p, 'image')} מקושרת לקובץ חיצוני ("${s(p, 'target')}") ואינה שמורה בתוך המסמך, ולכן לא יובאה. יש להכניס את התמונה למסמך ב-Word ולייבא שוב, או להוסיף אותה כאן ידנית.`,
  },
  'image-unsupported': {
    en: (p) =>
      `Image ${s(p, 'image')} is in a format the site cannot show (${s(p, 'type')}), so it was left out. Save it as PNG or JPEG and add it by hand.`,
    he: (p) =>
      `תמונה ${s(p, 'image')} שמורה בפורמט שהאתר אינו יכול להציג (${s(p, 'type')}), ולכן לא יובאה. יש לשמור אותה כ-PNG או כ-JPEG ולהוסיף אותה ידנית.`,
  },
  'image-unreadable': {
    en: (p) => `Image ${s(p, 'image')} could not be read from the document, so it was left out.`,
    he: (p) => `לא ניתן היה לקרוא את תמונה ${s(p, 'image')} מתוך המסמך, ולכן היא לא יובאה.`,
  },
  'image-not-saved': {
    en: (p) => `Image ${s(p, 'image')} could not be saved, so it was left out: ${s(p, 'reason')}`,
    he: (p) =>
      `לא ניתן היה לשמור את תמונה ${s(p, 'image')}, ולכן היא לא יובאה: ${s(p, p.reasonHe ? 'reasonHe' : 'reason')}`,
  },
  'image-link-dropped': {
    en: (p) => `The link on image ${s(p, 'image')} (“${s(p, 'href')}”) was removed; the image was kept.`,
    he: (p) => `הקישור שהיה על תמונה ${s(p, 'image')} ("${s(p, 'href')}") הוסר; התמונה עצמה נשמרה.`,
  },
  'note-image-dropped': {
    en: (p) => `A picture inside a footnote was left out; footnotes keep only their text.${times(p, 'en')}`,
    he: (p) => `תמונה שהייתה בתוך הערת שוליים לא יובאה; בהערות השוליים נשמר רק הטקסט.${times(p, 'he')}`,
  },
  'title-footnote-dropped': {
    en: (p) =>
      `The footnote on the document title was removed: “${s(p, 'content')}”. Add it to the text if it is needed.`,
    he: (p) => `הערת השוליים שהייתה על כותרת המסמך הוסרה: "${s(p, 'content')}". אם צריך, יש להוסיף אותה לגוף הטקסט.`,
  },
  'caption-footnote-dropped': {
    en: (p) => `A footnote on a picture caption was removed: “${s(p, 'content')}”.`,
    he: (p) => `הערת שוליים שהייתה על כיתוב של תמונה הוסרה: "${s(p, 'content')}".`,
  },
  'formatting-dropped': {
    en: (p) =>
      `${capitalise(formatNames[s(p, 'format')]?.en ?? s(p, 'format'))} formatting is not available and was removed; the text was kept.${times(p, 'en')}`,
    he: (p) =>
      `העיצוב "${formatNames[s(p, 'format')]?.he ?? s(p, 'format')}" אינו זמין והוסר; הטקסט נשמר.${times(p, 'he')}`,
  },
  'heading-flattened': {
    en: (p) =>
      `The site has three heading levels; ${count(p) > 1 ? `${count(p)} deeper headings were` : 'a deeper heading was'} imported at the lowest level.`,
    he: (p) =>
      `באתר יש שלוש רמות כותרת; ${count(p) > 1 ? `${count(p)} כותרות עמוקות יותר יובאו` : 'כותרת עמוקה יותר יובאה'} ברמה הנמוכה ביותר.`,
  },
  'comments-dropped': {
    en: (p) => (count(p) > 1 ? `${count(p)} Word comments were not imported.` : 'A Word comment was not imported.'),
    he: (p) =>
      count(p) > 1 ? `${count(p)} הערות עריכה (Comments) של Word לא יובאו.` : 'הערת עריכה (Comment) של Word לא יובאה.',
  },
  'tracked-changes-accepted': {
    en: () =>
      'The document has tracked changes. They were imported as if all were accepted (insertions kept, deletions removed); check the text.',
    he: () => 'במסמך יש שינויים במעקב. הם יובאו כאילו כולם התקבלו (תוספות נשמרו, מחיקות הוסרו); כדאי לבדוק את הטקסט.',
  },
  'text-box-moved': {
    en: (p) =>
      `The text of ${count(p) > 1 ? `${count(p)} text boxes was` : 'a text box was'} imported as ordinary paragraphs, after the paragraph the box was anchored to.`,
    he: (p) =>
      `הטקסט של ${count(p) > 1 ? `${count(p)} תיבות טקסט יובא` : 'תיבת טקסט יובא'} כפסקאות רגילות, אחרי הפסקה שאליה התיבה הייתה מעוגנת.`,
  },
  'text-box-dropped': {
    en: (p) => `A text box could not be read and was left out.${times(p, 'en')}`,
    he: (p) => `לא ניתן היה לקרוא תיבת טקסט, והיא לא יובאה.${times(p, 'he')}`,
  },
  'chart-dropped': {
    en: (p) => `A chart was left out; add it as a picture.${times(p, 'en')}`,
    he: (p) => `תרשים לא יובא; אפשר להוסיף אותו כתמונה.${times(p, 'he')}`,
  },
  'diagram-dropped': {
    en: (p) => `A SmartArt diagram was left out; add it as a picture.${times(p, 'en')}`,
    he: (p) => `גרפיקת SmartArt לא יובאה; אפשר להוסיף אותה כתמונה.${times(p, 'he')}`,
  },
  'shape-dropped': {
    en: (p) => `A drawing or shape was left out.${times(p, 'en')}`,
    he: (p) => `ציור או צורה לא יובאו.${times(p, 'he')}`,
  },
  'equation-dropped': {
    en: (p) => `An equation was left out; add it as a picture or as text.${times(p, 'en')}`,
    he: (p) => `משוואה לא יובאה; אפשר להוסיף אותה כתמונה או כטקסט.${times(p, 'he')}`,
  },
  'element-dropped': {
    en: (p) => `Word content of a kind the import does not handle (${s(p, 'element')}) was left out.${times(p, 'en')}`,
    he: (p) => `תוכן Word מסוג שהייבוא אינו מטפל בו (${s(p, 'element')}) לא יובא.${times(p, 'he')}`,
  },
  'style-not-kept': {
    en: (p) =>
      `The Word style “${s(p, 'style')}” has no equivalent here; its text was imported with ordinary formatting.${times(p, 'en')}`,
    he: (p) => `לסגנון ה-Word "${s(p, 'style')}" אין מקבילה כאן; הטקסט שלו יובא בעיצוב רגיל.${times(p, 'he')}`,
  },
  'converter-warning': {
    en: (p) => `Conversion warning: ${s(p, 'message')}${times(p, 'en')}`,
    he: (p) => `אזהרה בהמרת המסמך: ${s(p, 'message')}${times(p, 'he')}`,
  },
  'converter-error': {
    en: (p) => `Part of the document could not be converted: ${s(p, 'message')}${times(p, 'en')}`,
    he: (p) => `חלק מהמסמך לא הומר: ${s(p, 'message')}${times(p, 'he')}`,
  },
};

/** Every code `importNoteMessage` knows (report notes and DocxImportError codes). */
export const IMPORT_NOTE_CODES: readonly string[] = Object.keys(messages);

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A clear sentence for a report note or a DocxImportError, in English or Hebrew. */
export function importNoteMessage(note: ImportNote, lang: 'en' | 'he'): string {
  const message = messages[note.code];
  const params = note.params ?? {};
  if (message) return message[lang](params);
  const extra = Object.entries(params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return `${note.code}${extra ? ` (${extra})` : ''}`;
}
