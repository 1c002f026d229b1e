/**
 * Settings, publication types, topics, people and static pages of the demo institute,
 * the Meridian Institute for Security Studies. All people and contact details are fictional.
 */
import type { DemoPage, DemoPerson, DemoPublicationType, DemoSettings, DemoTopic } from './demo-types.js';

export const demoSettings: DemoSettings = {
  instituteName: {
    en: 'Meridian Institute for Security Studies',
    he: 'מכון מרידיאן למחקרי ביטחון',
  },
  tagline: {
    en: 'Independent research on security, strategy and society in the Middle East',
    he: 'מחקר עצמאי בתחומי ביטחון, אסטרטגיה וחברה במזרח התיכון',
  },
  address: {
    en: 'Meridian House, 14 Ha-Shaked Street, Tel Aviv-Yafo, Israel',
    he: 'בית מרידיאן, רחוב השקד 14, תל אביב-יפו',
  },
  email: 'info@meridian-institute.example',
  phone: '+972-3-555-0142',
};

export const demoPublicationTypes: DemoPublicationType[] = [
  {
    key: 'post',
    slug: 'post',
    name: { en: 'Short Post', he: 'רשומה קצרה' },
    plural: { en: 'Short Posts', he: 'רשומות קצרות' },
    numbered: false,
    hasVolumes: false,
    hasPdf: false,
  },
  {
    key: 'insight',
    slug: 'insight',
    name: { en: 'Insight', he: 'תובנה' },
    plural: { en: 'Insights', he: 'תובנות' },
    numbered: true,
    hasVolumes: false,
    hasPdf: false,
  },
  {
    key: 'policy-paper',
    slug: 'policy-paper',
    name: { en: 'Policy Paper', he: 'נייר מדיניות' },
    plural: { en: 'Policy Papers', he: 'ניירות מדיניות' },
    numbered: true,
    hasVolumes: false,
    hasPdf: true,
  },
  {
    key: 'special-publication',
    slug: 'special-publication',
    name: { en: 'Special Publication', he: 'פרסום מיוחד' },
    plural: { en: 'Special Publications', he: 'פרסומים מיוחדים' },
    numbered: false,
    hasVolumes: false,
    hasPdf: true,
  },
  {
    key: 'journal-article',
    slug: 'journal-article',
    name: { en: 'Strategic Review Article', he: 'מאמר ב"סקירה אסטרטגית"' },
    plural: { en: 'Strategic Review', he: 'סקירה אסטרטגית' },
    numbered: false,
    hasVolumes: true,
    hasPdf: true,
  },
  {
    key: 'memorandum',
    slug: 'memorandum',
    name: { en: 'Memorandum', he: 'מזכר' },
    plural: { en: 'Memoranda', he: 'מזכרים' },
    numbered: true,
    hasVolumes: false,
    hasPdf: true,
  },
];

export const demoTopics: DemoTopic[] = [
  {
    key: 'regional',
    name: { en: 'Regional Security', he: 'ביטחון אזורי' },
    slug: { en: 'regional', he: 'ביטחון-אזורי' },
    description: {
      en: "Threats, alliances and shifting balances of power across the Middle East, and what they mean for Israel's security. Our work here combines military analysis with close attention to regional politics.",
      he: 'איומים, בריתות ומאזני כוחות משתנים במזרח התיכון, והשלכותיהם על ביטחון ישראל. המחקר בתחום משלב ניתוח צבאי עם מעקב צמוד אחר הפוליטיקה האזורית.',
    },
  },
  {
    key: 'iran',
    parent: 'regional',
    name: { en: 'Iran', he: 'איראן' },
    slug: { en: 'iran', he: 'איראן' },
    description: {
      en: "Iran's nuclear programme, its network of allied organisations and militias across the region, and the domestic politics and economy that shape decisions in Tehran.",
      he: 'תוכנית הגרעין האיראנית, רשת הארגונים והמיליציות שאיראן מפעילה ברחבי האזור, והפוליטיקה והכלכלה הפנימיות שמעצבות את קבלת ההחלטות בטהרן.',
    },
  },
  {
    key: 'lebanon-hezbollah',
    parent: 'regional',
    name: { en: 'Lebanon and Hezbollah', he: 'לבנון וחיזבאללה' },
    slug: { en: 'lebanon-hezbollah', he: 'לבנון-וחיזבאללה' },
    description: {
      en: "Hezbollah's military capabilities and political standing, the Lebanese state and its economic crisis, and stability along Israel's northern border.",
      he: 'היכולות הצבאיות של חיזבאללה ומעמדו הפוליטי, המדינה הלבנונית ומשבריה הכלכליים, והיציבות לאורך גבולה הצפוני של ישראל.',
    },
  },
  {
    key: 'syria',
    parent: 'regional',
    name: { en: 'Syria', he: 'סוריה' },
    slug: { en: 'syria', he: 'סוריה' },
    description: {
      en: "Syria's fragmented politics and the struggle over its reconstruction, the foreign actors operating on its territory, and the implications for the frontier on the Golan Heights.",
      he: 'הזירה הסורית המפוצלת והמאבק על שיקומה, השחקנים הזרים הפועלים בשטחה, וההשלכות על הגבול ברמת הגולן.',
    },
  },
  {
    key: 'gulf-states',
    parent: 'regional',
    name: { en: 'The Gulf States', he: 'מדינות המפרץ' },
    slug: { en: 'gulf-states', he: 'מדינות-המפרץ' },
    description: {
      en: 'Saudi Arabia, the United Arab Emirates, Qatar and their neighbours: their security policies, their relations with Israel, and their place between Washington, Beijing and Tehran.',
      he: 'סעודיה, איחוד האמירויות, קטר ושכנותיהן: מדיניות הביטחון שלהן, יחסיהן עם ישראל ומקומן בין וושינגטון, בייג׳ינג וטהרן.',
    },
  },
  {
    key: 'palestinian',
    name: { en: 'The Palestinian Arena', he: 'הזירה הפלסטינית' },
    slug: { en: 'palestinian', he: 'הזירה-הפלסטינית' },
    description: {
      en: "The security, political and humanitarian dimensions of Israel's relations with the Palestinians, from day-to-day stability to long-term arrangements.",
      he: 'ההיבטים הביטחוניים, המדיניים וההומניטריים של היחסים בין ישראל לפלסטינים, מן היציבות היומיומית ועד להסדרים ארוכי טווח.',
    },
  },
  {
    key: 'gaza',
    parent: 'palestinian',
    name: { en: 'Gaza', he: 'רצועת עזה' },
    slug: { en: 'gaza', he: 'רצועת-עזה' },
    description: {
      en: 'Security arrangements, governance and reconstruction in the Gaza Strip, and the humanitarian and regional factors that bear on them.',
      he: 'הסדרי ביטחון, משילות ושיקום ברצועת עזה, והגורמים ההומניטריים והאזוריים המשפיעים עליהם.',
    },
  },
  {
    key: 'west-bank',
    parent: 'palestinian',
    name: { en: 'The West Bank', he: 'יהודה ושומרון' },
    slug: { en: 'west-bank', he: 'יהודה-ושומרון' },
    description: {
      en: 'Security coordination, settlement policy, economic conditions and the risk of escalation in the West Bank.',
      he: 'תיאום ביטחוני, מדיניות ההתיישבות, המצב הכלכלי והסיכון להסלמה ביהודה ושומרון (הגדה המערבית).',
    },
  },
  {
    key: 'palestinian-politics',
    parent: 'palestinian',
    name: { en: 'Palestinian Politics', he: 'הפוליטיקה הפלסטינית' },
    slug: { en: 'palestinian-politics', he: 'פוליטיקה-פלסטינית' },
    description: {
      en: 'The Palestinian Authority, Hamas and the other factions: leadership succession, legitimacy, public attitudes and the prospects for reform.',
      he: 'הרשות הפלסטינית, חמאס והפלגים האחרים: שאלת הירושה בהנהגה, לגיטימיות, עמדות הציבור וסיכויי הרפורמה.',
    },
  },
  {
    key: 'powers',
    name: { en: 'Great Powers and the Middle East', he: 'המעצמות והמזרח התיכון' },
    slug: { en: 'powers', he: 'מעצמות' },
    description: {
      en: "How the United States, Russia and China pursue their interests in the Middle East, and how their rivalry affects Israel's room for manoeuvre.",
      he: 'האופן שבו ארה״ב, רוסיה וסין מקדמות את האינטרסים שלהן במזרח התיכון, והשפעת התחרות ביניהן על מרחב התמרון של ישראל.',
    },
  },
  {
    key: 'united-states',
    parent: 'powers',
    name: { en: 'The United States', he: 'ארצות הברית' },
    slug: { en: 'united-states', he: 'ארצות-הברית' },
    description: {
      en: 'American policy in the region, the US–Israel alliance and security assistance, and the domestic debates in Washington that shape both.',
      he: 'המדיניות האמריקנית באזור, הברית בין ישראל לארה״ב והסיוע הביטחוני, והוויכוחים הפנימיים בוושינגטון שמעצבים אותם.',
    },
  },
  {
    key: 'russia',
    parent: 'powers',
    name: { en: 'Russia', he: 'רוסיה' },
    slug: { en: 'russia', he: 'רוסיה' },
    description: {
      en: "Russia's military presence and diplomacy in the Middle East, its partnership with Iran, and the effect of the war in Ukraine on its standing in the region.",
      he: 'הנוכחות הצבאית והדיפלומטיה של רוסיה במזרח התיכון, השותפות שלה עם איראן והשפעת המלחמה באוקראינה על מעמדה באזור.',
    },
  },
  {
    key: 'china',
    parent: 'powers',
    name: { en: 'China', he: 'סין' },
    slug: { en: 'china', he: 'סין' },
    description: {
      en: "China's growing economic footprint in the region, its energy and infrastructure interests, and the questions they raise for Israel's technology and trade policy.",
      he: 'טביעת הרגל הכלכלית ההולכת וגדלה של סין באזור, האינטרסים שלה בתחומי האנרגיה והתשתיות, והשאלות שהם מעוררים למדיניות הטכנולוגיה והסחר של ישראל.',
    },
  },
  {
    key: 'home-front',
    name: { en: 'Society and the Home Front', he: 'חברה ועורף' },
    slug: { en: 'home-front', he: 'חברה-ועורף' },
    description: {
      en: 'The social foundations of national security: public resilience, trust in institutions, the economy, and the relationship between the army and society.',
      he: 'היסודות החברתיים של הביטחון הלאומי: חוסן הציבור, אמון במוסדות, הכלכלה והקשר בין הצבא לחברה.',
    },
  },
  {
    key: 'public-opinion',
    parent: 'home-front',
    name: { en: 'Public Opinion', he: 'דעת קהל' },
    slug: { en: 'public-opinion', he: 'דעת-קהל' },
    description: {
      en: "The institute's regular national surveys on security, trust and resilience, with analysis of trends over time and across population groups.",
      he: 'הסקרים הלאומיים שהמכון עורך דרך קבע בנושאי ביטחון, אמון וחוסן, לצד ניתוח מגמות לאורך זמן ובין קבוצות אוכלוסייה.',
    },
  },
  {
    key: 'economy-security',
    parent: 'home-front',
    name: { en: 'Economy and Security', he: 'כלכלה וביטחון' },
    slug: { en: 'economy-security', he: 'כלכלה-וביטחון' },
    description: {
      en: 'The defence budget and the economic burden it carries, the costs of prolonged conflict, and the economic sources of national strength.',
      he: 'תקציב הביטחון והנטל הכלכלי שהוא מטיל, העלויות של עימות מתמשך והמקורות הכלכליים של העוצמה הלאומית.',
    },
  },
  {
    key: 'civil-military',
    parent: 'home-front',
    name: { en: 'Civil-Military Relations', he: 'יחסי צבא וחברה' },
    slug: { en: 'civil-military', he: 'צבא-וחברה' },
    description: {
      en: "Reserve service, the people's army model, civilian oversight of the military, and the relationship between political and military leaders.",
      he: 'שירות המילואים, מודל צבא העם, הפיקוח האזרחי על הצבא והיחסים בין הדרג המדיני לדרג הצבאי.',
    },
  },
  {
    key: 'tech',
    name: { en: 'Technology and Security', he: 'טכנולוגיה וביטחון' },
    slug: { en: 'tech', he: 'טכנולוגיה-וביטחון' },
    description: {
      en: 'How new technologies change the conduct of conflict and the protection of society, and the policy and ethical questions they raise.',
      he: 'האופן שבו טכנולוגיות חדשות משנות את אופי העימות ואת ההגנה על החברה, והשאלות המדיניות והאתיות שהן מעוררות.',
    },
  },
  {
    key: 'cyber',
    parent: 'tech',
    name: { en: 'Cyber', he: 'סייבר' },
    slug: { en: 'cyber', he: 'סייבר' },
    description: {
      en: 'Cyber operations by states and non-state actors, the protection of critical infrastructure, and influence campaigns in the information space.',
      he: 'מבצעי סייבר של מדינות ושל שחקנים לא-מדינתיים, הגנה על תשתיות קריטיות ומאמצי השפעה במרחב המידע.',
    },
  },
  {
    key: 'emerging-tech',
    parent: 'tech',
    name: { en: 'Emerging Technologies', he: 'טכנולוגיות מתפתחות' },
    slug: { en: 'emerging-tech', he: 'טכנולוגיות-מתפתחות' },
    description: {
      en: 'Artificial intelligence, autonomous systems, space and quantum technologies: their military uses, export controls and the debate over how to govern them.',
      he: 'בינה מלאכותית, מערכות אוטונומיות, טכנולוגיות חלל וקוונטים: השימושים הצבאיים בהן, הפיקוח על ייצואן והוויכוח על אופן הסדרתן.',
    },
  },
];

export const demoPeople: DemoPerson[] = [
  {
    key: 'dana-levin',
    slug: 'dana-levin',
    name: { en: 'Dr. Dana Levin', he: 'ד״ר דנה לוין' },
    role: {
      en: 'Senior Researcher; Head, Iran Programme',
      he: 'חוקרת בכירה, ראש התוכנית לחקר איראן',
    },
    bio: {
      en: "Dr. Dana Levin is a Senior Researcher at the Meridian Institute and heads its Iran programme. She holds a PhD in Middle Eastern history from Tel Aviv University, where her dissertation examined factional politics in the Islamic Republic during the 1990s. Before joining the institute she spent eight years as an analyst in government service and was a visiting fellow at a research centre in London. Her current work focuses on nuclear decision-making in Tehran and on the links between Iran's domestic economy and its regional policy.",
      he: 'ד״ר דנה לוין היא חוקרת בכירה במכון מרידיאן ועומדת בראש התוכנית לחקר איראן. היא בעלת תואר דוקטור בהיסטוריה של המזרח התיכון מאוניברסיטת תל אביב, ועבודת הדוקטורט שלה עסקה במאבקי הסיעות ברפובליקה האסלאמית בשנות התשעים. לפני הצטרפותה למכון שימשה שמונה שנים אנליסטית בשירות הציבורי, והייתה עמיתת מחקר אורחת במרכז מחקר בלונדון. מחקריה כיום מתמקדים בקבלת ההחלטות בטהרן בסוגיית הגרעין ובקשר שבין הכלכלה הפנימית של איראן למדיניותה האזורית.',
    },
  },
  {
    key: 'yoav-carmeli',
    slug: 'yoav-carmeli',
    name: { en: 'Brig. Gen. (res.) Yoav Carmeli', he: 'תא״ל (במיל׳) יואב כרמלי' },
    role: {
      en: 'Senior Research Fellow, Military Strategy',
      he: 'עמית מחקר בכיר, אסטרטגיה צבאית',
    },
    bio: {
      en: 'Brig. Gen. (res.) Yoav Carmeli is a Senior Research Fellow at the institute, where he writes on military strategy and force design. During a thirty-year career in the IDF he commanded an armoured brigade and later held senior planning posts on the General Staff. He holds a BA in political science and an MA in national security studies from the University of Haifa, and is a graduate of the National Defence College. His research deals with multi-front warfare, the balance between manoeuvre and firepower, and what recent conflicts teach about building the IDF of the next decade.',
      he: 'תא״ל (במיל׳) יואב כרמלי הוא עמית מחקר בכיר במכון, ועוסק באסטרטגיה צבאית ובבניין הכוח. במהלך שירות של שלושים שנה בצה״ל פיקד על חטיבת שריון, ולאחר מכן מילא תפקידי תכנון בכירים במטה הכללי. הוא בעל תואר ראשון במדע המדינה ותואר שני בלימודי ביטחון לאומי מאוניברסיטת חיפה, ובוגר המכללה לביטחון לאומי. מחקריו עוסקים בלחימה רב-זירתית, באיזון בין תמרון לאש ובלקחים מן העימותים האחרונים לבניין הכוח של צה״ל בעשור הבא.',
    },
  },
  {
    key: 'miriam-haddad',
    slug: 'miriam-haddad',
    name: { en: 'Dr. Miriam Haddad', he: 'ד״ר מרים חדאד' },
    role: { en: 'Research Fellow, Lebanon and Syria', he: 'עמיתת מחקר, לבנון וסוריה' },
    bio: {
      en: "Dr. Miriam Haddad is a Research Fellow specialising in Lebanon and Syria. She earned her PhD in political science at the Hebrew University of Jerusalem with a study of sectarian power-sharing in Lebanon, and went on to a postdoctoral fellowship in Paris. Fluent in Arabic and French, she follows Lebanese and Syrian media and political debate closely. Her recent work examines Hezbollah's position within the Lebanese state and the competition among outside actors over the future of Syria.",
      he: 'ד״ר מרים חדאד היא עמיתת מחקר המתמחה בלבנון ובסוריה. את הדוקטורט במדע המדינה השלימה באוניברסיטה העברית בירושלים, במחקר על שיטת חלוקת הכוח העדתית בלבנון, ולאחר מכן הייתה עמיתה בתר-דוקטורט בפריז. היא דוברת ערבית וצרפתית ועוקבת מקרוב אחר התקשורת והשיח הפוליטי בלבנון ובסוריה. עבודתה בשנים האחרונות בוחנת את מעמדו של חיזבאללה בתוך המדינה הלבנונית ואת התחרות בין שחקנים חיצוניים על עתידה של סוריה.',
    },
  },
  {
    key: 'eitan-shapiro',
    slug: 'eitan-shapiro',
    name: { en: 'Prof. Eitan Shapiro', he: 'פרופ׳ איתן שפירא' },
    role: {
      en: 'Head, Great Powers and the Middle East Programme',
      he: 'ראש התוכנית למעצמות והמזרח התיכון',
    },
    bio: {
      en: "Prof. Eitan Shapiro heads the institute's Great Powers and the Middle East programme. A scholar of international relations, he taught for two decades at Bar-Ilan University and has held visiting appointments at universities in the United States and Europe. He is the author of books on American grand strategy and on great-power competition in the Eastern Mediterranean. At the institute he leads research on how shifts in the global balance of power shape Israel's strategic options.",
      he: 'פרופ׳ איתן שפירא עומד בראש התוכנית למעצמות והמזרח התיכון במכון. הוא חוקר יחסים בינלאומיים, לימד במשך שני עשורים באוניברסיטת בר-אילן והיה מרצה אורח באוניברסיטאות בארה״ב ובאירופה. הוא חיבר ספרים על האסטרטגיה הרבתי האמריקנית ועל התחרות בין המעצמות במזרח הים התיכון. במכון הוא מוביל מחקר על האופן שבו שינויים במאזן הכוחות העולמי משפיעים על החלופות האסטרטגיות העומדות בפני ישראל.',
    },
  },
  {
    key: 'noa-friedman',
    slug: 'noa-friedman',
    name: { en: 'Noa Friedman', he: 'נועה פרידמן' },
    role: { en: 'Research Associate, Public Opinion Surveys', he: 'חוקרת, סקרי דעת קהל' },
    bio: {
      en: "Noa Friedman is a Research Associate who manages the institute's public-opinion surveys. She holds an MA in sociology, with a specialisation in survey methodology, from Tel Aviv University, and previously worked at a polling firm designing questionnaires for public-sector clients. She is responsible for the design, fieldwork oversight and analysis of the institute's National Resilience Survey. Her interests include trust in institutions, differences between population groups, and how social resilience can be measured.",
      he: 'נועה פרידמן היא חוקרת במכון ומנהלת את סקרי דעת הקהל שלו. היא בעלת תואר שני בסוציולוגיה, בהתמחות במתודולוגיה של סקרים, מאוניברסיטת תל אביב, ובעבר עבדה בחברת סקרים ותכננה שאלונים עבור גופים ציבוריים. היא אחראית על תכנון סקר החוסן הלאומי של המכון, על הפיקוח על עבודת השדה ועל ניתוח הממצאים. תחומי העניין שלה הם אמון במוסדות, פערים בין קבוצות אוכלוסייה ודרכים למדידת חוסן חברתי.',
    },
  },
  {
    key: 'samir-khoury',
    slug: 'samir-khoury',
    name: { en: 'Dr. Samir Khoury', he: 'ד״ר סמיר ח׳ורי' },
    role: { en: 'Research Fellow, Palestinian Politics', he: 'עמית מחקר, פוליטיקה פלסטינית' },
    bio: {
      en: 'Dr. Samir Khoury is a Research Fellow who studies Palestinian politics and society. He completed his PhD at the University of Haifa with a dissertation on the institutions of the Palestinian Authority in its first decade, and later taught at a college in the Galilee. He has written widely on relations between Fatah and Hamas, on leadership succession and on Palestinian public attitudes. His current research looks at the sources of legitimacy of Palestinian governance and at the prospects for institutional reform.',
      he: 'ד״ר סמיר ח׳ורי הוא עמית מחקר העוסק בפוליטיקה ובחברה הפלסטינית. את הדוקטורט השלים באוניברסיטת חיפה, בעבודה על מוסדות הרשות הפלסטינית בעשור הראשון לקיומה, ולאחר מכן לימד במכללה בגליל. הוא פרסם רבות על היחסים בין פתח לחמאס, על שאלת הירושה בהנהגה ועל עמדות הציבור הפלסטיני. מחקרו הנוכחי בוחן את מקורות הלגיטימיות של השלטון הפלסטיני ואת הסיכויים לרפורמה מוסדית.',
    },
  },
  {
    key: 'talia-ben-ami',
    slug: 'talia-ben-ami',
    name: { en: 'Dr. Talia Ben-Ami', he: 'ד״ר טליה בן-עמי' },
    role: {
      en: 'Head, Technology and Security Programme',
      he: 'ראש התוכנית לטכנולוגיה וביטחון',
    },
    bio: {
      en: 'Dr. Talia Ben-Ami heads the Technology and Security programme. She holds a PhD in computer science from the Technion and spent a decade in the Israeli technology industry, latterly as head of research at a cybersecurity company. She turned to policy research after a fellowship on technology governance, and has advised public bodies on the protection of critical infrastructure. Her work focuses on cyber conflict, the military uses of artificial intelligence, and how democracies regulate dual-use technologies.',
      he: 'ד״ר טליה בן-עמי עומדת בראש התוכנית לטכנולוגיה וביטחון. היא בעלת תואר דוקטור במדעי המחשב מהטכניון, ועבדה עשור בתעשיית ההייטק הישראלית, לאחרונה כראש תחום המחקר בחברת סייבר. היא פנתה למחקר מדיניות לאחר תקופת עמיתות בתחום הרגולציה של טכנולוגיה, וייעצה לגופים ציבוריים בנושא הגנה על תשתיות קריטיות. עבודתה מתמקדת בעימותי סייבר, בשימושים צבאיים בבינה מלאכותית ובדרכים שבהן דמוקרטיות מסדירות טכנולוגיות דו-שימושיות.',
    },
  },
  {
    key: 'ron-avidan',
    slug: 'ron-avidan',
    name: { en: 'Dr. Ron Avidan', he: 'ד״ר רון אבידן' },
    role: {
      en: 'Economist, Economy and National Security',
      he: 'כלכלן, כלכלה וביטחון לאומי',
    },
    bio: {
      en: "Dr. Ron Avidan is an economist who leads the institute's work on the economy and national security. He received his PhD in economics from the Hebrew University of Jerusalem and spent several years in the research department of a government ministry, analysing public expenditure. He later served as an adviser on budget policy and taught public economics at a college. His research covers the defence budget, the macroeconomic costs of prolonged conflict, and the economic foundations of national resilience.",
      he: 'ד״ר רון אבידן הוא כלכלן ומוביל את עבודת המכון בתחום הכלכלה והביטחון הלאומי. הוא קיבל תואר דוקטור בכלכלה מהאוניברסיטה העברית בירושלים, ועבד כמה שנים באגף המחקר של משרד ממשלתי, שם ניתח את ההוצאה הציבורית. לאחר מכן שימש יועץ למדיניות תקציב ולימד כלכלה ציבורית במכללה. מחקריו עוסקים בתקציב הביטחון, בעלויות המקרו-כלכליות של עימות מתמשך ובבסיס הכלכלי של החוסן הלאומי.',
    },
  },
  {
    key: 'shira-navon',
    slug: 'shira-navon',
    name: { en: 'Dr. Shira Navon', he: 'ד״ר שירה נבון' },
    role: { en: 'Research Fellow, The Gulf States', he: 'עמיתת מחקר, מדינות המפרץ' },
    bio: {
      en: "Dr. Shira Navon is a Research Fellow who studies the Gulf states. She received her PhD from Tel Aviv University with a dissertation on state-building and security policy in the United Arab Emirates, and has made several research visits to the Gulf since the Abraham Accords. Before her doctorate she analysed energy markets at an economic consultancy. Her research focuses on the security doctrines of the Gulf states, normalisation with Israel, and the region's growing economic ties with Asia.",
      he: 'ד״ר שירה נבון היא עמיתת מחקר העוסקת במדינות המפרץ. את הדוקטורט השלימה באוניברסיטת תל אביב, בעבודה על בניין המדינה ומדיניות הביטחון באיחוד האמירויות, ומאז הסכמי אברהם ערכה כמה ביקורי מחקר במפרץ. לפני לימודי הדוקטורט עסקה בניתוח שוקי האנרגיה בחברת ייעוץ כלכלי. מחקריה מתמקדים בתפיסות הביטחון של מדינות המפרץ, בנורמליזציה עם ישראל ובקשרים הכלכליים ההולכים ומתהדקים בין האזור לאסיה.',
    },
  },
  {
    key: 'gideon-tal',
    slug: 'gideon-tal',
    name: { en: 'Col. (res.) Gideon Tal', he: 'אל״מ (במיל׳) גדעון טל' },
    role: {
      en: 'Research Fellow, Civil-Military Relations',
      he: 'עמית מחקר, יחסי צבא וחברה',
    },
    bio: {
      en: 'Col. (res.) Gideon Tal is a Research Fellow who studies civil-military relations. He served for twenty-five years in the IDF, mostly in the Manpower Directorate, where he worked on reserve-service policy and on integrating diverse communities into the military. He holds an MA in public policy from Tel Aviv University and is completing a doctorate on the changing relationship between Israeli society and its reserve army. His research deals with the burden of reserve duty, civilian oversight of the military, and public trust in the IDF.',
      he: 'אל״מ (במיל׳) גדעון טל הוא עמית מחקר העוסק ביחסי צבא וחברה. הוא שירת עשרים וחמש שנה בצה״ל, רובן באגף כוח האדם, ועסק במדיניות שירות המילואים ובשילובן של אוכלוסיות מגוונות בצבא. הוא בעל תואר שני במדיניות ציבורית מאוניברסיטת תל אביב, ובימים אלה משלים עבודת דוקטורט על השינויים ביחסים בין החברה הישראלית לצבא המילואים שלה. מחקריו עוסקים בנטל שירות המילואים, בפיקוח האזרחי על הצבא ובאמון הציבור בצה״ל.',
    },
  },
  {
    key: 'hila-mor',
    slug: 'hila-mor',
    name: { en: 'Hila Mor', he: 'הילה מור' },
    role: {
      en: 'Managing Editor, Strategic Review',
      he: 'עורכת מנהלת, "סקירה אסטרטגית"',
    },
    bio: {
      en: "Hila Mor is the managing editor of Strategic Review, the institute's peer-reviewed journal. She holds an MA in Middle Eastern studies from Ben-Gurion University of the Negev and worked for several years as an editor at an academic publishing house. She runs the journal's review process, works with authors on both the English and Hebrew editions, and maintains the institute's editorial style. She also edits the institute's special publications.",
      he: 'הילה מור היא העורכת המנהלת של "סקירה אסטרטגית", כתב העת השפיט של המכון. היא בעלת תואר שני בלימודי המזרח התיכון מאוניברסיטת בן-גוריון בנגב, ועבדה כמה שנים כעורכת בהוצאה לאור אקדמית. היא מנהלת את תהליך השיפוט של כתב העת, עובדת עם הכותבים על המהדורות בעברית ובאנגלית ואחראית על הסגנון העריכתי של פרסומי המכון. כמו כן היא עורכת את הפרסומים המיוחדים של המכון.',
    },
  },
];

const EMAIL = 'info@meridian-institute.example';

export const demoPages: DemoPage[] = [
  {
    key: 'about',
    slug: { en: 'about', he: 'אודות' },
    title: { en: 'About the Institute', he: 'אודות המכון' },
    body: {
      en: [
        'The Meridian Institute for Security Studies is an independent, non-partisan research institute based in Tel Aviv. It studies the security challenges facing Israel and the wider Middle East, and publishes its work in English and Hebrew for decision-makers, practitioners and the interested public. Our mission is to strengthen public and professional debate on national security through rigorous, evidence-based research that is written to be read, presents competing views fairly, and is candid about what remains uncertain.',
        { h2: 'Research programmes' },
        {
          list: [
            '**Regional Security**: Iran, Lebanon and Hezbollah, Syria and the Gulf states.',
            '**The Palestinian Arena**: Gaza, the West Bank and Palestinian politics.',
            '**Great Powers and the Middle East**: the United States, Russia and China in the region.',
            '**Society and the Home Front**: public opinion, the economy and civil-military relations.',
            '**Technology and Security**: cyber and emerging technologies.',
          ],
        },
        'Our researchers combine academic training with experience in government, the military, the economy and civil society. Alongside short posts, insights and policy papers, the institute publishes the peer-reviewed journal Strategic Review and conducts a regular National Resilience Survey of the Israeli public.',
        { h2: 'Independence and funding transparency' },
        'The institute is a registered non-profit association and is not affiliated with any political party or government body. Its research agenda is set by the researchers and the academic committee, and no funder has any say over the content or conclusions of a publication. The views expressed in our publications are those of their authors.',
        'We believe readers should know who pays for the research they read. Every year we publish our audited financial statements together with a list of all donors who contributed more than ₪20,000, and any publication produced under a dedicated grant says so on its first page.',
      ],
      he: [
        'מכון מרידיאן למחקרי ביטחון הוא מכון מחקר עצמאי ובלתי מפלגתי שמקום מושבו בתל אביב. המכון חוקר את האתגרים הביטחוניים העומדים בפני ישראל והמזרח התיכון, ומפרסם את עבודתו בעברית ובאנגלית למקבלי החלטות, לאנשי מקצוע ולציבור הרחב. מטרתנו היא להעשיר את הדיון הציבורי והמקצועי בביטחון הלאומי באמצעות מחקר קפדני ומבוסס ראיות, הכתוב בבהירות, מציג בהגינות עמדות שונות ואומר במפורש מה עדיין אינו ידוע.',
        { h2: 'תוכניות המחקר' },
        {
          list: [
            '**ביטחון אזורי**: איראן, לבנון וחיזבאללה, סוריה ומדינות המפרץ.',
            '**הזירה הפלסטינית**: רצועת עזה, יהודה ושומרון והפוליטיקה הפלסטינית.',
            '**המעצמות והמזרח התיכון**: ארה״ב, רוסיה וסין באזור.',
            '**חברה ועורף**: דעת קהל, כלכלה וביטחון, ויחסי צבא וחברה.',
            '**טכנולוגיה וביטחון**: סייבר וטכנולוגיות מתפתחות.',
          ],
        },
        'חוקרי המכון משלבים הכשרה אקדמית עם ניסיון בשירות הציבורי, בצבא, בכלכלה ובחברה האזרחית. לצד רשומות קצרות, תובנות וניירות מדיניות, המכון מוציא לאור את כתב העת השפיט "סקירה אסטרטגית" ועורך דרך קבע את סקר החוסן הלאומי בקרב הציבור בישראל.',
        { h2: 'עצמאות ושקיפות במימון' },
        'המכון פועל כעמותה רשומה ואינו קשור לשום מפלגה או גוף ממשלתי. סדר היום המחקרי נקבע בידי החוקרים והוועדה האקדמית של המכון, ולגורמים המממנים אין כל השפעה על תוכן הפרסומים או על מסקנותיהם. הדעות המובעות בפרסומי המכון הן של הכותבים בלבד.',
        'אנו סבורים שקוראים זכאים לדעת מי מממן את המחקר שהם קוראים. מדי שנה אנו מפרסמים את הדוחות הכספיים המבוקרים של המכון ורשימה של כל התורמים שתרמו יותר מ-20,000 ש״ח, וכל פרסום שנכתב במסגרת מענק ייעודי מציין זאת בעמודו הראשון.',
      ],
    },
  },
  {
    key: 'accessibility',
    slug: { en: 'accessibility', he: 'הצהרת-נגישות' },
    title: { en: 'Accessibility Statement', he: 'הצהרת נגישות' },
    body: {
      en: [
        'The Meridian Institute for Security Studies wants its research to be available to everyone, including people with disabilities. We have worked to make this website accessible in accordance with the Equal Rights for Persons with Disabilities (Service Accessibility Adjustments) Regulations, 5773-2013.',
        { h2: 'Conformance level' },
        'The website is designed to conform to Israeli Standard 5568, which is based on the Web Content Accessibility Guidelines (WCAG), at level AA. Our target is WCAG 2.1 at level AA, a later version than the one referenced by the standard.',
        { h2: 'What we have done' },
        {
          list: [
            'A "Skip to main content" link at the top of every page.',
            'Full keyboard navigation, with a clearly visible focus indicator.',
            'Text and background colours that meet the AA contrast ratios.',
            'Full right-to-left support on the Hebrew site, with the language and direction of every page declared in the code.',
            'Semantic headings, lists and page regions, so that screen-reader users can move through the structure of each page.',
            'All content can be read without JavaScript; scripts are used only for optional enhancements.',
            'Text can be enlarged to 200% without loss of content or functionality.',
            'Text alternatives for images that convey information.',
          ],
        },
        { h2: 'Known limitations' },
        'Despite our efforts, some content may not yet be fully accessible:',
        {
          list: [
            'Some older PDF publications were not produced as tagged PDFs and may be difficult to read with a screen reader. Every publication is also available as a web page, and we will provide an accessible version on request.',
            'Audio versions of publications have no separate transcript; the written text of the publication serves as the equivalent.',
            'Some charts and maps in journal articles have only a short text description.',
          ],
        },
        { h2: 'Accessibility coordinator' },
        `If you encounter an accessibility problem on this website, or need information in an accessible format, please contact our accessibility coordinator, Michal Oren, by email at ${EMAIL} (with "Accessibility" in the subject line) or by phone at +972-3-555-0142. Please describe the problem and tell us the page on which you found it. We aim to respond within five working days.`,
        'This statement was last updated in January 2025.',
      ],
      he: [
        'מכון מרידיאן למחקרי ביטחון רואה חשיבות רבה בכך שהמחקר שלו יהיה נגיש לכלל הציבור, ובכלל זה לאנשים עם מוגבלות. פעלנו להנגשת האתר בהתאם לתקנות שוויון זכויות לאנשים עם מוגבלות (התאמות נגישות לשירות), התשע״ג-2013.',
        { h2: 'רמת הנגישות' },
        'האתר נבנה כך שיעמוד בדרישות התקן הישראלי ת״י 5568, המבוסס על הנחיות הנגישות לתכני אינטרנט (WCAG), ברמה AA. היעד שהצבנו לעצמנו הוא עמידה בהנחיות WCAG 2.1 ברמה AA, גרסה מעודכנת מזו שהתקן מפנה אליה.',
        { h2: 'מה עשינו' },
        {
          list: [
            'קישור "דילוג לתוכן הראשי" בראש כל עמוד.',
            'ניווט מלא באמצעות המקלדת, עם סימון מיקוד (פוקוס) בולט.',
            'ניגודיות צבעים בין הטקסט לרקע העומדת ביחסים הנדרשים ברמה AA.',
            'תמיכה מלאה בכתיבה מימין לשמאל באתר העברי, וסימון השפה והכיווניות של כל עמוד בקוד.',
            'מבנה עמוד סמנטי, הכולל כותרות, רשימות ואזורי עמוד מסומנים, המאפשר למשתמשי קוראי מסך לנווט בקלות.',
            'כל התוכן זמין לקריאה גם ללא JavaScript; סקריפטים משמשים רק לשיפורים שאינם הכרחיים.',
            'אפשרות להגדיל את הטקסט עד 200% ללא אובדן תוכן או פונקציונליות.',
            'טקסט חלופי לתמונות הנושאות מידע.',
          ],
        },
        { h2: 'מגבלות ידועות' },
        'למרות מאמצינו, ייתכן שחלק מהתכנים עדיין אינם נגישים במלואם:',
        {
          list: [
            'חלק מפרסומי ה-PDF הישנים לא הופקו כקובצי PDF נגישים (מתויגים), וייתכן שיהיה קשה לקרוא אותם בקורא מסך. כל הפרסומים זמינים גם כעמודי אינטרנט, ונשמח לספק גרסה נגישה לפי בקשה.',
            'לגרסאות השמע של הפרסומים אין תמלול נפרד; הטקסט הכתוב של הפרסום משמש חלופה שוות ערך.',
            'לחלק מהתרשימים והמפות במאמרי כתב העת יש תיאור מילולי קצר בלבד.',
          ],
        },
        { h2: 'רכזת הנגישות' },
        `נתקלתם בבעיית נגישות באתר, או שאתם זקוקים למידע בפורמט נגיש? נשמח לסייע. אפשר לפנות לרכזת הנגישות של המכון, מיכל אורן, בדוא״ל ${EMAIL} (נא לציין "נגישות" בשורת הנושא) או בטלפון 03-555-0142. כדי שנוכל לטפל בפנייה, נא לתאר את הבעיה ולציין את העמוד שבו נתקלתם בה. אנו משתדלים להשיב בתוך חמישה ימי עבודה.`,
        'הצהרה זו עודכנה לאחרונה בינואר 2025.',
      ],
    },
  },
  {
    key: 'privacy',
    slug: { en: 'privacy', he: 'מדיניות-פרטיות' },
    title: { en: 'Privacy Policy', he: 'מדיניות פרטיות' },
    body: {
      en: [
        'The Meridian Institute respects the privacy of visitors to this website. This policy explains what information we collect, why we collect it, and what rights you have. Our principle is simple: we collect as little as we can.',
        { h2: 'What we collect' },
        {
          list: [
            '**Newsletter subscriptions.** If you subscribe to our newsletter, we store your email address and your preferred language. We use them only to send you the newsletter, and every issue contains a link to unsubscribe.',
            '**Server logs.** Like any website, our server records technical details of each request: the IP address, the date and time, the page requested and the browser type. We use these logs only to keep the site secure and running, and they are deleted automatically after 30 days.',
            '**Messages you send us.** If you write to us, we keep your message and contact details only for as long as we need them to deal with your inquiry.',
          ],
        },
        { h2: 'What we do not do' },
        'This website uses no analytics services, advertising networks or other third-party trackers, and sets no cookies for tracking or advertising. It loads no fonts, scripts or other resources from third-party servers, so reading it does not disclose your visit to any other company. We do not sell personal information or share it with anyone, except where the law requires us to.',
        { h2: 'Your rights' },
        "Under Israel's Protection of Privacy Law, 5741-1981, you have the right to see the information we hold about you and to ask us to correct it. You may also ask us at any time to erase your information, for example to remove your email address from our newsletter list, and we will do so promptly.",
        { h2: 'Contact' },
        `Questions and requests about privacy can be sent to ${EMAIL} with "Privacy" in the subject line, or by post to the institute's address. We will respond within 30 days.`,
        'This policy was last updated in January 2025.',
      ],
      he: [
        'מכון מרידיאן מכבד את פרטיותם של המבקרים באתר. מדיניות זו מסבירה איזה מידע אנו אוספים, לשם מה, ומהן זכויותיכם. העיקרון שלנו פשוט: אנו אוספים מעט מידע ככל האפשר.',
        { h2: 'איזה מידע אנו אוספים' },
        {
          list: [
            '**הרשמה לניוזלטר.** אם נרשמתם לניוזלטר שלנו, נשמור את כתובת הדוא״ל שלכם ואת השפה המועדפת עליכם. נשתמש בהן רק כדי לשלוח לכם את הניוזלטר, ובכל גיליון יופיע קישור להסרה מרשימת התפוצה.',
            '**יומני שרת.** כמו בכל אתר אינטרנט, השרת שלנו מתעד פרטים טכניים על כל בקשה: כתובת ה-IP, התאריך והשעה, העמוד המבוקש וסוג הדפדפן. אנו משתמשים ביומנים אלה רק לשמירה על אבטחת האתר ועל תקינותו, והם נמחקים אוטומטית לאחר 30 יום.',
            '**פניות אלינו.** אם פניתם אלינו, נשמור את הפנייה ואת פרטי הקשר שלכם רק כל עוד הם נחוצים לטיפול בה.',
          ],
        },
        { h2: 'מה איננו עושים' },
        'האתר אינו משתמש בשירותי ניתוח תנועה, ברשתות פרסום או בכלי מעקב אחרים של צד שלישי, ואינו שומר עוגיות (cookies) לצורכי מעקב או פרסום. האתר אינו טוען גופנים, סקריפטים או משאבים אחרים משרתים של צד שלישי, ולכן הקריאה בו אינה חושפת את ביקורכם לשום חברה אחרת. איננו מוכרים מידע אישי ואיננו מעבירים אותו לאחרים, אלא אם הדבר נדרש על פי דין.',
        { h2: 'הזכויות שלכם' },
        'על פי חוק הגנת הפרטיות, התשמ״א-1981, אתם זכאים לעיין במידע שאנו מחזיקים עליכם ולבקש שנתקן אותו. נוסף על כך, תוכלו לבקש בכל עת שנמחק את המידע עליכם, למשל שנסיר את כתובת הדוא״ל שלכם מרשימת התפוצה, ואנו נעשה זאת בהקדם.',
        { h2: 'יצירת קשר' },
        `שאלות ובקשות בנושא פרטיות אפשר לשלוח לכתובת ${EMAIL}, עם המילה "פרטיות" בשורת הנושא, או בדואר לכתובת המכון. נשיב בתוך 30 יום.`,
        'מדיניות זו עודכנה לאחרונה בינואר 2025.',
      ],
    },
  },
  {
    key: 'contact',
    slug: { en: 'contact', he: 'צור-קשר' },
    title: { en: 'Contact Us', he: 'צור קשר' },
    body: {
      en: [
        'We are glad to hear from readers, researchers and journalists. The quickest way to reach us is by email.',
        {
          list: [
            '**Address:** Meridian House, 14 Ha-Shaked Street, Tel Aviv-Yafo, Israel',
            `**Email:** ${EMAIL}`,
            '**Phone:** +972-3-555-0142',
          ],
        },
        { h2: 'Media inquiries' },
        `Journalists seeking comment or an interview with one of our researchers are welcome to write to ${EMAIL} with "Media" in the subject line, or to call the number above and ask for the communications team. Please let us know the subject and your deadline; we try to respond on the same working day.`,
        { h2: 'Office hours' },
        "The institute's offices are open Sunday to Thursday, 9:00–17:00, and are closed on Fridays, Saturdays and public holidays. Visits are by appointment only. The building is wheelchair accessible.",
      ],
      he: [
        'נשמח לשמוע מקוראים, מחוקרים ומעיתונאים. הדרך המהירה ביותר ליצור איתנו קשר היא בדוא״ל.',
        {
          list: ['**כתובת:** בית מרידיאן, רחוב השקד 14, תל אביב-יפו', `**דוא״ל:** ${EMAIL}`, '**טלפון:** 03-555-0142'],
        },
        { h2: 'פניות תקשורת' },
        `עיתונאים המבקשים תגובה או ראיון עם אחד מחוקרי המכון מוזמנים לכתוב לכתובת ${EMAIL} ולציין "תקשורת" בשורת הנושא, או להתקשר למספר שלמעלה ולבקש את צוות התקשורת. נא לציין את הנושא ואת לוח הזמנים שלכם; אנו משתדלים להשיב באותו יום עבודה.`,
        { h2: 'שעות פעילות' },
        'משרדי המכון פתוחים בימים א׳–ה׳ בין השעות 9:00 ל-17:00, וסגורים בימי שישי, בשבתות ובחגים. ביקורים בתיאום מראש בלבד. הבניין נגיש לכיסאות גלגלים.',
      ],
    },
  },
];
