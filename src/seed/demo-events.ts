import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { renderRichText } from '../content/rich-text.js';
import type { Db } from '../db/create-db.js';
import { LANGUAGES, type Database, type Event, type Lang } from '../db/schema.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../editorial/local-time.js';
import { blocksToRichText } from './blocks-to-rich-text.js';
import type { DemoBlock } from './demo/demo-types.js';

/*
 * Four demo events of the Meridian Institute, written for Dossier. Their dates are counted
 * from the day the demo is seeded, so upcoming events stay upcoming. People, topics and
 * publications are named by their demo keys.
 */

const ZONE = 'Asia/Jerusalem';
type Bilingual = Record<Lang, string>;

interface DemoEvent {
  title: Bilingual;
  slug: Bilingual;
  summary: Bilingual;
  body: Record<Lang, DemoBlock[]>;
  venue: Bilingual;
  heldIn: Event['held_in'];
  /** Days from today (negative: in the past), and local start and end times in ZONE. */
  day: number;
  from: string;
  to: string;
  onlineUrl?: string;
  capacity: number | null;
  registrationOpen: boolean;
  speakers: string[];
  topics: string[];
  /** Translation groups of demo publications. */
  publications: string[];
  /** A demo audio file (its path under the media folder) offered as the recording. */
  recording?: string;
  registrations?: { name: string; email: string; organisation: string; lang: Lang }[];
}

const MERIDIAN_HOUSE: Bilingual = {
  en: 'Meridian House, 14 Ha-Shaked Street, Tel Aviv-Yafo',
  he: 'בית מרידיאן, רחוב השקד 14, תל אביב-יפו',
};

const demoEvents: DemoEvent[] = [
  {
    title: {
      en: 'Annual Security Conference: Iran, the Gulf and the Great Powers',
      he: 'כנס הביטחון השנתי: איראן, המפרץ והמעצמות',
    },
    slug: { en: 'annual-security-conference', he: 'כנס-הביטחון-השנתי' },
    summary: {
      en: 'A day of panels on Iran’s nuclear and missile programmes, the Gulf states’ choices, and what Washington, Moscow and Beijing want from the region.',
      he: 'יום של פאנלים על תוכניות הגרעין והטילים של איראן, על הבחירות שעומדות בפני מדינות המפרץ ועל מה שוושינגטון, מוסקבה ובייג׳ינג מבקשות באזור.',
    },
    body: {
      en: [
        'Our yearly conference brings researchers, former officials and diplomats together for a full day of discussion. This year it asks how far the balance in the Gulf has shifted, and who is shifting it.',
        { h2: 'Programme' },
        {
          list: [
            'Morning: Iran between enrichment and negotiation',
            'Midday: The Gulf states, normalisation and hedging',
            'Afternoon: The great powers and the regional order',
          ],
        },
        'Sessions are held in English and Hebrew with simultaneous interpretation. Places are limited; please register.',
      ],
      he: [
        'הכנס השנתי שלנו מפגיש חוקרים, בעלי תפקידים לשעבר ודיפלומטים ליום שלם של דיונים. השנה נבחן עד כמה השתנה המאזן במפרץ, ומי מניע את השינוי.',
        { h2: 'התוכנית' },
        {
          list: [
            'בוקר: איראן בין העשרה למשא ומתן',
            'צהריים: מדינות המפרץ, נורמליזציה וגידור סיכונים',
            'אחר הצהריים: המעצמות והסדר האזורי',
          ],
        },
        'המושבים מתקיימים באנגלית ובעברית עם תרגום סימולטני. מספר המקומות מוגבל, ולכן יש להירשם מראש.',
      ],
    },
    venue: MERIDIAN_HOUSE,
    heldIn: 'both',
    day: 32,
    from: '09:00',
    to: '17:30',
    capacity: 120,
    registrationOpen: true,
    speakers: ['dana-levin', 'shira-navon', 'eitan-shapiro', 'yoav-carmeli'],
    topics: ['iran', 'gulf-states', 'powers'],
    publications: ['p1-iran-enrichment-talks', 'p2-iran-missile-deterrence', 'p2-saudi-normalisation'],
  },
  {
    title: {
      en: 'Online Briefing: Cheap Drones, Costly Interceptors',
      he: 'תדריך מקוון: רחפנים זולים, מיירטים יקרים',
    },
    slug: { en: 'online-briefing-drones-and-interceptors', he: 'תדריך-מקוון-רחפנים-ומיירטים' },
    summary: {
      en: 'A one-hour briefing for journalists and policy staff on the cost gap between attack drones and the systems that stop them.',
      he: 'תדריך בן שעה לעיתונאים ולאנשי מדיניות על פער העלויות בין רחפני תקיפה לבין המערכות שמיירטות אותם.',
    },
    body: {
      en: [
        'Two of our researchers present the numbers behind air defence today: what an interception costs, how many can be made, and which cheaper answers are being tried.',
        'The briefing is held online in English. Questions can be sent in advance or asked during the last twenty minutes.',
      ],
      he: [
        'שניים מחוקרי המכון מציגים את המספרים שמאחורי ההגנה האווירית כיום: כמה עולה יירוט, כמה מיירטים אפשר לייצר ואילו פתרונות זולים יותר נבחנים.',
        'התדריך מתקיים באופן מקוון ובאנגלית. אפשר לשלוח שאלות מראש או לשאול בעשרים הדקות האחרונות.',
      ],
    },
    venue: { en: '', he: '' },
    heldIn: 'en',
    day: 9,
    from: '17:00',
    to: '18:00',
    onlineUrl: 'https://meet.meridian-institute.example/briefing-drones',
    capacity: null,
    registrationOpen: true,
    speakers: ['talia-ben-ami', 'ron-avidan'],
    topics: ['emerging-tech', 'economy-security'],
    publications: ['p2-drones-air-defence'],
  },
  {
    title: {
      en: 'Closed Roundtable: Reserve Duty and the Labour Market',
      he: 'שולחן עגול סגור: שירות המילואים ושוק העבודה',
    },
    slug: { en: 'roundtable-reserve-duty-labour-market', he: 'שולחן-עגול-מילואים-ושוק-העבודה' },
    summary: {
      en: 'A small, off-the-record discussion with employers and economists on how long reserve service affects workplaces and careers.',
      he: 'דיון מצומצם שלא לציטוט עם מעסיקים וכלכלנים על ההשפעה של שירות מילואים ממושך על מקומות עבודה ועל קריירות.',
    },
    body: {
      en: [
        'The roundtable follows our recent papers on the burden of reserve duty. It is held under the Chatham House Rule: what is said may be used, but not attributed.',
        'Seats are few and given in order of registration; later requests join the waiting list.',
      ],
      he: [
        'השולחן העגול ממשיך את הפרסומים האחרונים שלנו על נטל המילואים. הדיון מתקיים לפי כלל צ׳את׳ם האוס: מותר להשתמש במה שנאמר, אבל לא לייחס אותו לאומרו.',
        'מספר המקומות קטן, והם ניתנים לפי סדר ההרשמה; בקשות מאוחרות מצטרפות לרשימת ההמתנה.',
      ],
    },
    venue: {
      en: 'Meridian House, seminar room (third floor)',
      he: 'בית מרידיאן, חדר הסמינרים (קומה שלישית)',
    },
    heldIn: 'he',
    day: 18,
    from: '10:00',
    to: '12:00',
    capacity: 3,
    registrationOpen: true,
    speakers: ['ron-avidan', 'gideon-tal'],
    topics: ['civil-military', 'economy-security'],
    publications: ['p1-reserve-service-burden', 'p2-reserve-service-cost'],
    registrations: [
      { name: 'Avital Sharon', email: 'avital.sharon@example.org', organisation: 'Negev Employers Forum', lang: 'he' },
      { name: 'Omer Kedar', email: 'omer.kedar@example.org', organisation: '', lang: 'he' },
    ],
  },
  {
    title: {
      en: 'Lebanon After the Ceasefire: Can the State Take Over the South?',
      he: 'לבנון אחרי הפסקת האש: האם המדינה תשתלט על הדרום?',
    },
    slug: { en: 'lebanon-after-the-ceasefire', he: 'לבנון-אחרי-הפסקת-האש' },
    summary: {
      en: 'A panel on the Lebanese army’s deployment in the south, Hezbollah’s efforts to rebuild, and what both mean for Israel’s northern border.',
      he: 'פאנל על פריסת צבא לבנון בדרום, על מאמצי חיזבאללה להשתקם ועל המשמעות של שניהם לגבול הצפון של ישראל.',
    },
    body: {
      en: [
        'The panel weighed the Lebanese army’s capacity and will against Hezbollah’s hold on its communities, and discussed which outside support makes a difference.',
        'A recording of the discussion is available below.',
      ],
      he: [
        'הפאנל בחן את היכולת והנכונות של צבא לבנון מול האחיזה של חיזבאללה בקהילותיו, ודן בשאלה איזו תמיכה מבחוץ משנה את התמונה.',
        'הקלטה של הדיון זמינה כאן למטה.',
      ],
    },
    venue: MERIDIAN_HOUSE,
    heldIn: 'he',
    day: -40,
    from: '18:00',
    to: '19:30',
    capacity: 80,
    registrationOpen: false,
    speakers: ['miriam-haddad', 'yoav-carmeli'],
    topics: ['lebanon-hezbollah'],
    publications: ['p1-hezbollah-rebuilding', 'p2-lebanese-army-south'],
    recording: 'demo/p1-hezbollah-rebuilding-en.wav',
  },
];

/** `time` (HH:MM in ZONE) on the day `days` from now, as an ISO instant. */
function dayAt(days: number, time: string): string {
  const date = utcToZonedLocal(new Date(Date.now() + days * 86_400_000).toISOString(), ZONE).slice(0, 10);
  return zonedLocalToUtc(`${date}T${time}`, ZONE)!.toISOString();
}

/** Ids by key, failing loudly when the demo names something that does not exist. */
function need(map: Map<string, number>, keys: string[], what: string): number[] {
  return keys.map((key) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`Demo event names unknown ${what} "${key}"`);
    return id;
  });
}

async function lookups(db: Kysely<Database>) {
  const [people, topics, publications, media] = await Promise.all([
    db.selectFrom('people').select(['id', 'slug']).execute(),
    db.selectFrom('topics').select(['id', 'slug_en']).execute(),
    // Hebrew first, so the English version, when there is one, is the one kept for the work.
    db.selectFrom('publications').select(['id', 'translation_group']).orderBy('lang', 'desc').execute(),
    db.selectFrom('media').select(['id', 'path']).execute(),
  ]);
  return {
    people: new Map(people.map((p) => [p.slug, p.id])),
    topics: new Map(topics.map((t) => [t.slug_en, t.id])),
    publications: new Map(publications.map((p) => [p.translation_group, p.id])),
    media: new Map(media.map((m) => [m.path, m.id])),
  };
}

function bilingualColumns(e: DemoEvent) {
  const columns: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    const doc = blocksToRichText(e.body[lang]);
    columns[`title_${lang}`] = e.title[lang];
    columns[`slug_${lang}`] = e.slug[lang];
    columns[`summary_${lang}`] = e.summary[lang];
    columns[`body_json_${lang}`] = JSON.stringify(doc);
    columns[`body_html_${lang}`] = renderRichText(doc, lang);
    columns[`venue_${lang}`] = e.venue[lang];
  }
  return columns as Record<`${'title' | 'slug' | 'summary' | 'body_json' | 'body_html' | 'venue'}_${Lang}`, string>;
}

/** Adds the demo events (published), their speakers, topics, publications and a few registrations. */
export async function seedDemoEvents(db: Db): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const ids = await lookups(trx);
    const now = new Date().toISOString();
    for (const e of demoEvents) {
      const { id } = await trx
        .insertInto('events')
        .values({
          ...bilingualColumns(e),
          held_in: e.heldIn,
          starts_at: dayAt(e.day, e.from),
          ends_at: dayAt(e.day, e.to),
          time_zone: ZONE,
          online_url: e.onlineUrl ?? '',
          capacity: e.capacity,
          registration_open: e.registrationOpen ? 1 : 0,
          recording_media_id: e.recording ? need(ids.media, [e.recording], 'media file')[0] : null,
          status: 'published',
          uid: `${randomUUID()}@dossier`,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = <K extends string>(column: K, related: number[]) =>
        related.map(
          (value, position) =>
            ({ event_id: id, position, [column]: value }) as { event_id: number; position: number } & Record<K, number>,
        );
      await trx
        .insertInto('event_speakers')
        .values(rows('person_id', need(ids.people, e.speakers, 'person')))
        .execute();
      await trx
        .insertInto('event_topics')
        .values(rows('topic_id', need(ids.topics, e.topics, 'topic')))
        .execute();
      const publicationIds = need(ids.publications, e.publications, 'publication');
      await trx.insertInto('event_publications').values(rows('publication_id', publicationIds)).execute();
      for (const r of e.registrations ?? []) {
        const link_key = randomBytes(16).toString('base64url');
        await trx
          .insertInto('event_registrations')
          .values({ event_id: id, ...r, status: 'confirmed', link_key, created_at: now, updated_at: now })
          .execute();
      }
    }
  });
}
