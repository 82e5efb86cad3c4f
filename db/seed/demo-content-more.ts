// More of the demo newsroom: stories from August to November, each with the corrections the
// casebook's charts need (every week of the twelve before the demo's "now" has some, by every
// section, type of error and cause). As invented as the rest: people, places and figures.
import { HAMISH, MARGARET, md, PRIYA, swap, TOMAS } from './demo-people';
import type { DemoArticle } from './types';

// ---------------------------------------------------------------------------------------------
// Local, August: the beach huts (a clarification from a reader's report; three other complaints)

const beachHutsV1 = md(
  'Rents for the council’s 212 beach huts on Gull Sands will rise by 40 per cent from April, the town council has confirmed, the first increase since 2019.',
  'The annual rent for one of the large double huts on the upper promenade will go from £640 to £896, according to papers published ahead of Thursday’s meeting of the council’s assets committee.',
  'The council says the huts cost more to keep than they bring in. Its assets manager, Oonagh Treloar, told councillors that storm damage last winter had cost £31,000 to repair and that the waiting list for a hut had fallen to its shortest in a decade. “We are not trying to make money out of the beach,” she said. “We are trying to stop losing it.”',
  'Owners say the rise will change who can use the seafront. The Gull Sands Beach Hut Owners’ Association, which represents about 150 of the hut holders, said many of its members were retired people who had kept the same hut for thirty years or more. Its secretary, Clement Vosper, said the committee had not consulted a single owner before the papers were published.',
  '“Some of these huts have been in the same family since the 1960s,” he said. “Grandchildren learn to swim from them. A rise like this says the council would rather have weekend lets than neighbours.”',
  'One owner, who has rented a hut at the western end of the sands since 1994, said she would give hers up if the increase went ahead. “It is a shed on a beach,” she said. “I love it, but I cannot pay what they are asking.”',
  'The assets committee meets at the Corn Exchange on Thursday at 7pm. Members of the public may speak if they register by noon on Wednesday. The council has published the [committee papers](https://example.org/saltmarsh/beach-huts-2027) online.',
);

export const beachHutRents: DemoArticle = {
  slug: 'gull-sands-beach-hut-rents',
  section: 'Local',
  byline: 'Luca Ferrand',
  status: 'published',
  firstPublishedAt: '2026-08-04T09:00:00Z',
  versions: [
    {
      headline: 'Beach hut rents to rise by 40 per cent, council says',
      standfirst: 'Owners of the 212 huts on Gull Sands say the increase will price families off the seafront.',
      body: beachHutsV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
  ],
  corrections: [
    {
      kind: 'clarification',
      mode: 'notice',
      wording: 'Only the large double huts on the upper promenade will rise by 40 per cent. Rents for most huts will rise by between 12 and 25 per cent.',
      claims: [{ version: 1, exact: 'will rise by 40 per cent from April' }],
      status: 'published',
      draftedHoursAfterFirst: 25,
      publishedHoursAfterFirst: 50,
      taxonomy: { errorType: 'fact', errorCause: 'reporting', foundBy: 'reader' },
      draftedBy: TOMAS,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Sport, August: the sea swim (a reader's correction of a time, then a name amended)

const SWIM_NAME_WRONG = 'Price-Hollis';
const SWIM_NAME_RIGHT = 'Pryce-Hollis';

const seaSwimV1 = md(
  'More than 400 swimmers took to the water off Gull Sands on Saturday for the annual Saltmarsh Sea Swim, the largest field in the event’s 38-year history.',
  'The two-mile race was won by Oriel Caddick, a PE teacher from Lindwick, who finished in 41 minutes 12 seconds despite a swell that sent the safety kayaks surfing past the second buoy. Caddick, who came third last year, said she had trained twice a week in the harbour since April.',
  '“The first mile was lovely and the second was like swimming uphill,” she said on the beach afterwards, wrapped in a towel and a foil blanket. “I stopped looking for the buoys and just followed the splashing.”',
  `The fastest man, Jory Tallack of Saltmarsh Swimming Club, was two places behind her. The oldest finisher was Tegwen ${SWIM_NAME_WRONG}, 81, who has swum every edition since the first in 1988 and completed the shorter half-mile course in a little over half an hour.`,
  'Organisers from the lifeboat station and the swimming club said nine swimmers had been helped out of the water by kayakers, none of them seriously hurt. The coastguard had agreed to the start going ahead after checking the forecast at noon.',
  'Money raised from entry fees, about £9,000 this year, will be split between the lifeboat station and the club’s scheme to teach primary school children to swim in the sea. Results for every swimmer are on the [event’s website](https://example.org/saltmarsh-sea-swim/results-2026).',
);
const seaSwimV2 = swap(seaSwimV1, SWIM_NAME_WRONG, SWIM_NAME_RIGHT);

const seaSwimHeadline = 'Hundreds brave the swell in the Gull Sands sea swim';
const seaSwimStandfirst = 'A Lindwick teacher won the two-mile race; the oldest finisher was 81.';

export const seaSwim: DemoArticle = {
  slug: 'gull-sands-sea-swim',
  section: 'Sport',
  byline: 'Søren Achterberg',
  status: 'published',
  firstPublishedAt: '2026-08-29T17:00:00Z',
  versions: [
    { headline: seaSwimHeadline, standfirst: seaSwimStandfirst, body: seaSwimV1, changeKind: 'first_publication', note: 'First publication', hoursAfterFirst: 0, savedBy: TOMAS },
    { headline: seaSwimHeadline, standfirst: seaSwimStandfirst, body: seaSwimV2, changeKind: 'correction', note: 'Corrected the spelling of the oldest finisher’s name', hoursAfterFirst: 64, savedBy: HAMISH },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'notice',
      wording: 'Oriel Caddick’s winning time was 44 minutes 12 seconds, not 41 minutes 12 seconds as we said.',
      claims: [{ version: 1, exact: '41 minutes 12 seconds' }],
      status: 'published',
      draftedHoursAfterFirst: 17,
      publishedHoursAfterFirst: 41,
      taxonomy: { errorType: 'number', errorCause: 'reporting', foundBy: 'reader' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'An earlier version of this article misspelled the surname of the oldest finisher, Tegwen Pryce-Hollis.',
      claims: [{ version: 1, exact: SWIM_NAME_WRONG, replacement: SWIM_NAME_RIGHT }],
      amendedInVersion: 2,
      status: 'published',
      draftedHoursAfterFirst: 52,
      publishedHoursAfterFirst: 64,
      taxonomy: { errorType: 'name', errorCause: 'editing', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Politics, September: the second-homes levy (a remark given to the wrong councillor)

const LEVY_WRONG = 'Councillor Petra Vellacott, for the opposition,';
const LEVY_RIGHT = 'Councillor Anwen Roskilly, for the opposition,';

const levyV1 = md(
  'Owners of second homes in Saltmarsh will pay double council tax from next April after the county council’s cabinet backed a levy by six votes to two on Thursday night.',
  'About 1,150 homes in the town, roughly one in eight, are not anyone’s main residence, according to council figures. The levy is expected to raise £2.1m a year across Wrenshire, of which the council has promised that a third will be spent on housing for local people.',
  `Proposing the levy, the cabinet member for housing, Councillor Idris Maddern, said the town’s young families were being “priced out of the streets they grew up in”. ${LEVY_WRONG} said the council had “no plan for what happens when the holiday lets close and the cafés close with them”.`,
  'Estate agents in the town gave the levy a mixed welcome. Ffion Harker, who runs a lettings agency on Fore Street, said some owners had already asked about selling. “If a few of those houses come back on the market for families, that is not a bad thing,” she said. “But some of the people who will pay this are locals who inherited a cottage, not investors from the city.”',
  'The levy will not apply to homes that are let for more than 140 nights a year, or to those left empty while their owner is in hospital or in care. Owners will be able to appeal against the charge.',
  'The council will write to every affected household by the end of October. A [summary of the cabinet report](https://example.org/wrenshire/second-homes-levy) is on its website.',
);
const levyV2 = swap(levyV1, LEVY_WRONG, LEVY_RIGHT);
const levyHeadline = 'Second-home owners to pay double council tax';
const levyStandfirst = 'The county’s cabinet backed the levy by six votes to two; a third of the money is promised to local housing.';

export const secondHomesLevy: DemoArticle = {
  slug: 'second-homes-levy-vote',
  section: 'Politics',
  byline: 'Hannah Quist',
  status: 'published',
  firstPublishedAt: '2026-09-04T16:00:00Z',
  versions: [
    { headline: levyHeadline, standfirst: levyStandfirst, body: levyV1, changeKind: 'first_publication', note: 'First publication', hoursAfterFirst: 0, savedBy: PRIYA },
    { headline: levyHeadline, standfirst: levyStandfirst, body: levyV2, changeKind: 'correction', note: 'Corrected who made the remark about holiday lets', hoursAfterFirst: 65, savedBy: MARGARET },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'The remark about holiday lets and cafés was made by Councillor Anwen Roskilly, not by Councillor Petra Vellacott, who voted for the levy.',
      claims: [{ version: 1, exact: LEVY_WRONG, replacement: LEVY_RIGHT }],
      amendedInVersion: 2,
      status: 'published',
      draftedHoursAfterFirst: 19,
      publishedHoursAfterFirst: 65,
      taxonomy: { errorType: 'attribution', errorCause: 'reporting', foundBy: 'subject' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Science, September: the storm petrels (a picture described wrongly; a count a reader corrected)

const petrelsV1 = md(
  'Storm petrels are breeding on Tamsey Island for the first time since the 1980s, three years after a volunteer team cleared the island of the brown rats that had eaten the birds’ eggs for decades.',
  'Wardens found 86 burrows with adult birds or chicks during a night survey in August, using recordings of the birds’ purring calls and listening for an answer from underground. The survey was led by the Tamsey Estuary Trust with help from the county bird club.',
  '“You put your ear to the turf and there is this strange churring coming back at you,” said the trust’s island warden, Morwenna Stapleton. “The first night we heard one, nobody said anything for about a minute. We just lay there grinning in the dark.”',
  'Storm petrels, which are about the size of a sparrow, spend most of their lives far out at sea and come ashore only at night to breed. Rats, which reached the island on fishing boats in the last century, are thought to have wiped out the colony by the mid-1980s.',
  'The photograph above shows the colony’s main burrows on the north slope, where most of the chicks were found.',
  'The trust will keep traps and monitoring stations on the island and asks boat owners landing there to check their bags and boxes for stowaways. Landing is not allowed between April and September. The trust’s [survey notes](https://example.org/tamsey-trust/petrels-2026) are online.',
);

export const stormPetrels: DemoArticle = {
  slug: 'tamsey-island-storm-petrels',
  section: 'Science',
  byline: 'Rosalind Teague',
  status: 'published',
  firstPublishedAt: '2026-09-11T09:00:00Z',
  versions: [
    {
      headline: 'Storm petrels breed on Tamsey Island for the first time in 40 years',
      standfirst: 'Volunteers found chicks in burrows three years after rats were cleared from the island.',
      body: petrelsV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
  ],
  corrections: [
    {
      kind: 'clarification',
      mode: 'notice',
      wording: 'The photograph with this article showed burrows on the island’s south slope, where most of the chicks were found, not the north slope.',
      claims: [{ version: 1, exact: 'the colony’s main burrows on the north slope' }],
      status: 'published',
      publishedHoursAfterFirst: 74,
      taxonomy: { errorType: 'picture', errorCause: 'production', foundBy: 'staff' },
      draftedBy: TOMAS,
      publishedBy: MARGARET,
    },
    {
      kind: 'correction',
      mode: 'notice',
      wording: 'The survey found 68 occupied burrows, not 86.',
      claims: [{ version: 1, exact: '86 burrows' }],
      status: 'published',
      draftedHoursAfterFirst: 52,
      publishedHoursAfterFirst: 96,
      taxonomy: { errorType: 'number', errorCause: 'reporting', foundBy: 'reader' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Business, September: the boatyard (a contract's value transposed; a headline a reader questioned)

const FERRY_WRONG = 'a £3.8m contract';
const FERRY_RIGHT = 'an £8.3m contract';

const boatyardV1 = md(
  `Pengelly and Daughters, the boatyard on Saltmarsh’s east quay, has won ${FERRY_WRONG} to build two passenger ferries for an island council in western Norway, its first export order in the yard’s 112-year history.`,
  'The two ferries, each 19 metres long and able to carry 60 passengers and a small van, will run between three islands north of Bergen. They will be built from aluminium and powered by batteries charged from the islands’ hydroelectric supply.',
  'The yard’s managing director, Lowenna Pengelly, the founder’s great-granddaughter, said the order would secure the jobs of its 34 staff for at least two years and allow it to take on four apprentices. “For a long time people asked whether there was a future for building boats in a town like this,” she said. “This is the answer.”',
  'The yard beat bids from builders in Scotland, Poland and Turkey. Pengelly said the island council had been impressed by a battery-powered pilot boat the yard built for the harbour board last year, which has run through two winters without a breakdown.',
  'Work on the first hull will begin in January, and both ferries are due to be delivered by ship in the spring of 2028. The yard will need to extend its main shed to build them side by side, and has applied to the harbour board for permission.',
  'The Saltmarsh Chamber of Trade welcomed the news. Its chair said the contract was “the best news on the quay in years”.',
);
const boatyardV2 = swap(boatyardV1, FERRY_WRONG, FERRY_RIGHT);
const boatyardHeadline = 'Saltmarsh boatyard wins its first export order';
const boatyardStandfirst = 'Pengelly and Daughters will build two battery ferries for an island council in Norway.';

export const boatyardFerryOrder: DemoArticle = {
  slug: 'boatyard-norway-ferry-order',
  section: 'Business',
  byline: 'Kwame Asante-Lowe',
  status: 'published',
  firstPublishedAt: '2026-09-18T07:30:00Z',
  versions: [
    { headline: boatyardHeadline, standfirst: boatyardStandfirst, body: boatyardV1, changeKind: 'first_publication', note: 'First publication', hoursAfterFirst: 0, savedBy: PRIYA },
    { headline: boatyardHeadline, standfirst: boatyardStandfirst, body: boatyardV2, changeKind: 'correction', note: 'Corrected the value of the contract', hoursAfterFirst: 74, savedBy: HAMISH },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'The contract is worth £8.3m, not £3.8m as we said.',
      claims: [{ version: 1, exact: FERRY_WRONG, replacement: FERRY_RIGHT }],
      amendedInVersion: 2,
      status: 'published',
      draftedHoursAfterFirst: 52,
      publishedHoursAfterFirst: 74,
      taxonomy: { errorType: 'number', errorCause: 'editing', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
    {
      kind: 'clarification',
      mode: 'notice',
      wording: 'The headline and the article said this was the yard’s first export order. The yard built a fishing boat for an owner in Ireland in 2004; this is its first export order for passenger ferries.',
      claims: [{ version: 2, exact: 'its first export order' }],
      status: 'published',
      draftedHoursAfterFirst: 80,
      publishedHoursAfterFirst: 102.5,
      taxonomy: { errorType: 'headline', errorCause: 'editing', foundBy: 'reader' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Local, September: the flood gates (the wrong date from the harbour board's first notice)

const floodGatesV1 = md(
  'The flood gates across the mouth of Saltmarsh’s inner harbour will be closed for a full test on Wednesday 14 October, the first time they have been shut since the storm surge of February 2024.',
  'The two steel gates, each weighing 38 tonnes, swing out from the harbour walls and meet in the middle of the channel. They were installed in 2009 after floods in the old town damaged more than 200 homes and shops.',
  'The harbour master, Captain Enys Trevail, said the test would last about four hours around low tide, and that no vessel would be able to enter or leave the inner harbour while the gates were closed. Owners of boats on the inner moorings have been asked to move them to the outer harbour the day before if they need to use them.',
  '“The gates are like a lifeboat,” Trevail said. “You hope you will never need them, and you test them so that when you do, they work.”',
  'The test will also check the new pumps fitted this summer, which can clear water that builds up behind the gates during heavy rain. The work cost £640,000 and was paid for mostly by a government flood defence grant.',
  'Residents of Harbour Terrace and Quay Street will hear sirens at the start and end of the test. The harbour board has published a [notice to mariners](https://example.org/saltmarsh-harbour/flood-gate-test) with the times.',
);

export const floodGatesTest: DemoArticle = {
  slug: 'harbour-flood-gates-test',
  section: 'Local',
  byline: 'Bethan Crowe',
  status: 'published',
  firstPublishedAt: '2026-09-25T12:00:00Z',
  versions: [
    {
      headline: 'Harbour flood gates to be tested before the winter storms',
      standfirst: 'The gates across the inner harbour will close for four hours; boats must be moved beforehand.',
      body: floodGatesV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'notice',
      wording: 'The test of the flood gates will be on Wednesday 21 October, not 14 October as we said.',
      claims: [{ version: 1, exact: 'Wednesday 14 October' }],
      status: 'published',
      draftedHoursAfterFirst: 22,
      publishedHoursAfterFirst: 70,
      taxonomy: { errorType: 'date', errorCause: 'source', foundBy: 'reader' },
      draftedBy: PRIYA,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Culture, October: the cinema (a quote the projectionist disputed; the founder's name amended)

const FOUNDER_WRONG = 'Eustace Pellow';
const FOUNDER_RIGHT = 'Eustace Pellew';

const cinemaV1 = md(
  'The Corn Exchange cinema, Saltmarsh’s only picture house, will reopen on Saturday after a £1.2m restoration that has brought back its 1930s plasterwork and replaced every one of its 240 seats.',
  `The cinema was founded in 1931 by ${FOUNDER_WRONG}, a grain merchant who had seen talking pictures in London and wanted them in his own town. It closed in 2021, when a survey found that its ceiling was unsafe, and was bought the following year by a community trust that raised most of the money from residents.`,
  'The projectionist, Albie Curnow, who first worked the cinema’s projectors as a teenager in 1979, will be back in the booth on opening night. “I said I would come back when they fixed the roof,” he said. “I did not think I would have to wait this long, but I am glad I did. It is the best room in the county to watch a film in.”',
  'The opening programme mixes new releases with films chosen by the trust’s members, beginning with a Saturday matinee for children and ending on Sunday night with *The Lantern Keeper*, which the cinema first showed in 1949.',
  'Tickets cost £7, or £5 for children and members. The trust hopes to show films five nights a week and to open the café in the old ticket hall during the day.',
  'The trust’s chair, Demelza Quick, said the reopening belonged to the 1,900 people who had given money. The [opening programme](https://example.org/corn-exchange-cinema/opening) is on the cinema’s website.',
);
const cinemaV2 = swap(cinemaV1, FOUNDER_WRONG, FOUNDER_RIGHT);
const cinemaHeadline = 'The Corn Exchange cinema reopens after a £1.2m restoration';
const cinemaStandfirst = 'The town’s single-screen picture house, closed since 2021, shows its first film in five years on Saturday.';

export const cinemaReopens: DemoArticle = {
  slug: 'corn-exchange-cinema-reopens',
  section: 'Culture',
  byline: 'Zoë Marchetti',
  status: 'published',
  firstPublishedAt: '2026-10-02T15:00:00Z',
  versions: [
    { headline: cinemaHeadline, standfirst: cinemaStandfirst, body: cinemaV1, changeKind: 'first_publication', note: 'First publication', hoursAfterFirst: 0, savedBy: TOMAS },
    { headline: cinemaHeadline, standfirst: cinemaStandfirst, body: cinemaV2, changeKind: 'correction', note: 'Corrected the spelling of the founder’s name', hoursAfterFirst: 96, savedBy: MARGARET },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'notice',
      wording: 'We misquoted Albie Curnow. He said: “I always knew I would come back, however long it took.”',
      claims: [{ version: 1, exact: 'I did not think I would have to wait this long, but I am glad I did.' }],
      status: 'published',
      draftedHoursAfterFirst: 66,
      publishedHoursAfterFirst: 90,
      taxonomy: { errorType: 'quote', errorCause: 'reporting', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'An earlier version of this article misspelled the name of the cinema’s founder, Eustace Pellew.',
      claims: [{ version: 1, exact: FOUNDER_WRONG, replacement: FOUNDER_RIGHT }],
      amendedInVersion: 2,
      status: 'published',
      publishedHoursAfterFirst: 96,
      taxonomy: { errorType: 'name', errorCause: 'production', foundBy: 'staff' },
      draftedBy: TOMAS,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Local, November: the allotments (a figure the parish clerk gave wrongly; a year a reader knew)

const allotmentParagraphs = [
  'There are now 430 people on the waiting list for an allotment in Netherby, the parish council has said, and some have been waiting for six years.',
  'The village has 96 plots on two sites, at Brook Lane and behind the old chapel, and almost none come free each year. The council’s clerk, Ysolde Penrose, said the list had doubled since 2020, when many people took up growing during the pandemic and never stopped.',
  '“People put their names down for their children and then wait until the children have left home,” she said. “It is the longest queue in the village, and the most polite one.”',
  'The council is in talks with a farmer about renting a two-acre field on the edge of the village, which could take 40 new plots. It has also asked the county council whether part of the old depot on Lindwick Road could be used.',
];
const allotmentEnding = [
  'Plot holders at Brook Lane, which has been cultivated since 1987, said they would welcome more neighbours. One, who grows leeks for the village show, said the site’s water supply would need to be improved before any more plots were added.',
  'Anyone who wants to join the waiting list can contact the parish clerk. The council will discuss the field at its meeting on 24 November; the [agenda](https://example.org/netherby-parish/allotments) is online.',
];
const allotmentsV1 = md(...allotmentParagraphs, ...allotmentEnding);
const allotmentsV2 = md(
  ...allotmentParagraphs,
  'On Friday the county council said the depot was needed for gritting lorries until at least 2028, but that it would look at other land it owns in the valley.',
  ...allotmentEnding,
);
const allotmentsV3 = swap(allotmentsV2, 'since 1987', 'since 1947');
const allotmentsHeadline = 'Allotment waiting list grows as Netherby looks for land';
const allotmentsStandfirst = 'The parish council hopes to rent a field for 40 new plots; some families have waited six years.';

export const allotmentWaitingList: DemoArticle = {
  slug: 'netherby-allotment-waiting-list',
  section: 'Local',
  byline: 'Niamh Garvey',
  status: 'published',
  firstPublishedAt: '2026-11-09T08:00:00Z',
  versions: [
    { headline: allotmentsHeadline, standfirst: allotmentsStandfirst, body: allotmentsV1, changeKind: 'first_publication', note: 'First publication', hoursAfterFirst: 0, savedBy: TOMAS },
    { headline: allotmentsHeadline, standfirst: allotmentsStandfirst, body: allotmentsV2, changeKind: 'update', note: 'Added the county council’s reply about the depot', hoursAfterFirst: 100, savedBy: PRIYA },
    { headline: allotmentsHeadline, standfirst: allotmentsStandfirst, body: allotmentsV3, changeKind: 'correction', note: 'Corrected the year the Brook Lane site was first cultivated', hoursAfterFirst: 200, savedBy: HAMISH },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'notice',
      wording: 'There are 340 people on the waiting list, not 430 as we said.',
      claims: [{ version: 1, exact: '430 people' }],
      status: 'published',
      draftedHoursAfterFirst: 27,
      publishedHoursAfterFirst: 30,
      taxonomy: { errorType: 'number', errorCause: 'source', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: MARGARET,
    },
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'The Brook Lane site has been cultivated since 1947, not 1987 as we said.',
      claims: [{ version: 2, exact: 'since 1987', replacement: 'since 1947' }],
      amendedInVersion: 3,
      status: 'published',
      draftedHoursAfterFirst: 190,
      publishedHoursAfterFirst: 200,
      taxonomy: { errorType: 'date', errorCause: 'reporting', foundBy: 'reader' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Science, November: the tidal lagoon (an editor's note after a complaint through IPSO)

const lagoonV1 = md(
  'Plans for a tidal lagoon that would generate electricity from the rise and fall of the sea in Crab Hole bay have won the backing of the Tamsey Estuary Trust, the charity that looks after the estuary’s wildlife.',
  'The scheme, proposed by a company called Tamsey Tidal Power, would enclose the bay with a two-mile wall of rock and concrete housing 16 turbines. The company says it could supply electricity to 30,000 homes and would take four years to build.',
  'In a statement, the trust said the developer had “listened carefully” to its concerns and that the lagoon would include a new salt marsh and nesting islands for terns. Its chief executive, Saffron Jelbert, said the warming of the sea was “the biggest threat to every bird on this coast”.',
  'Not everyone agrees. Fishermen who work the bay say the wall would close the channel they use at low water, and the Saltmarsh Sailing Club says it would lose its racing area. “A lagoon is a power station with a nice name,” said the club’s commodore, Trystan Hocking.',
  'The company hopes to apply for planning permission next year. It will hold public exhibitions in Saltmarsh and Lindwick in December, and has published [its early plans](https://example.org/tamsey-tidal/early-plans) online.',
);

export const tidalLagoon: DemoArticle = {
  slug: 'crab-hole-tidal-lagoon',
  section: 'Science',
  byline: 'Marcus Eld',
  status: 'published',
  firstPublishedAt: '2026-11-16T10:00:00Z',
  versions: [
    {
      headline: 'Tidal lagoon plan for Crab Hole bay wins wildlife trust’s backing',
      standfirst: 'A developer wants to build a two-mile sea wall with turbines across the bay.',
      body: lagoonV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
  ],
  corrections: [
    {
      kind: 'editors_note',
      mode: 'notice',
      wording: 'This article should have said that the Tamsey Estuary Trust has received funding from Tamsey Tidal Power for its seabird surveys since 2025.',
      claims: [{ version: 1, exact: 'won the backing of the Tamsey Estuary Trust' }],
      status: 'published',
      draftedHoursAfterFirst: 24,
      publishedHoursAfterFirst: 50,
      taxonomy: { errorType: 'omission', errorCause: 'editing', foundBy: 'regulator' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

/** These stories, in the order they were published (db/plain-text.test.ts leaves them out of its hash of the older ones). */
export const moreStories: DemoArticle[] = [beachHutRents, seaSwim, secondHomesLevy, stormPetrels, boatyardFerryOrder, floodGatesTest, cinemaReopens, allotmentWaitingList, tidalLagoon];
