/**
 * The demo newsroom loaded on first start: original, fictional content for the Ministry of Defence
 * of the Republic of Valdora (발도라 공화국 국방부). Every person, place, country and event here is
 * invented; nothing is taken from real news.
 */

export type DemoBoardSlug = 'press-releases' | 'news' | 'statements' | 'photos';

export interface DemoBoard {
  slug: DemoBoardSlug;
  kind: 'press_release' | 'news' | 'statement' | 'photo';
  name: { ko: string; en: string };
}

export interface DemoPhoto {
  /** Short text drawn on the generated placeholder image (ASCII only, <= 30 chars). */
  label: string;
  caption: string;
  credit: string;
  altText: string;
  /** Background hue 0-359 for the generated image. */
  hue: number;
}

export interface DemoDocument {
  /** Original file name shown in the File area; may be Korean; must end in .pdf */
  fileName: string;
  /** Heading printed in the generated PDF (ASCII only, PDF standard fonts have no Hangul). */
  heading: string;
  /** Lines of body text printed in the PDF (ASCII only). */
  lines: string[];
}

export interface DemoRelease {
  board: DemoBoardSlug;
  language: 'en' | 'ko';
  /** Publication time relative to "now" when the demo loads: days ago (0-400) and Seoul local hour/minute. */
  daysAgo: number;
  hour: number;
  minute: number;
  title: string;
  subtitle: string[];
  bodyMarkdown: string;
  department: string;
  contact: { name: string; phone: string; email: string } | null;
  tags: string[];
  photos: DemoPhoto[];
  documents: DemoDocument[];
  /** Same key on an English and a Korean release that are translations of each other; else null. */
  pairKey: string | null;
  /** A Korean-only release the press office has flagged for translation (dashboard: missing a version). */
  translationNeeded?: boolean;
}

/** The four demo boards, in display order. */
export const DEMO_BOARDS: DemoBoard[] = [
  { slug: 'press-releases', kind: 'press_release', name: { ko: '보도자료', en: 'Press Release' } },
  { slug: 'news', kind: 'news', name: { ko: '국방뉴스', en: 'News' } },
  { slug: 'statements', kind: 'statement', name: { ko: '입장문', en: 'Statements' } },
  { slug: 'photos', kind: 'photo', name: { ko: '포토', en: 'Photos' } },
];

type Contact = NonNullable<DemoRelease['contact']>;

/** Joins Markdown paragraphs with blank lines, so each source string is one paragraph (or block). */
const body = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const PHOTO_TEAM = 'Ministry of Defence photo team';
const PHOTO_TEAM_KO = '국방부 사진팀';
const JCS_PHOTO = 'Joint Chiefs of Staff public affairs';

const SPOKESPERSON: Contact = { name: 'Kang Ha-rin, Deputy Spokesperson', phone: '02-555-0141', email: 'press@mod.valdora.example' };
const INTL_POLICY: Contact = { name: 'Jung Woo-sung, International Policy Bureau', phone: '02-555-0172', email: 'intl-policy@mod.valdora.example' };
const DEF_POLICY: Contact = { name: 'Moon Seo-yeon, Defense Policy Division', phone: '02-555-0163', email: 'policy@mod.valdora.example' };
const PERSONNEL: Contact = { name: 'Baek Ji-an, Military Personnel Bureau', phone: '02-555-0185', email: 'personnel@mod.valdora.example' };
const INDUSTRY: Contact = { name: 'Ryu Dong-hyun, Defense Industry Cooperation Division', phone: '02-555-0194', email: 'industry@mod.valdora.example' };
const JCS_PA: Contact = { name: 'Lt. Col. Shin Yu-na, JCS Public Affairs', phone: '02-555-0210', email: 'jcs-pa@mod.valdora.example' };

const SPOKESPERSON_KO: Contact = { name: '강하린 부대변인', phone: '02-555-0141', email: 'press@mod.valdora.example' };
const INTL_POLICY_KO: Contact = { name: '정우성 서기관 (국제정책관실)', phone: '02-555-0172', email: 'intl-policy@mod.valdora.example' };
const DEF_POLICY_KO: Contact = { name: '문서연 사무관 (국방정책실)', phone: '02-555-0163', email: 'policy@mod.valdora.example' };
const INDUSTRY_KO: Contact = { name: '류동현 서기관 (방산협력과)', phone: '02-555-0194', email: 'industry@mod.valdora.example' };
const LOGISTICS_KO: Contact = { name: '조은비 사무관 (급식유류과)', phone: '02-555-0233', email: 'logistics@mod.valdora.example' };
const JCS_PA_KO: Contact = { name: '신유나 중령 (합참 공보실)', phone: '02-555-0210', email: 'jcs-pa@mod.valdora.example' };

/** Every demo release, English and Korean, across the four boards (the seeder sorts them by date). */
export const DEMO_RELEASES: DemoRelease[] = [
  // ---------------------------------------------------------------- Press releases (English)
  {
    board: 'press-releases', language: 'en', daysAgo: 1, hour: 16, minute: 20,
    title: 'Defence Minister Han Do-yun Receives Norland Army Chief of Staff Gen. Marrow',
    subtitle: ['Both sides agree to expand officer exchanges and to explore cooperation in military logistics'],
    bodyMarkdown: body(
      'Minister of Defence Han Do-yun received General Elise Marrow, Chief of Staff of the Army of the Federal Republic of Norland, at the Ministry of Defence in Velen on the afternoon of 27 November, and the two discussed practical ways to deepen defence cooperation between their countries.',
      'Minister Han welcomed General Marrow on her first visit to Valdora since she took office in June. He noted that the two armies had steadily built trust through officer exchanges, staff talks and combined training since the defence cooperation agreement between Valdora and Norland was signed in 2019.',
      "Minister Han said the security environment in the region was becoming harder to predict, and that close and regular communication between like-minded partners remained the most reliable way to keep the peace. He thanked General Marrow for the Norland Army's participation in this year's combined disaster relief exercise.",
      'General Marrow said the Norland Army valued its partnership with the Armed Forces of Valdora highly, and that the purpose of her visit was to turn existing agreements into practical programmes at unit level. She added that Norland intends to send a larger group of instructors and students to the Valdora Army winter mountain training course next year.',
      'The two sides agreed to expand exchanges of junior officers and non-commissioned officers, to hold the annual army staff talks in Velen in the first half of next year, and to explore cooperation in military logistics, including the maintenance of common equipment and cold-weather supplies.',
      'General Marrow is visiting Valdora from 26 to 29 November at the invitation of the Chief of Staff of the Valdora Army, General Oh Tae-jun. During her stay she is scheduled to visit the Army Mountain Warfare School and the Defence Logistics Command, and to lay a wreath at the National Memorial.',
      'The Ministry of Defence said it would continue to strengthen practical defence cooperation with Norland on the basis of the trust confirmed at this meeting.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['Norland', 'defence cooperation', 'Minister Han Do-yun', 'army'],
    photos: [
      {
        label: 'Minister Han and Gen Marrow',
        caption: 'Minister of Defence Han Do-yun (right) shakes hands with General Elise Marrow, Chief of Staff of the Norland Army, at the Ministry of Defence in Velen on 27 November.',
        credit: PHOTO_TEAM,
        altText: 'Minister Han Do-yun and General Elise Marrow shake hands in front of the two national flags in a ministry meeting room.',
        hue: 212,
      },
    ],
    documents: [
      {
        fileName: 'briefing-note-2026-11.pdf',
        heading: 'Minister Han Do-yun receives General Elise Marrow',
        lines: [
          'Ministry of Defence of the Republic of Valdora - Briefing note',
          'Date: 27 November, 15:00-15:50, Ministry of Defence, Velen',
          'Visitor: General Elise Marrow, Chief of Staff, Norland Army',
          'Agreed: wider exchanges of junior officers and NCOs.',
          'Agreed: annual army staff talks in Velen, first half of next year.',
          'To explore: logistics cooperation on common equipment and cold-weather supplies.',
          'Contact: International Policy Bureau, 02-555-0172',
        ],
      },
    ],
    pairKey: 'pair-01',
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 2, hour: 14, minute: 0,
    title: "Valdora and Estmark Conclude Combined Disaster Relief Exercise 'Steady Harbor 26'",
    subtitle: [
      'About 1,400 personnel practised rescue, evacuation by sea and port recovery after a simulated earthquake',
      'Civil authorities and local volunteers took part in the exercise for the first time',
    ],
    bodyMarkdown: body(
      'The Ministry of Defence announced that Steady Harbor 26, the combined disaster relief exercise held with the Kingdom of Estmark in and around Port Selan from 23 to 26 November, was completed successfully.',
      'About 1,400 personnel took part, including army engineers, naval transport and medical units, air force airlift squadrons and a rescue battalion of the Estmark Home Guard. The scenario assumed a magnitude 7.0 earthquake off the southern coast that damaged the port and cut road links to three coastal towns.',
      'Over four days, participants practised search and rescue in collapsed buildings, the evacuation of residents by sea, setting up a combined field hospital, and clearing the harbour so that relief shipments could be landed. For the first time, the Southern Province disaster management office, the fire service and some 200 local volunteers joined the exercise.',
      'Main results of the exercise:\n\n- 620 simulated casualties triaged and treated at the combined field hospital\n- 2,300 residents evacuated by sea in 18 hours\n- Two berths of the damaged port reopened to relief ships within 36 hours',
      'Major General Lim Chae-won, who directed the exercise, said: "Disasters do not respect borders. This exercise showed that our two armed forces can work quickly with civil authorities when every hour counts."',
      'The Ministry will share the lessons learned with the Estmark Ministry of Defence and the civil authorities concerned, and will reflect them in next year\'s national disaster response plan.',
    ),
    department: 'Defense Policy Division',
    contact: DEF_POLICY,
    tags: ['Estmark', 'exercise', 'disaster relief', 'Steady Harbor'],
    photos: [],
    documents: [
      {
        fileName: 'steady-harbor-26-results.pdf',
        heading: 'Steady Harbor 26 - Exercise results',
        lines: [
          'Period: 23-26 November. Area: Port Selan and southern coast.',
          'Participants: about 1,400 (Valdora armed forces, Estmark Home Guard, civil authorities).',
          'Casualties treated at the combined field hospital: 620 (simulated).',
          'Residents evacuated by sea: 2,300 in 18 hours.',
          'Port berths reopened to relief ships: 2 within 36 hours.',
          'Lessons learned will feed into the national disaster response plan.',
        ],
      },
    ],
    pairKey: 'pair-02',
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 4, hour: 10, minute: 0,
    title: 'Defence Budget Proposal for 2027 Clears National Assembly Committee',
    subtitle: ['Budget of 61.8 trillion won, up 4.1 percent, focuses on troop welfare, readiness and defence research'],
    bodyMarkdown: body(
      'The Ministry of Defence said that the 2027 defence budget proposal of 61.8 trillion won passed the National Defence Committee of the National Assembly on 24 November. The proposal is 4.1 percent higher than this year\'s budget and now goes to the Budget and Accounts Committee.',
      '## Where the increase goes',
      '- Troop welfare: better housing allowances, meals and counselling services\n- Readiness: spare parts, fuel and training ammunition for all services\n- Research and development: 5.2 trillion won, the highest share so far\n- Disaster response: additional engineering and medical equipment',
      'The committee added 38 billion won for the repair of ageing barracks on remote islands and asked the Ministry to report each quarter on the progress of major acquisition programmes.',
      'An official of the Planning and Coordination Office said the Ministry would explain the proposal faithfully during the remaining review so that the budget can be passed by the legal deadline.',
    ),
    department: 'Planning and Coordination Office',
    contact: DEF_POLICY,
    tags: ['budget', 'National Assembly', '2027'],
    photos: [],
    documents: [
      {
        fileName: 'defence-budget-2027-summary.pdf',
        heading: '2027 Defence Budget Proposal - Summary',
        lines: [
          'Total: 61.8 trillion won (+4.1 percent on 2026).',
          'Force operations: 42.3 trillion won.',
          'Force improvement: 19.5 trillion won, of which R&D 5.2 trillion won.',
          'Committee addition: 38 billion won for barracks on remote islands.',
          'Next step: Budget and Accounts Committee review.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 8, hour: 11, minute: 0,
    title: 'Vice Minister Seo Ji-hoon Holds Fifth Valdora-Calveria Defence Policy Dialogue',
    subtitle: ['The two sides reviewed cooperation in maritime security, peacekeeping and military education'],
    bodyMarkdown: body(
      'Vice Minister of Defence Seo Ji-hoon held the fifth Valdora-Calveria Defence Policy Dialogue with Ana Kessel, Deputy Minister for Policy of the Republic of Calveria, at the Ministry of Defence on 20 November.',
      'The two delegations exchanged views on the regional security situation and reviewed the cooperation agreed at last year\'s dialogue, including joint search and rescue drills at sea and the exchange of instructors between their peacekeeping training centres.',
      'Vice Minister Seo proposed that the two countries begin exchanging cadets between their military academies from next year and set up a working group on maritime domain awareness. Deputy Minister Kessel welcomed both proposals and said Calveria would respond in detail before the next dialogue.',
      'The sixth dialogue will be held in Calveria next year.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['Calveria', 'policy dialogue', 'Vice Minister Seo Ji-hoon'],
    photos: [],
    documents: [],
    pairKey: 'pair-03',
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 9, hour: 15, minute: 30,
    title: 'Housing Allowance for Junior Officers and NCOs to Rise from January',
    subtitle: ['Monthly allowance for personnel without military housing increases by up to 30 percent'],
    bodyMarkdown: body(
      'The Ministry of Defence announced that the housing allowance for junior officers and non-commissioned officers who are not provided with military housing will rise from 1 January next year.',
      'The change reflects rising rents near major bases and feedback gathered from more than 6,000 service members in this year\'s welfare survey.',
      'Main changes:\n\n- Monthly allowance raised from 160,000 won to 208,000 won (30 percent)\n- Personnel on remote islands receive an extra 40,000 won a month\n- Married personnel living apart for duty reasons may claim for two homes for up to two years',
      'About 17,000 service members are expected to benefit. The Ministry also plans to add 2,400 single-occupancy rooms at bases by 2029 so that fewer personnel need to rent privately.',
      'Details are set out in the attached guidance and will be sent to all units through the chain of command.',
    ),
    department: 'Military Personnel Bureau',
    contact: PERSONNEL,
    tags: ['welfare', 'housing', 'service members'],
    photos: [],
    documents: [
      {
        fileName: 'housing-allowance-guidance-2027.pdf',
        heading: 'Housing allowance for junior officers and NCOs - 2027 guidance',
        lines: [
          'Effective: 1 January 2027.',
          'Monthly allowance: 208,000 won (previously 160,000 won).',
          'Remote island supplement: 40,000 won per month.',
          'Split households for duty reasons: two homes for up to two years.',
          'Claims: through the unit personnel office with a lease contract.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 11, hour: 10, minute: 30,
    title: 'Applications Open for the 2027 Defence Start-up Challenge',
    subtitle: ['Up to 20 small companies will receive prototype funding and testing at military units'],
    bodyMarkdown: body(
      'The Ministry of Defence is inviting start-ups and small companies to apply for the 2027 Defence Start-up Challenge, which helps new firms turn civilian technology into solutions for the armed forces.',
      'This year\'s topics are energy storage for field units, lightweight protective equipment, predictive maintenance using sensor data, and tools that reduce paperwork for unit administrators.',
      'Up to 20 companies will be selected. Each will receive up to 150 million won to build a prototype, a mentor from the Defence Acquisition Agency, and the opportunity to test the prototype at a military unit for three months.',
      'Applications are accepted until 18 December through the [Defence Start-up Challenge page](https://www.mod.valdora.example/industry/startup-challenge-2027). Results will be announced in February.',
    ),
    department: 'Defense Industry Cooperation Division',
    contact: INDUSTRY,
    tags: ['defence industry', 'start-ups', 'innovation'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 15, hour: 9, minute: 0,
    title: 'Minister Han Visits Frontline Units on the Northern Ridge Ahead of Winter',
    subtitle: ['Minister checks cold-weather equipment, heating in guard posts and winter meals'],
    bodyMarkdown: body(
      'Minister of Defence Han Do-yun visited units of the 7th Infantry Division on the Northern Ridge on 13 November to check their readiness for winter operations.',
      'At a guard post 1,100 metres above sea level, the Minister inspected the new heating system and the cold-weather clothing issued this year, and asked the soldiers directly whether it was warm enough on night duty.',
      'Over lunch with soldiers in the division canteen, Minister Han said that readiness begins with the health and well-being of every soldier, and that the Ministry would quickly fix any shortcomings the units reported.',
      'The Minister thanked the soldiers and their commanders for guarding the border in difficult conditions and asked commanders to pay particular attention to safety during snow and ice.',
    ),
    department: "Spokesperson's Office",
    contact: SPOKESPERSON,
    tags: ['Minister Han Do-yun', 'readiness', 'winter', 'army'],
    photos: [
      {
        label: 'Northern Ridge guard post',
        caption: 'Minister Han Do-yun talks with soldiers of the 7th Infantry Division at a guard post on the Northern Ridge on 13 November.',
        credit: PHOTO_TEAM,
        altText: 'The Minister in a winter parka speaks with three soldiers in white camouflage outside a guard post on a snowy ridge.',
        hue: 196,
      },
    ],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 17, hour: 14, minute: 30,
    title: 'Valdora Hosts Regional Maritime Security Seminar in Port Selan',
    subtitle: ['Naval officers and experts from nine countries discuss the safety of sea lanes and search and rescue'],
    bodyMarkdown: body(
      'The Ministry of Defence hosted the Regional Maritime Security Seminar in Port Selan on 10 and 11 November, bringing together about 80 naval officers, coast guard officials and researchers from nine countries.',
      'Participants discussed the safety of commercial sea lanes, information sharing on vessels in distress, and the protection of undersea cables. A session on search and rescue looked at how navies and coast guards can share rescue assets more quickly across maritime boundaries.',
      'In his opening address, Vice Admiral Na Gun-woo, Deputy Chief of Naval Operations, said that no single navy can watch over the sea alone, and that trust built in meetings like this one is what makes cooperation possible in an emergency.',
      'The participants agreed to hold a tabletop exercise on maritime search and rescue next year, with Valdora as coordinator.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['maritime security', 'navy', 'seminar', 'search and rescue'],
    photos: [],
    documents: [],
    pairKey: 'pair-04',
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 23, hour: 10, minute: 0,
    title: 'Ministry Expands Mental Health Counselling for Service Members',
    subtitle: ['Professional counsellors to be placed at every battalion-level unit by 2028'],
    bodyMarkdown: body(
      'The Ministry of Defence announced a plan to expand mental health support for service members, with professional counsellors at every battalion-level unit by 2028.',
      'The number of civilian counsellors will grow from 540 to 1,100 over the next two years. A 24-hour telephone and chat line, already available to conscripts, will be opened to officers, non-commissioned officers and civilian staff of the Ministry from January.',
      'Commanders will receive new training on recognising signs of stress, and units will be able to call on mobile counselling teams after accidents or other distressing events.',
      'An official of the Health and Welfare Bureau said that seeking help is a sign of strength, and that the Ministry wants every service member to know that support is close at hand.',
    ),
    department: 'Health and Welfare Bureau',
    contact: PERSONNEL,
    tags: ['welfare', 'mental health', 'service members'],
    photos: [],
    documents: [
      {
        fileName: 'mental-health-support-plan.pdf',
        heading: 'Mental health support for service members - 2027-2028 plan',
        lines: [
          'Civilian counsellors: 540 now, 1,100 by 2028.',
          'Coverage: every battalion-level unit.',
          '24-hour helpline opened to officers, NCOs and civilian staff from January.',
          'Mobile counselling teams available after accidents.',
          'New training for commanders on recognising stress.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 25, hour: 16, minute: 0,
    title: 'Contract Signed for Twelve New Coastal Patrol Vessels for the Navy',
    subtitle: ['Vessels to be built at two domestic shipyards and delivered between 2029 and 2032'],
    bodyMarkdown: body(
      'The Defence Acquisition Agency signed a contract worth 1.1 trillion won on 3 November for twelve new 450-tonne coastal patrol vessels for the Navy.',
      'The vessels will replace patrol boats that entered service more than 30 years ago. They will have better sea-keeping, a small boat for rescue and boarding, and space for a medical team, so that they can also support rescue operations at sea.',
      'Construction will be shared between two domestic shipyards, and about 85 percent of the equipment will be produced in Valdora. The first vessel is scheduled for delivery in 2029 and the last in 2032.',
    ),
    department: 'Defense Industry Cooperation Division',
    contact: INDUSTRY,
    tags: ['navy', 'acquisition', 'shipbuilding'],
    photos: [],
    documents: [
      {
        fileName: 'coastal-patrol-vessel-contract.pdf',
        heading: 'Coastal patrol vessel programme - contract summary',
        lines: [
          'Quantity: 12 vessels, 450 tonnes each.',
          'Contract value: 1.1 trillion won.',
          'Builders: two domestic shipyards.',
          'Delivery: 2029 (first) to 2032 (last).',
          'Local content: about 85 percent.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 30, hour: 11, minute: 30,
    title: 'Remains of Eleven Soldiers of the Ridge War Identified and Returned to Their Families',
    subtitle: ['Identification made possible by DNA samples donated by relatives over the past decade'],
    bodyMarkdown: body(
      'The Agency for Remains Recovery announced that it has identified the remains of eleven soldiers who fell in the Ridge War more than seventy years ago.',
      'The remains were recovered between 2019 and 2025 from hillsides along the Northern Ridge. Identification was made possible by DNA samples donated by relatives, some of whom had registered more than ten years ago.',
      'The Agency held a ceremony on 29 October to return the soldiers\' identification tags and belongings to their families, and the soldiers will be laid to rest at the National Memorial.',
      'The Agency asked relatives of soldiers who remain missing to register a DNA sample at any public health centre, noting that each new sample increases the chance of bringing another soldier home.',
    ),
    department: 'Agency for Remains Recovery',
    contact: SPOKESPERSON,
    tags: ['remains recovery', 'Ridge War', 'veterans'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 32, hour: 10, minute: 0,
    title: 'Ministry and National Cyber Centre Hold Joint Cyber Resilience Drill',
    subtitle: ['Drill tested the recovery of logistics and personnel systems after a simulated attack'],
    bodyMarkdown: body(
      'The Ministry of Defence and the National Cyber Centre held a three-day joint cyber resilience drill from 26 to 28 October.',
      'The drill assumed that ransomware had disabled the military logistics and personnel systems. Teams practised isolating affected networks, restoring services from backups, and keeping supply and pay running by manual procedures in the meantime.',
      'Core services were restored within 19 hours, ahead of the 24-hour target. The drill also showed that some units needed clearer instructions for working offline, and the Ministry will issue updated guidance by the end of the year.',
    ),
    department: 'Information and Cyber Policy Division',
    contact: DEF_POLICY,
    tags: ['cyber', 'exercise', 'resilience'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 36, hour: 14, minute: 0,
    title: 'Valdora and Aurelia Sign Memorandum of Understanding on Defence Industry Cooperation',
    subtitle: [
      'Agreement covers joint research, supply chains for spare parts and mutual testing of equipment',
      'A joint committee will meet every year to review progress',
    ],
    bodyMarkdown: body(
      'The Ministry of Defence of Valdora and the Aurelian Defence Procurement Agency signed a memorandum of understanding on defence industry cooperation in Velen on 23 October.',
      'The memorandum was signed by Lee Jae-min, Director General for Defence Industry Cooperation, and Marcus Thale, Director of the Aurelian Defence Procurement Agency.',
      'Under the memorandum, the two sides will pursue joint research in areas such as batteries and composite materials, work together to secure supply chains for spare parts, and accept each other\'s test results where standards are equivalent, so that equipment does not need to be tested twice.',
      'A joint committee of government and industry representatives will meet every year, alternately in Valdora and Aurelia, to review progress and select new projects.',
      'The Ministry expects the memorandum to open new export opportunities for Valdoran companies and to strengthen the resilience of its own supply chains.',
    ),
    department: 'Defense Industry Cooperation Division',
    contact: INDUSTRY,
    tags: ['Aurelia', 'defence industry', 'MOU', 'supply chain'],
    photos: [],
    documents: [
      {
        fileName: 'valdora-aurelia-mou-factsheet.pdf',
        heading: 'Valdora-Aurelia MOU on Defence Industry Cooperation - Fact sheet',
        lines: [
          'Signed: 23 October, Velen.',
          'Parties: Ministry of Defence of Valdora; Aurelian Defence Procurement Agency.',
          'Areas: joint research, spare parts supply chains, mutual acceptance of test results.',
          'Governance: annual joint committee, alternating venues.',
          'Duration: five years, renewed automatically.',
        ],
      },
    ],
    pairKey: 'pair-05',
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 44, hour: 9, minute: 30,
    title: 'Ministry Publishes the 2026 Defence White Paper',
    subtitle: ['The white paper explains defence policy, force structure and budget to the public in plain language'],
    bodyMarkdown: body(
      'The Ministry of Defence published the 2026 Defence White Paper on 15 October. Published every two years, the white paper explains the country\'s defence policy, the structure of its armed forces and the use of the defence budget.',
      '## What is new in this edition',
      'This edition has new chapters on disaster response, on the welfare of service members and on cyber defence. For the first time, each chapter opens with a one-page summary written for readers without a military background.',
      '## How to get it',
      'The full text in Korean and English can be read and downloaded on the [Ministry website](https://www.mod.valdora.example/publications/white-paper-2026). Printed copies will be sent to public libraries, universities and schools across the country.',
      'The Ministry welcomes comments from readers, which will be considered when the next edition is prepared.',
    ),
    department: 'Defense Policy Division',
    contact: DEF_POLICY,
    tags: ['white paper', 'defence policy', 'publications'],
    photos: [],
    documents: [
      {
        fileName: 'white-paper-2026-overview.pdf',
        heading: '2026 Defence White Paper - Overview',
        lines: [
          'Chapter 1: Security environment',
          'Chapter 2: Defence policy and posture',
          'Chapter 3: Force structure and readiness',
          'Chapter 4: Disaster response (new)',
          'Chapter 5: Welfare of service members (new)',
          'Chapter 6: Cyber defence (new)',
          'Chapter 7: Defence budget and industry',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 51, hour: 15, minute: 0,
    title: 'Brigadier General Yang Soo-ah Appointed First Woman to Lead the Coastal Defence Command',
    subtitle: ['Appointment is part of the autumn general officer reshuffle announced today'],
    bodyMarkdown: body(
      'The Ministry of Defence announced the autumn reshuffle of general officers on 8 October, including the appointment of Brigadier General Yang Soo-ah as Commander of the Coastal Defence Command. She is the first woman to lead the command.',
      'General Yang was commissioned in 1998 and has served as a battalion commander, a brigade chief of staff and, most recently, director of operations at the Southern Area Command. She also led the Valdoran engineering contingent in an international peacekeeping mission.',
      'In total, 34 general officers were promoted or reassigned. The Ministry said the selections were based on ability, experience and integrity, and reflected its aim of giving women and officers from all branches fair opportunities for senior command.',
    ),
    department: 'Military Personnel Bureau',
    contact: PERSONNEL,
    tags: ['personnel', 'appointments', 'women in defence'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 58, hour: 10, minute: 30,
    title: 'Reserve Forces Training to Become More Practical and Less Time-Consuming from Next Year',
    subtitle: [
      'Scenario-based training replaces lecture sessions',
      'Reservists can complete part of the annual programme online',
    ],
    bodyMarkdown: body(
      'The Ministry of Defence announced reforms to reserve forces training that will take effect next year, following a year-long review with reservists, employers and local governments.',
      'Key changes:\n\n- Lecture sessions are replaced by scenario-based training at newly equipped training centres\n- Up to four hours of the annual programme can be completed online\n- The daily training allowance rises from 82,000 won to 100,000 won\n- Reservists may choose from more dates, including some weekends',
      'By 2030 all reserve training will take place at 40 modern training centres with simulators and indoor ranges, replacing about 200 small sites.',
      'An official of the Reserve Forces Policy Division thanked reservists and their employers for their support and said the reforms aim to respect reservists\' time while improving their readiness.',
    ),
    department: 'Reserve Forces Policy Division',
    contact: DEF_POLICY,
    tags: ['reserve forces', 'training', 'reform'],
    photos: [],
    documents: [
      {
        fileName: 'reserve-training-reform-2027.pdf',
        heading: 'Reserve forces training reform - from 2027',
        lines: [
          'Scenario-based training replaces lectures.',
          'Online component: up to 4 hours per year.',
          'Daily allowance: 100,000 won (previously 82,000 won).',
          'More training dates, including some weekends.',
          'By 2030: 40 modern training centres replace about 200 small sites.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 64, hour: 11, minute: 0,
    title: '78th Armed Forces Day Marked with Ceremony at Velen Air Base',
    subtitle: ['President thanks service members and their families for their dedication'],
    bodyMarkdown: body(
      'The 78th anniversary of the founding of the Armed Forces of Valdora was marked with a ceremony at Velen Air Base on 25 September, attended by the President, Minister of Defence Han Do-yun, service members, veterans and their families.',
      'In her address, the President thanked service members for their dedication in guarding the country, responding to disasters and serving in peacekeeping missions abroad, and paid tribute to their families for their support.',
      'The ceremony included a review of troops, a flypast by the Air Force aerobatic team and the presentation of awards to units and individuals, among them the engineers who led this year\'s flood recovery in Eastern Province.',
      'Bases across the country will be open to the public on the weekend following Armed Forces Day.',
    ),
    department: "Spokesperson's Office",
    contact: SPOKESPERSON,
    tags: ['Armed Forces Day', 'ceremony'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 79, hour: 14, minute: 0,
    title: 'Armed Forces Deploy 3,200 Troops to Support Flood Recovery in Eastern Province',
    subtitle: ['Engineers, medical teams and helicopters help residents return to normal life'],
    bodyMarkdown: body(
      'The Ministry of Defence said that about 3,200 troops, 140 items of engineering equipment and 12 helicopters have been deployed since 8 September to support recovery from the floods in Eastern Province.',
      'Soldiers are clearing debris and mud from homes, schools and farms, repairing embankments along the Tessa River and helping to restore roads cut off by landslides. Military medical teams are running mobile clinics in four villages where local clinics were damaged.',
      'Minister Han Do-yun visited the affected area on 10 September and asked commanders to put the needs of residents first while ensuring the safety of soldiers working in difficult conditions.',
      'The support will continue for as long as the provincial government requests it. Residents can ask for help through their local town office.',
    ),
    department: 'Defense Policy Division',
    contact: DEF_POLICY,
    tags: ['disaster relief', 'floods', 'Eastern Province'],
    photos: [
      {
        label: 'Flood recovery Tessa River',
        caption: 'Soldiers clear mud from a house in a village along the Tessa River, Eastern Province, on 10 September.',
        credit: PHOTO_TEAM,
        altText: 'Soldiers in rubber boots carry furniture and sacks of mud out of a flooded house while a resident watches.',
        hue: 28,
      },
    ],
    documents: [],
    pairKey: 'pair-06',
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 93, hour: 10, minute: 0,
    title: 'Minister Han Attends Trilateral Defence Ministers\' Meeting with Norland and Estmark',
    subtitle: ['Ministers agree to hold a combined staff exercise on disaster response next year'],
    bodyMarkdown: body(
      'Minister of Defence Han Do-yun attended the third trilateral defence ministers\' meeting with the defence ministers of Norland and Estmark, held in Estmark on 27 August.',
      'The three ministers reviewed the regional security situation and agreed that regular dialogue among partners is essential for preventing misunderstandings and maintaining stability.',
      'They agreed to hold a combined staff exercise on disaster response next year and to expand exchanges between their defence universities.',
      'Minister Han proposed that the next meeting be held in Valdora, and the other ministers welcomed the proposal.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['Norland', 'Estmark', 'ministerial meeting'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 114, hour: 9, minute: 30,
    title: 'Ministry Issues Heat Safety Guidelines for Summer Training',
    subtitle: ['Outdoor training to stop when the heat index exceeds 32 degrees'],
    bodyMarkdown: body(
      'With a heatwave forecast to continue through mid-August, the Ministry of Defence has issued updated heat safety guidelines to all units.',
      'The main points are:\n\n- Outdoor training stops when the heat index exceeds 32 degrees\n- Heavy training is moved to early morning or evening\n- Cooling stations and water are provided at every training site\n- Soldiers with symptoms are treated first and reported afterwards',
      'Unit commanders are responsible for checking the heat index every hour and may stop training at any time if they judge it necessary.',
    ),
    department: 'Health and Welfare Bureau',
    contact: PERSONNEL,
    tags: ['safety', 'training', 'heatwave'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 142, hour: 15, minute: 0,
    title: 'Domestically Developed Air Surveillance Radar Completes Final Tests',
    subtitle: ['Radar to enter service in 2028 after passing all operational tests'],
    bodyMarkdown: body(
      'The Agency for Defence Development announced that a new air surveillance radar developed in Valdora has completed its final operational tests.',
      'Over six months, the radar was tested in mountainous and coastal areas, in heavy rain and in snow. It met all of the performance requirements set by the Air Force, including the detection of small, low-flying aircraft.',
      'About 60 domestic companies took part in the development, which took seven years. Production will start next year and the first radars will enter service in 2028, replacing systems that have been in use for more than 25 years.',
    ),
    department: 'Defense Industry Cooperation Division',
    contact: INDUSTRY,
    tags: ['research and development', 'air force', 'radar'],
    photos: [],
    documents: [
      {
        fileName: 'air-surveillance-radar-tests.pdf',
        heading: 'Air surveillance radar - operational test results',
        lines: [
          'Test period: January to June.',
          'Test sites: mountain and coastal areas.',
          'Conditions: heavy rain, snow, high humidity.',
          'Result: all Air Force performance requirements met.',
          'Service entry: 2028.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 177, hour: 11, minute: 0,
    title: 'Seventh Peacekeeping Contingent Departs for the Sarn Valley Mission',
    subtitle: ['Engineering and medical unit of 280 personnel will serve for eight months'],
    bodyMarkdown: body(
      'The seventh Valdoran peacekeeping contingent, an engineering and medical unit of 280 personnel, departed on 4 June to serve in the international peacekeeping mission in the Sarn Valley.',
      'During its eight-month deployment, the contingent will repair roads and bridges, drill water wells and run a clinic that is open to local residents as well as to peacekeepers.',
      'Speaking at the send-off ceremony, Vice Minister Seo Ji-hoon said the contingent carries the trust of the international community and asked every member to return home safely.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['peacekeeping', 'Sarn Valley'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 219, hour: 10, minute: 0,
    title: 'Shorter Waiting Times for Enlistment from the Second Half of the Year',
    subtitle: ['Applicants will be able to choose their enlistment month up to six months in advance'],
    bodyMarkdown: body(
      'The Ministry of Defence and the Military Manpower Administration announced changes to the enlistment application system that will shorten waiting times from July.',
      'Applicants will be able to choose their enlistment month up to six months in advance instead of three, and places left unfilled by cancellations will be offered again within a week.',
      'The average waiting time for popular specialities, such as driving and cooking, is expected to fall from about seven months to four.',
      'The details are explained in the attached guide, which is also available at military manpower offices.',
    ),
    department: 'Military Personnel Bureau',
    contact: PERSONNEL,
    tags: ['military service', 'enlistment'],
    photos: [],
    documents: [
      {
        fileName: 'enlistment-application-guide.pdf',
        heading: 'Enlistment application - changes from July',
        lines: [
          'Choose your enlistment month up to six months in advance.',
          'Cancelled places are offered again within one week.',
          'Expected average wait for popular specialities: about four months.',
          'Apply online or at any military manpower office.',
        ],
      },
    ],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 264, hour: 14, minute: 30,
    title: 'Former Karen Training Range to Be Restored as a Public Forest',
    subtitle: ['Ministry and Western Province sign agreement on environmental restoration'],
    bodyMarkdown: body(
      'The Ministry of Defence and the Western Province government signed an agreement on 9 March to restore the former Karen training range, which closed in 2023, as a public forest.',
      'Over the next four years, the Ministry will remove remaining structures and clean the soil, and the province will plant native trees and build walking trails. The area of about 3.2 square kilometres is expected to open to the public in 2030.',
      'An official of the Installations and Environment Division said the Ministry would work closely with residents, who lived alongside the range for more than fifty years, at every stage of the project.',
    ),
    department: 'Installations and Environment Division',
    contact: DEF_POLICY,
    tags: ['environment', 'installations', 'Western Province'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'press-releases', language: 'en', daysAgo: 296, hour: 10, minute: 0,
    title: '2026 Defence Commanders\' Conference Sets Priorities for the Year',
    subtitle: ['Readiness, safety and the welfare of service members named as top priorities'],
    bodyMarkdown: body(
      'Minister of Defence Han Do-yun chaired the 2026 Defence Commanders\' Conference at the Ministry of Defence on 5 February, attended by the Chairman of the Joint Chiefs of Staff, the chiefs of staff of the services and major commanders.',
      'The conference set three priorities for the year: solid readiness based on realistic training, a safe training environment, and better living conditions for service members.',
      'Minister Han said that a strong military is built by soldiers who trust their commanders and are proud of their service, and asked commanders to listen carefully to the voices of their troops.',
      'Participants also discussed the expansion of the armed forces\' role in disaster response and cooperation with partner countries.',
    ),
    department: 'Defense Policy Division',
    contact: DEF_POLICY,
    tags: ['commanders conference', 'priorities', 'Minister Han Do-yun'],
    photos: [],
    documents: [],
    pairKey: null,
  },

  // ---------------------------------------------------------------- Press releases (Korean)
  {
    board: 'press-releases', language: 'ko', daysAgo: 1, hour: 16, minute: 40,
    title: '한도윤 국방부 장관, 노를란드 육군참모총장 접견…국방교류 확대 논의',
    subtitle: ['양국 초급장교·부사관 교류 확대 및 군수 분야 협력 방안 모색에 합의'],
    bodyMarkdown: body(
      '국방부는 한도윤 장관이 11월 27일(금) 오후 국방부 청사에서 노를란드 연방공화국 육군참모총장 엘리즈 마로우(Elise Marrow) 대장을 접견하고, 양국 간 실질적인 국방협력 강화 방안을 논의했다고 밝혔다.',
      '한 장관은 지난 6월 취임 이후 처음으로 발도라를 방문한 마로우 총장을 환영하고, 2019년 양국 국방협력협정 체결 이후 두 나라 육군이 장교 교류와 참모회의, 연합훈련을 통해 꾸준히 신뢰를 쌓아 왔다고 평가했다.',
      '한 장관은 역내 안보환경의 불확실성이 커지고 있는 만큼 가치를 공유하는 우방국 간의 긴밀하고 정례적인 소통이 평화를 지키는 가장 확실한 방법이라고 강조하고, 올해 연합 재난구호훈련에 노를란드 육군이 참가해 준 데 대해 사의를 표했다.',
      '마로우 총장은 노를란드 육군은 발도라군과의 협력 관계를 매우 소중하게 여기고 있다며, 이번 방문을 통해 기존 합의 사항을 부대 단위의 실질적인 교류 프로그램으로 발전시키고자 한다고 말했다. 아울러 내년 발도라 육군 동계 산악훈련 과정에 더 많은 교관과 교육생을 파견할 계획이라고 밝혔다.',
      '양측은 초급장교 및 부사관 교류를 확대하고, 내년 상반기 중 벨렌에서 연례 육군참모회의를 개최하는 한편, 공통 장비 정비와 동계 보급품 등 군수 분야 협력 방안도 함께 모색해 나가기로 했다.',
      '마로우 총장은 오태준 육군참모총장의 초청으로 11월 26일(목)부터 29일(일)까지 발도라를 방문 중이며, 방문 기간 육군산악전문학교와 국방군수사령부를 방문하고 국립현충원을 참배할 예정이다.',
      '국방부는 이번 접견을 통해 확인한 상호 신뢰를 바탕으로 노를란드와의 실질적인 국방협력을 지속적으로 강화해 나갈 것이라고 밝혔다.',
    ),
    department: '국제정책관실',
    contact: INTL_POLICY_KO,
    tags: ['노를란드', '국방협력', '한도윤 장관', '육군'],
    photos: [
      {
        label: 'Minister Han - Gen Marrow KO',
        caption: '한도윤 국방부 장관(오른쪽)이 11월 27일(금) 국방부 청사에서 노를란드 육군참모총장 엘리즈 마로우 대장과 악수하고 있다.',
        credit: PHOTO_TEAM_KO,
        altText: '양국 국기 앞에서 한도윤 장관과 마로우 총장이 악수하는 모습',
        hue: 212,
      },
    ],
    documents: [
      {
        fileName: '보도자료_국방부장관_노를란드_육군참모총장_접견.pdf',
        heading: 'Press release (Korean edition): Minister Han receives General Marrow',
        lines: [
          'Ministry of Defence of the Republic of Valdora',
          'Date: 27 November (Fri), Ministry of Defence, Velen',
          'Minister Han Do-yun received General Elise Marrow, Chief of Staff of the Norland Army.',
          'Agreed: wider exchanges of junior officers and NCOs; army staff talks next year.',
          'The Korean text of this release is published on the ministry website.',
        ],
      },
    ],
    pairKey: 'pair-01',
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 2, hour: 14, minute: 10,
    title: '국방부, 에스트마르크와 연합 재난구호훈련 「스테디 하버 26」 성료…민·관·군 통합 대응체계 점검하고 해상 대피·항만 복구 절차 숙달',
    subtitle: [
      '양국 장병 등 약 1,400명 참가, 지진 피해 상황 가정해 인명 구조·해상 대피·항만 복구 훈련',
      '지방자치단체와 소방당국, 지역 자원봉사자 첫 참여',
    ],
    bodyMarkdown: body(
      '□ 국방부는 에스트마르크 왕국과 함께 11월 23일(월)부터 26일(목)까지 셀란항 일대에서 실시한 연합 재난구호훈련 「스테디 하버 26」을 성공적으로 마쳤다고 밝혔다.',
      '□ 이번 훈련에는 육군 공병부대와 해군 수송·의무부대, 공군 공수비행대대, 에스트마르크 향토방위군 구조대대 등 약 1,400명이 참가했으며, 남부 해역에서 규모 7.0의 지진이 발생해 항만이 파손되고 해안 3개 읍으로 통하는 도로가 끊긴 상황을 가정해 진행됐다.',
      '◦ 참가 부대는 4일간 붕괴 건물 인명 구조, 주민 해상 대피, 연합 야전병원 개설, 구호물자 하역을 위한 항만 복구 등의 절차를 숙달했다.',
      '◦ 특히 이번 훈련에는 처음으로 남부주 재난관리본부와 소방당국, 지역 자원봉사자 약 200명이 함께 참여해 민·관·군 통합 대응체계를 점검했다.',
      '□ 연합 야전병원에서는 가상 환자 620명을 분류·처치했으며, 주민 2,300명을 18시간 만에 해상으로 대피시키고, 파손된 항만의 선석 2곳을 36시간 안에 복구해 구호선박 입항을 지원했다.',
      '□ 훈련을 지휘한 임채원 소장은 "재난은 국경을 가리지 않는다"며 "이번 훈련을 통해 양국 군이 한시가 급한 상황에서 민간 당국과 신속하게 협력할 수 있다는 것을 확인했다"고 말했다.',
      '□ 국방부는 이번 훈련에서 얻은 교훈을 에스트마르크 국방부 및 관계기관과 공유하고, 내년도 국가 재난대응계획에 반영할 계획이다.',
    ),
    department: '국방정책실',
    contact: DEF_POLICY_KO,
    tags: ['에스트마르크', '연합훈련', '재난구호', '스테디 하버'],
    photos: [],
    documents: [
      {
        fileName: '보도자료_합동훈련_결과.pdf',
        heading: 'Steady Harbor 26 - Exercise results (Korean release)',
        lines: [
          'Period: 23 (Mon) - 26 (Thu) November. Area: Port Selan.',
          'Participants: about 1,400 personnel from Valdora and Estmark.',
          'First participation of provincial disaster office, fire service and volunteers.',
          'Results: 620 casualties treated, 2,300 residents evacuated, 2 berths reopened.',
        ],
      },
    ],
    pairKey: 'pair-02',
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 8, hour: 11, minute: 10,
    title: '서지훈 국방부 차관, 제5차 발도라-칼베리아 국방정책대화 개최',
    subtitle: ['해양안보, 평화유지활동, 군 교육 분야 협력 성과 점검'],
    bodyMarkdown: body(
      '국방부는 서지훈 차관이 11월 20일(금) 국방부 청사에서 칼베리아 공화국 아나 케셀(Ana Kessel) 국방정책차관과 제5차 발도라-칼베리아 국방정책대화를 개최했다고 밝혔다.',
      '양측은 역내 안보정세에 대한 평가를 공유하고, 지난해 대화에서 합의한 해상 공동 수색구조훈련과 평화유지활동 교육기관 간 교관 교류 등 협력 사업의 추진 현황을 점검했다.',
      '서 차관은 내년부터 양국 사관학교 간 생도 교류를 시작하고, 해양 상황인식 분야 실무협의체를 구성하자고 제안했다. 이에 케셀 차관은 두 제안을 모두 환영하며 다음 대화 이전에 구체적인 입장을 전달하겠다고 답했다.',
      '제6차 국방정책대화는 내년 칼베리아에서 열릴 예정이다.',
    ),
    department: '국제정책관실',
    contact: INTL_POLICY_KO,
    tags: ['칼베리아', '국방정책대화', '서지훈 차관'],
    photos: [],
    documents: [],
    pairKey: 'pair-03',
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 17, hour: 14, minute: 40,
    title: '국방부, 셀란항에서 역내 해양안보 세미나 개최',
    subtitle: ['9개국 해군·해양경비 관계자와 전문가들, 해상교통로 안전과 수색구조 협력 논의'],
    bodyMarkdown: body(
      '국방부는 11월 10일(화)부터 11일(수)까지 셀란항에서 9개국 해군 장교와 해양경비 관계자, 연구자 등 약 80명이 참석한 가운데 역내 해양안보 세미나를 개최했다고 밝혔다.',
      '참석자들은 상선 항로의 안전, 조난 선박 정보 공유, 해저케이블 보호 방안 등을 논의했다. 수색구조 세션에서는 해군과 해양경비기관이 해양 경계를 넘어 구조 자산을 보다 신속하게 공유하는 방안을 집중적으로 검토했다.',
      '나건우 해군작전부사령관(중장)은 개회사에서 "어느 한 나라의 해군도 홀로 바다를 지킬 수는 없다"며 "이런 자리에서 쌓은 신뢰가 위기 상황에서 협력을 가능하게 한다"고 강조했다.',
      '참석국들은 내년에 발도라 주관으로 해상 수색구조 도상훈련을 실시하기로 뜻을 모았다.',
    ),
    department: '국제정책관실',
    contact: INTL_POLICY_KO,
    tags: ['해양안보', '해군', '세미나', '수색구조'],
    photos: [],
    documents: [],
    pairKey: 'pair-04',
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 19, hour: 10, minute: 0,
    title: '국방부, 2027년 장병 급식 개선 방안 발표…기본급식비 인상하고 선택형 메뉴 전 부대로 확대',
    subtitle: ['1일 기본급식비 1만 5,000원으로 인상, 장병 선호도 조사 결과 반영'],
    bodyMarkdown: body(
      '□ 국방부는 11월 9일(월) 장병 급식의 질을 높이기 위한 「2027년 장병 급식 개선 방안」을 발표했다고 밝혔다.',
      '□ 이번 방안은 지난 8월 전 부대 장병 1만 2천여 명을 대상으로 실시한 급식 만족도 및 선호도 조사 결과를 반영해 마련됐다.',
      '◦ 1인 1일 기본급식비를 1만 3,000원에서 1만 5,000원으로 인상한다.',
      '◦ 일부 부대에서 시범 운영한 선택형 메뉴를 내년 하반기까지 전 부대로 확대한다.',
      '◦ 조리병의 부담을 줄이기 위해 대대급 이상 부대에 민간 조리원 600명을 추가 채용한다.',
      '□ 국방부 관계자는 "급식은 장병들의 사기와 건강에 직결되는 만큼 현장의 목소리를 꾸준히 반영해 나가겠다"고 말했다.',
      '□ 자세한 내용은 첨부 자료와 [국방부 누리집](https://www.mod.valdora.example/ko/notice/meal-plan-2027)에서 확인할 수 있다.',
    ),
    department: '군수관리관실',
    contact: LOGISTICS_KO,
    tags: ['장병 급식', '복지', '급식비'],
    photos: [],
    documents: [
      {
        fileName: '장병급식_개선방안.pdf',
        heading: '2027 Plan for Better Meals for Service Members',
        lines: [
          'Basic meal budget: 15,000 won per person per day (previously 13,000 won).',
          'Choice menus extended to all units by the second half of 2027.',
          'Additional civilian cooks: 600 at battalion-level units and above.',
          'Based on a survey of about 12,000 service members in August.',
        ],
      },
    ],
    pairKey: 'pair-meals',
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 36, hour: 14, minute: 10,
    title: '발도라-아우렐리아, 방산협력 양해각서 체결…공동연구·부품 공급망 협력 추진',
    subtitle: [
      '공동연구, 예비부품 공급망, 시험평가 결과 상호 인정 등 협력 분야 명시',
      '정부·업계 공동위원회 매년 개최해 이행 상황 점검',
    ],
    bodyMarkdown: body(
      '국방부는 10월 23일(금) 벨렌에서 아우렐리아 국방조달청과 방산협력 양해각서를 체결했다고 밝혔다.',
      '이날 서명식에는 이재민 국방부 방산협력국장과 마커스 테일(Marcus Thale) 아우렐리아 국방조달청장이 양측 대표로 참석했다.',
      '양해각서에 따라 양측은 배터리, 복합소재 등의 분야에서 공동연구를 추진하고, 예비부품 공급망 안정을 위해 협력하며, 기준이 동등한 경우 상대국의 시험평가 결과를 인정해 같은 장비를 두 번 시험하지 않도록 할 계획이다.',
      '또한 정부와 업계 대표로 구성된 공동위원회를 매년 양국에서 번갈아 열어 이행 상황을 점검하고 새로운 협력 사업을 선정하기로 했다.',
      '국방부는 이번 양해각서 체결이 국내 방산기업의 수출 기회를 넓히고 우리 군의 공급망 안정성을 높이는 계기가 될 것으로 기대한다고 밝혔다.',
    ),
    department: '국제정책관실 방산협력과',
    contact: INDUSTRY_KO,
    tags: ['아우렐리아', '방산협력', '양해각서', '공급망'],
    photos: [],
    documents: [
      {
        fileName: '양해각서_주요내용.pdf',
        heading: 'Valdora-Aurelia MOU - Key points (Korean release)',
        lines: [
          'Signed: 23 October (Fri), Velen.',
          'Joint research: batteries, composite materials.',
          'Spare parts supply chain cooperation.',
          'Mutual acceptance of test results where standards are equivalent.',
          'Annual joint committee of government and industry.',
        ],
      },
    ],
    pairKey: 'pair-05',
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 47, hour: 15, minute: 0,
    title: '박서진 합참의장, 동부 해안 경계부대 현장 점검…"경계작전은 군의 가장 기본적인 임무, 작은 징후 하나도 놓치지 말아야"',
    subtitle: ['감시장비 운용 실태와 야간 경계근무 여건 확인, 장병 격려'],
    bodyMarkdown: body(
      '□ 합동참모본부는 박서진 합참의장이 10월 12일(월) 동부 해안 경계부대를 방문해 경계작전 태세를 점검하고 장병들을 격려했다고 밝혔다.',
      '□ 박 의장은 해안 감시기지에서 열상감시장비와 해안 레이더 운용 실태를 확인하고, 야간 경계근무 장병들의 근무 여건과 애로사항을 직접 청취했다.',
      '◦ 현장에서 합참의장을 맞은 부대 지휘관은 올해 새로 배치된 감시장비 덕분에 야간과 악천후 시 탐지 능력이 크게 향상됐다고 보고했다.',
      '□ 박 의장은 "경계작전은 군의 가장 기본적인 임무"라며 "작은 징후도 놓치지 않도록 장비와 절차를 꼼꼼히 점검하고, 장병들이 피로하지 않도록 근무 여건에도 세심한 관심을 기울여 달라"고 당부했다.',
      '□ 합참은 다가오는 겨울철에 대비해 해안 경계부대의 방한 장비와 감시장비 정비 상태를 지속적으로 점검해 나갈 계획이다.',
    ),
    department: '합동참모본부 공보실',
    contact: JCS_PA_KO,
    tags: ['합참의장', '경계작전', '해안 경계'],
    photos: [],
    documents: [],
    pairKey: null,
    translationNeeded: true,
  },
  {
    board: 'press-releases', language: 'ko', daysAgo: 79, hour: 14, minute: 10,
    title: '국방부, 동부주 수해 복구에 장병 3,200명 투입…재난 피해 주민 일상 회복 지원',
    subtitle: ['공병·의무 인력과 헬기 투입해 주택 정리, 제방 보수, 이동 진료 실시'],
    bodyMarkdown: body(
      '국방부는 9월 8일(화)부터 동부주 수해 복구를 위해 장병 약 3,200명과 공병 장비 140여 대, 헬기 12대를 투입했다고 밝혔다.',
      '장병들은 주택과 학교, 농경지의 토사와 잔해를 치우고 테사강 제방을 보수하는 한편, 산사태로 끊긴 도로 복구를 돕고 있다. 또한 군 의료지원팀은 지역 의원이 피해를 입은 4개 마을에서 이동 진료소를 운영하고 있다.',
      '한도윤 장관은 9월 10일(목) 피해 현장을 방문해 "주민들이 하루빨리 일상을 되찾을 수 있도록 주민의 입장에서 지원하되, 어려운 여건에서 작업하는 장병들의 안전에도 각별히 유의해 달라"고 당부했다.',
      '국방부는 동부주의 요청이 있는 한 지원을 계속할 방침이며, 피해 주민은 가까운 읍·면사무소를 통해 대민지원을 요청할 수 있다.',
    ),
    department: '국방정책실',
    contact: DEF_POLICY_KO,
    tags: ['재난', '수해 복구', '대민지원', '동부주'],
    photos: [
      {
        label: 'Flood recovery Tessa KO',
        caption: '9월 10일(목) 동부주 테사강 인근 마을에서 장병들이 수해를 입은 주택의 토사를 치우고 있다.',
        credit: PHOTO_TEAM_KO,
        altText: '장화를 신은 장병들이 침수된 주택에서 가구와 토사 자루를 옮기는 모습',
        hue: 28,
      },
    ],
    documents: [],
    pairKey: 'pair-06',
  },

  // ---------------------------------------------------------------- News (English)
  {
    board: 'news', language: 'en', daysAgo: 5, hour: 13, minute: 0,
    title: 'Military Band Raises Funds for Children\'s Hospital at Year-End Charity Concert',
    subtitle: ['Audience of 1,800 donates 46 million won'],
    bodyMarkdown: body(
      'The Armed Forces Symphonic Band held its annual charity concert at the Velen Arts Centre on 22 November, raising 46 million won for the children\'s ward of Velen Central Hospital.',
      'The programme included classical pieces, film music and a new work for band and children\'s choir, performed with the choir of a local primary school.',
      'The band has held the charity concert every year since 2011 and has donated more than 500 million won in total.',
    ),
    department: 'Defence Media Agency',
    contact: SPOKESPERSON,
    tags: ['military band', 'charity', 'community'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 12, hour: 15, minute: 0,
    title: 'Army Engineers Rebuild Footbridge for Mountain Village',
    subtitle: ['New bridge restores a safe route to school for 40 children'],
    bodyMarkdown: body(
      'Engineers of the 3rd Engineer Brigade have completed a new footbridge over the Arro stream for the mountain village of Dellin, replacing a bridge that was washed away in the summer floods.',
      'Since August, children in the village had to travel an extra 40 minutes by bus to reach their school. The soldiers built the 36-metre steel bridge in three weeks, working with the county office.',
      'At the opening on 16 November, village children presented the soldiers with a banner they had painted to say thank you.',
    ),
    department: 'Defence Media Agency',
    contact: SPOKESPERSON,
    tags: ['army', 'engineers', 'community support'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 26, hour: 11, minute: 0,
    title: 'Air Force Rescue Helicopter Brings Two Injured Climbers to Safety',
    subtitle: [],
    bodyMarkdown: body(
      'A rescue helicopter of the Air Force 6th Search and Rescue Squadron airlifted two injured climbers from Mount Kessar on 1 November after they were caught by a sudden snowstorm.',
      'The crew flew through low cloud to reach the climbers at 1,600 metres, lowered a rescue specialist by winch and flew both climbers to hospital in under an hour. Both are recovering.',
      'The squadron reminded hikers to check the weather forecast and to carry warm clothing and a charged mobile phone when going into the mountains in late autumn.',
    ),
    department: 'Air Force Public Affairs',
    contact: JCS_PA,
    tags: ['air force', 'search and rescue'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 39, hour: 16, minute: 30,
    title: 'Defence Language School Graduates Its First Class of Estmark Interpreters',
    subtitle: ['Fourteen officers and NCOs complete a 48-week course'],
    bodyMarkdown: body(
      'The Defence Language School held a graduation ceremony on 20 October for its first class of military interpreters in the Estmark language.',
      'The fourteen graduates completed 48 weeks of intensive study, including four weeks at a language school in Estmark. They will support combined exercises, staff talks and visits between the two armed forces.',
      'The school plans to open courses in two more partner languages next year.',
    ),
    department: 'Defence Media Agency',
    contact: SPOKESPERSON,
    tags: ['education', 'Estmark', 'languages'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 61, hour: 10, minute: 0,
    title: 'Veterans\' Oral History Project Records 300 Personal Stories',
    subtitle: ['Recordings to be kept at the National War Museum and published online'],
    bodyMarkdown: body(
      'An oral history project run by the Ministry of Defence and the National War Museum has recorded the personal stories of 300 veterans of the Ridge War and of later peacekeeping missions.',
      'Volunteers from universities interviewed veterans in their homes across the country. The recordings describe daily life in the field, friendships between soldiers and the return to civilian life.',
      'A selection of the interviews, with subtitles, will be published on the museum website next spring.',
    ),
    department: 'Veterans Policy Division',
    contact: SPOKESPERSON,
    tags: ['veterans', 'history', 'Ridge War'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 87, hour: 14, minute: 0,
    title: 'Soldiers Help Farmers Bring in the Harvest in Northern Province',
    subtitle: [],
    bodyMarkdown: body(
      'About 450 soldiers from units in Northern Province spent their weekends in August and early September helping farmers who are short of workers to bring in the fruit and vegetable harvest.',
      'The support was arranged with farmers\' associations and focused on elderly farmers and households affected by this year\'s heavy rain.',
      'Units will offer similar help during the rice harvest in October.',
    ),
    department: 'Defence Media Agency',
    contact: SPOKESPERSON,
    tags: ['community support', 'army', 'agriculture'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 121, hour: 11, minute: 0,
    title: 'Military Medical Team Runs Free Clinics on Remote Islands',
    subtitle: ['Doctors, dentists and nurses treat 1,300 residents on seven islands'],
    bodyMarkdown: body(
      'A medical team from the Armed Forces Medical Command ran free clinics on seven remote islands from 20 to 30 July, treating about 1,300 residents.',
      'The team of 26 doctors, dentists, nurses and pharmacists travelled on a navy landing ship and offered general medicine, dental care, eye tests and physiotherapy. Many residents on these islands must otherwise take a ferry of several hours to see a doctor.',
      'The Armed Forces Medical Command plans to run the clinics twice a year from next year.',
    ),
    department: 'Armed Forces Medical Command',
    contact: PERSONNEL,
    tags: ['military medicine', 'community support', 'islands'],
    photos: [],
    documents: [],
    pairKey: 'pair-07',
  },
  {
    board: 'news', language: 'en', daysAgo: 191, hour: 10, minute: 30,
    title: 'Military Academies Open Their Doors to Secondary School Students',
    subtitle: ['Open day attracts 5,200 visitors'],
    bodyMarkdown: body(
      'The Army, Navy and Air Force academies held a joint open day on 21 May, welcoming about 5,200 secondary school students, parents and teachers.',
      'Visitors attended sample lectures, toured dormitories and training facilities, and talked with cadets about academy life and careers as officers.',
      'Applications for next year\'s entry open in June.',
    ),
    department: 'Military Personnel Bureau',
    contact: PERSONNEL,
    tags: ['military academies', 'education', 'careers'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'en', daysAgo: 241, hour: 10, minute: 30,
    title: 'Service Members Donate Blood to Ease Spring Shortage',
    subtitle: [],
    bodyMarkdown: body(
      'More than 9,000 service members donated blood during a two-week campaign in late March, after the national blood service reported low stocks.',
      'Mobile donation buses visited 120 units across the country. The Armed Forces account for about one fifth of blood donations in Valdora each year.',
    ),
    department: 'Health and Welfare Bureau',
    contact: PERSONNEL,
    tags: ['blood donation', 'community support'],
    photos: [],
    documents: [],
    pairKey: null,
  },

  // ---------------------------------------------------------------- News (Korean)
  {
    board: 'news', language: 'ko', daysAgo: 121, hour: 11, minute: 20,
    title: '군 의료지원팀, 도서 지역 주민 대상 무료 진료',
    subtitle: ['의사·치과의사·간호사 등 26명, 7개 섬에서 주민 1,300여 명 진료'],
    bodyMarkdown: body(
      '국군의무사령부 의료지원팀이 7월 20일(월)부터 30일(목)까지 7개 도서 지역에서 무료 진료를 실시해 주민 1,300여 명을 진료했다.',
      '의사와 치과의사, 간호사, 약사 등 26명으로 구성된 의료지원팀은 해군 상륙함을 타고 섬을 돌며 내과 진료와 치과 치료, 시력 검사, 물리치료 등을 제공했다. 이들 섬의 주민 상당수는 병원에 가려면 몇 시간씩 배를 타야 한다.',
      '국군의무사령부는 내년부터 도서 지역 무료 진료를 연 2회로 늘려 운영할 계획이다.',
    ),
    department: '국군의무사령부',
    contact: SPOKESPERSON_KO,
    tags: ['군 의료', '대민지원', '도서 지역'],
    photos: [],
    documents: [],
    pairKey: 'pair-07',
  },
  {
    board: 'news', language: 'ko', daysAgo: 24, hour: 14, minute: 20,
    title: '육군 산악부대, 겨울철 조난자 구조 훈련 실시',
    subtitle: ['눈 덮인 산악 지형에서 수색·응급처치·헬기 후송 절차 숙달'],
    bodyMarkdown: body(
      '육군 제12산악여단은 11월 2일(월)부터 4일(수)까지 케사르산 일대에서 겨울철 산악 조난자 구조 훈련을 실시했다.',
      '이번 훈련은 폭설로 등산객이 고립된 상황을 가정해 진행됐으며, 장병들은 열영상 장비를 활용한 야간 수색, 저체온증 환자 응급처치, 공군 구조헬기를 이용한 환자 후송 절차를 숙달했다.',
      '훈련에 참가한 한 중대장은 "겨울 산에서는 구조가 늦어질수록 생명이 위태로워진다"며 "실제 상황에서도 신속하게 대응할 수 있도록 훈련을 반복하겠다"고 말했다.',
    ),
    department: '육군 공보과',
    contact: SPOKESPERSON_KO,
    tags: ['육군', '훈련', '산악 구조'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'news', language: 'ko', daysAgo: 128, hour: 16, minute: 0,
    title: '해군 장병들, 태풍 피해 어촌 마을 복구에 구슬땀',
    subtitle: [],
    bodyMarkdown: body(
      '해군 남부해역사령부 장병 300여 명이 7월 21일(화)부터 사흘간 태풍 피해를 입은 남부 해안 어촌 마을 5곳에서 복구 작업을 지원했다.',
      '장병들은 파손된 어구와 쓰레기를 치우고 침수된 창고를 정리했으며, 해안으로 밀려온 부유물을 수거했다.',
      '마을 주민들은 "재난으로 막막했는데 장병들 덕분에 다시 바다에 나갈 수 있게 됐다"며 고마움을 전했다.',
    ),
    department: '해군 공보과',
    contact: SPOKESPERSON_KO,
    tags: ['해군', '재난', '대민지원', '태풍'],
    photos: [],
    documents: [],
    pairKey: null,
  },

  // ---------------------------------------------------------------- Statements (English)
  {
    board: 'statements', language: 'en', daysAgo: 0, hour: 10, minute: 0,
    title: 'Statement on Media Reports about the Trainer Aircraft Programme',
    subtitle: [],
    bodyMarkdown: body(
      'Some media reported today that the Ministry of Defence has cancelled the programme to replace the Air Force\'s basic trainer aircraft. This is not true.',
      'The programme is proceeding as planned. The evaluation of proposals will be completed in December, and the Ministry will announce the result once the decision has been made through the proper procedure.',
    ),
    department: "Spokesperson's Office",
    contact: SPOKESPERSON,
    tags: ['statement', 'air force', 'acquisition'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'statements', language: 'en', daysAgo: 10, hour: 17, minute: 30,
    title: 'Statement of Condolence on the Death of Staff Sergeant Kim Ye-jun',
    subtitle: [],
    bodyMarkdown: body(
      'The Ministry of Defence expresses its deepest condolences on the death of Staff Sergeant Kim Ye-jun, who died in a vehicle accident during training on 18 November.',
      'The Ministry will do everything possible to support his family and will investigate the cause of the accident thoroughly and transparently. The results will be shared with the family and made public.',
    ),
    department: "Spokesperson's Office",
    contact: SPOKESPERSON,
    tags: ['statement', 'condolences', 'safety'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'statements', language: 'en', daysAgo: 33, hour: 18, minute: 0,
    title: 'Ministry Welcomes Passage of the Amended Military Service Act',
    subtitle: [],
    bodyMarkdown: body(
      'The Ministry of Defence welcomes the passage by the National Assembly today of the amendment to the Military Service Act, which allows conscripts to take part-time university courses online during their service.',
      'The Ministry thanks the members of the National Assembly for their support and will prepare the detailed rules so that the amendment can take effect as planned next July.',
    ),
    department: 'Military Personnel Bureau',
    contact: PERSONNEL,
    tags: ['statement', 'legislation', 'military service'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'statements', language: 'en', daysAgo: 72, hour: 16, minute: 0,
    title: 'Statement on the Earthquake in the Republic of Calveria',
    subtitle: [],
    bodyMarkdown: body(
      'The Ministry of Defence expresses its sympathy to the people of Calveria affected by the earthquake that struck the country\'s western region this morning.',
      'In consultation with the Ministry of Foreign Affairs, the Ministry stands ready to send military airlift and medical teams should the Government of Calveria request assistance.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['statement', 'Calveria', 'disaster relief'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'statements', language: 'en', daysAgo: 150, hour: 17, minute: 0,
    title: 'Statement on the Circulation of Draft Planning Documents',
    subtitle: [],
    bodyMarkdown: body(
      'Documents circulating online since yesterday are early working drafts prepared for internal discussion. They do not reflect decisions of the Ministry of Defence.',
      'The Ministry has begun an inquiry into how the drafts were released and asks the public to rely on official announcements published on its website.',
    ),
    department: "Spokesperson's Office",
    contact: SPOKESPERSON,
    tags: ['statement'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'statements', language: 'en', daysAgo: 206, hour: 18, minute: 0,
    title: 'Statement on the Object Sighted near the Northern Border',
    subtitle: [],
    bodyMarkdown: body(
      'The object sighted near the northern border this afternoon has been identified as a civilian weather balloon that drifted off course. It posed no threat.',
      'The Joint Chiefs of Staff tracked the object throughout and informed the relevant authorities. The armed forces remain on their normal state of readiness.',
    ),
    department: 'Joint Chiefs of Staff Public Affairs',
    contact: JCS_PA,
    tags: ['statement', 'Joint Chiefs of Staff'],
    photos: [],
    documents: [],
    pairKey: null,
  },

  // ---------------------------------------------------------------- Statements (Korean)
  {
    board: 'statements', language: 'ko', daysAgo: 22, hour: 17, minute: 0,
    title: '장병 급식 예산 삭감 보도 관련 국방부 입장',
    subtitle: [],
    bodyMarkdown: body(
      '오늘 일부 언론에서 내년도 장병 급식 예산이 삭감됐다고 보도했으나, 이는 사실과 다르다.',
      '2027년 국방예산안의 장병 급식 예산은 올해보다 9.6% 증액 편성됐으며, 1인 1일 기본급식비도 1만 5,000원으로 인상될 예정이다. 국방부는 앞으로도 장병들이 질 좋은 급식을 제공받을 수 있도록 최선을 다하겠다.',
    ),
    department: '대변인실',
    contact: SPOKESPERSON_KO,
    tags: ['입장문', '장병 급식', '국방예산'],
    photos: [],
    documents: [],
    pairKey: null,
  },
  {
    board: 'statements', language: 'ko', daysAgo: 151, hour: 18, minute: 0,
    title: '군 의료 인력 부족 관련 보도에 대한 국방부 입장',
    subtitle: [],
    bodyMarkdown: body(
      '국방부는 일부 도서·산간 지역 부대의 군의관 공백 우려에 대해 엄중하게 인식하고 있다.',
      '국방부는 이미 하반기 군의관 순환 배치 계획을 조정해 공백이 예상되는 부대에 우선 배치하기로 했으며, 원격진료 체계를 확대해 장병들이 제때 진료를 받을 수 있도록 하겠다.',
    ),
    department: '인사복지실',
    contact: SPOKESPERSON_KO,
    tags: ['입장문', '군 의료'],
    photos: [],
    documents: [],
    pairKey: null,
  },

  // ---------------------------------------------------------------- Photos (English)
  {
    board: 'photos', language: 'en', daysAgo: 3, hour: 15, minute: 0,
    title: '[Photo] Naval Academy Cadets Return from Ocean Voyage Training',
    subtitle: ['Cadets visited five ports during a 110-day voyage'],
    bodyMarkdown: body(
      'Fourth-year cadets of the Naval Academy returned to Port Selan on 25 November after 110 days of ocean voyage training aboard the training ship VNS Velen Star.',
      'During the voyage the 142 cadets practised navigation, ship handling and damage control, and took part in exchange events with partner navies in five ports.',
    ),
    department: 'Navy Public Affairs',
    contact: SPOKESPERSON,
    tags: ['navy', 'Naval Academy', 'cadets'],
    photos: [
      {
        label: 'Cadets return to Port Selan',
        caption: 'Naval Academy cadets line the deck of the training ship as it arrives at Port Selan on 25 November.',
        credit: PHOTO_TEAM,
        altText: 'Cadets in white uniforms stand in rows along the rail of a grey training ship entering harbour.',
        hue: 205,
      },
      {
        label: 'Families greet cadets',
        caption: 'Families welcome cadets on the pier after the homecoming ceremony.',
        credit: PHOTO_TEAM,
        altText: 'A cadet hugs his parents on a crowded pier while others hold welcome banners.',
        hue: 45,
      },
    ],
    documents: [],
    pairKey: null,
  },
  {
    board: 'photos', language: 'en', daysAgo: 16, hour: 16, minute: 0,
    title: '[Photo] Winter Readiness Inspection at Mountain Units',
    subtitle: [],
    bodyMarkdown: body(
      'Commanders of the Northern Area Command inspected snow-clearing equipment, vehicles and cold-weather clothing at mountain units on 12 November, ahead of the first snowfall.',
    ),
    department: 'Joint Chiefs of Staff Public Affairs',
    contact: JCS_PA,
    tags: ['winter', 'readiness', 'army'],
    photos: [
      {
        label: 'Snow plough check',
        caption: 'Soldiers test a snow plough mounted on a military truck during the winter readiness inspection.',
        credit: JCS_PHOTO,
        altText: 'A green military truck with a yellow snow plough blade on a mountain road lined with pine trees.',
        hue: 140,
      },
      {
        label: 'Cold-weather kit',
        caption: 'An officer checks cold-weather clothing laid out for inspection.',
        credit: JCS_PHOTO,
        altText: 'Parkas, gloves, boots and sleeping bags laid out in neat rows on tables in a barracks hall.',
        hue: 180,
      },
    ],
    documents: [],
    pairKey: null,
  },
  {
    board: 'photos', language: 'en', daysAgo: 45, hour: 12, minute: 0,
    title: "[Photo] Combined Air Exercise 'Silver Falcon' with Partner Air Forces",
    subtitle: ['Air forces of Valdora, Norland and Estmark practise air-to-air refuelling and search and rescue'],
    bodyMarkdown: body(
      'The Air Force held the combined air exercise Silver Falcon with the air forces of Norland and Estmark from 12 to 16 October.',
      'About 60 aircraft took part, practising air-to-air refuelling, airlift of relief supplies and the rescue of downed aircrew.',
    ),
    department: 'Air Force Public Affairs',
    contact: JCS_PA,
    tags: ['air force', 'exercise', 'Silver Falcon', 'Norland', 'Estmark'],
    photos: [
      {
        label: 'Air-to-air refuelling',
        caption: 'A tanker aircraft refuels a fighter over the western sea during Silver Falcon.',
        credit: 'Air Force public affairs',
        altText: 'A grey fighter jet flies close behind a large tanker aircraft, connected by a refuelling boom, above the clouds.',
        hue: 220,
      },
      {
        label: 'Airlift of relief supplies',
        caption: 'Ground crew load relief supplies onto a transport aircraft for an airdrop drill.',
        credit: 'Air Force public affairs',
        altText: 'Airmen push pallets of boxes up the rear ramp of a transport aircraft on an airfield.',
        hue: 30,
      },
      {
        label: 'Aircrew rescue drill',
        caption: 'A rescue helicopter hoists a simulated downed pilot from a forest clearing.',
        credit: 'Air Force public affairs',
        altText: 'A helicopter hovers above trees while a rescuer and a pilot are winched up on a cable.',
        hue: 100,
      },
    ],
    documents: [],
    pairKey: null,
  },
  {
    board: 'photos', language: 'en', daysAgo: 64, hour: 17, minute: 0,
    title: '[Photo] 78th Armed Forces Day Ceremony at Velen Air Base',
    subtitle: [],
    bodyMarkdown: body(
      'Scenes from the ceremony marking the 78th anniversary of the Armed Forces of Valdora, held at Velen Air Base.',
      'The ceremony included a review of troops, a flypast by the Air Force aerobatic team and the presentation of unit awards.',
    ),
    department: "Spokesperson's Office",
    contact: SPOKESPERSON,
    tags: ['Armed Forces Day', 'ceremony'],
    photos: [
      {
        label: 'Review of troops',
        caption: 'Service members of all branches stand in formation during the review of troops.',
        credit: PHOTO_TEAM,
        altText: 'Rows of soldiers, sailors and airmen in dress uniforms stand on an airfield under flags.',
        hue: 0,
      },
      {
        label: 'Aerobatic team flypast',
        caption: 'The Air Force aerobatic team flies over the ceremony trailing coloured smoke.',
        credit: PHOTO_TEAM,
        altText: 'Six jets in tight formation leave trails of blue and white smoke across a clear sky.',
        hue: 210,
      },
      {
        label: 'Unit award presentation',
        caption: 'Minister Han Do-yun presents a unit award to the commander of the 3rd Engineer Brigade.',
        credit: PHOTO_TEAM,
        altText: 'The Minister hands a framed citation to a brigade commander on a stage decorated with flags.',
        hue: 50,
      },
    ],
    documents: [],
    pairKey: 'pair-08',
  },
  {
    board: 'photos', language: 'en', daysAgo: 100, hour: 13, minute: 0,
    title: '[Photo] Engineers Build a Floating Bridge during River-Crossing Training',
    subtitle: [],
    bodyMarkdown: body(
      'Engineers of the 3rd Engineer Brigade assembled a 180-metre floating bridge across the Tessa River in 40 minutes during river-crossing training on 20 August.',
    ),
    department: 'Army Public Affairs',
    contact: JCS_PA,
    tags: ['army', 'engineers', 'training'],
    photos: [
      {
        label: 'Floating bridge Tessa River',
        caption: 'Armoured vehicles cross the floating bridge built by army engineers over the Tessa River.',
        credit: PHOTO_TEAM,
        altText: 'A column of armoured vehicles drives across a pontoon bridge spanning a wide brown river.',
        hue: 90,
      },
    ],
    documents: [],
    pairKey: null,
  },
  {
    board: 'photos', language: 'en', daysAgo: 171, hour: 14, minute: 0,
    title: '[Photo] Honour Guard Welcomes Calveria Defence Minister',
    subtitle: ['Minister Han and Minister Reyval hold talks after the welcome ceremony'],
    bodyMarkdown: body(
      'Minister of Defence Han Do-yun welcomed Tomas Reyval, Minister of Defence of the Republic of Calveria, with an honour guard ceremony at the Ministry of Defence on 10 June.',
      'The two ministers then held talks on maritime security and peacekeeping cooperation.',
    ),
    department: 'International Policy Bureau',
    contact: INTL_POLICY,
    tags: ['Calveria', 'honour guard', 'Minister Han Do-yun'],
    photos: [
      {
        label: 'Honour guard ceremony',
        caption: 'Minister Han Do-yun and Minister Tomas Reyval review the honour guard at the Ministry of Defence.',
        credit: PHOTO_TEAM,
        altText: 'Two ministers walk past a line of honour guards in ceremonial uniforms holding rifles.',
        hue: 350,
      },
      {
        label: 'Han-Reyval talks',
        caption: 'The two ministers hold talks with their delegations after the ceremony.',
        credit: PHOTO_TEAM,
        altText: 'Delegations sit facing each other across a long table with small national flags in the middle.',
        hue: 260,
      },
    ],
    documents: [],
    pairKey: null,
  },

  // ---------------------------------------------------------------- Photos (Korean)
  {
    board: 'photos', language: 'ko', daysAgo: 64, hour: 17, minute: 20,
    title: '[포토] 제78주년 국군의 날 기념식',
    subtitle: [],
    bodyMarkdown: body(
      '벨렌 공군기지에서 열린 제78주년 국군의 날 기념식 현장을 사진으로 전한다.',
      '기념식에서는 열병과 공군 특수비행팀의 축하 비행, 부대 표창 수여 등이 진행됐다.',
    ),
    department: '대변인실',
    contact: SPOKESPERSON_KO,
    tags: ['국군의 날', '기념식'],
    photos: [
      {
        label: 'Review of troops KO',
        caption: '국군의 날 기념식에서 육·해·공군 장병들이 열병을 위해 도열해 있다.',
        credit: PHOTO_TEAM_KO,
        altText: '깃발 아래 비행장에 정복 차림의 장병들이 줄지어 서 있는 모습',
        hue: 0,
      },
      {
        label: 'Aerobatic team KO',
        caption: '공군 특수비행팀이 기념식장 상공에서 축하 비행을 하고 있다.',
        credit: PHOTO_TEAM_KO,
        altText: '맑은 하늘에 여섯 대의 항공기가 파란색과 흰색 연기를 내며 편대 비행하는 모습',
        hue: 210,
      },
      {
        label: 'Unit award KO',
        caption: '한도윤 국방부 장관이 제3공병여단장에게 부대 표창을 수여하고 있다.',
        credit: PHOTO_TEAM_KO,
        altText: '국기로 장식된 단상에서 장관이 여단장에게 표창장을 전달하는 모습',
        hue: 50,
      },
    ],
    documents: [],
    pairKey: 'pair-08',
  },
  {
    board: 'photos', language: 'ko', daysAgo: 158, hour: 10, minute: 30,
    title: '[포토] 한도윤 장관, 호국보훈의 달 맞아 국립현충원 참배',
    subtitle: [],
    bodyMarkdown: body(
      '한도윤 국방부 장관은 6월 23일(화) 호국보훈의 달을 맞아 국방부 주요 직위자들과 함께 국립현충원을 찾아 순국선열과 호국영령의 넋을 기렸다.',
    ),
    department: '대변인실',
    contact: SPOKESPERSON_KO,
    tags: ['호국보훈의 달', '국립현충원', '한도윤 장관'],
    photos: [
      {
        label: 'National Memorial visit',
        caption: '한도윤 국방부 장관이 6월 23일(화) 국립현충원 현충탑에 헌화하고 있다.',
        credit: PHOTO_TEAM_KO,
        altText: '현충탑 앞에서 장관이 흰 국화 화환 앞에 고개 숙여 묵념하는 모습',
        hue: 120,
      },
    ],
    documents: [],
    pairKey: null,
  },
];
