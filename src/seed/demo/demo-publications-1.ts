/**
 * Demo publications, part 1: fifteen translation groups published during 2025.
 */
import type { DemoPublication } from './demo-types.js';

export const demoPublications1: DemoPublication[] = [
  {
    key: 'p1-iran-enrichment-talks',
    type: 'insight',
    number: 1881,
    date: '2025-01-13',
    authors: ['dana-levin'],
    topics: ['iran', 'united-states'],
    featured: true,
    audio: true,
    en: {
      title: "Iran's Enrichment Programme and the Narrowing Window for Diplomacy",
      slug: 'irans-enrichment-and-the-narrowing-diplomatic-window',
      summary:
        "With the snapback mechanism set to expire in October 2025 and Iran's stockpile of highly enriched uranium still growing, the coming months will test whether a new round of talks can produce verifiable limits.",
      body: [
        { h2: 'Where the programme stands' },
        "At the start of 2025, Iran's nuclear programme is closer to weapons-grade capability than at any point in its history. The stockpile of uranium enriched to 60 per cent has grown steadily, and advanced centrifuge cascades at Natanz and Fordow have shortened the time Iran would need to produce enough fissile material for one weapon to a matter of weeks.[[fn:Based on the quarterly reports of the International Atomic Energy Agency to its Board of Governors, 2024.]] International inspectors, meanwhile, have lost much of the continuity of knowledge they had under the 2015 agreement. The gap between what Iran can do and what the world can verify is the core of the problem.",
        "Tehran's leadership has stopped short of a decision to build a weapon, and the distance between enriched material and a deliverable warhead remains significant. Weaponisation involves steps that are harder to detect than enrichment, but they also take longer. This creates a strategic ambiguity that Iran has used as leverage: it signals capability without crossing a line that would invite a coordinated response. The question for 2025 is whether that ambiguity remains stable after a year in which Iran's regional position weakened markedly.",
        { h2: 'A calendar that concentrates minds' },
        'Two dates shape the diplomatic horizon. The first is the arrival of a US administration that has signalled both a preference for a deal and a readiness to restore maximum pressure. The second is October 2025, when the provisions of UN Security Council Resolution 2231 that allow the reimposition of pre-2015 sanctions, the so-called snapback, expire.[[fn:UN Security Council Resolution 2231 (2015), which endorsed the Joint Comprehensive Plan of Action and set its termination date.]] The European parties to the agreement therefore have a short period in which their main lever can still be used, and Tehran knows it.',
        'For Israel, this combination carries both opportunities and risks. Renewed talks could yield tighter limits than those of 2015, but a hurried interim arrangement might freeze the programme at its current advanced state while easing economic pressure. Israeli policy should focus on the content of any deal rather than on opposing negotiations as such. Three benchmarks should guide that assessment:',
        {
          list: [
            '**Stockpile:** removal or down-blending of all uranium enriched above 20 per cent, verified by inspectors.',
            '**Access:** restoration of continuous monitoring, including at centrifuge production sites.',
            '**Duration:** limits that do not expire within the term of the incoming US administration.',
          ],
        },
        'Coordination with Washington on these benchmarks, before talks begin rather than during them, is the most useful investment Israel can make in the coming months. A credible military option remains part of the picture, but its main value lies in shaping the negotiation, not in replacing it.',
      ],
    },
    he: {
      title: 'תוכנית ההעשרה של איראן והחלון הדיפלומטי ההולך ונסגר',
      slug: 'העשרה-באיראן-והחלון-הדיפלומטי',
      summary:
        'מנגנון החזרת הסנקציות (״סנאפבק״) יפקע באוקטובר 2025, ומלאי האורניום המועשר של איראן ממשיך לגדול. החודשים הקרובים יבחנו אם סבב שיחות חדש יוכל להניב מגבלות שניתן לאמת.',
      body: [
        { h2: 'היכן עומדת התוכנית' },
        'בפתח 2025 קרובה תוכנית הגרעין האיראנית ליכולת העשרה לרמה צבאית יותר מאי־פעם. מלאי האורניום המועשר ל־60% גדל בהתמדה, ומפלי הצנטריפוגות המתקדמות בנתנז ובפורדו קיצרו את הזמן הדרוש לאיראן להפקת חומר בקיע לנשק אחד לכדי שבועות ספורים.[[fn:על סמך הדוחות הרבעוניים של הסוכנות הבינלאומית לאנרגיה אטומית למועצת הנגידים, 2024.]] במקביל איבדו הפקחים הבינלאומיים חלק ניכר מרציפות הידע שהייתה להם תחת הסכם 2015. הפער בין מה שאיראן מסוגלת לעשות לבין מה שהעולם מסוגל לאמת הוא לב הבעיה.',
        'ההנהגה בטהרן טרם קיבלה החלטה לבנות נשק, והמרחק בין חומר מועשר לבין ראש קרב מבצעי עדיין משמעותי. שלב הנשקול קשה יותר לגילוי מן ההעשרה, אך גם ארוך ממנה. מצב זה יוצר עמימות אסטרטגית שאיראן מנצלת כמנוף: היא מאותתת על יכולת בלי לחצות קו שיזמין תגובה מתואמת. השאלה לשנת 2025 היא אם העמימות הזאת תישאר יציבה אחרי שנה שבה נחלש מעמדה האזורי של איראן במידה ניכרת.',
        { h2: 'לוח זמנים שמחדד את ההכרעות' },
        'שני מועדים מעצבים את האופק הדיפלומטי. הראשון הוא כניסתו של ממשל אמריקני שאותת הן על העדפה להסכם והן על נכונות לחדש את מדיניות ״הלחץ המרבי״. השני הוא אוקטובר 2025, אז יפקעו ההוראות בהחלטה 2231 של מועצת הביטחון המאפשרות להחזיר את הסנקציות שהיו בתוקף לפני 2015.[[fn:החלטה 2231 של מועצת הביטחון של האו״ם (2015), שאישרה את תוכנית הפעולה המשותפת המקיפה (JCPOA) וקבעה את מועד סיומה.]] לשותפות האירופיות להסכם נותר אפוא פרק זמן קצר שבו עוד אפשר להפעיל את המנוף העיקרי שבידיהן — ובטהרן יודעים זאת היטב.',
        'מבחינת ישראל, הצירוף הזה טומן בחובו הזדמנויות וסיכונים כאחד. שיחות מחודשות עשויות להניב מגבלות הדוקות מאלה של הסכם 2015, אך הסדר ביניים חפוז עלול להקפיא את התוכנית במצבה המתקדם הנוכחי ובה בעת להקל את הלחץ הכלכלי. על המדיניות הישראלית להתמקד בתוכנו של הסכם עתידי, ולא בהתנגדות למשא ומתן כשלעצמו. שלוש אמות מידה צריכות להנחות את הבחינה:',
        {
          list: [
            '**מלאי:** הוצאה מאיראן או דילול של כל האורניום המועשר מעל 20%, בפיקוח בינלאומי.',
            '**גישה:** חידוש הניטור הרציף, כולל באתרי הייצור של הצנטריפוגות.',
            '**משך:** מגבלות שלא יפקעו במהלך כהונתו של הממשל האמריקני הנכנס.',
          ],
        },
        'תיאום עם וושינגטון סביב אמות המידה האלה — לפני פתיחת השיחות ולא במהלכן — הוא ההשקעה המועילה ביותר שישראל יכולה לעשות בחודשים הקרובים. אופציה צבאית אמינה נותרת חלק מהתמונה, אך ערכה העיקרי הוא בעיצוב המשא ומתן, לא בהחלפתו.',
      ],
    },
  },
  {
    key: 'p1-hezbollah-rebuilding',
    type: 'insight',
    number: 1882,
    date: '2025-02-10',
    authors: ['miriam-haddad', 'yoav-carmeli'],
    topics: ['lebanon-hezbollah', 'syria'],
    audio: true,
    en: {
      title: 'Can Hezbollah Rebuild? The Constraints After the Ceasefire',
      slug: 'can-hezbollah-rebuild-after-the-ceasefire',
      summary:
        'Hezbollah emerged from the 2024 war with its command ranks depleted and its land corridor through Syria cut. Its recovery will depend less on Iranian will than on money, supply routes and Lebanese politics.',
      body: [
        'The ceasefire that took effect in Lebanon on 27 November 2024 ended the most damaging round of fighting Hezbollah has experienced since its founding. The organisation lost most of its senior military command, a large share of its long-range rocket and missile arsenal, and the aura of deterrence it had cultivated since 2006. Yet it remains the strongest armed actor in Lebanon, with a committed base, a social-services network and thousands of trained fighters. The question is not whether Hezbollah survives, but how quickly and in what form it can rebuild.',
        { h2: 'Three constraints' },
        "The first constraint is logistical. For two decades, Iranian weapons and money reached Hezbollah overland through Syria, with the Assad regime's active cooperation. The regime's collapse in December 2024 severed that corridor, and the new authorities in Damascus have little reason to reopen it.[[fn:Based on open-source reporting on crossings along the Syrian–Lebanese border, December 2024 – January 2025.]] Smuggling by sea and air remains possible, but it is slower, smaller in scale and easier to interdict.",
        "The second constraint is financial. Rebuilding the Shi'ite villages of the south, the Beqaa valley and Beirut's southern suburbs will cost billions of dollars, and Hezbollah's constituents expect compensation. Iran, under sanctions and facing economic strain of its own, is unlikely to cover the bill, while Gulf and Western donors will make aid conditional on the state, not the organisation, running the process. The third constraint is political: the new president and government in Beirut have spoken of a state monopoly on arms more explicitly than any of their predecessors.",
        {
          quote:
            "Hezbollah's recovery now depends on resources it does not control: a supply route, donor money and the acquiescence of the Lebanese state.",
        },
        { h2: 'Implications for Israel' },
        "Israel's interest is to keep these constraints in place for as long as possible. That means enforcing the ceasefire terms south of the Litani, closely monitoring attempts to open alternative supply lines, and supporting, directly or through partners, the Lebanese Armed Forces as the body responsible for the south. Military pressure alone will not prevent Hezbollah from reconstituting over time; a combination of interdiction and a stronger Lebanese state offers a better chance.[[fn:See the Israel–Lebanon ceasefire arrangements announced on 26 November 2024, including the monitoring mechanism chaired by the United States.]]",
      ],
    },
    he: {
      title: 'האם חיזבאללה יצליח להשתקם? האילוצים שאחרי הפסקת האש',
      slug: 'שיקום-חיזבאללה-אחרי-הפסקת-האש',
      summary:
        'חיזבאללה יצא ממלחמת 2024 כשדרג הפיקוד שלו מדולדל והמסדרון היבשתי שלו דרך סוריה חסום. קצב השתקמותו יהיה תלוי פחות ברצונה של איראן ויותר בכסף, בנתיבי אספקה ובפוליטיקה הלבנונית.',
      body: [
        'הפסקת האש שנכנסה לתוקף בלבנון ב־27 בנובמבר 2024 סיימה את סבב הלחימה הקשה ביותר שידע חיזבאללה מאז הקמתו. הארגון איבד את רוב הפיקוד הצבאי הבכיר שלו, חלק ניכר ממערך הרקטות והטילים ארוכי הטווח ואת הילת ההרתעה שטיפח מאז 2006. ועם זאת, הוא נותר הגורם החמוש החזק ביותר בלבנון, עם בסיס תמיכה נאמן, רשת שירותים חברתיים ואלפי לוחמים מאומנים. השאלה אינה אם חיזבאללה ישרוד, אלא באיזה קצב ובאיזו תצורה יוכל להשתקם.',
        { h2: 'שלושה אילוצים' },
        'האילוץ הראשון הוא לוגיסטי. במשך שני עשורים הגיעו נשק וכסף מאיראן לחיזבאללה ביבשה דרך סוריה, בשיתוף פעולה פעיל של משטר אסד. קריסת המשטר בדצמבר 2024 ניתקה את המסדרון הזה, ולשלטון החדש בדמשק אין סיבה של ממש לפתוח אותו מחדש.[[fn:על סמך דיווחים גלויים על המעברים לאורך גבול סוריה–לבנון, דצמבר 2024 – ינואר 2025.]] הברחה בים ובאוויר עדיין אפשרית, אך היא איטית יותר, מצומצמת בהיקפה וקלה יותר לסיכול.',
        'האילוץ השני הוא כלכלי. שיקום הכפרים השיעיים בדרום, בבקעת הלבנון וברובע הדאחייה בביירות יעלה מיליארדי דולרים, ותומכי הארגון מצפים לפיצוי. איראן, הנתונה בסנקציות ובמצוקה כלכלית משלה, אינה צפויה לממן את החשבון, ואילו התורמות מהמפרץ ומהמערב יתנו את הסיוע בכך שהמדינה — ולא הארגון — תנהל את התהליך. האילוץ השלישי הוא פוליטי: הנשיא והממשלה החדשים בביירות מדברים על מונופול המדינה על הנשק בגלוי יותר מכל קודמיהם.',
        {
          quote:
            'השתקמותו של חיזבאללה תלויה כעת במשאבים שאינם בשליטתו: נתיב אספקה, כספי תורמים והסכמה שבשתיקה של המדינה הלבנונית.',
        },
        { h2: 'המשמעויות לישראל' },
        'האינטרס הישראלי הוא לשמר את האילוצים האלה זמן רב ככל האפשר. פירוש הדבר אכיפה של תנאי הפסקת האש מדרום לליטני, מעקב צמוד אחר ניסיונות לפתוח נתיבי אספקה חלופיים ותמיכה — ישירה או באמצעות שותפות — בצבא לבנון כגוף האחראי על הדרום. לחץ צבאי לבדו לא ימנע מחיזבאללה להתעצם מחדש לאורך זמן; השילוב של סיכול עם מדינה לבנונית חזקה יותר מציע סיכוי טוב יותר.[[fn:ראו את הסדרי הפסקת האש בין ישראל ללבנון שפורסמו ב־26 בנובמבר 2024, לרבות מנגנון הפיקוח בראשות ארה״ב.]]',
      ],
    },
  },
  {
    key: 'p1-syria-after-assad',
    type: 'policy-paper',
    number: 41,
    date: '2025-03-03',
    authors: ['miriam-haddad', 'eitan-shapiro'],
    topics: ['syria', 'russia', 'regional'],
    pdf: true,
    en: {
      title: "Syria After Assad: Fragmentation, Foreign Patrons and Israel's Choices",
      slug: 'syria-after-assad-patrons-and-israels-choices',
      summary:
        "Three months after the fall of the Assad regime, Syria's new rulers are consolidating power in a fragmented country where Turkey's influence is rising and Russia's is in question. This paper assesses the main scenarios and recommends a cautious Israeli policy built on clearly defined interests.",
      body: [
        "The collapse of the Assad regime in December 2024 ended more than five decades of family rule and removed Iran's most important state ally in the Arab world. The coalition that took Damascus, led by Hay'at Tahrir al-Sham, has since formed interim institutions, announced the dissolution of the old army and security services, and begun courting Arab and Western governments. Its leaders present a pragmatic face, but their Islamist origins and the movement's record in Idlib leave open questions about how power will be exercised. The central government's writ, moreover, does not yet extend across the whole country.",
        "Syria today is divided into several zones of control. The Kurdish-led Syrian Democratic Forces hold much of the north-east with American backing; Turkish-supported factions operate along the northern border; Druze communities in the south guard their autonomy; and the coastal region, the heartland of the Alawite community, remains tense.[[fn:Based on the institute's mapping of areas of control from open sources, updated February 2025.]] Each of these fault lines could trigger violence that the new authorities are ill-equipped to contain.",
        { h2: 'The external players' },
        "Turkey is the clearest winner of the transition. It enjoys close ties with the new leadership, seeks a role in rebuilding the Syrian army, and wants to weaken the Kurdish autonomous administration. Russia, by contrast, has lost its client and is negotiating from weakness over the future of its naval facility at Tartus and its air base at Hmeimim. The two bases have served as hubs for Russian operations in the Mediterranean and Africa, and losing them would be a real setback; Moscow may offer debt relief, wheat or diplomatic cover to keep them.[[fn:On the role of the Tartus and Hmeimim facilities in Russia's regional logistics, see the institute's earlier publications on Russia in the Middle East.]]",
        'The Gulf states and the European Union have cautiously engaged Damascus, linking sanctions relief and reconstruction aid to inclusive governance. Iran, for the first time since 1979, has no meaningful foothold in the country. That is a strategic gain for Israel, but not a permanent one: instability and a disaffected population could open doors in the future for Tehran or for jihadist groups.',
        { h2: 'Recommendations' },
        {
          list: [
            'Keep the Israeli military presence in the buffer zone on the Golan Heights explicitly temporary and tied to security conditions, so that it does not become a new, entrenched source of friction.',
            'Open discreet channels to the new authorities, directly or through Gulf and American partners, focused on southern Syria, border security and preventing an Iranian return.',
            'Coordinate with Washington on the future of the US presence in the north-east and on the position of the Kurdish-led forces.',
            'Avoid open competition with Turkey in Syria, and establish a deconfliction mechanism to prevent incidents between the two militaries.',
          ],
        },
        "Israel's room for manoeuvre in Syria is greater than it has been for decades, but so is the uncertainty. A policy that gives priority to concrete security interests, rather than to attempts to shape Syria's internal order, offers the best balance between opportunity and risk.",
      ],
    },
    he: {
      title: 'סוריה אחרי אסד: פיצול, פטרונים זרים והבחירות של ישראל',
      slug: 'סוריה-אחרי-אסד-והבחירות-של-ישראל',
      summary:
        'שלושה חודשים אחרי נפילת משטר אסד מבסס השלטון החדש את אחיזתו במדינה מפוצלת, שבה השפעתה של טורקיה גוברת ומעמדה של רוסיה מוטל בספק. המסמך בוחן את התרחישים המרכזיים וממליץ על מדיניות ישראלית זהירה, המבוססת על אינטרסים מוגדרים.',
      body: [
        'קריסת משטר אסד בדצמבר 2024 שמה קץ ליותר מחמישה עשורים של שלטון משפחתי והוציאה מן המשחק את בעלת בריתה החשובה ביותר של איראן בעולם הערבי. הקואליציה שכבשה את דמשק, בהובלת היאת תחריר א־שאם, הקימה מאז מוסדות ביניים, הודיעה על פירוק הצבא ומנגנוני הביטחון הישנים והחלה לחזר אחר ממשלות ערביות ומערביות. מנהיגיה מציגים פנים פרגמטיות, אך שורשיהם האסלאמיסטיים ודרכה של התנועה באדלב מותירים שאלות פתוחות באשר לאופן שבו יופעל השלטון. זאת ועוד, סמכותו של השלטון המרכזי עדיין אינה חלה על המדינה כולה.',
        'סוריה מחולקת כיום לכמה אזורי שליטה. הכוחות הסוריים הדמוקרטיים, בהובלה כורדית ובגיבוי אמריקני, מחזיקים בחלק ניכר מצפון־מזרח המדינה; פלגים הנתמכים בידי טורקיה פועלים לאורך הגבול הצפוני; הקהילות הדרוזיות בדרום שומרות על האוטונומיה שלהן; ואזור החוף, מעוזה של העדה העלווית, נותר מתוח.[[fn:על סמך מיפוי אזורי השליטה שערך המכון ממקורות גלויים, מעודכן לפברואר 2025.]] כל אחד מקווי השבר האלה עלול להצית אלימות שהשלטון החדש אינו ערוך להכיל.',
        { h2: 'השחקנים החיצוניים' },
        'טורקיה היא המרוויחה הבולטת מן המעבר. היא נהנית מקשרים הדוקים עם ההנהגה החדשה, מבקשת למלא תפקיד בבנייתו מחדש של הצבא הסורי ושואפת להחליש את המינהל האוטונומי הכורדי. רוסיה, לעומתה, איבדה את בת חסותה ומנהלת משא ומתן מעמדת חולשה על עתיד מתקן הצי שלה בטרטוס ובסיס האוויר בחמיימים. שני הבסיסים שימשו מוקד לפעילות הרוסית בים התיכון ובאפריקה, ואובדנם יהיה מכה של ממש; ייתכן שמוסקבה תציע מחיקת חובות, משלוחי חיטה או גיבוי דיפלומטי כדי לשמור עליהם.[[fn:על תפקידם של המתקנים בטרטוס ובחמיימים במערך הלוגיסטי האזורי של רוסיה ראו את פרסומיו הקודמים של המכון על רוסיה במזרח התיכון.]]',
        'מדינות המפרץ והאיחוד האירופי פתחו בזהירות בערוצי מגע עם דמשק, תוך התניית הקלות בסנקציות וסיוע לשיקום במשילות מכלילה. איראן, לראשונה מאז 1979, אינה מחזיקה בדריסת רגל של ממש במדינה. זהו הישג אסטרטגי לישראל, אך לא הישג של קבע: חוסר יציבות ואוכלוסייה ממורמרת עלולים לפתוח בעתיד פתח לטהרן או לארגונים ג׳יהאדיים.',
        { h2: 'המלצות' },
        {
          list: [
            'להגדיר במפורש את נוכחות צה״ל באזור החיץ ברמת הגולן כזמנית וכתלויה בתנאי הביטחון, כדי שלא תתקבע כמוקד חיכוך חדש.',
            'לפתוח ערוצים שקטים מול השלטון החדש, ישירות או באמצעות שותפות במפרץ וארה״ב, תוך התמקדות בדרום סוריה, בביטחון הגבול ובמניעת שובה של איראן.',
            'לתאם עם וושינגטון את עתיד הנוכחות האמריקנית בצפון־מזרח ואת מעמדם של הכוחות בהובלה הכורדית.',
            'להימנע מתחרות גלויה עם טורקיה בזירה הסורית ולהקים מנגנון למניעת חיכוך בין שני הצבאות.',
          ],
        },
        'מרחב התמרון של ישראל בסוריה גדול היום מכפי שהיה במשך עשורים — אך כך גם אי־הוודאות. מדיניות שמעמידה בראש סדר העדיפויות אינטרסים ביטחוניים מוחשיים, ולא ניסיון לעצב את הסדר הפנימי בסוריה, מציעה את האיזון הטוב ביותר בין הזדמנות לסיכון.',
      ],
    },
  },
  {
    key: 'p1-saudi-normalisation',
    type: 'memorandum',
    number: 210,
    date: '2025-03-31',
    authors: ['shira-navon'],
    topics: ['gulf-states', 'united-states'],
    pdf: true,
    en: {
      title: 'Normalisation with Saudi Arabia: What Has Changed and What Has Not',
      slug: 'saudi-normalisation-what-has-changed',
      summary:
        "The war in Gaza froze the path to Israeli–Saudi normalisation but did not close it. Riyadh's conditions have hardened, while its underlying interests in a US defence pact and a regional order that contains Iran remain.",
      body: [
        'On the eve of 7 October 2023, Israel, Saudi Arabia and the United States were negotiating a package that would have linked normalisation to an American defence commitment to Riyadh and to civilian nuclear cooperation. The war halted those talks. Eighteen months later, the Saudi leadership continues to state that normalisation depends on a credible pathway to a Palestinian state, a condition it now voices more insistently than before the war.[[fn:Based on official Saudi statements in 2024–2025, including those issued after the Arab–Islamic summit held in Riyadh in November 2024.]]',
        { h2: 'What has changed' },
        'Three things have shifted. First, Saudi public opinion, shaped by images from Gaza, has become more hostile to normalisation, and the leadership is less willing to be seen moving ahead without tangible gains for the Palestinians. Second, Iran and its network have been weakened: the losses suffered by Hezbollah and the fall of the Assad regime reduce the immediate threat that once pushed Riyadh toward Israel, but they also lower the cost of waiting. Third, the Abraham Accords have survived the war. The UAE, Bahrain and Morocco kept their ties with Israel, albeit with a lower public profile, showing that normalisation can withstand severe strain.',
        { h2: 'What has not' },
        "Riyadh's core interests are unchanged. It still seeks a formal security guarantee from Washington, access to advanced American technology and a stable regional environment in which to pursue its economic transformation programme. The new US administration has declared a Saudi–Israeli agreement a priority and is likely to revive the trilateral package in some form.[[fn:Public statements by senior officials of the US administration, January–March 2025.]] The main obstacle lies less in the bilateral relationship than in the Palestinian component.",
        { h2: 'Recommendations for Israeli policy' },
        {
          list: [
            'Define in advance the Palestinian-related steps Israel could accept, on Gaza governance, the role of the Palestinian Authority and economic measures in the West Bank, so that it is not negotiating only in reaction.',
            'Preserve and deepen quiet cooperation with Gulf states on air defence and maritime security, independently of formal normalisation.',
            'Manage expectations: a full agreement in 2025 is unlikely, but interim steps, such as overflight rights, business visits and sports or cultural contacts, are possible.',
          ],
        },
      ],
    },
  },
  {
    key: 'p1-gaza-reconstruction-governance',
    type: 'policy-paper',
    number: 42,
    date: '2025-04-14',
    authors: ['samir-khoury', 'yoav-carmeli'],
    topics: ['gaza', 'palestinian-politics'],
    featured: true,
    pdf: true,
    en: {
      title: 'The Day After in Gaza: Reconstruction Without a Governing Address',
      slug: 'gaza-reconstruction-and-the-governance-gap',
      summary:
        'Any reconstruction of Gaza will fail without a credible answer to the question of who governs the Strip. This paper compares the main governance models on the table and proposes criteria for judging them.',
      body: [
        'The scale of destruction in the Gaza Strip has no precedent in the history of the Israeli–Palestinian conflict. A large majority of the population has been displaced at least once, much of the housing stock is damaged or destroyed, and water, power and sewage systems function only partially.[[fn:Based on damage assessments published by UN agencies and the World Bank in early 2025.]] Reconstruction will take years and cost tens of billions of dollars. Yet the debate over money has moved faster than the debate over the question that will determine whether that money is spent well: who will govern Gaza.',
        { h2: 'The models on the table' },
        'Four broad models have been discussed since the war began. The first is continued Israeli military control, with responsibility for civilian affairs falling to Israel by default. The second is a technocratic Palestinian committee linked in some way to the Palestinian Authority, as proposed in the Arab reconstruction framework presented in Cairo in March 2025. The third is an international or Arab-led transitional administration backed by a security force. The fourth, which every other model seeks to prevent, is the de facto survival of Hamas as the ruling power behind a civilian facade.',
        'Each model, taken alone, has a critical weakness. Israeli control would impose an open-ended military and economic burden and would find no international partners to fund reconstruction. A technocratic committee lacks the power to enforce its decisions against armed groups. Arab states have made their participation conditional on a political horizon and on a role for the Palestinian Authority, which many in Israel reject. The result is a vacuum that Hamas has been able to fill at street level, even as its military capabilities erode.',
        {
          quote:
            'Reconstruction money will flow only to an address that donors trust, and security will hold only where that address has the means to enforce it.',
        },
        { h2: 'Criteria for a workable arrangement' },
        {
          list: [
            "**Security:** a mechanism, Israeli or international, able to prevent Hamas's military rebuilding, including along the border with Egypt.",
            '**Legitimacy:** Palestinian administrators linked to recognised institutions, so that the arrangement is not seen locally as occupation by proxy.',
            '**Financing:** donor funds managed through transparent, audited channels that bypass armed groups.',
            '**Sequencing:** a phased handover tied to measurable benchmarks rather than to fixed dates.',
          ],
        },
        'No arrangement will satisfy all of these criteria at once. But an Israeli policy that judges each proposal against them, rather than rejecting every model that includes a role for the Palestinian Authority, would widen the pool of partners and shorten the period in which Gaza remains without a responsible address.[[fn:The analysis draws on the simulation exercise on Gaza governance held at the institute in February 2025.]]',
      ],
    },
    he: {
      title: 'היום שאחרי בעזה: שיקום ללא כתובת שלטונית',
      slug: 'שיקום-עזה-ושאלת-המשילות',
      summary:
        'כל מאמץ לשקם את רצועת עזה ייכשל ללא תשובה אמינה לשאלה מי ימשול בה. המסמך משווה בין מודלי המשילות העיקריים שעל הפרק ומציע אמות מידה לבחינתם.',
      body: [
        'היקף ההרס ברצועת עזה חסר תקדים בתולדות הסכסוך הישראלי־פלסטיני. רוב גדול של האוכלוסייה נעקר מביתו לפחות פעם אחת, חלק ניכר ממלאי הדיור ניזוק או נהרס, ומערכות המים, החשמל והביוב מתפקדות באופן חלקי בלבד.[[fn:על סמך הערכות נזק שפרסמו סוכנויות האו״ם והבנק העולמי בראשית 2025.]] השיקום יימשך שנים ויעלה עשרות מיליארדי דולרים. אלא שהוויכוח על הכסף התקדם מהר יותר מן הדיון בשאלה שתכריע אם הכסף הזה ינוצל כראוי: מי ימשול בעזה.',
        { h2: 'המודלים שעל הפרק' },
        'מאז פרוץ המלחמה נדונו ארבעה מודלים עיקריים. הראשון הוא המשך שליטה צבאית ישראלית, שבמסגרתה תוטל על ישראל, הלכה למעשה, גם האחריות לענייני האזרחים. השני הוא ועדה טכנוקרטית פלסטינית הקשורה בדרך זו או אחרת לרשות הפלסטינית, כפי שהוצע במתווה השיקום הערבי שהוצג בקהיר במרץ 2025. השלישי הוא מינהל מעבר בינלאומי או בהובלה ערבית, בגיבוי כוח ביטחון. הרביעי — זה שכל המודלים האחרים נועדו למנוע — הוא הישרדותו בפועל של חמאס כשליט, מאחורי חזית אזרחית.',
        'לכל אחד מהמודלים, כשהוא עומד לבדו, יש חולשה קריטית. שליטה ישראלית תטיל נטל צבאי וכלכלי בלתי מוגבל בזמן, ולא תמצא שותפים בינלאומיים למימון השיקום. לוועדה טכנוקרטית אין כוח לאכוף את החלטותיה מול ארגונים חמושים. מדינות ערב התנו את השתתפותן באופק מדיני ובתפקיד לרשות הפלסטינית, דבר שרבים בישראל דוחים. התוצאה היא ואקום שחמאס מצליח למלא ברמת הרחוב, גם בשעה שיכולותיו הצבאיות נשחקות.',
        {
          quote:
            'כספי השיקום יזרמו רק לכתובת שהתורמים סומכים עליה, והביטחון יישמר רק במקום שבו לכתובת הזאת יש אמצעים לאכוף אותו.',
        },
        { h2: 'אמות מידה להסדר בר־ביצוע' },
        {
          list: [
            '**ביטחון:** מנגנון, ישראלי או בינלאומי, המסוגל למנוע את התעצמותו הצבאית של חמאס, לרבות לאורך הגבול עם מצרים.',
            '**לגיטימיות:** גורמי מינהל פלסטינים הקשורים למוסדות מוכרים, כדי שההסדר לא ייתפס בשטח כ״כיבוש באמצעות שליחים״.',
            '**מימון:** ניהול כספי התורמים בערוצים שקופים ומבוקרים, העוקפים את הארגונים החמושים.',
            '**שלביות:** העברת אחריות בשלבים, הצמודה לאמות מידה מדידות ולא למועדים קבועים מראש.',
          ],
        },
        'שום הסדר לא יעמוד בכל אמות המידה האלה בבת אחת. אולם מדיניות ישראלית שתבחן כל הצעה לאורן, במקום לדחות כל מודל הכולל תפקיד לרשות הפלסטינית, תרחיב את מעגל השותפים ותקצר את התקופה שבה עזה נותרת ללא כתובת אחראית.[[fn:הניתוח מתבסס על תרגיל הסימולציה בנושא המשילות בעזה שנערך במכון בפברואר 2025.]]',
      ],
    },
  },
  {
    key: 'p1-west-bank-economy',
    type: 'insight',
    number: 1883,
    date: '2025-05-12',
    authors: ['ron-avidan', 'samir-khoury'],
    topics: ['west-bank', 'economy-security'],
    en: {
      title: 'The West Bank Economy Under Strain: A Security Risk in Slow Motion',
      slug: 'west-bank-economy-under-strain',
      summary:
        'Lost jobs in Israel, withheld tax revenues and a shrinking private sector have pushed the West Bank economy into a prolonged contraction. The security consequences may emerge gradually, but they are real.',
      body: [
        'Since October 2023, the economy of the West Bank has absorbed a series of shocks that would strain any economy, let alone one so dependent on outside forces. More than 100,000 Palestinians who worked in Israel and in the settlements before the war lost their permits, removing one of the largest sources of household income.[[fn:Estimates based on data from the Palestinian Central Bureau of Statistics and the Bank of Israel, 2023–2024.]] Movement restrictions between towns have raised the cost of doing business, and consumer demand has fallen sharply.',
        "The Palestinian Authority's finances have deteriorated in parallel. Israel collects customs duties and VAT on the Authority's behalf, and deductions from these clearance revenues, linked to payments to prisoners' families and to funds earmarked for Gaza, have left the Authority unable to pay full salaries for long periods.[[fn:On the clearance revenue mechanism, see the 1994 Protocol on Economic Relations (the Paris Protocol) and the periodic reports of the Palestinian Ministry of Finance.]] Public-sector employees, including members of the security services, have received only part of their wages for many months.",
        { h2: 'Why this is a security issue' },
        'Economic hardship does not mechanically produce violence, and the link between unemployment and militancy is weaker than is often assumed. Yet a prolonged collapse erodes the institutions that have helped keep the West Bank relatively contained: a functioning security apparatus, a middle class with something to lose, and an Authority able to deliver basic services. Security personnel who are not fully paid are less motivated and more open to other loyalties, and when the Authority cannot pay, armed groups and outside funders gain influence. Several measures could slow the decline at modest cost:',
        {
          list: [
            'A gradual, security-vetted restoration of work permits in sectors that face labour shortages in Israel.',
            'Predictable rules for the transfer of clearance revenues, to reduce the risk of a sudden fiscal collapse.',
            'Support for private investment in industrial zones near the seam line, in coordination with donor countries.',
          ],
        },
        'Each of these steps carries a political price in Israel, and each requires reliable security screening. But the alternative, a slow slide into fiscal collapse of the Palestinian Authority, would leave Israel to carry far heavier security and economic burdens of its own.',
      ],
    },
    he: {
      title: 'הכלכלה בגדה המערבית במצוקה: סיכון ביטחוני בהילוך איטי',
      slug: 'הכלכלה-בגדה-המערבית-במצוקה',
      summary:
        'אובדן מקומות העבודה בישראל, עיכוב כספי המסים וצמצום המגזר הפרטי הכניסו את כלכלת הגדה המערבית להתכווצות ממושכת. ההשלכות הביטחוניות עשויות להתגלות בהדרגה, אבל הן ממשיות.',
      body: [
        'מאז אוקטובר 2023 ספגה כלכלת הגדה המערבית שורת זעזועים שהיו מערערים כל משק, ובוודאי משק התלוי כל כך בגורמים חיצוניים. יותר ממאה אלף פלסטינים שעבדו לפני המלחמה בישראל ובהתנחלויות איבדו את היתרי העבודה שלהם, וכך נעלם אחד ממקורות ההכנסה הגדולים של משקי הבית.[[fn:אומדנים על סמך נתוני הלשכה המרכזית לסטטיסטיקה הפלסטינית ובנק ישראל, 2023–2024.]] הגבלות התנועה בין היישובים ייקרו את הפעילות העסקית, והביקושים הצרכניים צנחו.',
        'במקביל הידרדר מצבה הפיננסי של הרשות הפלסטינית. ישראל גובה בשמה מכס ומע״מ, והקיזוזים מכספי הסליקה — בגין התשלומים למשפחות אסירים ובגין כספים המיועדים לעזה — הותירו את הרשות ללא יכולת לשלם משכורות מלאות לאורך תקופות ארוכות.[[fn:על מנגנון כספי הסליקה ראו את הפרוטוקול בדבר יחסים כלכליים משנת 1994 (״פרוטוקול פריז״) ואת הדוחות התקופתיים של משרד האוצר הפלסטיני.]] עובדי המגזר הציבורי, ובהם אנשי מנגנוני הביטחון, מקבלים זה חודשים רבים רק חלק משכרם.',
        { h2: 'מדוע זו סוגיה ביטחונית' },
        'מצוקה כלכלית אינה מולידה אלימות באופן אוטומטי, והקשר בין אבטלה לטרור חלש מכפי שנהוג לחשוב. אולם קריסה ממושכת שוחקת את המוסדות שסייעו לשמור על רגיעה יחסית בגדה: מנגנון ביטחון מתפקד, מעמד ביניים שיש לו מה להפסיד ורשות המסוגלת לספק שירותים בסיסיים. אנשי ביטחון שאינם מקבלים שכר מלא הם בעלי מוטיבציה נמוכה יותר ופתוחים יותר לנאמנויות אחרות, וכשהרשות אינה משלמת, גוברת השפעתם של ארגונים חמושים ושל מממנים מבחוץ. כמה צעדים יכולים להאט את ההידרדרות במחיר צנוע יחסית:',
        {
          list: [
            'החזרה הדרגתית של היתרי עבודה, בכפוף לסינון ביטחוני, בענפים הסובלים ממחסור בעובדים בישראל.',
            'כללים צפויים להעברת כספי הסליקה, כדי לצמצם את הסיכון לקריסה פיננסית פתאומית.',
            'עידוד השקעות פרטיות באזורי תעשייה סמוך לקו התפר, בתיאום עם המדינות התורמות.',
          ],
        },
        'לכל אחד מהצעדים האלה יש מחיר פוליטי בישראל, וכל אחד מהם מחייב סינון ביטחוני אמין. אך החלופה — גלישה איטית לקריסה פיננסית של הרשות — תטיל על ישראל עצמה נטל ביטחוני וכלכלי כבד בהרבה.',
      ],
    },
  },
  {
    key: 'p1-pa-succession',
    type: 'journal-article',
    volume: 29,
    issue: 1,
    date: '2025-06-02',
    authors: ['samir-khoury'],
    topics: ['palestinian-politics', 'west-bank'],
    pdf: true,
    en: {
      title: 'After Abbas: Succession Scenarios in the Palestinian Authority',
      slug: 'after-abbas-succession-scenarios-in-the-palestinian-authority',
      summary:
        'Mahmoud Abbas, now nearly 90, has no agreed successor, and the legal mechanisms for a transfer of power are contested. This article examines the institutional pathways, the sources of power of the likely contenders and the risks of a disorderly transition.',
      body: [
        'Mahmoud Abbas has led the Palestinian Authority since January 2005 and holds, at the same time, the chairmanship of the PLO Executive Committee and the leadership of Fatah. No presidential or legislative elections have been held since 2005–2006, and the Palestinian Legislative Council was dissolved in 2018. The concentration of offices in one person, combined with the absence of an elected body, means that the eventual transition will be the first of its kind without a clear constitutional path. It will also take place while the Palestinian arena is divided between the West Bank and a devastated Gaza.',
        'The Basic Law provides that if the presidency falls vacant, the speaker of the Legislative Council serves as interim president for up to sixty days, until elections are held.[[fn:Palestinian Basic Law (as amended in 2003 and 2005), article 37.]] With the council dissolved, this provision cannot be applied as written. In late 2024 Abbas issued a decree assigning the interim role instead to the chairman of the Palestinian National Council, a step whose legal basis some Palestinian jurists dispute. The practical result is that the rules of succession are themselves part of the contest.',
        { h2: 'Three pathways' },
        'The succession is likely to follow one of three broad pathways. In an orderly institutional transfer, PLO and Fatah bodies endorse a pre-agreed candidate, who assumes the key offices with the acquiescence of the security services and of external actors. In a division of offices, the presidency of the Authority, the chairmanship of the PLO and the leadership of Fatah are distributed among several figures, producing a collective leadership that is stable in the short term but prone to paralysis. In a contested transition, rival figures mobilise security and militia networks, and the question is decided on the ground rather than in institutions.',
        "The creation of a deputy chairmanship of the PLO in April 2025, filled by a senior figure from the president's inner circle, was widely read as an attempt to steer the process toward the first pathway.[[fn:Decisions of the PLO Central Council, April 2025.]] Yet designation is not the same as legitimacy. Palestinian polls have consistently shown that most respondents want Abbas to step down and have little confidence in the leadership around him, while the most popular figure in many surveys, the imprisoned Fatah leader Marwan Barghouti, stands outside the formal process.[[fn:See the periodic surveys of Palestinian public opinion conducted by Palestinian research centres, 2023–2025.]]",
        {
          quote:
            'The danger is not that the succession will produce a hostile leader, but that it will produce no leader able to govern.',
        },
        { h2: 'Implications' },
        "For Israel, the key variables are the cohesion of the Palestinian security services and the ability of any successor to maintain security coordination. A disorderly transition would coincide with the Authority's fiscal crisis and with the unresolved debate over Gaza's governance, multiplying the risks. Israel has little ability to determine the outcome and should avoid visible favouritism, which would taint any candidate; its interest lies in quiet coordination with the United States, Egypt, Jordan and the Gulf states in support of an orderly process, and in preparing for scenarios in which coordination is temporarily disrupted. The succession question has been deferred for nearly two decades, and the longer it remains open, the more likely it is to be decided by events rather than by design.",
      ],
    },
  },
  {
    key: 'p1-public-trust-survey',
    type: 'special-publication',
    date: '2025-07-14',
    authors: ['noa-friedman', 'gideon-tal'],
    topics: ['public-opinion', 'civil-military'],
    pdf: true,
    he: {
      title: 'אמון הציבור במוסדות המדינה: ממצאי סקר 2025',
      slug: 'אמון-הציבור-במוסדות-המדינה',
      summary:
        'סקר דעת הקהל השנתי של המכון מצביע על פער עמוק ומתרחב בין האמון הגבוה בצה״ל לבין האמון הנמוך בממשלה, בכנסת ובמפלגות. הפער משותף לכל המחנות הפוליטיים, אם כי בעוצמות שונות.',
      body: [
        'זו השנה השלישית ברציפות שבה בוחן המכון את אמון הציבור בישראל במוסדות המדינה המרכזיים. הסקר נערך בין 1 ל־10 ביוני 2025 בקרב מדגם מייצג של 1,200 בגירים, יהודים וערבים, בשילוב של ראיונות טלפוניים ושאלונים מקוונים.[[fn:סקר דעת הקהל של מכון מרידיאן, גל יוני 2025; טעות הדגימה המרבית ±2.8% ברמת ביטחון של 95%.]] העבודה בשטח הסתיימה לפני פרוץ המערכה מול איראן, ולכן הממצאים משקפים את מצב הרוח הציבורי ערב המערכה. גל המשך, שייערך בסתיו, יבחן את השפעתה.',
        { h2: 'הממצאים העיקריים' },
        {
          list: [
            '**צה״ל** נותר המוסד שזוכה לאמון הגבוה ביותר: 74% מהנשאלים היהודים ו־38% מהנשאלים הערבים הביעו בו אמון רב או רב מאוד.',
            '**המשטרה ובית המשפט העליון** זוכים לאמון של כמחצית מהציבור היהודי, עם פערים חדים בין מצביעי הקואליציה לבין מצביעי האופוזיציה.',
            '**הממשלה והכנסת** זוכות לאמון של פחות מרבע מהציבור, והמפלגות — של כעשירית בלבד.',
            'רק 29% מהנשאלים מעריכים שמוסדות המדינה יידעו להפיק את הלקחים מכשלי 7 באוקטובר.',
          ],
        },
        'הפער בין האמון בצבא לבין האמון בדרג הנבחר אינו חדש, אך הוא התרחב במידה ניכרת מאז 2023. האמון בצה״ל ירד בעקבות כשלי 7 באוקטובר והתאושש בהדרגה במהלך המלחמה, ואילו האמון בממשלה ובכנסת נותר נמוך ויציב.[[fn:להשוואה ראו את ממצאי גלי הסקר של יוני 2023 ויוני 2024, המפורסמים באתר המכון.]] הפער משותף לכל המחנות הפוליטיים, אם כי בעוצמות שונות: בקרב מצביעי הקואליציה גבוה יותר האמון בממשלה, ובקרב מצביעי האופוזיציה — האמון במערכת המשפט. בציבור הערבי רמות האמון נמוכות כמעט בכל המוסדות, והפער בינו לבין הציבור היהודי בולט במיוחד ביחס למשטרה.',
        {
          quote:
            'הציבור מבחין בין הצבא כגוף מקצועי לבין הדרג הפוליטי המופקד עליו — וכשההבחנה הזאת מעמיקה, היא טומנת בחובה מתח מובנה ביחסי הדרגים.',
        },
        { h2: 'משמעויות ליחסי הדרגים' },
        'אמון גבוה בצבא לצד אמון נמוך בדרג המדיני יוצר מתח מובנה. הוא מפתה גורמים פוליטיים להטיל על הצבא את האחריות לכשלים, ועלול לפתות את הצבא עצמו — או את מי שמדברים בשמו — למלא תפקיד פוליטי שאינו שלו. מנקודת המבט של יחסי צבא וחברה, האמון בצה״ל הוא נכס, אך נכס שעלול להישחק אם הוויכוח הציבורי על האחריות לכשלי המלחמה יימשך ללא הכרעה. מנגנון בירור עצמאי ומוסכם, שיזכה לאמון רחב, הוא אפוא אינטרס משותף של הדרג המדיני, של הצבא ושל הציבור כולו.',
      ],
    },
  },
  {
    key: 'p1-china-ports-trade',
    type: 'insight',
    number: 1884,
    date: '2025-08-04',
    authors: ['eitan-shapiro', 'shira-navon'],
    topics: ['china', 'gulf-states'],
    en: {
      title: "China's Ports Strategy in the Middle East: Commerce First, Leverage Later",
      slug: 'chinas-ports-strategy-in-the-middle-east',
      summary:
        'Chinese companies operate or hold stakes in terminals from Haifa to Abu Dhabi and Djibouti. Their footprint is mainly commercial today, but it creates dependencies and exposure that Israel and its partners should manage deliberately.',
      body: [
        "Over the past decade, Chinese state-linked firms have become major players in the Middle East's port infrastructure. COSCO operates a container terminal at Abu Dhabi's Khalifa Port, China Merchants holds a stake in Djibouti's multipurpose port next to the People's Liberation Army's first overseas base, and Shanghai International Port Group has run Haifa's Bayport terminal since 2021.[[fn:Based on company disclosures and port authority announcements, 2015–2024.]] These investments follow a commercial logic, securing shipping routes for Chinese exports and energy imports. They also extend Beijing's presence along the sea lanes that run from the Indian Ocean to the Mediterranean.",
        { h2: 'Commercial logic, strategic side effects' },
        "In peacetime, the practical significance of these holdings is modest. Terminal operators do not control port security, and host governments retain regulatory authority. The concern lies elsewhere: in the data that port-management systems generate about cargo, vessel movements and supply chains; in the dependence that long concessions create; and in the possibility that commercial access could serve military purposes in a crisis. The attacks on shipping in the Red Sea since late 2023, during which China stayed out of the multinational effort to protect navigation, showed how Beijing's interests and those of Western navies can diverge along the same routes.",
        'For the Gulf states, Chinese investment is part of a deliberate strategy of diversification, and they see little contradiction between it and their security ties with the United States. Washington, for its part, has become more assertive in pressing partners to limit Chinese involvement in sensitive infrastructure, as it did in 2021 over reported Chinese construction at a port near Abu Dhabi. Israel faced similar pressure over the Haifa concession and is likely to face it again as new tenders are issued.',
        { h2: 'Recommendations' },
        {
          list: [
            'Apply systematic security review to foreign investment in ports and logistics, using clear criteria rather than case-by-case decisions.',
            'Separate terminal operations from access to sensitive data, including through domestic control of port community systems.',
            'Coordinate with the United States and Gulf partners on common standards for critical maritime infrastructure, so that Israel is not singled out.',
          ],
        },
        "China is not Israel's adversary, and trade with it remains important to the Israeli economy. The aim is not to exclude Chinese firms but to ensure that commercial ties do not create vulnerabilities that are hard to reverse. The advisory committee on the national-security aspects of foreign investment, established in 2019, offers a framework that should be given a broader mandate and more resources.[[fn:Government decision establishing an advisory committee on national-security aspects of foreign investment, October 2019.]]",
      ],
    },
  },
  {
    key: 'p1-reserve-service-burden',
    type: 'post',
    date: '2025-09-08',
    authors: ['gideon-tal', 'noa-friedman'],
    topics: ['civil-military', 'public-opinion'],
    audio: true,
    he: {
      title: 'משרתי המילואים אחרי שנתיים של מלחמה: מי נושא בנטל?',
      slug: 'נטל-המילואים-אחרי-שנתיים-של-מלחמה',
      summary:
        'מאות אלפי משרתי מילואים נקראו לשירות ממושך מאז אוקטובר 2023. המחיר האישי, המשפחתי והכלכלי שהם משלמים מעורר שאלות קשות על חלוקת הנטל בחברה הישראלית.',
      body: [
        'מאז 7 באוקטובר 2023 שירתו רבים ממשרתי המילואים מאות ימים — פי כמה מהיקף השירות השנתי שהיה מקובל בעשורים האחרונים. מאחורי הנתונים עומדים עסקים קטנים שנסגרו, סטודנטים שדחו את לימודיהם ובני זוג שנשאו לבדם בעול הבית והילדים. סקר שערך המכון בקרב משרתי מילואים ובני זוגם מצא כי כמחצית מהם דיווחו על פגיעה משמעותית בהכנסה או בתעסוקה.[[fn:סקר המכון בקרב משרתי מילואים ובני זוגם, אוגוסט 2025, מדגם של 800 משיבים.]]',
        'הנטל הזה אינו מתחלק באופן שווה. הוא מוטל על שכבה הולכת ומצטמצמת של אזרחים, ובתוכה בעיקר על יחידות הלוחמה ועל מי שממלאים תפקידים מבצעיים. הוויכוח הציבורי על גיוס בני הישיבות מקבל בהקשר הזה משמעות חדשה, שכן רבים מן המשרתים רואים בו שאלה של הוגנות בסיסית ולא רק של כוח אדם.',
        {
          quote: 'הנכונות לשרת היא משאב לאומי מתכלה; היא נשמרת רק כשהמשרתים חשים שהנטל מתחלק בהגינות.',
        },
        'ההטבות והמענקים שאושרו למשרתי המילואים מאז פרוץ המלחמה הקלו על חלק מן הקשיים, אך אין בהם תחליף למדיניות ארוכת טווח. נדרשים מודל שירות צפוי יותר, שיאפשר למשרתים ולמעסיקים לתכנן את השנה; הגנה תעסוקתית אפקטיבית; ובעיקר הרחבה של מעגל המשרתים. בלי אלה, הסיכון הוא שחיקה של הנכונות לשרת דווקא בקרב מי שנשאו עד כה בעיקר הנטל.',
      ],
    },
  },
  {
    key: 'p1-ai-in-intelligence',
    type: 'special-publication',
    date: '2025-09-29',
    authors: ['talia-ben-ami', 'yoav-carmeli'],
    topics: ['emerging-tech', 'tech'],
    pdf: true,
    en: {
      title: 'Artificial Intelligence in Intelligence Work: Promise, Limits and Oversight',
      slug: 'artificial-intelligence-in-intelligence-work',
      summary:
        'AI tools now help intelligence agencies sift vast volumes of data and generate warnings and targets at unprecedented speed. This publication examines what the technology changes, where it fails and what oversight it requires.',
      body: [
        "Intelligence organisations have always struggled with too much information rather than too little. Machine-learning systems promise to ease that burden: they can transcribe and translate intercepted communications, flag anomalies in imagery, link fragments of data across sources and rank leads for human analysts. Israel's intelligence community, like those of other advanced militaries, has invested heavily in such tools over the past decade, and they have been used extensively in the wars since October 2023.[[fn:Based on official IDF statements and on published interviews with former intelligence officers, 2021–2025.]] The question is no longer whether to use AI, but how to use it well.",
        { h2: 'What changes' },
        "The most significant change is speed. Tasks that once occupied teams of analysts for days, such as cross-referencing signals, imagery and human reporting, can now be completed in minutes. This shortens the cycle from collection to decision and allows organisations to track far more targets and indicators at once. It also shifts the analyst's role from searching for information to validating conclusions proposed by machines.",
        { h2: 'Where it fails' },
        "The same features that make AI powerful also create new risks. Models trained on past patterns are poor at recognising genuinely new behaviour, which is precisely the kind of surprise intelligence exists to anticipate. Automation bias leads operators to accept machine outputs with less scrutiny than they would give a colleague's assessment, especially under time pressure. And errors can spread at scale: a flawed assumption built into a model is repeated in every output it produces.",
        {
          quote:
            'A system that produces answers faster than people can question them does not reduce uncertainty; it only hides it.',
        },
        { h2: 'Principles for oversight' },
        {
          list: [
            "**Human judgment:** decisions with lethal or strategic consequences must rest with accountable people who understand the basis of the system's recommendation.",
            '**Red teams:** dedicated units should test models against deception, novel scenarios and adversarial manipulation.',
            '**Audit trails:** systems should record the data and reasoning behind each output, so that it can be reviewed after the fact.',
            '**External review:** a body outside the chain of command, with appropriate clearances, should periodically assess how the tools are used.[[fn:Compare the oversight frameworks discussed in the NATO principles of responsible use of artificial intelligence, adopted in 2021.]]',
          ],
        },
      ],
    },
    he: {
      title: 'בינה מלאכותית בעבודת המודיעין: הבטחה, מגבלות ופיקוח',
      slug: 'בינה-מלאכותית-בעבודת-המודיעין',
      summary:
        'כלי בינה מלאכותית מסייעים כיום לארגוני מודיעין לסנן כמויות עצומות של מידע ולהפיק התרעות ומטרות במהירות חסרת תקדים. הפרסום בוחן מה הטכנולוגיה משנה, היכן היא נכשלת ואיזה פיקוח היא מחייבת.',
      body: [
        'ארגוני מודיעין התמודדו מאז ומעולם עם עודף מידע יותר מאשר עם מחסור בו. מערכות למידת מכונה מבטיחות להקל את הנטל: הן מתמללות ומתרגמות תקשורת מיורטת, מזהות חריגות בצילומים, מקשרות בין פיסות מידע ממקורות שונים ומדרגות כיווני בדיקה עבור האנליסטים. קהילת המודיעין הישראלית, כמו אלה של צבאות מתקדמים אחרים, השקיעה רבות בכלים כאלה בעשור האחרון, ונעשה בהם שימוש נרחב במלחמות שמאז אוקטובר 2023.[[fn:על סמך הודעות רשמיות של צה״ל וראיונות שפורסמו עם בכירים לשעבר בקהילת המודיעין, 2021–2025.]] השאלה כבר אינה אם להשתמש בבינה מלאכותית, אלא כיצד להשתמש בה נכון.',
        { h2: 'מה משתנה' },
        'השינוי המשמעותי ביותר הוא המהירות. משימות שבעבר העסיקו צוותי אנליסטים במשך ימים — הצלבה של מודיעין אותות, צילומי אוויר ומידע ממקורות אנושיים — מתבצעות כיום בתוך דקות. הדבר מקצר את המחזור שבין האיסוף להחלטה ומאפשר לעקוב אחר מספר גדול בהרבה של יעדים ומדדים בו־זמנית. הוא גם משנה את תפקידו של האנליסט: מחיפוש מידע לאימות מסקנות שהמכונה מציעה.',
        { h2: 'היכן היא נכשלת' },
        'אותן תכונות שהופכות את הבינה המלאכותית לעוצמתית יוצרות גם סיכונים חדשים. מודלים שאומנו על דפוסי עבר מתקשים לזהות התנהגות חדשה באמת — בדיוק סוג ההפתעה שהמודיעין אמור לצפות. ״הטיית האוטומציה״ גורמת למפעילים לקבל את תוצרי המכונה בביקורתיות פחותה מזו שהיו מפגינים כלפי הערכה של עמית, במיוחד תחת לחץ זמן. ושגיאות עלולות להתפשט בהיקף רחב: הנחה שגויה שהוטמעה במודל חוזרת בכל תוצר שהוא מפיק.',
        {
          quote:
            'מערכת שמפיקה תשובות מהר יותר ממה שבני אדם מסוגלים להטיל בהן ספק אינה מצמצמת את אי־הוודאות — היא רק מסתירה אותה.',
        },
        { h2: 'עקרונות לפיקוח' },
        {
          list: [
            '**שיקול דעת אנושי:** החלטות בעלות השלכות קטלניות או אסטרטגיות חייבות להישאר בידי בעלי תפקיד אחראים, המבינים על מה מבוססת המלצת המערכת.',
            '**צוותים אדומים:** יחידות ייעודיות צריכות לבחון את המודלים מול הטעיה, תרחישים חדשים וניסיונות מניפולציה של היריב.',
            '**תיעוד:** על המערכות לתעד את הנתונים ואת ההיגיון שעמדו בבסיס כל תוצר, כדי לאפשר בחינה בדיעבד.',
            '**ביקורת חיצונית:** גוף שמחוץ לשרשרת הפיקוד, בעל סיווג מתאים, צריך לבחון מעת לעת את אופן השימוש בכלים.[[fn:השוו למסגרות הפיקוח הנדונות בעקרונות נאט״ו לשימוש אחראי בבינה מלאכותית, שאומצו ב־2021.]]',
          ],
        },
      ],
    },
  },
  {
    key: 'p1-defence-budget-economy',
    type: 'policy-paper',
    number: 43,
    date: '2025-10-27',
    authors: ['ron-avidan'],
    topics: ['economy-security', 'home-front'],
    pdf: true,
    he: {
      title: 'תקציב הביטחון והמשק: איך לממן ביטחון בלי לפגוע בצמיחה',
      slug: 'תקציב-הביטחון-והמשק',
      summary:
        'המלחמה הרב־זירתית כמעט הכפילה את הוצאות הביטחון של ישראל והעלתה את יחס החוב לתוצר. המסמך מציע מסגרת תקציבית רב־שנתית שתאפשר לבנות מחדש את העוצמה הצבאית תוך שמירה על היציבות הפיסקלית.',
      body: [
        { h2: 'תמונת המצב' },
        'המלחמה שפרצה באוקטובר 2023 הפכה את הוצאות הביטחון לרכיב הדומיננטי בתקציב המדינה. בשנת 2024 הגיעו ההוצאות הביטחוניות לכ־8% מהתוצר — כמעט פי שניים מהרמה שלפני המלחמה — ויחס החוב לתוצר טיפס מכ־60% לכ־69%.[[fn:על סמך נתוני משרד האוצר, בנק ישראל והלשכה המרכזית לסטטיסטיקה, 2022–2024.]] המערכה מול איראן ביוני 2025 והמשך הלחימה בעזה הוסיפו עלויות כבדות של יירוט, תחמושת והפעלת מילואים. גם כשהלחימה תדעך, הצבא יידרש להשקעה רב־שנתית בחידוש המלאים, בהגנה האווירית ובהגדלת הצבא הסדיר.',
        'עליית ההוצאה כשלעצמה אינה בהכרח מסוכנת. ישראל נכנסה למלחמה עם יחס חוב נמוך יחסית ועם מערכת פיננסית איתנה, והשווקים ספגו את הזעזוע ללא משבר. הסכנה טמונה בהתמשכות: תקציב ביטחון גבוה לאורך שנים, הממומן בגירעון, ידחק החוצה השקעות במנועי הצמיחה — תשתיות, השכלה ומחקר — ויעלה את פרמיית הסיכון של המשק. הורדות דירוג האשראי של ישראל במהלך 2024 היו בבחינת תמרור אזהרה.',
        { h2: 'עקרונות למסגרת רב־שנתית' },
        {
          list: [
            '**תוכנית רב־שנתית מחייבת** לתקציב הביטחון, בהמשך לעבודת הוועדה הציבורית שבחנה את תקציב הביטחון ובניין הכוח בראשית 2025, במקום החלטות תקציביות חד־פעמיות.',
            '**מקורות מימון ייעודיים** — שילוב של התאמות במיסוי, צמצום הוצאות שאינן תורמות לצמיחה ושימוש מושכל בסיוע האמריקני — במקום מימון בגירעון בלבד.',
            '**שקיפות ובקרה:** פירוט גלוי ככל האפשר של רכיבי התקציב ודיווח תקופתי לוועדת החוץ והביטחון ולוועדת הכספים של הכנסת.',
            '**התעשייה הביטחונית כמנוע צמיחה**, בדגש על יצוא ועל העברת טכנולוגיות למגזר האזרחי.',
          ],
        },
        'מעבר למספרים, תקציב הביטחון משקף הכרעות על חלוקת הנטל. כוח האדם הוא הרכיב היקר ביותר בצבא, ושירות מילואים ממושך גורם למשק נזק שאינו נרשם בתקציב הביטחון: אובדן תוצר, פגיעה בעסקים קטנים וירידה בפריון. הרחבת בסיס המשרתים היא לכן לא רק סוגיה חברתית אלא גם סוגיה כלכלית ממדרגה ראשונה.[[fn:אומדן העלות המשקית של שירות המילואים מבוסס על מחקרי בנק ישראל ועל ניתוח המכון, 2024–2025.]]',
        {
          quote:
            'הביטחון הלאומי נשען בסופו של דבר על משק חזק; תקציב ביטחון שמחליש את המשק שוחק את הבסיס שעליו הוא עצמו עומד.',
        },
        'ההמלצה המרכזית היא אפוא לקבוע מסגרת לעשור, שתכלול תקרה להוצאה הביטחונית כשיעור מהתוצר שתרד בהדרגה, יעד ליחס החוב לתוצר ומנגנון עדכון מוסכם למקרה של הסלמה. מסגרת כזאת תאותת לשווקים, לחברות הדירוג ולבעלות הברית שישראל מתכננת את עתידה הביטחוני באחריות פיסקלית. היא גם תחייב את הדרג המדיני ואת צה״ל לקבוע סדרי עדיפויות ברורים, במקום להוסיף תקציבים בכל פעם שמתעורר צורך.',
      ],
    },
  },
  {
    key: 'p1-cyber-civilian-infrastructure',
    type: 'memorandum',
    number: 211,
    date: '2025-11-17',
    authors: ['talia-ben-ami'],
    topics: ['cyber', 'iran'],
    pdf: true,
    en: {
      title: 'Cyber Attacks on Civilian Infrastructure: Lessons from Two Years of War',
      slug: 'cyber-attacks-on-civilian-infrastructure-lessons',
      summary:
        'Since October 2023, Iranian and Iran-aligned groups have repeatedly targeted Israeli water systems, hospitals and local authorities. Most attacks caused limited damage, but they exposed gaps in the protection of smaller operators.',
      body: [
        'The wars since October 2023 have been accompanied by an intensive campaign in cyberspace. Groups linked to the Iranian state, along with hacktivist fronts, claimed attacks on water facilities, hospitals, municipal systems and private companies, and combined them with leaks and influence operations designed to spread fear.[[fn:Based on public reports of the Israel National Cyber Directorate, 2023–2025, and on analyses by commercial threat-intelligence firms.]] Most incidents caused limited physical disruption. Their cumulative effect, however, has been to show how wide the civilian attack surface has become.',
        { h2: 'Patterns' },
        'Three patterns stand out. First, attackers focused on the weakest links, such as small water utilities, regional hospitals and IT suppliers to local authorities, rather than on the best-protected national systems. Second, many intrusions exploited known vulnerabilities and default passwords in internet-connected control equipment. Third, the psychological dimension often outweighed the technical one: exaggerated claims of success, spread on social media, were as much a part of the operation as the intrusion itself. During the June 2025 campaign against Iran this pattern intensified, with a reported surge in attempted attacks and in phishing messages aimed at the general public.',
        { quote: 'Resilience is measured at the weakest operator in the chain, not at the strongest.' },
        { h2: 'Recommendations' },
        {
          list: [
            'Extend binding cyber-protection requirements to small and medium operators of essential services, with state funding for basic measures.',
            'Establish sector-wide response teams for water and health that can deploy within hours.',
            'Set supply-chain security standards for IT providers that serve public bodies.',
            'Prepare a public communication doctrine to rebut exaggerated claims quickly and credibly.',
          ],
        },
        "The cyber dimension of the conflict with Iran will not end with a ceasefire on other fronts. Investing in the resilience of civilian operators is cheap compared with the cost of a successful attack on water or health systems, and it should be treated as part of the defence budget rather than as an afterthought.[[fn:See the institute's policy paper on the defence budget and the economy (in Hebrew), October 2025.]]",
      ],
    },
    he: {
      title: 'מתקפות סייבר על תשתיות אזרחיות: לקחים משנתיים של מלחמה',
      slug: 'מתקפות-סייבר-על-תשתיות-אזרחיות',
      summary:
        'מאז אוקטובר 2023 תקפו שוב ושוב קבוצות איראניות וקבוצות הפועלות מטעם איראן מערכות מים, בתי חולים ורשויות מקומיות בישראל. רוב המתקפות גרמו נזק מוגבל, אך הן חשפו פערים בהגנה על מפעילים קטנים.',
      body: [
        'המלחמות שמאז אוקטובר 2023 לוו במערכה אינטנסיבית במרחב הקיברנטי. קבוצות הקשורות למשטר האיראני, לצד חזיתות ״האקטיביסטיות״, נטלו אחריות למתקפות על מתקני מים, בתי חולים, מערכות עירוניות וחברות פרטיות, ושילבו אותן בהדלפות ובמבצעי השפעה שנועדו לזרוע פחד.[[fn:על סמך דיווחים פומביים של מערך הסייבר הלאומי, 2023–2025, וניתוחים של חברות מסחריות למודיעין איומים.]] רוב האירועים גרמו שיבוש פיזי מוגבל. אולם השפעתם המצטברת המחישה עד כמה רחב נעשה משטח התקיפה האזרחי.',
        { h2: 'דפוסים' },
        'שלושה דפוסים בולטים. ראשית, התוקפים התמקדו בחוליות החלשות — תאגידי מים קטנים, בתי חולים אזוריים וספקי שירותי מחשוב לרשויות מקומיות — ולא במערכות הלאומיות המוגנות היטב. שנית, חדירות רבות ניצלו חולשות מוכרות וסיסמאות ברירת מחדל בציוד בקרה המחובר לאינטרנט. שלישית, הממד הפסיכולוגי גבר לא פעם על הממד הטכני: טענות מוגזמות להצלחה, שהופצו ברשתות החברתיות, היו חלק מן המבצע לא פחות מהחדירה עצמה. במהלך המערכה מול איראן ביוני 2025 התעצם הדפוס הזה, ודווח על זינוק בניסיונות התקיפה ובהודעות דיוג שכוונו לציבור הרחב.',
        { quote: 'החוסן נמדד במפעיל החלש ביותר בשרשרת, לא בחזק ביותר.' },
        { h2: 'המלצות' },
        {
          list: [
            'להחיל דרישות מחייבות להגנת סייבר גם על מפעילים קטנים ובינוניים של שירותים חיוניים, במימון ממשלתי לאמצעי הגנה בסיסיים.',
            'להקים צוותי תגובה מגזריים לתחומי המים והבריאות, שיוכלו להיפרס בתוך שעות.',
            'לקבוע תקנים לאבטחת שרשרת האספקה אצל ספקי מחשוב המשרתים גופים ציבוריים.',
            'לגבש תורת הסברה שתאפשר להפריך טענות מוגזמות במהירות ובאמינות.',
          ],
        },
        'הממד הקיברנטי של העימות עם איראן לא יסתיים עם הפסקת אש בזירות אחרות. ההשקעה בחוסן של מפעילים אזרחיים זולה לעומת מחירה של מתקפה מוצלחת על מערכות המים או הבריאות, ויש לראות בה חלק מתקציב הביטחון ולא עניין שולי.[[fn:ראו את מסמך המדיניות של המכון על תקציב הביטחון והמשק, אוקטובר 2025.]]',
      ],
    },
  },
  {
    key: 'p1-us-israel-relations',
    type: 'journal-article',
    volume: 29,
    issue: 2,
    date: '2025-12-01',
    authors: ['eitan-shapiro'],
    topics: ['united-states', 'powers'],
    pdf: true,
    en: {
      title: 'Between Dependence and Autonomy: The US–Israel Relationship in 2025',
      slug: 'us-israel-relationship-dependence-and-autonomy',
      summary:
        "The wars of 2023–2025 showed both how much Israel depends on the United States and how far Washington's commitment rests on shifting domestic foundations. This article assesses the relationship's strengths, its new fault lines and its likely direction.",
      body: [
        "Few years have illustrated the depth of the US–Israel relationship as vividly as 2025. American forces helped intercept Iranian missile salvos, and in June the United States joined the Israeli campaign by striking Iranian nuclear sites, the first direct American military action against Iran's nuclear programme. In the autumn, American diplomacy was central to the arrangement that brought a ceasefire in Gaza and the return of hostages.[[fn:Based on official US and Israeli government statements, June–October 2025.]] By any measure, the operational integration of the two countries' security establishments has never been closer.",
        "Yet the same period exposed vulnerabilities. Israel's dependence on American munitions, interceptors and diplomatic protection at the United Nations became more visible than at any time since 1973. At the same time, a range of surveys show that support for Israel has declined among younger Americans and in parts of both major parties.[[fn:See the trends in surveys by leading American polling organisations, 2022–2025.]] Support for Israel is no longer the bipartisan constant it was for most of the past half-century.",
        { h2: 'Three fault lines' },
        'The first fault line is generational. Americans under forty, whose political memory begins after the Oslo process, see the conflict through different frames from their parents, and their sympathies are more divided. The second is partisan: on the left, criticism of Israeli policy has entered the mainstream, while on the right an “America First” current questions foreign commitments in general, military aid included. The third is structural: the memorandum of understanding on military aid, which provides 3.8 billion dollars a year, expires in 2028, and negotiations on its successor will take place in a very different political climate.',
        {
          quote:
            'The relationship is closer than ever at the operational level and more fragile than before at the level of public support, a combination that rewards careful management rather than confidence.',
        },
        { h2: 'Toward the next decade' },
        'Israel should start preparing now for the next aid agreement, with a view to a gradual shift from grants toward joint development and production, which would be easier to defend politically in Washington. It should invest in relations with both parties and with constituencies beyond the traditional pro-Israel community, and avoid being identified with one side of American political divides. Above all, it must recognise that its freedom of action depends in large part on a perception in Washington that Israeli policy serves shared interests. Autonomy, in this sense, is not the opposite of the alliance but a product of managing it well.',
      ],
    },
    he: {
      title: 'בין תלות לעצמאות: יחסי ישראל–ארה״ב ב־2025',
      slug: 'יחסי-ישראל-וארצות-הברית-תלות-ועצמאות',
      summary:
        'המלחמות של 2023–2025 המחישו עד כמה תלויה ישראל בארצות הברית, ועד כמה המחויבות האמריקנית נשענת על יסודות פנים־פוליטיים משתנים. המאמר בוחן את נקודות החוזק של הקשר, את קווי השבר החדשים ואת המגמות הצפויות.',
      body: [
        'מעטות השנים שהמחישו את עומק הקשר בין ישראל לארצות הברית כמו 2025. כוחות אמריקניים סייעו ליירט מטחי טילים איראניים, ובחודש יוני הצטרפה ארה״ב למערכה הישראלית ותקפה אתרי גרעין באיראן — הפעולה הצבאית האמריקנית הישירה הראשונה נגד תוכנית הגרעין האיראנית. בסתיו מילאה הדיפלומטיה האמריקנית תפקיד מרכזי בהסדר שהביא להפסקת אש בעזה ולהשבת חטופים.[[fn:על סמך הודעות רשמיות של ממשלות ארה״ב וישראל, יוני–אוקטובר 2025.]] בכל קנה מידה, השילוב המבצעי בין מערכות הביטחון של שתי המדינות מעולם לא היה הדוק יותר.',
        'ואולם אותה תקופה חשפה גם נקודות תורפה. תלותה של ישראל בתחמושת, במיירטים ובגיבוי הדיפלומטי האמריקני באו״ם נעשתה גלויה יותר מאשר בכל עת מאז 1973. במקביל, על פי שורה של סקרים, התמיכה בישראל נשחקה בקרב אמריקנים צעירים ובחלקים של שתי המפלגות הגדולות.[[fn:ראו את המגמות בסקרים של מכוני סקרים אמריקניים מובילים, 2022–2025.]] התמיכה בישראל כבר אינה אותו קבוע דו־מפלגתי שהייתה במשך רוב חצי המאה האחרונה.',
        { h2: 'שלושה קווי שבר' },
        'קו השבר הראשון הוא דורי. אמריקנים מתחת לגיל ארבעים, שזיכרונם הפוליטי מתחיל אחרי תהליך אוסלו, מתבוננים בסכסוך דרך עדשות שונות מאלה של הוריהם, ואהדתם חלוקה יותר. השני הוא מפלגתי: בשמאל האמריקני הפכה הביקורת על המדיניות הישראלית לחלק מהזרם המרכזי, ואילו בימין מתחזק זרם ״אמריקה תחילה״ המטיל ספק במחויבויות חוץ בכלל, ובהן הסיוע הצבאי. השלישי הוא מבני: מזכר ההבנות על הסיוע הצבאי, המעניק 3.8 מיליארד דולר בשנה, יפקע ב־2028, והמשא ומתן על המזכר הבא יתנהל באקלים פוליטי שונה מאוד.',
        {
          quote:
            'הקשר הדוק מאי־פעם ברמה המבצעית ושברירי מבעבר ברמת התמיכה הציבורית — שילוב שמחייב ניהול זהיר, לא ביטחון עצמי.',
        },
        { h2: 'לקראת העשור הבא' },
        'על ישראל להתחיל כבר עכשיו להיערך למזכר ההבנות הבא, מתוך כוונה לעבור בהדרגה ממענקים לפיתוח ולייצור משותפים, שיהיה קל יותר להגן עליהם פוליטית בוושינגטון. עליה להשקיע ביחסים עם שתי המפלגות ועם קהלים שמעבר לקהילה הפרו־ישראלית המסורתית, ולהימנע מהזדהות עם צד אחד במחלוקות הפוליטיות בארה״ב. ומעל לכול, עליה להכיר בכך שחופש הפעולה שלה תלוי במידה רבה בתפיסה בוושינגטון שהמדיניות הישראלית משרתת אינטרסים משותפים. במובן זה, העצמאות אינה ההפך מן הברית — היא תוצר של ניהולה הנבון.',
      ],
    },
  },
  {
    key: 'p1-strategic-review-new-issue',
    type: 'post',
    date: '2025-12-15',
    authors: ['hila-mor'],
    topics: ['united-states', 'regional'],
    en: {
      title: 'From the Editor: The New Issue of Strategic Review',
      slug: 'from-the-editor-new-issue-of-strategic-review',
      summary:
        'The second issue of volume 29 of Strategic Review looks back on a year that reshaped the region and asks which of its changes will last.',
      body: [
        "The second issue of volume 29 of Strategic Review, the institute's peer-reviewed journal, appears at the end of a year that redrew the strategic map of the Middle East. Iran's nuclear programme came under attack, the war in Gaza gave way to a fragile ceasefire, and Syria began a transition whose outcome is still unclear. We asked our authors not to summarise these events but to ask which of them mark lasting shifts and which may prove temporary.",
        "The issue opens with Prof. Eitan Shapiro's analysis of the US–Israel relationship, which argues that unprecedented operational closeness now coexists with eroding public support. Other articles examine deterrence between Israel and Iran after the June campaign, the economics of reconstruction in Lebanon and Gaza, and the use of artificial intelligence in military decision-making. As always, the issue also includes reviews of recent books in English and Hebrew.",
        "Strategic Review welcomes submissions from scholars and practitioners in Israel and abroad. The call for papers for volume 30, devoted to societal resilience in prolonged conflict, is now open, and guidelines for authors are available on the journal's page.",
      ],
    },
    he: {
      title: 'דבר העורכת: הגיליון החדש של ״סקירה אסטרטגית״',
      slug: 'הגיליון-החדש-של-סקירה-אסטרטגית',
      summary:
        'הגיליון השני של הכרך ה־29 של ״סקירה אסטרטגית״ מביט לאחור על שנה ששינתה את פני האזור, ושואל אילו מן השינויים יחזיקו מעמד.',
      body: [
        'הגיליון השני של הכרך ה־29 של ״סקירה אסטרטגית״, כתב העת השפיט של המכון, רואה אור בסופה של שנה ששרטטה מחדש את המפה האסטרטגית של המזרח התיכון. תוכנית הגרעין האיראנית הותקפה, המלחמה בעזה פינתה את מקומה להפסקת אש שברירית, וסוריה החלה בתהליך מעבר שתוצאותיו עדיין אינן ברורות. ביקשנו מהכותבים שלא לסכם את האירועים, אלא לשאול אילו מהם מסמנים שינוי של קבע ואילו עשויים להתברר כזמניים.',
        'את הגיליון פותח ניתוחו של פרופ׳ איתן שפירא על יחסי ישראל–ארה״ב, הטוען כי קרבה מבצעית חסרת תקדים מתקיימת כיום לצד שחיקה בתמיכה הציבורית. מאמרים נוספים עוסקים בהרתעה בין ישראל לאיראן אחרי המערכה ביוני, בכלכלת השיקום בלבנון ובעזה ובשימוש בבינה מלאכותית בקבלת החלטות צבאיות. וכמו תמיד, הגיליון כולל גם ביקורות על ספרים חדשים בעברית ובאנגלית.',
        '״סקירה אסטרטגית״ מזמין חוקרים ואנשי מעשה בישראל ובעולם להגיש מאמרים. הקול הקורא לכרך ה־30, שיוקדש לחוסן חברתי בעימות מתמשך, פתוח כעת, והנחיות לכותבים מופיעות בעמוד כתב העת.',
      ],
    },
  },
];
