/**
 * The demo institute's media section: a "Press releases" publication type with three
 * releases in English and Hebrew, four "in the media" mentions and two videos whose poster
 * images are drawn here with sharp. Outlets and their addresses are fictional (`.example`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Transaction } from 'kysely';
import sharp from 'sharp';
import type { ContentService } from '../content/content-service.js';
import type { Db } from '../db/create-db.js';
import type { Database, Lang, VideoProvider } from '../db/schema.js';
import { PRESS_RELEASE_TYPE } from '../press/press-release-type.js';
import { blocksToRichText } from './blocks-to-rich-text.js';
import type { Bilingual, DemoLanguageVersion } from './demo/demo-types.js';

interface DemoPressRelease {
  key: string;
  date: string;
  /** Person slugs: the researchers the release is about, shown as its byline. */
  people: string[];
  /** English topic slugs. */
  topics: string[];
  en: DemoLanguageVersion;
  he: DemoLanguageVersion;
}

interface DemoMention {
  outlet: string;
  headline: string;
  url: string;
  lang: Lang;
  date: string;
  people: string[];
}

interface DemoVideo {
  key: string;
  provider: Exclude<VideoProvider, 'file'>;
  externalId: string;
  recordedOn: string;
  title: Bilingual;
  description: Bilingual;
  posterAlt: Bilingual;
  /** Two colours for the poster's gradient. */
  colours: [string, string];
}

const PRESS_CONTACT = {
  en: 'Media enquiries: the Communications Office, press@meridian-institute.example, +972-3-555-0150.',
  he: 'לפניות תקשורת: מחלקת התקשורת של המכון, press@meridian-institute.example, 03-555-0150.',
};

const pressReleases: DemoPressRelease[] = [
  {
    key: 'pr-resilience-survey-2025',
    date: '2025-06-03',
    people: ['noa-friedman'],
    topics: ['public-opinion'],
    en: {
      title: 'Meridian Institute Publishes the Spring Round of Its National Resilience Survey',
      slug: 'national-resilience-survey-spring-round-published',
      summary:
        'The spring round, fielded in May among a representative sample of adults in Israel, tracks trust in state institutions, expectations about security and readiness for emergencies.',
      body: [
        'The Meridian Institute for Security Studies today published the spring round of its National Resilience Survey. The survey has been conducted twice a year since 2019 and asks the same core questions each time, so that changes in public mood can be followed over years rather than weeks.',
        'This round was fielded online and by telephone during the second half of May among a representative sample of the adult population, in Hebrew and in Arabic. Its questions cover trust in the IDF, the police, the government and local authorities; expectations about the security situation in the coming year; and how prepared households feel for a prolonged emergency.',
        'The full results, with the questionnaire, the sampling method and the margins of error, are available on the institute’s website. Noa Friedman, who leads the survey, is available for interviews in Hebrew and English.',
        PRESS_CONTACT.en,
      ],
    },
    he: {
      title: 'מכון מרידיאן מפרסם את סבב האביב של סקר החוסן הלאומי',
      slug: 'סבב-האביב-של-סקר-החוסן-הלאומי',
      summary:
        'סבב האביב, שנערך במאי בקרב מדגם מייצג של האוכלוסייה הבוגרת בישראל, עוקב אחר האמון במוסדות המדינה, הציפיות בתחום הביטחון והמוכנות לשעת חירום.',
      body: [
        'מכון מרידיאן למחקרי ביטחון פרסם היום את סבב האביב של סקר החוסן הלאומי. הסקר נערך פעמיים בשנה מאז 2019, ובכל סבב נשאלות אותן שאלות ליבה, כך שאפשר לעקוב אחר השינויים במצב הרוח הציבורי לאורך שנים ולא רק לאורך שבועות.',
        'הסבב הנוכחי נערך ברשת ובטלפון במחצית השנייה של מאי, בקרב מדגם מייצג של האוכלוסייה הבוגרת, בעברית ובערבית. השאלות עוסקות באמון בצה״ל, במשטרה, בממשלה ובשלטון המקומי; בציפיות לגבי המצב הביטחוני בשנה הקרובה; ובתחושת המוכנות של משקי הבית לשעת חירום ממושכת.',
        'התוצאות המלאות, לצד השאלון, שיטת הדגימה וטעויות הדגימה, זמינות באתר המכון. נועה פרידמן, האחראית על הסקר, זמינה לראיונות בעברית ובאנגלית.',
        PRESS_CONTACT.he,
      ],
    },
  },
  {
    key: 'pr-iran-conference-2026',
    date: '2026-02-17',
    people: ['dana-levin'],
    topics: ['iran'],
    en: {
      title: 'Annual Conference on Iran to Convene in Tel Aviv on 10 March',
      slug: 'annual-iran-conference-tel-aviv-10-march',
      summary:
        'Researchers, former officials and journalists will discuss Iran’s nuclear programme and regional policy after the expiry of the UN snapback mechanism.',
      body: [
        'The Meridian Institute’s annual conference on Iran will take place on Tuesday, 10 March 2026, at Meridian House in Tel Aviv. This year’s conference is devoted to the period that began when the UN snapback mechanism expired in October 2025, and to what it has changed in the diplomacy around Iran’s nuclear programme.',
        'Three panels will examine the state of the programme and of international monitoring, Iran’s relations with its remaining regional partners, and the choices facing Israel and the United States. Dr. Dana Levin, head of the institute’s Iran programme, will open the conference and chair the first panel.',
        'The conference will be held in Hebrew and English with simultaneous interpretation, and will be recorded; the recordings will be published in the institute’s video gallery. Journalists are asked to register in advance with the Communications Office.',
        PRESS_CONTACT.en,
      ],
    },
    he: {
      title: 'הכנס השנתי על איראן יתקיים בתל אביב ב־10 במרץ',
      slug: 'הכנס-השנתי-על-איראן-10-במרץ',
      summary:
        'חוקרים, בעלי תפקידים לשעבר ועיתונאים ידונו בתוכנית הגרעין של איראן ובמדיניותה האזורית לאחר פקיעת מנגנון הסנאפבק של האו״ם.',
      body: [
        'הכנס השנתי של מכון מרידיאן על איראן יתקיים ביום שלישי, 10 במרץ 2026, בבית מרידיאן בתל אביב. הכנס השנה יוקדש לתקופה שהחלה עם פקיעת מנגנון הסנאפבק של האו״ם באוקטובר 2025, ולשאלה מה השתנה מאז בדיפלומטיה סביב תוכנית הגרעין האיראנית.',
        'שלושה מושבים יבחנו את מצב התוכנית ואת הפיקוח הבינלאומי עליה, את היחסים של איראן עם השותפות שנותרו לה באזור, ואת ההכרעות העומדות בפני ישראל וארצות הברית. ד״ר דנה לוין, ראש התוכנית לחקר איראן במכון, תפתח את הכנס ותנחה את המושב הראשון.',
        'הכנס יתנהל בעברית ובאנגלית עם תרגום סימולטני, והוא יוקלט; ההקלטות יפורסמו בגלריית הווידאו של המכון. עיתונאים מתבקשים להירשם מראש במחלקת התקשורת.',
        PRESS_CONTACT.he,
      ],
    },
  },
  {
    key: 'pr-ai-security-programme',
    date: '2026-09-08',
    people: ['talia-ben-ami'],
    topics: ['emerging-tech', 'cyber'],
    en: {
      title: 'Meridian Institute Launches a Research Programme on Artificial Intelligence and National Security',
      slug: 'programme-on-artificial-intelligence-and-national-security',
      summary:
        'The three-year programme will study the military uses of artificial intelligence, the protection of critical infrastructure and the regulation of dual-use technologies.',
      body: [
        'The Meridian Institute for Security Studies today announced a three-year research programme on artificial intelligence and national security, led by Dr. Talia Ben-Ami, head of the institute’s Technology and Security programme.',
        'The programme has three strands: how armed forces in the region are adopting artificial intelligence, and with what safeguards; how operators of water, power and communications networks can defend them against automated attacks; and how democracies can regulate dual-use technologies without driving research abroad.',
        'The programme will publish short analyses throughout the year, an annual policy paper in Hebrew and English, and the proceedings of a closed workshop for officials and industry. Its first publications are expected before the end of the year.',
        PRESS_CONTACT.en,
      ],
    },
    he: {
      title: 'מכון מרידיאן משיק תוכנית מחקר בנושא בינה מלאכותית וביטחון לאומי',
      slug: 'תוכנית-מחקר-בינה-מלאכותית-וביטחון-לאומי',
      summary:
        'התוכנית, שתימשך שלוש שנים, תחקור את השימושים הצבאיים בבינה מלאכותית, את ההגנה על תשתיות קריטיות ואת ההסדרה של טכנולוגיות דו־שימושיות.',
      body: [
        'מכון מרידיאן למחקרי ביטחון הודיע היום על תוכנית מחקר תלת־שנתית בנושא בינה מלאכותית וביטחון לאומי, בהובלת ד״ר טליה בן־עמי, ראש התוכנית לטכנולוגיה וביטחון במכון.',
        'לתוכנית שלושה נדבכים: כיצד צבאות באזור מאמצים בינה מלאכותית, ובאילו אמצעי זהירות; כיצד מפעילי רשתות המים, החשמל והתקשורת יכולים להתגונן מפני מתקפות אוטומטיות; וכיצד דמוקרטיות יכולות להסדיר טכנולוגיות דו־שימושיות בלי לדחוק את המחקר אל מחוץ לגבולותיהן.',
        'במסגרת התוכנית יתפרסמו לאורך השנה ניתוחים קצרים, נייר מדיניות שנתי בעברית ובאנגלית וסיכום של סדנה סגורה לבעלי תפקידים ולאנשי תעשייה. הפרסומים הראשונים צפויים לראות אור עד סוף השנה.',
        PRESS_CONTACT.he,
      ],
    },
  },
];

const mentions: DemoMention[] = [
  {
    outlet: 'The Levant Ledger',
    headline: 'What Tehran’s new enrichment figures tell us, and what they do not',
    url: 'https://www.levant-ledger.example/analysis/tehran-enrichment-figures',
    lang: 'en',
    date: '2026-11-18',
    people: ['dana-levin'],
  },
  {
    outlet: 'רדיו קול המישור',
    headline: 'משרתי המילואים שחוקים: מה צריך לשנות בחוק שירות המילואים',
    url: 'https://www.kol-hamishor.example/programmes/reserve-duty-law',
    lang: 'he',
    date: '2026-10-02',
    people: ['gideon-tal'],
  },
  {
    outlet: 'Gulf Business Weekly',
    headline: 'Why Gulf investors are watching Israel’s defence budget',
    url: 'https://gulf-business-weekly.example/2026/08/israel-defence-budget-investors',
    lang: 'en',
    date: '2026-08-14',
    people: ['ron-avidan', 'shira-navon'],
  },
  {
    outlet: 'עיתון השפלה',
    headline: 'סקר: רוב הציבור תומך בהגדלת ההשקעה בהגנה מפני מתקפות סייבר',
    url: 'https://www.iton-hashfela.example/news/cyber-defence-survey',
    lang: 'he',
    date: '2026-05-20',
    people: ['talia-ben-ami', 'noa-friedman'],
  },
];

const videos: DemoVideo[] = [
  {
    key: 'iran-after-snapback',
    provider: 'youtube',
    externalId: 'Qm3vT8xLw2A',
    recordedOn: '2026-09-24',
    title: {
      en: 'Iran after the snapback: a conversation with Dr. Dana Levin',
      he: 'איראן אחרי הסנאפבק: שיחה עם ד״ר דנה לוין',
    },
    description: {
      en: 'A year after the UN snapback mechanism expired, Dr. Dana Levin discusses where Iran’s nuclear programme stands, what inspectors can still see, and which choices lie ahead for Israel.',
      he: 'שנה לאחר פקיעת מנגנון הסנאפבק של האו״ם, ד״ר דנה לוין מסבירה היכן עומדת תוכנית הגרעין של איראן, מה עוד יכולים הפקחים לראות, ואילו הכרעות עומדות בפני ישראל.',
    },
    posterAlt: {
      en: 'Title card of the conversation on Iran after the snapback, in deep blue',
      he: 'כרטיס הפתיחה של השיחה על איראן אחרי הסנאפבק, בגוני כחול כהה',
    },
    colours: ['#0b4f7c', '#102a43'],
  },
  {
    key: 'resilience-panel-2026',
    provider: 'vimeo',
    externalId: '918273645',
    recordedOn: '2026-03-10',
    title: {
      en: 'Annual Conference 2026: the panel on national resilience',
      he: 'הכנס השנתי 2026: המושב על חוסן לאומי',
    },
    description: {
      en: 'Researchers from the institute discuss what two years of the National Resilience Survey show about trust in institutions and readiness for emergencies.',
      he: 'חוקרי המכון דנים במה שמלמדות שנתיים של סקר החוסן הלאומי על האמון במוסדות ועל המוכנות לשעת חירום.',
    },
    posterAlt: {
      en: 'Title card of the national resilience panel, in green and teal',
      he: 'כרטיס הפתיחה של המושב על חוסן לאומי, בגוני ירוק וטורקיז',
    },
    colours: ['#1f6f5c', '#0f3d3e'],
  },
];

const POSTER_WIDTH = 960;
const POSTER_HEIGHT = 540;

/** A 16:9 title card (a gradient and two soft circles) as a JPEG; the page draws its own play button. */
function drawPoster([from, to]: [string, string]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="760" cy="120" r="220" fill="#ffffff" fill-opacity="0.08"/>
    <circle cx="180" cy="470" r="160" fill="#ffffff" fill-opacity="0.06"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}

/** Person ids by slug and topic ids by English slug, for linking demo records. */
async function personIds(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('people').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function topicIds(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('topics').select(['id', 'slug_en']).execute();
  return new Map(rows.map((r) => [r.slug_en, r.id]));
}

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo media names unknown ${what} "${key}"`);
  return id;
}

async function insertPressReleaseType(trx: Transaction<Database>): Promise<number> {
  const { last } = await trx
    .selectFrom('publication_types')
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto('publication_types')
    .values({
      slug: PRESS_RELEASE_TYPE,
      name_en: 'Press Release',
      name_he: 'הודעה לעיתונות',
      plural_en: 'Press Releases',
      plural_he: 'הודעות לעיתונות',
      numbered: 0,
      has_volumes: 0,
      has_pdf: 0,
      position: Number(last ?? -1) + 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function insertPressReleases(trx: Transaction<Database>, content: ContentService, typeId: number) {
  const people = await personIds(trx);
  const topics = await topicIds(trx);
  for (const release of pressReleases) {
    for (const lang of ['en', 'he'] as const) {
      const version = release[lang];
      await content.insertPublication(trx, {
        typeId,
        lang,
        translationGroup: release.key,
        title: version.title,
        slug: version.slug,
        summary: version.summary,
        body: blocksToRichText(version.body),
        status: 'published',
        publishedAt: new Date(`${release.date}T10:00:00+02:00`).toISOString(),
        authorIds: release.people.map((slug) => need(people, slug, 'person')),
        topicIds: release.topics.map((slug) => need(topics, slug, 'topic')),
      });
    }
  }
}

async function insertMentions(trx: Transaction<Database>) {
  const people = await personIds(trx);
  const now = new Date().toISOString();
  for (const m of mentions) {
    const { id } = await trx
      .insertInto('media_mentions')
      .values({
        outlet: m.outlet,
        headline: m.headline,
        url: m.url,
        lang: m.lang,
        appeared_on: m.date,
        status: 'published',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('mention_people')
      .values(m.people.map((slug, position) => ({ mention_id: id, person_id: need(people, slug, 'person'), position })))
      .execute();
  }
}

/** Writes a poster under DATA_DIR/media and records it in the library with its alt text. */
async function insertPoster(trx: Transaction<Database>, mediaDir: string, video: DemoVideo, data: Buffer) {
  const path = `demo/video-${video.key}.jpg`;
  const file = join(mediaDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  const { id } = await trx
    .insertInto('media')
    .values({
      kind: 'image',
      path,
      mime: 'image/jpeg',
      bytes: data.length,
      width: POSTER_WIDTH,
      height: POSTER_HEIGHT,
      duration_seconds: null,
      alt_en: video.posterAlt.en,
      alt_he: video.posterAlt.he,
      created_at: new Date().toISOString(),
      original_name: `video-${video.key}.jpg`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function insertVideos(trx: Transaction<Database>, mediaDir: string, posters: Buffer[]) {
  for (const [i, video] of videos.entries()) {
    const posterId = await insertPoster(trx, mediaDir, video, posters[i]!);
    await trx
      .insertInto('videos')
      .values({
        title_en: video.title.en,
        title_he: video.title.he,
        description_en: video.description.en,
        description_he: video.description.he,
        provider: video.provider,
        external_id: video.externalId,
        video_media_id: null,
        poster_media_id: posterId,
        recorded_on: video.recordedOn,
        status: 'published',
        created_at: new Date().toISOString(),
      })
      .execute();
  }
}

/**
 * Seeds the media section after the rest of the demo, whose people and topics it links to.
 * Press releases are indexed for search as they are inserted; the caller's contentChanged()
 * then loads the new type into the catalog.
 */
export async function seedDemoMedia(db: Db, content: ContentService, mediaDir: string): Promise<void> {
  // Drawn before the transaction: no database work waits on image encoding.
  const posters = await Promise.all(videos.map((v) => drawPoster(v.colours)));
  await db.kysely.transaction().execute(async (trx) => {
    const typeId = await insertPressReleaseType(trx);
    await insertPressReleases(trx, content, typeId);
    await insertMentions(trx);
    await insertVideos(trx, mediaDir, posters);
  });
}
