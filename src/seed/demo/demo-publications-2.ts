/**
 * Demo publications, second batch (2026): fifteen translation groups of the Meridian Institute
 * for Security Studies. All authors are fictional; the analysis is framed as scenarios and options.
 */
import type { DemoPublication } from './demo-types.js';

export const demoPublications2: DemoPublication[] = [
  {
    key: 'p2-iran-missile-deterrence',
    type: 'insight',
    number: 1891,
    date: '2026-01-08',
    authors: ['dana-levin', 'yoav-carmeli'],
    topics: ['iran', 'regional'],
    audio: true,
    en: {
      title: "Rebuilding the Arsenal: Iran's Missile Programme and the Limits of Deterrence",
      slug: 'iran-missile-programme-limits-of-deterrence',
      summary:
        'Iran is likely to treat the reconstitution of its ballistic-missile force as its first military priority. This insight examines how Israel can shape that effort without sliding into a cycle of recurring rounds of escalation.',
      body: [
        "The exchanges of fire between Israel and Iran in 2024 and 2025 exposed both the reach and the limits of Tehran's missile arsenal. Large salvoes penetrated layered defences in some cases, but at a heavy cost in launchers, stockpiles and production sites. For the Iranian leadership, the lesson appears to be that the missile force remains its principal strategic asset and must be rebuilt quickly. For Israel, the question is whether deterrence can hold while that rebuilding takes place.[[fn:Based on the institute's open-source database of missile launches toward Israel, 2024–2025.]]",
        { h2: 'What Iran is likely to prioritise' },
        'Three priorities stand out. The first is the restoration of production capacity, especially of solid-propellant motors, which depend on specialised mixers that are difficult to replace. The second is survivability: more mobile launchers, more dispersed storage and deeper underground facilities. The third is accuracy, which allows a smaller number of missiles to achieve effects that previously required massed salvoes.',
        {
          list: [
            'Production: solid-fuel motor lines and the supply of precursor chemicals, some of them imported.',
            'Survivability: mobile launchers, tunnel complexes and decoys designed to absorb a first strike.',
            'Accuracy: upgraded guidance kits that can be fitted to existing missile types.',
          ],
        },
        { h2: 'Deterrence under reconstruction' },
        "Deterrence during a rebuilding phase is inherently unstable. Israel may be tempted to act early, before capabilities are restored, while Iran may seek to demonstrate resolve in order to mask its weakness. Both incentives shorten decision times and raise the risk of miscalculation. A sustainable approach would combine intelligence-led disruption of supply chains with clear signalling about the thresholds that would trigger a direct response.[[fn:See the discussion of escalation thresholds in the institute's annual strategic assessment for 2026.]]",
        'Israel will also need to invest in the defensive side of the equation. Interceptor stocks are finite and costly, and a renewed campaign could drain them faster than industry can replenish them. Close coordination with the United States on interceptor production and regional early warning is therefore not a supplement to deterrence but one of its foundations.',
      ],
    },
    he: {
      title: 'לבנות מחדש את המערך: תוכנית הטילים של איראן וגבולות ההרתעה',
      slug: 'תוכנית-הטילים-של-איראן-וגבולות-ההרתעה',
      summary:
        'איראן צפויה להציב את שיקום מערך הטילים הבליסטיים בראש סדר העדיפויות הצבאי שלה. המאמר בוחן כיצד ישראל יכולה להשפיע על המאמץ הזה בלי להיגרר למעגל של סבבי הסלמה חוזרים.',
      body: [
        'חילופי האש בין ישראל לאיראן ב־2024 וב־2025 חשפו הן את טווח ההשפעה של מערך הטילים האיראני והן את מגבלותיו. מטחים גדולים הצליחו במקרים מסוימים לחדור את מערכי ההגנה הרב־שכבתיים, אך במחיר כבד של משגרים, מלאים ואתרי ייצור. מבחינת ההנהגה בטהרן, הלקח המסתמן הוא שמערך הטילים נותר הנכס האסטרטגי המרכזי שלה ושיש לשקמו במהירות. מבחינת ישראל, השאלה היא אם ההרתעה תחזיק מעמד בזמן שהשיקום הזה מתבצע.[[fn:על פי מאגר המידע הגלוי של המכון על שיגורי טילים לעבר ישראל, 2024–2025.]]',
        { h2: 'על מה איראן צפויה להתמקד' },
        'שלושה יעדים בולטים במיוחד. הראשון הוא שיקום כושר הייצור, ובעיקר של מנועי דלק מוצק, התלויים במערבלים ייעודיים שקשה להחליף. השני הוא שרידות: יותר משגרים ניידים, פיזור רחב יותר של אתרי האחסון ומתקנים תת־קרקעיים עמוקים יותר. השלישי הוא דיוק, המאפשר למספר קטן יותר של טילים להשיג את ההשפעה שבעבר חייבה מטחים מסיביים.',
        {
          list: [
            'ייצור: קווי ייצור של מנועי דלק מוצק ואספקת חומרי גלם כימיים, שחלקם מיובאים.',
            'שרידות: משגרים ניידים, מערכי מנהרות ומטרות דמה שנועדו לספוג מכה ראשונה.',
            'דיוק: ערכות הנחיה משודרגות שאפשר להתקין על דגמי טילים קיימים.',
          ],
        },
        { h2: 'הרתעה בתקופת שיקום' },
        'הרתעה בתקופה שבה היריב משקם את יכולותיו היא מטבעה בלתי יציבה. ישראל עלולה להתפתות לפעול מוקדם, לפני שהיכולות ישוקמו, ואילו איראן עשויה לבקש להפגין נחישות כדי להסוות את חולשתה. שני התמריצים האלה מקצרים את זמני קבלת ההחלטות ומגדילים את הסיכון לטעות בהערכה. גישה בת־קיימא תשלב שיבוש מבוסס מודיעין של שרשראות האספקה עם איתות ברור על הקווים האדומים שחצייתם תוביל לתגובה ישירה.[[fn:ראו את הדיון בספי הסלמה בהערכה האסטרטגית השנתית של המכון לשנת 2026.]]',
        'ישראל תצטרך להשקיע גם בצד ההגנתי של המשוואה. מלאי המיירטים מוגבל ויקר, ומערכה נוספת עלולה לרוקן אותו מהר יותר משהתעשייה מסוגלת לחדש אותו. לכן תיאום הדוק עם ארה״ב בייצור מיירטים ובהתרעה מוקדמת אזורית אינו תוספת להרתעה, אלא אחד מיסודותיה.',
      ],
    },
  },
  {
    key: 'p2-lebanese-army-south',
    type: 'policy-paper',
    number: 46,
    date: '2026-01-27',
    authors: ['miriam-haddad', 'yoav-carmeli'],
    topics: ['lebanon-hezbollah', 'regional'],
    featured: true,
    pdf: true,
    en: {
      title: 'South of the Litani: Can the Lebanese Army Fill the Vacuum?',
      slug: 'can-the-lebanese-army-fill-the-vacuum',
      summary:
        "The November 2024 ceasefire placed the Lebanese Armed Forces at the centre of security arrangements in southern Lebanon. This paper assesses the army's capacity and will to curb Hezbollah, and proposes benchmarks by which Israel and its partners can measure progress.",
      body: [
        "The ceasefire arrangements in Lebanon rest on an assumption that has rarely held in the past: that the Lebanese state, through its army, can establish a monopoly on force south of the Litani River. The Lebanese Armed Forces enjoy broad public legitimacy across the country's sects, and their deployment in the south has expanded since the end of 2024. Yet the army remains underfunded, dependent on foreign aid and wary of any confrontation that could split its ranks. The question is therefore not only whether it is capable, but what it can be expected to do without risking its own cohesion.[[fn:Based on public reports of the monitoring mechanism established under the ceasefire understandings, and on interviews conducted by the authors.]]",
        { h2: 'Capacity and constraints' },
        "The army's most acute problem is economic. Salaries eroded dramatically during Lebanon's financial collapse, and many soldiers hold second jobs to make ends meet. International donors, chiefly the United States and Qatar, have helped keep the force afloat, but support of this kind is short-term and easily reversed. Without a sustained funding framework, any expansion of the army's mission in the south will remain thin on the ground.",
        "The second constraint is political. The army's leadership has consistently avoided direct confrontation with Hezbollah, preferring a model of gradual takeover of sites and weapons depots with the organisation's tacit consent. This model can produce real gains, particularly in removing visible infrastructure near the border. It is far less effective against dispersed capabilities, such as short-range rockets and anti-tank teams, which can be reconstituted quickly.",
        { h2: 'Benchmarks for progress' },
        {
          list: [
            'Verified dismantling of military infrastructure within a defined distance of the Blue Line, not merely its handover.',
            'A steady increase in army checkpoints and patrols inside villages, not only along main roads.',
            'Transparent reporting to the monitoring mechanism on seizures of weapons and their disposal.',
            'Multi-year donor funding conditioned on these measurable steps.',
          ],
        },
        { h2: 'Recommendations for Israel' },
        "Israel has an interest in a stronger Lebanese army, even if that army will never act as its proxy. The practical implication is to support conditional international aid, to reserve independent action for clear and immediate threats, and to avoid steps that allow Hezbollah to present itself once again as Lebanon's only defender. A realistic policy will judge the army by trends over months, not by individual incidents.[[fn:For a comparison with the period that followed UN Security Council Resolution 1701 (2006), see the institute's earlier memoranda on southern Lebanon.]]",
      ],
    },
    he: {
      title: 'מדרום לליטני: האם צבא לבנון יכול למלא את החלל?',
      slug: 'צבא-לבנון-ומילוי-החלל-בדרום',
      summary:
        'הסכם הפסקת האש מנובמבר 2024 הציב את צבא לבנון במרכז הסדרי הביטחון בדרום המדינה. המסמך מעריך את יכולתו ואת נכונותו לרסן את חזבאללה, ומציע מדדים שבאמצעותם ישראל ושותפותיה יוכלו לבחון התקדמות.',
      body: [
        'הסדרי הפסקת האש בלבנון נשענים על הנחה שכמעט לא עמדה במבחן בעבר: שהמדינה הלבנונית, באמצעות צבאה, מסוגלת לבסס מונופול על הכוח מדרום לנהר הליטני. צבא לבנון נהנה מלגיטימיות ציבורית רחבה בקרב כל העדות, והיקף פריסתו בדרום התרחב מאז סוף 2024. עם זאת, הצבא סובל מתת־מימון, תלוי בסיוע חוץ ונזהר מכל עימות שעלול לפלג את שורותיו. לכן השאלה אינה רק אם הוא מסוגל, אלא מה אפשר לצפות ממנו בלי לסכן את לכידותו.[[fn:על סמך דיווחים פומביים של מנגנון הפיקוח שהוקם במסגרת הבנות הפסקת האש, ועל סמך ראיונות שקיימו המחברים.]]',
        { h2: 'יכולות ומגבלות' },
        'הבעיה החריפה ביותר של הצבא היא כלכלית. המשכורות נשחקו באופן דרמטי בעקבות הקריסה הפיננסית של לבנון, וחיילים רבים מחזיקים במשרה נוספת כדי להתפרנס. תורמים בינלאומיים, ובראשם ארה״ב וקטאר, סייעו להחזיק את הצבא על הרגליים, אך סיוע מסוג זה הוא קצר טווח ועלול להיפסק בקלות. ללא מסגרת מימון יציבה, כל הרחבה של משימות הצבא בדרום תישאר דלילה בשטח.',
        'המגבלה השנייה היא פוליטית. פיקוד הצבא נמנע בעקביות מעימות ישיר עם חזבאללה, והעדיף מודל של השתלטות הדרגתית על אתרים ועל מחסני נשק בהסכמה שבשתיקה של הארגון. מודל זה יכול להניב הישגים ממשיים, בעיקר בפירוק תשתיות גלויות סמוך לגבול. הוא יעיל הרבה פחות מול יכולות מפוזרות, כמו רקטות לטווח קצר וחוליות נ״ט, שאפשר לשקם במהירות.',
        { h2: 'מדדים להתקדמות' },
        {
          list: [
            'פירוק מאומת של תשתיות צבאיות בטווח מוגדר מהקו הכחול, ולא רק העברתן לידי הצבא.',
            'גידול עקבי במספר המחסומים והסיורים של הצבא בתוך הכפרים, ולא רק לאורך הכבישים הראשיים.',
            'דיווח שקוף למנגנון הפיקוח על תפיסות נשק ועל השמדתן.',
            'מימון רב־שנתי מצד התורמים, המותנה בצעדים המדידים האלה.',
          ],
        },
        { h2: 'המלצות לישראל' },
        'לישראל יש אינטרס בצבא לבנוני חזק יותר, גם אם הוא לעולם לא ישמש שלוח שלה. המשמעות המעשית היא תמיכה בסיוע בינלאומי מותנה, שמירת הפעולה העצמאית לאיומים ברורים ומיידיים, והימנעות מצעדים שיאפשרו לחזבאללה להציג את עצמו שוב כמגינה היחיד של לבנון. מדיניות מציאותית תשפוט את הצבא לפי מגמות לאורך חודשים, ולא לפי תקריות בודדות.[[fn:להשוואה לתקופה שלאחר החלטת מועצת הביטחון 1701 (2006), ראו מזכרים קודמים של המכון בנושא דרום לבנון.]]',
      ],
    },
  },
  {
    key: 'p2-haredi-draft-debate',
    type: 'insight',
    number: 1892,
    date: '2026-02-12',
    authors: ['gideon-tal'],
    topics: ['civil-military', 'public-opinion'],
    he: {
      title: 'גיוס חרדים: מעבר לוויכוח על החוק',
      slug: 'גיוס-חרדים-מעבר-לוויכוח-על-החוק',
      summary:
        'הוויכוח על גיוס בני הישיבות מתמקד בנוסח החוק, אך השאלה המכרעת היא אם צה״ל והחברה החרדית יכולים לבנות מסלולי שירות שיעבדו בפועל. המאמר מציע עקרונות למדיניות הדרגתית ומדידה.',
      body: [
        'מאז פסיקת בג״ץ ביוני 2024, שלפיה אין בסיס חוקי לפטור גורף מגיוס לתלמידי ישיבות, עברה סוגיית גיוס החרדים משולי הדיון הציבורי אל מרכזו. המלחמה הארוכה והעומס הכבד על משרתי המילואים חידדו את תחושת חוסר השוויון בקרב ציבורים רחבים. עם זאת, רוב הדיון עדיין מתנהל סביב נוסח החקיקה ומכסות הגיוס, ופחות סביב השאלה כיצד ייראה השירות עצמו. בלי מענה מעשי לשאלה זו, גם חוק מוסכם יתקשה להניב גיוס בהיקף משמעותי.[[fn:נתוני אגף כוח האדם בצה״ל כפי שהוצגו בדיוני ועדת החוץ והביטחון של הכנסת.]]',
        { h2: 'מה מלמד הניסיון של המסלולים הקיימים' },
        'מסלולים ייעודיים לחרדים, כמו גדוד "נצח יהודה" ותוכניות השילוב ביחידות הטכנולוגיות, הוכיחו שאפשר לשלב צעירים חרדים בשירות משמעותי. אולם הם נשענים ברובם על צעירים שכבר התרחקו מעולם הישיבות, ולא על ליבת הציבור הלומד. כדי להרחיב את המעגל נדרשים תנאים שמכבדים את אורח החיים הדתי: מסגרות נפרדות, השגחת כשרות מהודרת וזמני לימוד קבועים. נוסף על כך, על המסלולים להציע המשך ברור לאחר השירות, כולל הכשרה מקצועית ושילוב בשוק העבודה.',
        { h2: 'עקרונות למדיניות' },
        {
          list: [
            'הדרגתיות: יעדי גיוס שנתיים עולים, המבוססים על יכולת הקליטה של צה״ל ולא רק על שיקולים פוליטיים.',
            'תמריצים ואכיפה: שילוב בין הטבות למשרתים לבין צמצום הדרגתי של הטבות למי שאינם משרתים.',
            'שקיפות: פרסום רבעוני של נתונים על מספר המתגייסים, על מסלולי השירות ועל שיעורי הנשירה.',
            'שיח עם ההנהגה: ערוצי הידברות קבועים עם רבנים ועם מוסדות, כדי לצמצם את תחושת הכפייה.',
          ],
        },
        'השאלה אינה צבאית בלבד. שירות משותף הוא אחד המנגנונים המרכזיים שבאמצעותם החברה הישראלית מגדירה מחויבות הדדית, וחוסר שוויון בנטל פוגע באמון במוסדות. עם זאת, מהלך כפוי ומהיר מדי עלול לעורר התנגדות שתסיג את התהליך לאחור. מדיניות מוצלחת תמדוד הצלחה בעלייה עקבית לאורך שנים, ולא בהכרעה אחת בכנסת.[[fn:על פי סקר החוסן הלאומי של המכון, גל נובמבר 2025, שבו נשאלו המשיבים על חלוקת הנטל בשירות הצבאי.]]',
      ],
    },
  },
  {
    key: 'p2-syria-minorities',
    type: 'memorandum',
    number: 213,
    date: '2026-03-03',
    authors: ['miriam-haddad'],
    topics: ['syria', 'regional'],
    pdf: true,
    en: {
      title: "Syria's New Order and Its Minorities: Druze, Kurds and Alawites",
      slug: 'syrias-new-order-and-its-minorities',
      summary:
        "More than a year after the fall of the Assad regime, relations between Damascus and Syria's minorities remain the most reliable indicator of the country's stability. This memorandum maps three arenas and their implications for Israel.",
      body: [
        "The collapse of the Assad regime in December 2024 replaced a dictatorship built on a minority with a government rooted in the Sunni Islamist opposition. The new leadership has spoken the language of national unity and sought international recognition, and some sanctions have been lifted as a result. Yet trust between Damascus and the country's minorities is thin, and outbreaks of sectarian violence have repeatedly tested the government's promises. How this relationship develops will shape not only Syria's internal stability but also the security of its neighbours.",
        { h2: 'Three arenas' },
        "**The Druze of the south.** The Suwayda region has long guarded its autonomy, and local militias remain reluctant to hand over their weapons. Israel has declared an interest in the security of the Druze community, partly because of the ties between Druze citizens of Israel and their kin across the border. This creates a delicate dynamic in which Israeli statements can both deter attacks and deepen Damascus's suspicion of the community.[[fn:Based on monitoring of Syrian and Arabic-language media and on conversations with community figures conducted by the author.]]",
        '**The Kurds of the north-east.** The Kurdish-led Syrian Democratic Forces control a large area that includes oil fields and detention camps holding Islamic State members and their families. Integration into the national army has been agreed in principle, but the details — command structure, heavy weapons and local administration — remain contested. Turkish pressure and the scope of the remaining American presence will largely determine how much leverage the Kurds retain.',
        '**The Alawites of the coast.** The community that formed the backbone of the old regime now fears collective punishment. Violence in the coastal region has left deep scars, and remnants of the former security forces continue to operate on its margins. A credible process of accountability for abuses on all sides is probably the only way to prevent a cycle of revenge.',
        { h2: 'Implications for Israel' },
        "Israel's interest lies in a Syria that is stable and not hostile, not in a fragmented state whose ungoverned spaces could attract jihadist groups or Iranian-backed networks. Support for minorities should therefore be pursued mainly through international channels and humanitarian aid, rather than through unilateral military guarantees that are hard to sustain. At the same time, discreet security understandings with Damascus over southern Syria could reduce friction along the Golan frontier.[[fn:On the options for security arrangements in southern Syria, see the institute's policy paper of autumn 2025.]]",
      ],
    },
    he: {
      title: 'הסדר החדש בסוריה והמיעוטים: דרוזים, כורדים ועלווים',
      slug: 'הסדר-החדש-בסוריה-והמיעוטים',
      summary:
        'יותר משנה לאחר נפילת משטר אסד, היחסים בין השלטון בדמשק לבין המיעוטים נותרו המדד המהימן ביותר ליציבות המדינה. המזכר ממפה שלוש זירות ואת השלכותיהן על ישראל.',
      body: [
        'קריסת משטר אסד בדצמבר 2024 החליפה דיקטטורה שנשענה על מיעוט בשלטון שצמח מתוך האופוזיציה האסלאמיסטית הסונית. ההנהגה החדשה מרבה לדבר בשפה של אחדות לאומית ומבקשת הכרה בינלאומית, ובעקבות זאת הוסרו חלק מהסנקציות. אולם האמון בין דמשק למיעוטים רעוע, והתפרצויות של אלימות עדתית העמידו שוב ושוב במבחן את הבטחות השלטון. האופן שבו יתפתחו היחסים האלה יעצב לא רק את היציבות הפנימית בסוריה, אלא גם את ביטחונן של שכנותיה.',
        { h2: 'שלוש זירות' },
        '**הדרוזים בדרום.** אזור א־סווידא שומר זה מכבר על האוטונומיה שלו, והמיליציות המקומיות אינן ממהרות למסור את נשקן. ישראל הצהירה על מחויבותה לביטחון העדה הדרוזית, בין היתר בשל הקשרים בין אזרחי ישראל הדרוזים לבני משפחותיהם מעבר לגבול. כך נוצרת דינמיקה עדינה: הצהרות ישראליות יכולות להרתיע מפני פגיעה בדרוזים, אך גם להעמיק את החשדנות של דמשק כלפי העדה.[[fn:על סמך מעקב אחר כלי תקשורת סוריים וערביים ושיחות שקיימה המחברת עם אישים בעדה.]]',
        '**הכורדים בצפון־מזרח.** כוחות סוריה הדמוקרטית (SDF), בהובלה כורדית, שולטים בשטח נרחב שבו שדות נפט ומחנות מעצר המחזיקים פעילי דאע״ש ובני משפחותיהם. השילוב בצבא המדינה הוסכם עקרונית, אך הפרטים – מבנה הפיקוד, הנשק הכבד והמנהל המקומי – עדיין שנויים במחלוקת. הלחץ הטורקי והיקף הנוכחות האמריקאית שתיוותר בשטח יקבעו במידה רבה כמה כוח מיקוח יישאר בידי הכורדים.',
        '**העלווים בחוף.** העדה שהייתה עמוד השדרה של המשטר הקודם חוששת כעת מענישה קולקטיבית. האלימות באזור החוף הותירה צלקות עמוקות, ושרידי כוחות הביטחון לשעבר ממשיכים לפעול בשוליו. הליך אמין של מיצוי דין בגין פגיעות מכל הצדדים הוא ככל הנראה הדרך היחידה למנוע מעגל של נקמה.',
        { h2: 'השלכות לישראל' },
        'האינטרס הישראלי הוא סוריה יציבה שאינה עוינת, ולא מדינה מפוצלת שמרחביה הבלתי מבוקרים עלולים למשוך ארגונים ג׳יהאדיסטיים או רשתות הנתמכות בידי איראן. לכן עדיף לקדם את התמיכה במיעוטים בעיקר בערוצים בינלאומיים ובסיוע הומניטרי, ולא באמצעות ערבויות צבאיות חד־צדדיות שקשה לעמוד בהן לאורך זמן. במקביל, הבנות ביטחוניות שקטות עם דמשק בנוגע לדרום סוריה עשויות לצמצם את החיכוך לאורך גבול הגולן.[[fn:על האפשרויות להסדרי ביטחון בדרום סוריה, ראו נייר המדיניות של המכון מסתיו 2025.]]',
      ],
    },
  },
  {
    key: 'p2-saudi-normalisation',
    type: 'post',
    date: '2026-03-19',
    authors: ['shira-navon'],
    topics: ['gulf-states', 'united-states'],
    en: {
      title: 'Saudi Normalisation: Why the Price Keeps Rising',
      slug: 'saudi-normalisation-why-the-price-keeps-rising',
      summary:
        'Riyadh still sees value in normalisation with Israel, but its conditions have hardened since the Gaza war. A short look at what has changed and what has not.',
      body: [
        'Before October 2023, normalisation between Israel and Saudi Arabia seemed within reach, linked to an American defence pact and civilian nuclear cooperation. The war in Gaza did not remove the strategic logic of the deal, but it changed its price. Official Saudi statements have since presented a credible, time-bound path to a Palestinian state as a precondition rather than a gesture. For a kingdom that sees itself as a leader of the Arab and Muslim world, public opinion at home has become a real constraint.',
        "What has not changed is Riyadh's interest in American security guarantees and in the technology and investment that closer ties with Israel could bring. Vision 2030 requires regional calm, and Iran remains the kingdom's main concern even amid its own détente with Tehran. The door, in other words, is not closed; it is simply further away and more expensive to reach.[[fn:Based on the institute's review of official Saudi statements and Gulf media coverage, 2024–2025.]]",
        'For Israel, the practical lesson is to stop treating normalisation as a prize waiting to be collected and to see it as the outcome of a broader regional arrangement. Steps on the Palestinian file, even modest ones, will matter more than declarations. Washington will remain the indispensable broker, but it cannot deliver Riyadh on its own.',
      ],
    },
    he: {
      title: 'נורמליזציה עם סעודיה: למה המחיר רק עולה',
      slug: 'נורמליזציה-עם-סעודיה-והמחיר-העולה',
      summary:
        'ריאד עדיין רואה תועלת בנורמליזציה עם ישראל, אך תנאיה הוקשחו מאז המלחמה בעזה. מבט קצר על מה שהשתנה ועל מה שנותר בעינו.',
      body: [
        'לפני אוקטובר 2023 נראה היה שנורמליזציה בין ישראל לסעודיה נמצאת בהישג יד, בזיקה לברית הגנה עם ארה״ב ולשיתוף פעולה גרעיני אזרחי. המלחמה בעזה לא ביטלה את ההיגיון האסטרטגי של העסקה, אך שינתה את מחירה. מאז מוצג בהצהרות סעודיות רשמיות מסלול אמין ותחום בזמן למדינה פלסטינית כתנאי מוקדם, ולא כמחווה. עבור ממלכה שרואה את עצמה מנהיגת העולם הערבי והמוסלמי, דעת הקהל בבית הפכה לאילוץ של ממש.',
        'מה שלא השתנה הוא האינטרס של ריאד בערבויות ביטחוניות אמריקאיות, בטכנולוגיה ובהשקעות שקשרים הדוקים עם ישראל עשויים להביא. חזון 2030 מחייב שקט אזורי, ואיראן נותרה הדאגה העיקרית של הממלכה, גם על רקע ההפשרה ביחסיה עם טהרן. משמעות הדבר היא שהדלת לא נסגרה; היא פשוט רחוקה יותר, והדרך אליה יקרה יותר.[[fn:על סמך סקירת המכון של הצהרות סעודיות רשמיות ושל סיקור התקשורת במפרץ, 2024–2025.]]',
        'הלקח המעשי לישראל הוא להפסיק להתייחס לנורמליזציה כאל פרס שממתין לגבייה, ולראות בה תוצאה של הסדר אזורי רחב יותר. צעדים בזירה הפלסטינית, גם צנועים, ישפיעו יותר מהצהרות. וושינגטון תמשיך להיות המתווכת שאין לה תחליף, אך היא אינה יכולה "להביא" את ריאד לבדה.',
      ],
    },
  },
  {
    key: 'p2-reserve-service-cost',
    type: 'policy-paper',
    number: 47,
    date: '2026-04-07',
    authors: ['ron-avidan', 'gideon-tal'],
    topics: ['economy-security', 'civil-military', 'home-front'],
    pdf: true,
    audio: true,
    he: {
      title: 'המחיר הכלכלי של שירות מילואים ממושך',
      slug: 'המחיר-הכלכלי-של-שירות-מילואים-ממושך',
      summary:
        'שירות מילואים ממושך מטיל על המשק עלות שאינה מופיעה במלואה בתקציב הביטחון: אובדן תפוקה, פגיעה בעסקים קטנים ושחיקה של משפחות. המסמך מעריך את היקף העלות ומציע דרכים לחלק את הנטל באופן הוגן ויעיל יותר.',
      body: [
        'מאז פרוץ המלחמה באוקטובר 2023 גויסו מאות אלפי אנשי מילואים, רבים מהם לתקופות מצטברות של חודשים ארוכים. לצד התרומה הביטחונית המכרעת, לשירות הזה יש מחיר כלכלי כבד שרק חלקו נרשם בתקציב הביטחון. העלות הישירה – תגמולים, ציוד ואחזקה – ידועה יחסית. העלות העקיפה, הנובעת מהיעדרותם של עובדים, מנהלים ובעלי עסקים ממקום עבודתם, קשה יותר למדידה ולעיתים קרובות אינה נכללת בדיון הציבורי.[[fn:הערכות המחברים על בסיס נתוני הלשכה המרכזית לסטטיסטיקה ופרסומים של בנק ישראל על השפעת המלחמה על שוק העבודה.]]',
        { h2: 'היכן העלות מתרכזת' },
        'הנטל אינו מתחלק באופן שווה. אנשי המילואים הפעילים מרוכזים בקבוצות גיל של עובדים בשיא כושר התפוקה שלהם, ושיעור גבוה מהם מועסק בענפי ההייטק, ההנדסה והחינוך. עסקים קטנים ועצמאים נפגעים במיוחד, משום שהיעדרות של אדם אחד עלולה לשתק את הפעילות כולה. גם בני הזוג נושאים בעלות, בדמות צמצום היקף המשרה, פגיעה בהכנסה ועומס מוגבר בטיפול בילדים.',
        {
          list: [
            'אובדן תפוקה בשוק העבודה, שהיקפו ניכר במיוחד בתקופות של גיוס נרחב.',
            'פגיעה בעסקים קטנים ובעצמאים, לרבות עסקים שנסגרו ולא שבו לפעול.',
            'עלויות משפחתיות: ירידה בשעות העבודה של בני הזוג והוצאות על טיפול בילדים.',
            'השלכות ארוכות טווח: דחיית לימודים, פגיעה בקידום המקצועי ושחיקה בנכונות להמשיך לשרת.',
          ],
        },
        { h2: 'חלופות מדיניות' },
        'הפתרון אינו יכול להיות כלכלי בלבד. פיצוי נדיב יותר חיוני, אך הוא אינו מחזיר את העובד לעסק ואינו מקל על המשפחה. לכן נדרש שילוב של שלושה צעדים: הרחבת בסיס המשרתים, כך שהנטל יתחלק בין יותר אנשים; תכנון מראש של סבבי שירות צפויים, שיאפשר למעסיקים ולמשפחות להתארגן; ומנגנוני פיצוי ממוקדים לעסקים קטנים ולעצמאים, המבוססים על אובדן הכנסה בפועל ולא על מענק אחיד.',
        'אין להתעלם גם מההיבט האזרחי־צבאי. מערך המילואים נשען על תחושת שותפות ועל אמון בכך שהנטל מחולק בהגינות. כאשר קבוצה מצומצמת נושאת בעומס חוזר ונשנה, הסיכון אינו רק כלכלי אלא גם חברתי: שחיקה במוטיבציה וירידה בנכונות להתייצב בסבב הבא. השקעה בשימור המערך היא לפיכך השקעה ביטחונית לכל דבר.[[fn:על פי סקר החוסן הלאומי של המכון, גל ינואר 2026, שכלל מדגם מורחב של משרתי מילואים ובני זוגם.]]',
      ],
    },
  },
  {
    key: 'p2-gaza-day-after',
    type: 'special-publication',
    date: '2026-04-28',
    authors: ['samir-khoury', 'yoav-carmeli', 'eitan-shapiro'],
    topics: ['gaza', 'palestinian-politics', 'palestinian'],
    featured: true,
    pdf: true,
    en: {
      title: 'The Day After in Gaza: Scenarios for Governance and Security',
      slug: 'day-after-in-gaza-governance-and-security-scenarios',
      summary:
        'Who will govern Gaza, who will provide security and who will pay for reconstruction remain open questions. This special publication sets out four scenarios for the coming years and the choices that will determine which of them materialises.',
      body: [
        'The winding down of large-scale fighting in Gaza has not answered the question that hung over the war from its first weeks: who will govern the territory the day after. The options on the table range from a technocratic Palestinian administration backed by Arab states, through an international stabilisation force, to a prolonged Israeli security presence. Each option depends on actors whose interests only partly overlap. This publication does not predict an outcome; it maps plausible scenarios and the decisions that could push events toward one or another.',
        { h2: 'Four scenarios' },
        {
          list: [
            '**Arab-backed technocratic administration:** a Palestinian body of professionals, with funding and political cover from Egypt and the Gulf states, and a gradual link to a reformed Palestinian Authority.',
            '**International stabilisation force:** troops from several countries securing reconstruction corridors, under a mandate that stops short of disarming Hamas by force.',
            '**Prolonged Israeli security control:** Israel retains freedom of action and buffer zones, while civil affairs are run by local actors with limited legitimacy.',
            '**Fragmented status quo:** no agreed framework, Hamas survives as a de facto authority in parts of the territory, and reconstruction stalls.',
          ],
        },
        'The scenarios are not mutually exclusive, and the most likely outcome in the short term is a hybrid: elements of international involvement layered on an Israeli security perimeter, with Hamas weakened but not gone. The danger is that such a hybrid becomes permanent by default, combining the costs of control with the instability of a vacuum. Avoiding that outcome requires a political horizon, even a limited one, that gives Palestinians and Arab partners a reason to invest.[[fn:The scenarios were developed in a structured workshop held at the institute with researchers and former officials, spring 2026.]]',
        { h2: 'Security: disarmament as a process' },
        'Demanding the complete disarmament of Hamas as a precondition for any arrangement risks freezing the situation indefinitely. A more realistic approach would treat disarmament as a process with verifiable stages: heavy weapons and rocket production first, then the tunnel network, and only later small arms. Each stage could be tied to tangible benefits in reconstruction and freedom of movement, creating incentives for local actors to cooperate. Throughout, Israel would retain the right to act against imminent threats.',
        { h2: 'Reconstruction and legitimacy' },
        'Reconstruction will cost tens of billions of dollars, and donors will not commit such sums without confidence that the money will not be diverted or destroyed in the next round. Transparent mechanisms for monitoring building materials, drawing on lessons from earlier reconstruction efforts in Gaza, are therefore a condition for funding. Ultimately, however, no mechanism will hold without a Palestinian governing body that the public regards as its own. Building that legitimacy is the slowest and most important task of all.[[fn:Estimates of reconstruction needs are based on joint damage assessments published by international organisations during 2024–2025.]]',
      ],
    },
    he: {
      title: 'היום שאחרי בעזה: תרחישים למשילות ולביטחון',
      slug: 'היום-שאחרי-בעזה-תרחישים-למשילות-ולביטחון',
      summary:
        'מי ישלוט בעזה, מי יספק ביטחון ומי יממן את השיקום – השאלות האלה עדיין פתוחות. הפרסום המיוחד מציג ארבעה תרחישים לשנים הקרובות ואת ההכרעות שיקבעו איזה מהם יתממש.',
      body: [
        'דעיכת הלחימה בהיקף נרחב ברצועת עזה לא סיפקה תשובה לשאלה שריחפה מעל המלחמה מאז שבועותיה הראשונים: מי ישלוט בשטח ביום שאחרי. האפשרויות שעל השולחן נעות בין מנהלה פלסטינית טכנוקרטית בגיבוי מדינות ערב, דרך כוח ייצוב בינלאומי, ועד נוכחות ביטחונית ישראלית ממושכת. כל אחת מהן תלויה בשחקנים שהאינטרסים שלהם חופפים רק בחלקם. הפרסום אינו מתיימר לחזות את התוצאה; הוא ממפה תרחישים סבירים ואת ההחלטות שעשויות להטות את ההתפתחויות לכיוון זה או אחר.',
        { h2: 'ארבעה תרחישים' },
        {
          list: [
            '**מנהלה טכנוקרטית בגיבוי ערבי:** גוף פלסטיני של אנשי מקצוע, במימון ובגיבוי מדיני של מצרים ומדינות המפרץ, עם זיקה הדרגתית לרשות פלסטינית שעברה רפורמה.',
            '**כוח ייצוב בינלאומי:** כוחות מכמה מדינות המאבטחים את צירי השיקום, במנדט שאינו כולל פירוק של חמאס בכוח.',
            '**שליטה ביטחונית ישראלית ממושכת:** ישראל שומרת על חופש פעולה ועל אזורי חיץ, והעניינים האזרחיים מנוהלים בידי גורמים מקומיים בעלי לגיטימיות מוגבלת.',
            '**סטטוס קוו מפוצל:** אין מסגרת מוסכמת, חמאס שורד כשלטון דה פקטו בחלקים מהרצועה, והשיקום נתקע.',
          ],
        },
        'התרחישים אינם סותרים זה את זה, והתוצאה הסבירה ביותר בטווח הקצר היא שילוב ביניהם: רכיבים של מעורבות בינלאומית על גבי מעטפת ביטחונית ישראלית, כשחמאס מוחלש אך לא נעלם. הסכנה היא שהכלאה כזו תהפוך לקבועה מחוסר ברירה, ותשלב את מחירי השליטה בשטח עם חוסר היציבות של ואקום. כדי להימנע מכך נדרש אופק מדיני, ולו מוגבל, שייתן לפלסטינים ולשותפות הערביות סיבה להשקיע.[[fn:התרחישים פותחו בסדנה מובנית שהתקיימה במכון בהשתתפות חוקרים ובעלי תפקידים לשעבר, אביב 2026.]]',
        { h2: 'ביטחון: פירוק נשק כתהליך' },
        'דרישה לפירוק מלא של חמאס מנשקו כתנאי מוקדם לכל הסדר עלולה להקפיא את המצב לזמן בלתי מוגבל. גישה מציאותית יותר תתייחס לפירוק כאל תהליך בשלבים הניתנים לאימות: תחילה נשק כבד וייצור רקטות, לאחר מכן מערך המנהרות, ורק בהמשך נשק קל. כל שלב יכול להיות קשור להטבות מוחשיות בתחום השיקום ובחופש התנועה, וכך ליצור תמריץ לשיתוף פעולה מצד גורמים מקומיים. לאורך כל התהליך תשמור ישראל על זכותה לפעול נגד איומים מיידיים.',
        { h2: 'שיקום ולגיטימיות' },
        'עלות השיקום תגיע לעשרות מיליארדי דולרים, ותורמים לא יתחייבו לסכומים כאלה בלי ביטחון שהכסף לא יוסט למטרות אחרות או ייהרס בסבב הבא. לכן מנגנונים שקופים לפיקוח על חומרי בנייה, הנשענים על לקחי מאמצי שיקום קודמים ברצועה, הם תנאי למימון. אולם בסופו של דבר שום מנגנון לא יחזיק מעמד בלי גוף שלטוני פלסטיני שהציבור רואה בו את שלו. בניית הלגיטימיות הזו היא המשימה האיטית והחשובה מכולן.[[fn:הערכות צורכי השיקום מבוססות על הערכות נזקים משותפות שפרסמו ארגונים בינלאומיים במהלך 2024–2025.]]',
      ],
    },
  },
  {
    key: 'p2-russia-iran-military',
    type: 'journal-article',
    volume: 29,
    issue: 3,
    date: '2026-05-20',
    authors: ['eitan-shapiro', 'dana-levin'],
    topics: ['russia', 'iran', 'powers'],
    pdf: true,
    en: {
      title: 'An Unequal Partnership: The Limits of Russia–Iran Military Cooperation',
      slug: 'limits-of-russia-iran-military-cooperation',
      summary:
        'The war in Ukraine turned Iran from a customer of Russian arms into a supplier, but the partnership remains asymmetric and bounded by competing interests. This article examines what each side gains, what it withholds, and what that means for Israel.',
      body: [
        "For most of the post-Soviet period, military relations between Moscow and Tehran followed a familiar pattern: Russia sold, Iran bought, and both sides kept the relationship within limits set by Russia's ties with Israel and the Gulf states. The war in Ukraine disrupted that pattern. Iranian drones, and reportedly other munitions, helped Russia sustain its campaign at a time when its own production was stretched. In return, Tehran expected access to advanced aircraft, air-defence systems and military technology that had long been denied to it.[[fn:Based on open-source reporting and on sanctions designations issued by Western governments, 2022–2025.]]",
        { h2: 'What Iran received, and what it did not' },
        'The record of Russian deliveries to Iran is more modest than early expectations suggested. Reports of advanced fighter aircraft and long-range air-defence systems have circulated for years, yet evidence of their operational deployment in significant numbers remains limited. Russia appears to have shared certain know-how, particularly in electronic warfare and space launch, but it has been cautious about transfers that would decisively alter the regional balance. The restrained Russian response when Iranian facilities came under attack in 2025 reinforced doubts in Tehran about the value of the partnership.',
        "Several factors explain this caution. Russia's defence industry is absorbed by the war and gives priority to its own forces. Moscow also values its relations with Saudi Arabia and the United Arab Emirates, with which it coordinates on oil production, and it has sought to preserve a working channel with Israel. Finally, a nuclear-armed Iran is not an outcome Russia desires, even as it opposes Western pressure on Tehran.",
        { h2: 'A strategic partnership without an alliance' },
        "The comprehensive strategic partnership treaty signed by the two countries in January 2025 formalised their cooperation but stopped short of a mutual-defence commitment. This reflects the underlying nature of the relationship: a convergence of interests against Western pressure, not a shared vision for the region. Each side treats the other as useful but unreliable. The partnership is therefore resilient to small shocks, yet unlikely to produce the kind of guarantees that would change Iran's strategic calculus in a crisis.",
        { h2: 'Implications for Israel' },
        "For Israel, the main risk lies not in a sudden leap in Iranian capabilities but in gradual, cumulative transfers: components, training and technical assistance that are hard to detect and harder to sanction. Monitoring these channels, and coordinating with Western partners on export controls and their enforcement, should be a standing priority. Israel should also plan for the possibility that, once the fighting in Ukraine subsides, Russia will have more capacity, and perhaps more motivation, to expand its cooperation with Iran.[[fn:For the broader context of Russian policy in the Middle East, see the papers of the institute's Great Powers programme, 2024–2026.]]",
      ],
    },
  },
  {
    key: 'p2-west-bank-settler-violence',
    type: 'insight',
    number: 1893,
    date: '2026-06-09',
    authors: ['samir-khoury', 'gideon-tal'],
    topics: ['west-bank', 'civil-military'],
    en: {
      title: 'Settler Violence as a Security Problem',
      slug: 'settler-violence-as-a-security-problem',
      summary:
        "Attacks by extremist settlers on Palestinians are often discussed as a law-enforcement or diplomatic issue. This insight argues that they are first and foremost a security problem, one that strains the IDF, strengthens militant groups and erodes Israel's freedom of action.",
      body: [
        "Violence by extremist Israeli settlers against Palestinians in the West Bank has risen markedly in recent years, according to data collected by the security establishment and by international bodies. The phenomenon is usually framed in moral, legal or diplomatic terms, and it has already led several Western governments to impose sanctions on individuals and organisations. These dimensions matter, but they obscure a more immediate point: settler violence directly harms Israel's security interests in the territory.[[fn:Based on incident data published by the UN Office for the Coordination of Humanitarian Affairs and on figures presented by the IDF Central Command, 2023–2025.]]",
        { h2: 'Three security costs' },
        {
          list: [
            '**Operational burden:** forces diverted to protect villages, escort farmers and contain friction are forces unavailable for counter-terrorism.',
            '**Recruitment for militants:** attacks on villages hand armed groups a narrative and new volunteers, especially among young people with no previous affiliation.',
            '**Erosion of coordination:** the Palestinian security forces find it harder to justify cooperation with Israel when their communities feel unprotected.',
          ],
        },
        'The problem is compounded by blurred lines of authority. Policing Israeli civilians in the West Bank is formally the responsibility of the Israel Police, the military commander holds overall authority in the territory, and the Shin Bet handles the most serious cases. In practice, this division often leaves gaps in which violent incidents are not prevented in real time and rarely end in an indictment. Commanders in the field have repeatedly warned that it also creates confusion about how soldiers should act toward Israeli offenders.',
        { h2: 'What can be done' },
        "Effective enforcement requires clear priorities and resources more than new legislation. A dedicated police unit with adequate manpower, the consistent use of administrative measures against repeat offenders and unequivocal instructions for soldiers to intervene would make a measurable difference. Equally important is the message from political leaders: when violence is tolerated, it spreads. Treating it as a security threat rather than a marginal phenomenon is the first step.[[fn:On the division of responsibilities in the West Bank, see the institute's memorandum on civil-military relations in the territory, 2025.]]",
      ],
    },
    he: {
      title: 'אלימות מתנחלים קיצוניים כבעיה ביטחונית',
      slug: 'אלימות-מתנחלים-קיצוניים-כבעיה-ביטחונית',
      summary:
        'תקיפות של מתנחלים קיצוניים נגד פלסטינים נדונות לרוב כסוגיה של אכיפת חוק או של יחסי חוץ. המאמר טוען שמדובר קודם כול בבעיה ביטחונית, שמעמיסה על צה״ל, מחזקת את ארגוני הטרור ושוחקת את חופש הפעולה של ישראל.',
      body: [
        'האלימות של מתנחלים קיצוניים נגד פלסטינים ביהודה ושומרון גברה באופן ניכר בשנים האחרונות, כך עולה מנתונים שאספו גורמי הביטחון וגופים בינלאומיים. התופעה מוצגת בדרך כלל במונחים מוסריים, משפטיים או מדיניים, והיא כבר הובילה כמה ממשלות במערב להטיל סנקציות על יחידים ועל ארגונים. ממדים אלה חשובים, אך הם מטשטשים נקודה מיידית יותר: אלימות מתנחלים פוגעת ישירות באינטרסים הביטחוניים של ישראל בשטח.[[fn:על סמך נתוני אירועים שפרסם משרד האו״ם לתיאום עניינים הומניטריים ונתונים שהציג פיקוד המרכז, 2023–2025.]]',
        { h2: 'שלושה מחירים ביטחוניים' },
        {
          list: [
            '**עומס מבצעי:** כוחות שמופנים להגנה על כפרים, לליווי חקלאים ולבלימת חיכוכים אינם זמינים לסיכול טרור.',
            '**גיוס לארגוני הטרור:** תקיפות בכפרים מספקות לארגונים החמושים נרטיב ומתנדבים חדשים, בעיקר בקרב צעירים ללא זיקה ארגונית קודמת.',
            '**שחיקת התיאום:** למנגנוני הביטחון הפלסטיניים קשה יותר להצדיק תיאום עם ישראל כשהקהילות שלהם חשות חסרות הגנה.',
          ],
        },
        'הבעיה מחריפה בשל טשטוש תחומי האחריות. השיטור של אזרחים ישראלים ביהודה ושומרון מוטל רשמית על משטרת ישראל, המפקד הצבאי הוא בעל הסמכות בשטח, והשב״כ מטפל במקרים החמורים ביותר. בפועל, חלוקה זו מותירה לעיתים קרובות פערים שבהם אירועים אלימים אינם נמנעים בזמן אמת, ורק לעיתים רחוקות מסתיימים בכתב אישום. מפקדים בשטח התריעו לא פעם שהמצב יוצר גם בלבול בנוגע לדרך שבה על חיילים לפעול מול עבריינים ישראלים.',
        { h2: 'מה אפשר לעשות' },
        'אכיפה אפקטיבית מחייבת בעיקר סדרי עדיפויות ברורים ומשאבים, יותר מחקיקה חדשה. יחידת משטרה ייעודית עם כוח אדם מספק, שימוש עקבי באמצעים מנהליים נגד עבריינים חוזרים והנחיות חד־משמעיות לחיילים להתערב – כל אלה יחוללו שינוי מדיד. חשוב לא פחות המסר של הדרג המדיני: כשאלימות זוכה להשלמה, היא מתפשטת. ההכרה בה כאיום ביטחוני, ולא כתופעת שוליים, היא הצעד הראשון.[[fn:על חלוקת האחריות ביהודה ושומרון, ראו את מזכר המכון על יחסי צבא וחברה בזירה, 2025.]]',
      ],
    },
  },
  {
    key: 'p2-china-iran-oil',
    type: 'insight',
    number: 1894,
    date: '2026-07-01',
    authors: ['eitan-shapiro', 'shira-navon'],
    topics: ['china', 'iran', 'gulf-states'],
    en: {
      title: "Barrels and Leverage: China's Oil Trade with Iran",
      slug: 'china-oil-trade-with-iran-barrels-and-leverage',
      summary:
        "China buys the bulk of Iran's oil exports through a shadow network of tankers and independent refiners. This insight asks how much leverage that trade gives Beijing, and how far the United States and its partners can squeeze it.",
      body: [
        'Despite American sanctions, Iran has managed to export substantial volumes of crude oil in recent years, and the great majority of it ends up in China. The trade runs through an ageing fleet of tankers sailing with their transponders switched off, ship-to-ship transfers off the coast of Malaysia, and independent refineries in Shandong province with little exposure to the American financial system. The oil is typically relabelled as originating elsewhere and sold at a discount. For Tehran, the revenue is a lifeline; for Beijing, it is a source of cheap energy.[[fn:Based on tanker-tracking data from commercial analytics providers and on Chinese customs statistics, 2023–2025.]]',
        { h2: 'Leverage in both directions' },
        "The relationship is often described as one of Iranian dependence, and in economic terms it is. Yet China's willingness to use its leverage is limited by its own priorities. Beijing's relations with Saudi Arabia and the United Arab Emirates are larger and more strategic, and it has no wish to be seen as Iran's guarantor. It used its standing to help broker the Saudi–Iranian rapprochement in 2023, but it has avoided pressing Tehran on its nuclear programme or its regional proxies.[[fn:On China's role in the 2023 Saudi–Iranian agreement, see the institute's earlier insights on the Gulf.]]",
        "From Beijing's perspective, the trade is valuable but not indispensable. Iranian oil accounts for a meaningful share of China's imports, yet it could be replaced, albeit at a higher price. This asymmetry means that China is unlikely to take significant risks to protect the trade, but also unlikely to curb it unless the costs rise markedly.",
        { h2: 'Options for Washington and its partners' },
        {
          list: [
            'Sanctions on the shadow fleet, its insurers and the port operators that service it, rather than on Iranian entities alone.',
            'Pressure on transshipment hubs in South-East Asia to enforce inspections and documentation requirements.',
            'Engagement with Gulf producers to ensure that alternative supply is available to Chinese buyers at competitive prices.',
            'A sober recognition that secondary sanctions on major Chinese banks would carry high costs for the wider US–China relationship.',
          ],
        },
        "Enforcement can raise costs and cut Iran's margins, but it is unlikely to halt the trade altogether. The most realistic aim is to narrow the revenue that actually reaches Tehran after discounts and fees, and to make that revenue less predictable. Combined with other forms of pressure, this can influence Iran's choices, but only if it is sustained over time rather than applied in short bursts.",
      ],
    },
  },
  {
    key: 'p2-drones-air-defence',
    type: 'memorandum',
    number: 214,
    date: '2026-07-22',
    authors: ['talia-ben-ami', 'yoav-carmeli'],
    topics: ['emerging-tech', 'tech'],
    pdf: true,
    en: {
      title: 'Cheap Drones, Costly Interceptors: Rethinking Air Defence',
      slug: 'cheap-drones-costly-interceptors-rethinking-air-defence',
      summary:
        'Low-cost drones have become a weapon of choice for Iran and its partners, exposing the unfavourable economics of intercepting them with expensive missiles. This memorandum reviews the emerging responses, from lasers to electronic warfare, and the organisational changes they require.',
      body: [
        "Over the past few years, one-way attack drones and small commercial drones have moved from the margins of warfare to its centre. Hezbollah, the Houthis and militias in Iraq have launched hundreds of them toward Israel, and the war in Ukraine has shown how quickly both sides can scale up production. Drones are slow and relatively easy to shoot down, yet they are hard to detect at low altitude and arrive in numbers that strain defences. Their main advantage is economic: a drone costing tens of thousands of dollars can force the use of an interceptor costing many times more.[[fn:Based on the institute's database of aerial threats launched toward Israel, 2023–2025, compiled from official announcements and open sources.]]",
        { h2: 'The cost-exchange problem' },
        'The unfavourable cost ratio matters less in a short round of fighting than in a prolonged campaign. Interceptor stocks are limited, production lines take years to expand, and every missile fired at a drone is unavailable against a ballistic threat. An adversary that understands this can use drones not only to cause damage but also to drain defences ahead of a larger attack. Air defence therefore has to be planned as a layered economy, not only as a technical shield.',
        { h2: 'Emerging responses' },
        {
          list: [
            "**High-energy lasers:** Israel's Iron Beam system promises a very low cost per interception, though its performance depends on weather and range.",
            '**Electronic warfare:** jamming and spoofing are effective against drones built from commercial components, less so against autonomous navigation.',
            '**Guns and interceptor drones:** cheaper kinetic options suited to the point defence of bases and critical sites.',
            '**Passive defence:** hardening, dispersal and early warning, which reduce the value of each successful hit.',
          ],
        },
        'None of these tools is a complete solution, and each brings its own trade-offs. Lasers need clear skies and a line of sight; electronic warfare can interfere with friendly systems and civilian navigation; point defences protect only small areas. The advantage lies in combining them under a single operational picture that assigns each threat to the cheapest effective response.',
        { h2: 'Organisational implications' },
        "The hardest changes are organisational rather than technological. Detecting, classifying and engaging small drones often falls between the air force, the ground forces and the Home Front Command, each with its own sensors and procedures. A unified counter-drone framework, a dedicated procurement track for fast-moving commercial technologies and closer ties with civilian start-ups would shorten the cycle between the appearance of a new threat and a fielded answer. The advantage is likely to belong to the side that adapts faster, not to the one with the most advanced single system.[[fn:On procurement reform for emerging technologies, see the paper of the institute's Technology and Security programme, 2025.]]",
      ],
    },
    he: {
      title: 'רחפנים זולים, מיירטים יקרים: לחשוב מחדש על ההגנה האווירית',
      slug: 'רחפנים-זולים-מיירטים-יקרים',
      summary:
        'רחפנים וכטב״מים זולים הפכו לנשק מועדף על איראן ושלוחותיה, וחשפו את הכלכלה הבעייתית של יירוטם בטילים יקרים. המזכר סוקר את המענים המתפתחים, מלייזרים ועד לוחמה אלקטרונית, ואת השינויים הארגוניים שהם מחייבים.',
      body: [
        'בשנים האחרונות עברו כטב״מי תקיפה ורחפנים מסחריים קטנים משולי שדה הקרב אל מרכזו. חזבאללה, החות׳ים והמיליציות בעיראק שיגרו מאות כלים כאלה לעבר ישראל, והמלחמה באוקראינה הראתה באיזו מהירות שני הצדדים יכולים להגדיל את הייצור. כלים אלה איטיים וקל יחסית להפילם, אך קשה לגלותם בגובה נמוך, והם מגיעים בכמויות שמעמיסות על מערכי ההגנה. יתרונם העיקרי הוא כלכלי: רחפן שעלותו עשרות אלפי דולרים עלול לחייב שימוש במיירט שמחירו גבוה פי כמה וכמה.[[fn:על סמך מאגר המידע של המכון על איומים אוויריים ששוגרו לעבר ישראל, 2023–2025, שנאסף מהודעות רשמיות וממקורות גלויים.]]',
        { h2: 'בעיית יחס העלויות' },
        'יחס העלויות הבלתי נוח משמעותי פחות בסבב לחימה קצר, ויותר במערכה ממושכת. מלאי המיירטים מוגבל, הרחבת קווי הייצור נמשכת שנים, וכל טיל שנורה לעבר רחפן אינו זמין מול איום בליסטי. יריב שמבין זאת יכול להשתמש ברחפנים לא רק כדי לגרום נזק, אלא גם כדי לשחוק את ההגנה לקראת מתקפה רחבה יותר. לכן יש לתכנן את ההגנה האווירית ככלכלה רב־שכבתית, ולא רק כמגן טכנולוגי.',
        { h2: 'מענים מתפתחים' },
        {
          list: [
            '**לייזר עתיר אנרגיה:** מערכת "אור איתן" מבטיחה עלות נמוכה מאוד ליירוט, אך ביצועיה תלויים במזג האוויר ובטווח.',
            '**לוחמה אלקטרונית:** שיבוש והטעיה יעילים מול רחפנים המבוססים על רכיבים מסחריים, ופחות מול ניווט אוטונומי.',
            '**תותחים ורחפני יירוט:** אמצעים קינטיים זולים יותר, המתאימים להגנה נקודתית על בסיסים ועל אתרים חיוניים.',
            '**הגנה פסיבית:** מיגון, פיזור והתרעה מוקדמת, המקטינים את ערכה של כל פגיעה מוצלחת.',
          ],
        },
        'אף אחד מהכלים האלה אינו פתרון מלא, ולכל אחד מהם מחירים משלו. לייזר מחייב שמיים בהירים וקו ראייה; לוחמה אלקטרונית עלולה לשבש מערכות של כוחותינו ואת הניווט האזרחי; והגנה נקודתית מכסה שטחים קטנים בלבד. היתרון טמון בשילובם תחת תמונת מצב אחת, שמקצה לכל איום את המענה הזול ביותר שעדיין יעיל.',
        { h2: 'השלכות ארגוניות' },
        'השינויים הקשים ביותר אינם טכנולוגיים אלא ארגוניים. גילוי, סיווג ויירוט של רחפנים קטנים נופלים לעיתים קרובות בין חיל האוויר, כוחות היבשה ופיקוד העורף, ולכל אחד מהם חיישנים ונהלים משלו. מסגרת אחודה להתמודדות עם רחפנים, מסלול רכש ייעודי לטכנולוגיות מסחריות המשתנות במהירות וקשר הדוק יותר עם חברות הזנק אזרחיות יקצרו את הזמן שבין הופעת איום חדש להצבת מענה מבצעי. היתרון צפוי להיות בידי הצד שמסתגל מהר יותר, ולא בידי מי שמחזיק במערכת המתקדמת ביותר.[[fn:על רפורמה ברכש טכנולוגיות מתפתחות, ראו את נייר תוכנית טכנולוגיה וביטחון של המכון, 2025.]]',
      ],
    },
  },
  {
    key: 'p2-security-opinion-survey',
    type: 'policy-paper',
    number: 48,
    date: '2026-08-18',
    authors: ['noa-friedman'],
    topics: ['public-opinion', 'home-front'],
    pdf: true,
    he: {
      title: 'חוסן, אמון ועייפות: דעת הקהל בישראל בסוגיות ביטחון',
      slug: 'דעת-הקהל-בישראל-בסוגיות-ביטחון',
      summary:
        'סקר החוסן הלאומי של המכון מצביע על תחושת ביטחון אישי שהשתפרה בהדרגה, לצד אמון נמוך במוסדות ועייפות מצטברת. המסמך מנתח את הממצאים המרכזיים ואת משמעותם לקובעי המדיניות.',
      body: [
        'סקר החוסן הלאומי של המכון בוחן מזה שנים את עמדות הציבור בישראל בסוגיות ביטחון לאומי, ומאפשר לעקוב אחר מגמות לאורך זמן. הגל הנוכחי, שנערך בקיץ 2026 בקרב מדגם מייצג של האוכלוסייה הבוגרת, מצייר תמונה מורכבת. מצד אחד, תחושת הביטחון האישי השתפרה בהדרגה לעומת החודשים הקשים שלאחר פרוץ המלחמה. מצד שני, האמון במוסדות המדינה נותר נמוך, והעייפות מהמצב הביטחוני המתמשך ניכרת בכל קבוצות האוכלוסייה.[[fn:הסקר נערך באינטרנט ובטלפון בקרב כ־1,200 משיבים בעברית ובערבית; טעות הדגימה המרבית היא כ־3 נקודות אחוז.]]',
        { h2: 'ממצאים מרכזיים' },
        {
          list: [
            'כמחצית מהמשיבים דיווחו שתחושת הביטחון האישי שלהם טובה או טובה מאוד, עלייה ניכרת לעומת הגלים שנערכו בשנה הראשונה למלחמה.',
            'צה״ל נותר המוסד שזוכה לאמון הגבוה ביותר, אם כי ברמה נמוכה מזו שנמדדה לפני אוקטובר 2023.',
            'האמון בממשלה ובכנסת נמוך, והפער באמון בין מצביעי הקואליציה למצביעי האופוזיציה ממשיך להתרחב.',
            'רוב המשיבים סבורים שחלוקת הנטל בשירות הצבאי אינה הוגנת, ועמדה זו משותפת לחלק ניכר ממצביעי כל המפלגות.',
          ],
        },
        'הפער בין האמון בצבא לאמון בדרג המדיני אינו חדש, אך הוא התחדד בשנים האחרונות. הממצא מדאיג משום שבמצבי משבר הציבור נדרש לסמוך על הנחיות שמגיעות משני הדרגים גם יחד. כאשר האמון בדרג המדיני תלוי במידה רבה בזהותו הפוליטית של המשיב, גם החלטות ביטחוניות מקצועיות עלולות להתפרש כמהלכים מפלגתיים.',
        { h2: 'הציבור הערבי' },
        'בקרב המשיבים הערבים נמדדה תחושת ביטחון אישי נמוכה במידה ניכרת מזו של המשיבים היהודים, בעיקר בשל הפשיעה והאלימות ביישובים הערביים ולא בשל איומים חיצוניים. ממצא זה חוזר על עצמו בגלים רבים, והוא מזכיר שביטחון לאומי וביטחון אישי אינם בהכרח חופפים. ההתמודדות עם הפשיעה בחברה הערבית היא לכן גם סוגיה של חוסן לאומי, ולא רק של שיטור.[[fn:להשוואה לאורך זמן ראו את דוחות סקר החוסן הלאומי של המכון לשנים 2023–2025.]]',
        { h2: 'משמעויות למדיניות' },
        'הממצאים מצביעים על חוסן בסיסי של החברה הישראלית, אך גם על סדקים שעלולים להעמיק. שיקום האמון במוסדות מחייב שקיפות רבה יותר בקבלת ההחלטות, תחקירים מקצועיים שתוצאותיהם מוצגות לציבור וצעדים מוחשיים לחלוקה הוגנת יותר של הנטל. בלי אלה, גם הישגים ביטחוניים לא יתורגמו בהכרח לתחושת ביטחון ולהסכמה ציבורית רחבה.',
      ],
    },
  },
  {
    key: 'p2-palestinian-elections',
    type: 'journal-article',
    volume: 29,
    issue: 4,
    date: '2026-09-15',
    authors: ['samir-khoury'],
    topics: ['palestinian-politics', 'west-bank'],
    pdf: true,
    en: {
      title: 'The Succession Question and the Case for Palestinian Elections',
      slug: 'succession-and-the-case-for-palestinian-elections',
      summary:
        'The Palestinian Authority has not held national elections since 2006, and its leadership is ageing. This article weighs the arguments for and against renewed elections as a path to legitimacy, and the conditions under which they could strengthen rather than destabilise Palestinian governance.',
      body: [
        "The last Palestinian legislative elections were held in 2006, and the last presidential election a year earlier. An entire generation of Palestinians has come of age without ever voting for its national leadership. Elections scheduled for 2021 were postponed indefinitely, officially over the question of voting in East Jerusalem, although many observers saw fear of an unfavourable result as the main reason. The legitimacy deficit that has accumulated since then is one of the central weaknesses of the Palestinian Authority.[[fn:Based on public-opinion surveys conducted by Palestinian research centres, 2021–2025, which consistently show low trust in the Authority's leadership.]]",
        { h2: 'The succession vacuum' },
        "President Mahmoud Abbas, born in 1935, has led the Authority and the PLO for two decades without a clear and agreed successor. Steps taken in recent years, including the creation of a deputy post in the PLO leadership, have been presented as preparation for an orderly transition, yet the rules remain contested and dependent on Fatah's internal balance of power. A succession decided behind closed doors would probably leave the new leader with even less legitimacy than the old one. That, in turn, would weaken the Authority at precisely the moment it is expected to take on a role in Gaza.",
        { h2: 'Arguments for and against' },
        'Supporters of elections argue that only a popular mandate can give a new leadership the authority to reform institutions, negotiate and take hard decisions. Elections could also bring younger figures into politics and reduce the appeal of armed groups by offering a political channel for change. Opponents warn that, under current conditions, elections could hand significant power to Hamas or to candidates hostile to any arrangement with Israel. They also point out that elections held without agreed rules and basic security could deepen the split between the West Bank and Gaza rather than heal it.',
        {
          quote:
            'Elections are not a single event but the end point of a process: agreed rules, credible institutions and a commitment by all participants to accept the results and renounce violence.',
        },
        { h2: 'Conditions for a constructive vote' },
        'The most constructive path would probably be phased: local and municipal elections first, followed by legislative and presidential elections once basic conditions are in place. Those conditions include a legal requirement that parties commit to non-violence and to previous agreements, international monitoring, and arrangements for voting in East Jerusalem that both Israel and the Authority can live with. For Israel, the choice is not between elections and stability, since an Authority without legitimacy is itself a source of instability. A managed, gradual democratic process may well be the least bad option available.[[fn:On the electoral precedents of 2005–2006 and their consequences, see earlier issues of Strategic Review devoted to Palestinian politics.]]',
      ],
    },
    he: {
      title: 'שאלת הירושה והטיעון בעד בחירות פלסטיניות',
      slug: 'שאלת-הירושה-ובחירות-פלסטיניות',
      summary:
        'ברשות הפלסטינית לא התקיימו בחירות כלליות מאז 2006, והנהגתה מזדקנת. המאמר שוקל את הטיעונים בעד בחירות ונגדן כדרך לביסוס לגיטימיות, ואת התנאים שבהם הן עשויות לחזק את המשילות הפלסטינית ולא לערער אותה.',
      body: [
        'הבחירות האחרונות למועצה המחוקקת הפלסטינית התקיימו ב־2006, והבחירות האחרונות לנשיאות – שנה קודם לכן. דור שלם של פלסטינים הגיע לבגרות בלי שהצביע אי פעם בבחירות להנהגתו הלאומית. הבחירות שנקבעו ל־2021 נדחו ללא מועד, רשמית בשל שאלת ההצבעה במזרח ירושלים, אף שמשקיפים רבים ראו בחשש מתוצאה לא רצויה את הסיבה העיקרית. גירעון הלגיטימיות שהצטבר מאז הוא אחת מנקודות התורפה המרכזיות של הרשות.[[fn:על סמך סקרי דעת קהל של מרכזי מחקר פלסטיניים, 2021–2025, המצביעים בעקביות על אמון נמוך בהנהגת הרשות.]]',
        { h2: 'ואקום הירושה' },
        'הנשיא מחמוד עבאס, יליד 1935, עומד בראש הרשות ואש״ף כבר שני עשורים, ללא יורש ברור ומוסכם. צעדים שננקטו בשנים האחרונות, ובהם יצירת תפקיד של סגן בהנהגת אש״ף, הוצגו כהכנה למעבר מסודר, אך הכללים עדיין שנויים במחלוקת ותלויים במאזן הכוחות הפנימי בפת״ח. ירושה שתוכרע בחדרים סגורים צפויה להותיר את המנהיג החדש עם לגיטימיות נמוכה אף יותר מזו של קודמו. הדבר יחליש את הרשות בדיוק ברגע שבו מצפים ממנה לקבל על עצמה תפקיד ברצועת עזה.',
        { h2: 'בעד ונגד' },
        'תומכי הבחירות טוענים שרק מנדט עממי יעניק להנהגה חדשה את הסמכות לבצע רפורמות במוסדות, לנהל משא ומתן ולקבל החלטות קשות. בחירות עשויות גם להכניס לזירה דמויות צעירות יותר ולהחליש את כוח המשיכה של הארגונים החמושים, משום שיציעו ערוץ פוליטי לשינוי. המתנגדים מזהירים שבתנאים הנוכחיים בחירות עלולות להעניק כוח רב לחמאס או למועמדים המתנגדים לכל הסדר עם ישראל. הם מציינים גם שבחירות ללא כללים מוסכמים וללא ביטחון בסיסי עלולות להעמיק את הפיצול בין הגדה לרצועה במקום לאחות אותו.',
        {
          quote:
            'בחירות אינן אירוע בודד אלא נקודת הסיום של תהליך: כללים מוסכמים, מוסדות אמינים ומחויבות של כל המשתתפים לקבל את התוצאות ולהתנער מאלימות.',
        },
        { h2: 'תנאים להצבעה בונה' },
        'הדרך הבונה ביותר תהיה ככל הנראה הדרגתית: תחילה בחירות מקומיות, ובהמשך בחירות למועצה המחוקקת ולנשיאות, לאחר שיתקיימו תנאי יסוד. בין התנאים האלה: חובה חוקית של המפלגות להתחייב לאי־אלימות ולהסכמים קודמים, פיקוח בינלאומי, והסדרים להצבעה במזרח ירושלים ששני הצדדים יוכלו לחיות איתם. מבחינת ישראל, הבחירה אינה בין בחירות ליציבות, שכן רשות חסרת לגיטימיות היא כשלעצמה מקור לחוסר יציבות. תהליך דמוקרטי מבוקר והדרגתי עשוי בהחלט להיות האפשרות הפחות גרועה.[[fn:על תקדימי הבחירות של 2005–2006 ועל השלכותיהם, ראו גיליונות קודמים של "סקירה אסטרטגית" שהוקדשו לפוליטיקה הפלסטינית.]]',
      ],
    },
  },
  {
    key: 'p2-influence-operations',
    type: 'post',
    date: '2026-10-14',
    authors: ['talia-ben-ami', 'noa-friedman'],
    topics: ['cyber', 'public-opinion'],
    audio: true,
    en: {
      title: 'Influence Operations Online: Watch the Amplifiers, Not Just the Lies',
      slug: 'influence-operations-online-watch-the-amplifiers',
      summary:
        'State-backed influence campaigns increasingly rely on authentic voices to spread their messages. Countering them means focusing on networks and amplification rather than on fact-checking individual claims.',
      body: [
        "Influence operations aimed at Israeli audiences have grown more sophisticated since the days of crude fake profiles. According to takedown reports published by major platforms, Iranian-linked networks have impersonated Israeli activists, set up fictitious local news pages and sought to inflame existing social divisions rather than invent new ones. Generative AI lowers the cost of producing convincing content in fluent Hebrew. The most effective campaigns, however, do not depend on fabricated facts; they depend on getting real people to share their messages.[[fn:Based on public threat reports by major social-media companies and on the institute's monitoring of Hebrew-language networks, 2023–2025.]]",
        "This shifts the focus of defence. Fact-checking individual claims remains useful, but it is slow and rarely reaches the audiences exposed to the original message. Identifying coordinated networks, tracking how content travels from fringe accounts to mainstream ones and explaining the techniques involved to the public are likely to be more effective. Our survey data suggest that most Israelis are aware of foreign influence attempts, yet far fewer believe they could recognise one in their own feeds.[[fn:Data from the institute's National Resilience Survey, wave of March 2026.]]",
        'Responsibility should be shared. Platforms need to act faster against coordinated behaviour in Hebrew and Arabic, government bodies should publish timely and credible attributions, and media outlets should be careful about amplifying anonymous viral content. Building public resilience is a long-term effort, and it works best when it is not seen as partisan.',
      ],
    },
  },
  {
    key: 'p2-us-military-aid-next-administration',
    type: 'special-publication',
    date: '2026-11-20',
    authors: ['eitan-shapiro', 'ron-avidan', 'hila-mor'],
    topics: ['united-states', 'economy-security', 'powers'],
    pdf: true,
    en: {
      title: 'After the Memorandum: US Military Aid and the Next Administration',
      slug: 'us-military-aid-and-the-next-administration',
      summary:
        "The current ten-year memorandum of understanding on US military aid to Israel expires in 2028, just as a new American administration takes office. This special publication, prepared by the Great Powers programme with the editors of Strategic Review, examines scenarios for the next agreement and their implications for Israel's defence economy.",
      body: [
        "Since 2019, American military aid to Israel has been governed by a memorandum of understanding that provides $3.8 billion a year, most of it as Foreign Military Financing and the rest for missile defence. The agreement expires at the end of fiscal year 2028, and negotiations over its successor are likely to overlap with the transition to a new administration in Washington. The wars since October 2023 have added supplementary appropriations on top of this baseline, underscoring both the depth of American support and Israel's dependence on it. The question for the coming years is not only how much aid Israel will receive, but in what form and under what political conditions.[[fn:Figures are based on the text of the 2016 memorandum of understanding and on reports of the Congressional Research Service.]]",
        { h2: 'A changing American debate' },
        'Support for Israel in Congress remains broad, but it is no longer as uniform as it once was. In both parties, voices have emerged that question the scale of aid: some on the progressive left, citing the conduct of the war in Gaza, and some on the right, arguing that a wealthy ally should carry more of its own burden. Opinion polls in the United States point to a generational shift, with younger Americans markedly less sympathetic to Israel than older ones. These trends need not reduce aid in the short term, but they make its long-term political base less secure.',
        { h2: 'Scenarios for the next agreement' },
        {
          list: [
            '**Continuity:** a new ten-year memorandum at a similar or slightly higher level, with a growing share devoted to joint development and missile defence.',
            '**Gradual transition:** aid declines over the life of the agreement and is partly replaced by co-production, joint research and preferential access to American munitions.',
            '**Conditional aid:** funding is tied to policy benchmarks or subject to annual congressional review, increasing political uncertainty.',
            '**Strategic partnership:** aid is reframed as investment in shared capabilities, such as air defence and emerging technologies, that serve both countries.',
          ],
        },
        "Each scenario has different implications for Israel's defence economy. Because the 2016 agreement phases out the option of spending part of the aid in Israel, domestic industry has adapted by opening production lines in the United States. A reduction in aid would increase pressure on the defence budget at a time when the costs of reserve duty, munitions and reconstruction are already high. Conversely, a deeper model of co-production could strengthen Israeli industry, provided that Israel retains control over critical technologies.[[fn:See the chapter on the defence budget in the institute's economic outlook for 2026.]]",
        { h2: 'Recommendations' },
        'Israel should open a structured dialogue on the next agreement early, rather than waiting for the final year of the current one. It should cultivate support in both American parties and among younger policymakers, not only among traditional allies. It should also prepare its own budget for scenarios in which aid is lower or less predictable, so that dependence does not become a vulnerability. The relationship has always rested on shared interests, and making those interests visible is the best guarantee of its future.',
      ],
    },
    he: {
      title: 'אחרי המזכר: הסיוע הצבאי האמריקאי והממשל הבא',
      slug: 'הסיוע-הצבאי-האמריקאי-והממשל-הבא',
      summary:
        'מזכר ההבנות הנוכחי בדבר הסיוע הצבאי האמריקאי לישראל יפקע ב־2028, בדיוק כשממשל חדש ייכנס לתפקידו בוושינגטון. הפרסום המיוחד, שהוכן בתוכנית המעצמות של המכון בשיתוף מערכת "סקירה אסטרטגית", בוחן תרחישים להסכם הבא ואת השלכותיהם על כלכלת הביטחון בישראל.',
      body: [
        'מאז 2019 מוסדר הסיוע הצבאי האמריקאי לישראל במזכר הבנות המעניק 3.8 מיליארד דולר בשנה, רובם במסגרת מימון צבאי חוץ (FMF) והיתר להגנה מפני טילים. ההסכם יפקע בתום שנת הכספים 2028, והמשא ומתן על ההסכם שיחליף אותו צפוי לחפוף את חילופי הממשל בוושינגטון. המלחמות מאז אוקטובר 2023 הוסיפו הקצבות משלימות מעבר לבסיס הקבוע, והמחישו הן את עומק התמיכה האמריקאית והן את תלותה של ישראל בה. השאלה לשנים הקרובות אינה רק כמה סיוע תקבל ישראל, אלא באיזו מתכונת ובאילו תנאים פוליטיים.[[fn:הנתונים מבוססים על נוסח מזכר ההבנות מ־2016 ועל דוחות שירות המחקר של הקונגרס.]]',
        { h2: 'שיח אמריקאי משתנה' },
        'התמיכה בישראל בקונגרס עדיין רחבה, אך היא כבר אינה אחידה כבעבר. בשתי המפלגות נשמעים קולות המפקפקים בהיקף הסיוע: חלקם בשמאל הפרוגרסיבי, על רקע התנהלות המלחמה בעזה, וחלקם בימין, בטענה שבעלת ברית אמידה צריכה לשאת בעצמה בחלק גדול יותר מהנטל. סקרי דעת קהל בארה״ב מצביעים על שינוי בין־דורי: צעירים אמריקאים מגלים אהדה נמוכה בהרבה לישראל בהשוואה למבוגרים. מגמות אלה אינן מחייבות קיצוץ בסיוע בטווח הקצר, אך הן הופכות את הבסיס הפוליטי שלו בטווח הארוך ליציב פחות.',
        { h2: 'תרחישים להסכם הבא' },
        {
          list: [
            '**המשכיות:** מזכר הבנות חדש לעשר שנים ברמה דומה או גבוהה מעט, ובו נתח גדל והולך לפיתוח משותף ולהגנה מפני טילים.',
            '**מעבר הדרגתי:** הסיוע פוחת במהלך תקופת ההסכם, ובמקומו באים בחלקם ייצור משותף, מחקר משותף וגישה מועדפת לתחמושת אמריקאית.',
            '**סיוע מותנה:** המימון נקשר ליעדי מדיניות או כפוף לבחינה שנתית בקונגרס, מה שמגביר את אי־הוודאות הפוליטית.',
            '**שותפות אסטרטגית:** הסיוע ממוסגר מחדש כהשקעה ביכולות משותפות, כמו הגנה אווירית וטכנולוגיות מתפתחות, המשרתות את שתי המדינות.',
          ],
        },
        'לכל תרחיש השלכות שונות על כלכלת הביטחון בישראל. מאחר שהסכם 2016 מבטל בהדרגה את האפשרות להמיר חלק מהסיוע לרכש בישראל, התעשייה המקומית הסתגלה והקימה קווי ייצור בארה״ב. צמצום הסיוע יגביר את הלחץ על תקציב הביטחון בתקופה שבה עלויות המילואים, התחמושת והשיקום גבוהות ממילא. לעומת זאת, מודל מעמיק של ייצור משותף עשוי לחזק את התעשייה הישראלית, בתנאי שישראל תשמור על השליטה בטכנולוגיות קריטיות.[[fn:ראו את הפרק על תקציב הביטחון בתחזית הכלכלית של המכון לשנת 2026.]]',
        { h2: 'המלצות' },
        'על ישראל לפתוח בשיח מובנה על ההסכם הבא בשלב מוקדם, ולא להמתין לשנה האחרונה של ההסכם הנוכחי. עליה לטפח תמיכה בשתי המפלגות האמריקאיות ובקרב מקבלי החלטות צעירים, ולא רק בקרב בעלי הברית המסורתיים. כמו כן עליה להכין את תקציבה לתרחישים שבהם הסיוע יהיה נמוך יותר או צפוי פחות, כדי שהתלות לא תהפוך לנקודת תורפה. הקשר בין המדינות נשען תמיד על אינטרסים משותפים, והדרך הטובה ביותר להבטיח את עתידו היא להפוך את האינטרסים האלה לגלויים.',
      ],
    },
  },
];
