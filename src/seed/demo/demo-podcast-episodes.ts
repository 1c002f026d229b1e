import type { Lang } from '../../db/schema.js';
import type { Bilingual, DemoBlock } from './demo-types.js';

/**
 * The demo institute's podcast: the show's texts and three episodes, written for Dossier
 * (two in English, one in Hebrew; each language is its own show in its own feed).
 */

export const demoShowDescription: Bilingual = {
  en: 'Conversations with Meridian researchers about the security questions behind the headlines: what is changing, why it matters, and what to watch next.',
  he: 'שיחות עם חוקרות וחוקרי מרידיאן על שאלות הביטחון שמאחורי הכותרות: מה משתנה, למה זה חשוב ועל מה כדאי לשים עין.',
};

export interface DemoEpisode {
  lang: Lang;
  slug: string;
  title: string;
  summary: string;
  notes: DemoBlock[];
  transcript: string;
  date: string;
  season: number;
  number: number;
  /** Slugs of demo people. */
  guests: string[];
  /** English slugs of demo topics. */
  topics: string[];
  /** The generated tone: its length and pitch. */
  seconds: number;
  frequency: number;
}

export const demoEpisodes: DemoEpisode[] = [
  {
    lang: 'en',
    slug: 'why-hormuz-still-matters',
    title: 'Why Hormuz still matters',
    summary:
      'A narrow strait carries a large share of the oil the world burns. Two Meridian researchers on shipping, insurance and the Gulf states’ hedges against a closure.',
    notes: [
      'In this episode we ask why a waterway only a few dozen kilometres wide at its narrowest still shapes energy markets, naval planning and Gulf diplomacy.',
      { h2: 'In this conversation' },
      {
        list: [
          'How much of the world’s seaborne oil and liquefied gas passes through the strait, and why pipelines cannot carry all of it.',
          'Why shipping insurance premiums often move before any ship is stopped.',
          'What the Gulf states have built to reduce their exposure, and what it still cannot replace.',
        ],
      },
      'The episode draws on **Meridian’s work on Gulf energy security**; the guests speak for themselves.',
    ],
    transcript: `HOST: Welcome to the Meridian podcast. Today: the Strait of Hormuz. Shira, why does one strait get so much attention?

SHIRA NAVON: Because so much passes through it. Tankers from several Gulf producers have no other way to the open sea, so even a threat to the route is felt in prices far away.

HOST: Ron, is the threat itself enough to move markets?

RON AVIDAN: Often, yes. Insurers reprice risk quickly. Freight and insurance costs can rise while every ship is still sailing, and importers pay that before anything happens.

HOST: And the alternatives?

SHIRA NAVON: There are pipelines that bypass the strait, but their capacity is a fraction of what the tankers carry. They buy time; they do not replace the route.

HOST: Thank you both.`,
    date: '2026-09-03',
    season: 1,
    number: 1,
    guests: ['shira-navon', 'ron-avidan'],
    topics: ['gulf-states', 'economy-security'],
    seconds: 6,
    frequency: 440,
  },
  {
    lang: 'en',
    slug: 'drones-cheap-and-everywhere',
    title: 'Drones, cheap and everywhere',
    summary:
      'Inexpensive drones have changed the arithmetic of air defence. What follows for militaries that must stop a cheap threat with costly interceptors?',
    notes: [
      'Small uncrewed aircraft built from commercial parts now appear in almost every conflict in the region. Our guests discuss what that does to the cost of defence.',
      { h2: 'Topics covered' },
      {
        list: [
          'The cost gap between an attacking drone and the interceptor that stops it.',
          'Lasers, guns and electronic warfare as cheaper layers of defence.',
          'Why doctrine and training change more slowly than the technology.',
        ],
      },
    ],
    transcript: `HOST: Talia, what is new about today’s drones?

TALIA BEN-AMI: Less the technology than the price. Navigation, cameras and radio links that once needed a defence budget are now consumer parts.

HOST: Yoav, what does that mean for the defender?

YOAV CARMELI: An uncomfortable sum. If every cheap drone is met with an expensive missile, the attacker can exhaust the defence without winning a single engagement.

HOST: So the answer is cheaper interceptors?

YOAV CARMELI: Cheaper layers: guns, jamming, and in time directed energy, with missiles kept for what only they can stop.

TALIA BEN-AMI: And organisations that learn as fast as the other side does.`,
    date: '2026-11-05',
    season: 1,
    number: 2,
    guests: ['talia-ben-ami', 'yoav-carmeli'],
    topics: ['emerging-tech'],
    seconds: 8,
    frequency: 523,
  },
  {
    lang: 'he',
    slug: 'סקרים-בזמן-משבר',
    title: 'סקרים בזמן משבר: מה הם יכולים לומר ומה לא',
    summary: 'איך מודדים דעת קהל כשהכול משתנה מיום ליום? שיחה על סקרים, על אמון הציבור ועל הפער בין תחושה למדידה.',
    notes: [
      'בפרק הזה אנחנו שואלים מה באמת אפשר ללמוד מסקר שנערך בשבוע של מתיחות ביטחונית, ואיך קוראים תוצאות בלי לקרוא לתוכן יותר ממה שיש בהן.',
      { h2: 'על מה דיברנו' },
      {
        list: [
          'מדגם, שיעור היענות וטעות דגימה: שלושה מושגים שכל קורא סקרים צריך.',
          'למה שאלה שנוסחה אחרת יכולה לתת תשובה אחרת.',
          'אמון הציבור במוסדות הביטחון לאורך זמן, ולא רק ברגע אחד.',
        ],
      },
    ],
    transcript: `מנחה: שלום וברוכים הבאים לפודקאסט של מרידיאן. נועה, מה קורה לסקרים בזמן משבר?

נועה פרידמן: הם נעשים חשובים יותר וקשים יותר. אנשים רוצים לדעת מה הציבור חושב, אבל גם שיעורי ההיענות משתנים והשאלות רגישות יותר.

מנחה: גדעון, מה לומדים מסקרים על האמון בצבא?

גדעון טל: הרבה, בתנאי שמסתכלים על מגמה ולא על נקודה אחת. סקר בודד הוא תמונה; סדרה של סקרים היא סרט.

מנחה: ומה העצה לקוראים?

נועה פרידמן: לבדוק מי נשאל, איך נוסחה השאלה ומה טעות הדגימה, ורק אחר כך לקרוא את הכותרת.`,
    date: '2026-10-08',
    season: 1,
    number: 1,
    guests: ['noa-friedman', 'gideon-tal'],
    topics: ['public-opinion', 'civil-military'],
    seconds: 5,
    frequency: 392,
  },
];
