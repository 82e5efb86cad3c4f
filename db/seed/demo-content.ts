// The demo newsroom: The Saltmarsh Courier, an invented paper for an invented estuary town in the
// invented county of Wrenshire. Everything here (people, places, parties, companies, quotes) is
// made up. It is seeded into an empty database so a fresh install shows a believable newsroom.
//
// Two stories matter to the end-to-end tests and should keep their shape:
// - `local-elections-results`: the published, amended correction ("lost 695 council seats and nine
//   councils" → "842 council seats and 11 councils"), and the words "31 per cent" and "Turnout";
// - `county-council-count`: the same wrong phrase, one version and no correction, for the tests to
//   draft one on.
// The embed tests (e2e/embed.spec.ts) address four stories by the CMS's id: `cms-1042` (the election
// story), `cms-1043` (`council-budget-gap`, a withdrawn correction), `cms-1044` (`netherby-algae-study`,
// a withdrawn article) and `cms-1045` (`pier-cafe-late-licence`, a draft readers cannot see).
// The casebook (demo-cases.ts) and the stories from August to November (demo-content-more.ts) give
// the standards dashboard and the annual statement something to show in every chart.
// The rules this data must keep are checked in demo-content.test.ts.
import { demoCases } from './demo-cases';
import { allotmentWaitingList, beachHutRents, boatyardFerryOrder, cinemaReopens, floodGatesTest, secondHomesLevy, seaSwim, stormPetrels, tidalLagoon } from './demo-content-more';
import { DAFYDD, DOMAIN, HAMISH, MARGARET, md, PRIYA, swap, TOMAS } from './demo-people';
import type { DemoArticle, DemoNewsroom } from './types';

// ---------------------------------------------------------------------------------------------
// Politics: the local elections (the key story: a published correction that amended the text)

const ELECTION_WRONG = '695 council seats and nine councils';
const ELECTION_RIGHT = '842 council seats and 11 councils';

const electionsV1 = md(
  `The Harbour Alliance lost ${ELECTION_WRONG} in this week’s local elections, its worst night in a decade and a result that will sharpen questions about Martin Sayle’s leadership.`,
  'After the last declarations on Sunday evening, the party’s national share of the vote was estimated at 24 per cent, down six points on four years ago. The Tidewater Party was the main beneficiary, taking control of seven councils, while independents and residents’ groups made gains in coastal towns.',
  '## Saltmarsh holds on',
  'In Saltmarsh itself the picture was more mixed. The Alliance held the town council by a single seat after a recount in Quayside ward, where its candidate, Deborah Fenwick-Aske, finished eleven votes ahead of the Tidewater challenger. Turnout in the town was 31 per cent, the lowest since the council was created.',
  '“We have had a hard night and I won’t pretend otherwise,” Fenwick-Aske said at the count in the Corn Exchange. “People told us on the doorstep that they felt taken for granted. They were right to tell us, and we will listen.”',
  'The Tidewater Party’s regional organiser, Joséphine Arkwright, said the result showed that “the old map of this county has been torn up”. Her party now holds 19 of the 45 seats on the town council, up from 11.',
  'Analysts were cautious about reading too much into one set of contests. *Local elections are not general elections*, said Dr Ifeoma Strand of the University of Wrenshire, who has studied voting in coastal districts for fifteen years. “Voters use them to send a message. Whether the message is still being sent in two years’ time is another matter.” Her [analysis of the results](https://example.org/wrenshire-votes-2026) is published by the university’s elections unit.',
  'The Alliance’s national executive will meet on Tuesday. Several of its council leaders have already called for a review of the campaign.',
);
const electionsV2 = swap(electionsV1, ELECTION_WRONG, ELECTION_RIGHT);
const electionsV3 = md(
  electionsV2,
  'At Tuesday’s meeting of the national executive, Martin Sayle said he would stay on as leader and would set out “a plan to win back the towns we have lost” before Christmas. At least three of the party’s council leaders have said publicly that he should stand aside.',
);

const localElectionsResults: DemoArticle = {
  slug: 'local-elections-results',
  externalId: 'cms-1042',
  canonicalUrl: 'https://www.saltmarshcourier.example/politics/2026/nov/01/alliance-routed-in-local-elections',
  section: 'Politics',
  byline: 'Ruth Ames',
  status: 'published',
  firstPublishedAt: '2026-11-01T22:00:00Z',
  versions: [
    {
      headline: 'Alliance routed in local elections',
      standfirst: 'The Harbour Alliance suffered its heaviest losses in a decade as voters turned to independents and the Tidewater Party.',
      body: electionsV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
    {
      headline: 'Alliance routed in local elections',
      standfirst: 'The Harbour Alliance suffered its heaviest losses in a decade as voters turned to independents and the Tidewater Party.',
      body: electionsV2,
      changeKind: 'correction',
      note: 'Corrected the number of seats and councils lost',
      hoursAfterFirst: 30,
      savedBy: MARGARET,
    },
    {
      headline: 'Alliance routed in local elections',
      standfirst: 'The Harbour Alliance suffered its heaviest losses in a decade as voters turned to independents and the Tidewater Party.',
      body: electionsV3,
      changeKind: 'update',
      note: 'Added the leader’s response at the national executive',
      hoursAfterFirst: 40,
      savedBy: PRIYA,
    },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'They actually lost 842 council seats and 11 councils.',
      claims: [{ version: 1, exact: ELECTION_WRONG, replacement: ELECTION_RIGHT }],
      amendedInVersion: 2,
      status: 'published',
      // Drafted when the reader's report of it was accepted, the morning after the count.
      draftedHoursAfterFirst: 10,
      publishedHoursAfterFirst: 30,
      taxonomy: { errorType: 'number', errorCause: 'reporting', foundBy: 'reader' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Politics: the county count (the same wrong words, left uncorrected for the end-to-end tests)

const countyCountV1 = md(
  'By Monday morning the shape of the new Wrenshire was clear, even if the people who will run it were not.',
  `Across the county the Moorland Party lost ${ELECTION_WRONG}, counting town and parish councils as well as the county and its three districts, a collapse few of its own candidates had predicted when campaigning began in September.`,
  'The losses were heaviest in the hill towns, where the party had been strongest for a generation. In Lindwick it lost every seat it was defending. In the Netherby valley, where opposition to new housing dominated the campaign, residents’ candidates took seats that had not changed hands since the 1990s.',
  '## Who gained',
  'The Tidewater Party is now the largest group on the county council but is four seats short of a majority. Its leader, Rhodri Vance, spent Sunday evening in talks with the independent members, several of whom were elected on a promise not to join any coalition.',
  '“They have won the argument about what went wrong,” said one Moorland councillor who held her seat. “They haven’t yet had to win an argument about what to do next. That starts now.”',
  'Three questions will decide the next few months:',
  [
    '- whether the Tidewater Party can agree a budget with the independents before February;',
    '- whether the Moorland Party’s county leader, Gareth Ormsby, survives the leadership challenge his colleagues are already discussing;',
    '- whether the new councillors keep the promises on housing that won them their seats.',
  ].join('\n'),
  'The new council meets for the first time on 19 November. The full results, ward by ward, are in our [results tables](https://example.org/courier/results-2026).',
);

const countyCouncilCount: DemoArticle = {
  slug: 'county-council-count',
  section: 'Politics',
  byline: 'Idris Penhallow',
  status: 'published',
  firstPublishedAt: '2026-11-02T09:00:00Z',
  versions: [
    {
      headline: 'What the county count means',
      standfirst: 'Ward by ward, the Wrenshire results redraw the map for the next four years. Here is what they tell us.',
      body: countyCountV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
  ],
  corrections: [],
};

// ---------------------------------------------------------------------------------------------
// Politics: the county budget (a correction that was published, then withdrawn)

const budgetV1 = md(
  'Wrenshire County Council faces a budget gap of £4.2m next year, largely because of the rising cost of caring for older people and children, its finance director has warned.',
  'In a report to the council’s cabinet, the director, Ruth Calloway-Benn, said spending on adult social care had risen by 11 per cent in a year, driven by higher fees charged by care homes and a growing number of people needing support at home. Spending on placements for children in care is running £1.6m over budget.',
  'The council has already drawn on its reserves in each of the last two years. Calloway-Benn’s report warns that doing so again would leave them “below the level I can advise is prudent”.',
  'The cabinet member for finance, Councillor Elspeth Marr of the Moorland Party, said every department would be asked to find savings before the budget is set in February. “Nothing is off the table, but nothing has been decided,” she said. “We will not balance the books by closing libraries and calling it reform.”',
  'Opposition councillors said the figures had been known for months. The Tidewater Party’s group leader, Rhodri Vance, said the administration had “spent the summer pretending the storm wasn’t coming”.',
  'Council tax is expected to rise by the most the council can charge without holding a local referendum. The council will hold [public consultation sessions](https://example.org/wrenshire/budget-2027) in Saltmarsh, Lindwick and Netherby in November.',
);

const councilBudgetGap: DemoArticle = {
  slug: 'council-budget-gap',
  externalId: 'cms-1043',
  canonicalUrl: 'https://www.saltmarshcourier.example/politics/2026/oct/23/council-budget-gap',
  section: 'Politics',
  byline: 'Hannah Quist',
  status: 'published',
  firstPublishedAt: '2026-10-23T17:00:00Z',
  versions: [
    {
      headline: 'Council faces £4.2m gap as care costs climb',
      standfirst: 'Wrenshire County Council says it may have to draw on its reserves for a third year running.',
      body: budgetV1,
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
      wording: 'We said the council faces a budget gap of £4.2m next year. The figure in the finance director’s report is £2.4m.',
      claims: [{ version: 1, exact: 'a budget gap of £4.2m' }],
      status: 'withdrawn',
      draftedHoursAfterFirst: 4,
      publishedHoursAfterFirst: 14,
      taxonomy: { errorType: 'number', errorCause: 'editing', foundBy: 'reader' },
      withdrawnReason:
        'The original figure was right; we withdrew this correction after checking the council’s published budget papers, which give the gap as £4.2m.',
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Business: the cannery (one correction amending two claims in the same new version)

const canneryParagraphs = [
  'Merrow Quay Foods, Saltmarsh’s largest private employer, is to cut 140 jobs at its harbourside cannery after two poor sardine seasons and a sharp rise in energy costs.',
  'The company told staff on Thursday morning that it would begin a 30-day consultation on closing one of its three canning lines and reducing its night shift. About 410 people work at the site, which has run without a break since it opened in 1962.',
  'In a statement, the managing director, Colm Prideaux, said the decision had been “the hardest this business has had to take in a generation”. He said landings of sardines at Saltmarsh had fallen by 40 per cent over two years, while the cannery’s electricity bill had doubled.',
  '“We are not leaving Saltmarsh,” Prideaux said. “But we cannot run three lines for a catch that fills two.”',
  'Staff leaving the morning shift described the news as a shock. One line supervisor, who has worked at the cannery for 22 years, said workers had heard rumours over the summer but had been told at a meeting in August that their jobs were safe.',
  'The cuts will fall hardest on the Harbourside and Netherby wards, where the cannery is one of the few employers offering year-round work. The town council’s economy lead, Councillor Nadia Brennock, said she would ask the company to guarantee that there would be no compulsory redundancies before Christmas.',
];
const canneryClosing =
  'The company said it would offer staff redeployment to its smokehouse at Lindwick, and that it expected some of the cuts to be met through voluntary redundancy.';
const canneryV1 = md(...canneryParagraphs, canneryClosing);
const canneryV2 = md(
  ...canneryParagraphs,
  'The Food and Maritime Workers’ Union, which represents about half of the site’s staff, said on Thursday afternoon that it would “fight every one of these job losses”. Its regional officer, Gwen Tallis, said the union had asked to see the company’s accounts and would hold a members’ meeting at the Seamen’s Institute on Monday.',
  canneryClosing,
);
const canneryV3 = swap(swap(canneryV2, 'a 30-day consultation', 'a 45-day consultation'), 'since it opened in 1962', 'since it opened in 1958');

const canneryJobs: DemoArticle = {
  slug: 'cannery-job-cuts',
  section: 'Business',
  byline: 'Kwame Asante-Lowe',
  status: 'published',
  firstPublishedAt: '2026-10-16T07:00:00Z',
  versions: [
    {
      headline: 'Merrow Quay cannery to cut 140 jobs as sardine catch falls',
      standfirst: 'The town’s largest private employer blames two poor seasons and rising energy costs.',
      body: canneryV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
    {
      headline: 'Merrow Quay cannery to cut 140 jobs as sardine catch falls',
      standfirst: 'The town’s largest private employer blames two poor seasons and rising energy costs. The union says it will fight the cuts.',
      body: canneryV2,
      changeKind: 'update',
      note: 'Added the union’s response',
      hoursAfterFirst: 6,
      savedBy: PRIYA,
    },
    {
      headline: 'Merrow Quay cannery to cut 140 jobs as sardine catch falls',
      standfirst: 'The town’s largest private employer blames two poor seasons and rising energy costs. The union says it will fight the cuts.',
      body: canneryV3,
      changeKind: 'correction',
      note: 'Corrected the length of the consultation and the year the cannery opened',
      hoursAfterFirst: 30,
      savedBy: MARGARET,
    },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'The consultation on the job losses will last 45 days, not 30 as we said, and the cannery opened in 1958, not 1962.',
      claims: [
        { version: 2, exact: 'a 30-day consultation', replacement: 'a 45-day consultation' },
        { version: 2, exact: 'since it opened in 1962', replacement: 'since it opened in 1958' },
      ],
      amendedInVersion: 3,
      status: 'published',
      publishedHoursAfterFirst: 30,
      taxonomy: { errorType: 'number', errorCause: 'reporting', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Business: the credit union (an update, as a notice)

const creditUnionV1 = md(
  'Saltmarsh is to have a high-street lender again. The Tamsey Credit Union will open a branch in the former bank building on Fore Street in January, eighteen months after the town’s last bank branch closed.',
  'The credit union, a not-for-profit co-operative owned by its 6,300 members, has run a part-time counter in the library since 2023. The new branch will open five days a week and offer savings accounts, small loans and help with household budgets.',
  'Its chief executive, Ngozi Carrow-Webb, said the closure of the last bank had hit older residents and small traders hardest. “We have people coming in with a carrier bag of coins from the weekend’s takings because there is nowhere else in town to pay them in,” she said. “That should not happen in a town of 14,000 people.”',
  'The building’s owner, the Fore Street Trust, has agreed a five-year lease at what it called a “community rent”. The trust’s chair, Bernard Aylott, said it had turned down two offers from bookmakers.',
  'Traders welcomed the news. The Saltmarsh Chamber of Trade said members had been driving to Lindwick, a 40-minute round trip, to bank their cash.',
  'The credit union said it expected to create four jobs and would recruit locally. It will hold an open evening at the library later this month for people who want to find out more about joining.',
);

const creditUnionBranch: DemoArticle = {
  slug: 'credit-union-fore-street-branch',
  section: 'Business',
  byline: 'Agnieszka Wróbel',
  status: 'published',
  firstPublishedAt: '2026-10-28T12:00:00Z',
  versions: [
    {
      headline: 'Credit union to open branch in former bank on Fore Street',
      standfirst: 'Saltmarsh will have a high-street lender again, eighteen months after the last bank closed.',
      body: creditUnionV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
  ],
  corrections: [
    {
      kind: 'update',
      mode: 'notice',
      wording: 'Since this article was published, the Tamsey Credit Union has said the branch will now open in March, because building work has been delayed.',
      claims: [{ version: 1, exact: 'will open a branch in the former bank building on Fore Street in January' }],
      status: 'published',
      publishedHoursAfterFirst: 52,
      taxonomy: { errorType: 'fact', errorCause: 'source', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Business: the pier café (an article still in draft)

const pierCafeV1 = md(
  'The owners of the Tideline Café on Saltmarsh pier have applied for a licence to stay open until midnight on Fridays and Saturdays between May and September.',
  'The café, which opened in the old pier ticket office in 2022, currently closes at 8pm. Its owners, the sisters Mina and Roya Haddadi, said summer visitors had repeatedly asked for somewhere to eat on the seafront after the town’s restaurants had stopped serving.',
  '“On a warm July evening the pier is the best place in Saltmarsh, and it is empty,” said Mina Haddadi. “We want people to be able to sit out with a plate of chips and watch the light go.”',
  'The application asks permission to sell beer and wine with food until 11.30pm, with last orders half an hour before closing. The sisters have offered to employ a door supervisor on busy nights and to close the pier’s end deck at 10pm.',
  'The nearest neighbours, in the flats on Harbour Terrace, have until 9 December to comment. One resident, who did not want to be named, said he was “not against it in principle” but worried about noise carrying across the water.',
  'The council’s licensing subcommittee is expected to decide the application in January. (TK: confirm the hearing date with the licensing office before this runs.)',
);

const pierCafeLicence: DemoArticle = {
  slug: 'pier-cafe-late-licence',
  externalId: 'cms-1045',
  section: 'Business',
  byline: 'Agnieszka Wróbel',
  status: 'draft',
  firstPublishedAt: '2026-11-18T15:00:00Z',
  versions: [
    {
      headline: 'Pier café applies to stay open until midnight',
      standfirst: 'The owners of the Tideline Café want to serve food and drink late on summer weekends.',
      body: pierCafeV1,
      changeKind: 'first_publication',
      note: 'First draft',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
  ],
  corrections: [],
};

// ---------------------------------------------------------------------------------------------
// Local: the harbour wall (a typo fixed as a minor edit, then a misspelled name corrected)

const NAME_WRONG = 'Ólafsdottir';
const NAME_RIGHT = 'Ólafsdóttir';

const harbourWallV1 = md(
  'West Quay will close to vehicles and pedestrians for six weeks from Monday while engineers repair a crack in the harbour wall that opened during last month’s storm.',
  'The 20-metre fissure runs along the seaward face of the wall below the old fish market. It was found during a routine inspection on 2 October, two days after gusts of 70mph and a high spring tide pushed waves over the quay for the first time in eight years.',
  `The council’s structural engineer, Sigrún ${NAME_WRONG}, said the wall was not in danger of collapse but that the crack would widen quickly if it was left through the winter. “Salt water gets in, freezes, and levers the stone apart,” she told a meeting of the harbour committee. “If we do nothing, the repair we are doing now for £260,000 becomes a rebuild costing several million.”`,
  'Contractors will pump grout into the crack and pin a new concrete apron to the foot of the wall at low tide. Because the work can only be done when the tide is out, crews will work in shifts that start about an hour later each day.',
  'The closure means the Thursday fish market will move to the car park at East Quay, and the three charter boats that use West Quay will be given temporary moorings in the inner harbour. The council said it would provide temporary accomodation for the contractors’ equipment in the old lifeboat shed.',
  'Traders were broadly supportive but asked for clearer signs. “Half my customers will walk to West Quay, find a fence and go home,” said Jess Talwar, who runs the coffee hatch by the slipway. “Put a sign on the fence telling them where we’ve gone.”',
  'The council has published a [map of the diversion](https://example.org/saltmarsh/west-quay-closure) and says the quay should reopen before Christmas.',
);
const harbourWallV2 = swap(harbourWallV1, 'accomodation', 'accommodation');
const harbourWallV3 = swap(harbourWallV2, NAME_WRONG, NAME_RIGHT);

const harbourWallRepairs: DemoArticle = {
  slug: 'harbour-wall-repairs',
  section: 'Local',
  byline: 'Niamh Garvey',
  status: 'published',
  firstPublishedAt: '2026-10-20T09:30:00Z',
  versions: [
    {
      headline: 'Harbour wall repairs to close West Quay for six weeks',
      standfirst: 'Engineers found a 20-metre crack in the sea wall after last month’s storm.',
      body: harbourWallV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
    {
      headline: 'Harbour wall repairs to close West Quay for six weeks',
      standfirst: 'Engineers found a 20-metre crack in the sea wall after last month’s storm.',
      body: harbourWallV2,
      changeKind: 'minor_edit',
      note: 'Typo: “accommodation”',
      hoursAfterFirst: 2,
      savedBy: TOMAS,
    },
    {
      headline: 'Harbour wall repairs to close West Quay for six weeks',
      standfirst: 'Engineers found a 20-metre crack in the sea wall after last month’s storm.',
      body: harbourWallV3,
      changeKind: 'correction',
      note: 'Corrected the spelling of the engineer’s name',
      hoursAfterFirst: 47,
      savedBy: HAMISH,
    },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'An earlier version of this article misspelled the name of the council’s structural engineer, Sigrún Ólafsdóttir.',
      claims: [{ version: 2, exact: NAME_WRONG, replacement: NAME_RIGHT }],
      amendedInVersion: 3,
      status: 'published',
      // Drafted when the engineer's email came in.
      draftedHoursAfterFirst: 27.5,
      publishedHoursAfterFirst: 47,
      taxonomy: { errorType: 'name', errorCause: 'production', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Local: the lifeboat appeal (an editor's note)

const lifeboatParagraphs = [
  'An appeal to replace Saltmarsh’s 90-year-old lifeboat boathouse has passed the halfway mark, with £96,400 raised towards the £180,000 the station needs by next summer.',
  'The boathouse on the north side of the harbour was built in 1936 for a rowing lifeboat and has been extended three times since. Its slipway is now too short for the station’s inshore boat to launch at the lowest tides, forcing crews to use the public slipway at East Quay instead.',
  '“At low water on a spring tide we lose four or five minutes getting the boat down to the water,” said the station’s operations manager, Gethin Moss. “Four or five minutes is a long time if you’re in the water off Crab Hole.”',
  'The appeal has been driven by small donations. A sponsored swim across the harbour in June raised £11,200, and a Saturday bake sale outside the Corn Exchange has become a fixture of the town’s weekends. Pupils at Fore Street Primary raised £640 by walking the length of the sea wall 40 times.',
  '“People in this town have all got a story about the lifeboat,” said one volunteer, who asked not to be named. “Somebody’s granddad, somebody’s boat, somebody’s dog off the rocks. That’s why the money keeps coming.”',
  'The station hopes to start building in April, once planning permission has been granted. Plans submitted to the council show a timber-clad boathouse with a longer slipway, a changing room and a small training room.',
];
const lifeboatDonations = 'Donations can be made at the station or [through the appeal’s page](https://example.org/saltmarsh-lifeboat/appeal).';
const lifeboatV1 = md(...lifeboatParagraphs, lifeboatDonations);
const lifeboatV2 = md(
  ...lifeboatParagraphs,
  'The council’s planning committee will consider the application on 19 November. Officers have recommended that it be approved.',
  lifeboatDonations,
);

const lifeboatAppeal: DemoArticle = {
  slug: 'lifeboat-boathouse-appeal',
  section: 'Local',
  byline: 'Bethan Crowe',
  status: 'published',
  firstPublishedAt: '2026-10-26T08:15:00Z',
  versions: [
    {
      headline: 'Lifeboat station appeal passes halfway mark',
      standfirst: 'Volunteers have raised £96,400 towards a new boathouse in nine months.',
      body: lifeboatV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
    {
      headline: 'Lifeboat station appeal passes halfway mark',
      standfirst: 'Volunteers have raised £96,400 towards a new boathouse in nine months.',
      body: lifeboatV2,
      changeKind: 'update',
      note: 'Added the planning committee date',
      hoursAfterFirst: 30,
      savedBy: PRIYA,
    },
  ],
  corrections: [
    {
      kind: 'editors_note',
      mode: 'notice',
      wording: 'The volunteer quoted anonymously in this article is a member of the Courier’s staff. We should have said so when the article was published.',
      claims: [{ version: 1, exact: 'said one volunteer, who asked not to be named' }],
      status: 'published',
      publishedHoursAfterFirst: 5,
      taxonomy: { errorType: 'omission', errorCause: 'editing', foundBy: 'staff' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Local: the school roof (a correction still in draft)

const schoolRoofV1 = md(
  'More than 300 pupils at Fore Street Primary School will be taught in the parish church hall and the town library from Wednesday after engineers found that part of the school’s roof was unsafe.',
  'The problem was found during a survey ordered after the county council identified Fore Street as one of 14 schools in Wrenshire built with lightweight concrete panels in the 1960s. Engineers found that three panels above the hall and two classrooms had cracked and were holding water.',
  'The headteacher, Catrin Ashdown-Reyes, wrote to parents on Monday evening. “I know this is unsettling, and I am sorry for the short notice,” she said. “The engineers were clear that we could not keep children under that part of the roof, and I was not prepared to wait.”',
  'The school, which has 312 pupils, will split its year groups across the two sites. Reception and Year 1 will stay in the undamaged wing of the school building. Years 2 to 6 will be taught in the church hall and the library’s upstairs room, with a walking bus from the school gates each morning.',
  'Parents at the gates on Tuesday morning were mostly sympathetic but worried about how long the arrangement would last. “They’re saying weeks, but nobody has said how many,” said Lorna Vickery, whose two children are in Years 3 and 5.',
  'The county council said it had asked contractors to prop the damaged panels this week and would set out a timetable for replacing them “as soon as the engineers have finished their work”. It said the cost would be met from its schools maintenance budget.',
);
const schoolRoofV2 = md(
  schoolRoofV1,
  'In a statement on Tuesday afternoon, the council’s cabinet member for education, Councillor Afua Brightmore, said the other 13 schools on its list had now been inspected and none had shown the same damage.',
);

const schoolRoof: DemoArticle = {
  slug: 'fore-street-school-roof',
  section: 'Local',
  byline: 'Luca Ferrand',
  status: 'published',
  firstPublishedAt: '2026-11-10T07:00:00Z',
  versions: [
    {
      headline: 'Pupils moved as Fore Street school roof fails inspection',
      standfirst: 'Classes will be taught in the church hall and the library while repairs are made.',
      body: schoolRoofV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
    {
      headline: 'Pupils moved as Fore Street school roof fails inspection',
      standfirst: 'Classes will be taught in the church hall and the library while repairs are made.',
      body: schoolRoofV2,
      changeKind: 'update',
      note: 'Added the council’s statement on the other 13 schools',
      hoursAfterFirst: 6,
      savedBy: PRIYA,
    },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'amend',
      wording: 'The school has 321 pupils, not 312 as we said.',
      claims: [{ version: 2, exact: '312 pupils', replacement: '321 pupils' }],
      status: 'draft',
      // Opened from a reader's report; the cause is not known yet.
      draftedHoursAfterFirst: 38,
      taxonomy: { errorType: 'number', foundBy: 'reader' },
      draftedBy: TOMAS,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Local: the Netherby bus (a figure from the petition, corrected as a notice)

const busRouteV1 = md(
  'The number 7 bus between Saltmarsh and Netherby will run once an hour instead of every half-hour from January, and its last evening trip will leave the bus station at 7.10pm rather than 10.40pm, its operator has said.',
  'Estuary Coaches said passenger numbers on the route had not recovered since 2020 and that it could no longer run the service without a bigger subsidy from the county council. The council said it had offered to keep its contribution at this year’s level but could not increase it.',
  'The changes will leave Netherby, a village of about 2,600 people, without an evening bus for the first time in living memory. Campaigners said they would hit younger people, older residents who no longer drive, and shift workers at the Merrow Quay cannery, whose late shift ends at 10pm.',
  '“My daughter finishes work at ten. After January, how does she get home?” asked Zoë Harcourt-Bligh, who has organised a petition that had gathered 870 signatures by Friday. “A taxi is £14. On her wages that is an hour and a half of work, every night.”',
  'Estuary Coaches’ operations director, Vikram Ledbetter, said the company understood the frustration. “Nobody goes into this business to take buses away,” he said. “But an evening bus that carries four people is not something we can run on goodwill.”',
  'The county council’s transport committee will discuss the route at its meeting on 3 December. The petition will be presented to councillors before then.',
);

const busRoute: DemoArticle = {
  slug: 'netherby-bus-cuts',
  section: 'Local',
  byline: 'Niamh Garvey',
  status: 'published',
  firstPublishedAt: '2026-11-13T12:30:00Z',
  versions: [
    {
      headline: 'Netherby bus to run hourly as operator cuts evening trips',
      standfirst: 'Passengers say the change will leave shift workers without a way home.',
      body: busRouteV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
  ],
  corrections: [
    {
      kind: 'correction',
      mode: 'notice',
      wording: 'The petition had gathered 780 signatures by Friday, not 870 as we said.',
      claims: [{ version: 1, exact: '870 signatures' }],
      status: 'published',
      draftedHoursAfterFirst: 8.5,
      publishedHoursAfterFirst: 21.5,
      taxonomy: { errorType: 'number', errorCause: 'reporting', foundBy: 'subject' },
      draftedBy: PRIYA,
      publishedBy: HAMISH,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Sport: the Tamsey Head (a typo fixed as a minor edit)

const regattaV1 = md(
  'Saltmarsh Rowing Club’s first eight won the Tamsey Head on Sunday, beating the holders, Carrow Amateur Boat Club, by four seconds over the 5,800-metre course from Lindwick Bridge to the harbour mouth.',
  'It was the club’s third attempt at the title in as many years, and the first time a Saltmarsh crew has won the event since it was revivied in 2011. The crew finished in 17 minutes 52 seconds, on a falling tide and into a stiff south-westerly that turned the final kilometre into what the stroke, Freya Lindqvist-Hart, called “a washing machine”.',
  'Carrow, who had won the previous two heads, led at the halfway marker by two seconds. The Saltmarsh cox, Aled Prys, said he had saved the crew’s push for the stretch past the lifeboat station, where the estuary narrows and the water flattens out. “We’d rehearsed it a hundred times on the rowing machines,” he said. “The boat just lifted.”',
  'The race drew 64 crews from across the region, the largest entry in the event’s history. Organisers said the women’s eights race, won by Lindwick Rowing Club, had its biggest field yet.',
  'The club’s head coach, Maura Teesdale, said the win had been built over three winters of early mornings. “This is a crew that came up through our junior squad together,” she said. “Four of them learned to row here as twelve-year-olds. That’s the part I’m proudest of.”',
  'Saltmarsh will defend the title next October. Before then the crew is entered in the county championships in March.',
);
const regattaV2 = swap(regattaV1, 'revivied', 'revived');

const tamseyHead: DemoArticle = {
  slug: 'tamsey-head-saltmarsh-eight',
  section: 'Sport',
  byline: 'Søren Achterberg',
  status: 'published',
  firstPublishedAt: '2026-10-11T17:45:00Z',
  versions: [
    {
      headline: 'Saltmarsh eight win the Tamsey Head at the third attempt',
      standfirst: 'A crew who learned to row together as juniors beat the holders from Carrow by four seconds.',
      body: regattaV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
    {
      headline: 'Saltmarsh eight win the Tamsey Head at the third attempt',
      standfirst: 'A crew who learned to row together as juniors beat the holders from Carrow by four seconds.',
      body: regattaV2,
      changeKind: 'minor_edit',
      note: 'Typo: “revived”',
      hoursAfterFirst: 1.5,
      savedBy: TOMAS,
    },
  ],
  corrections: [],
};

// ---------------------------------------------------------------------------------------------
// Sport: the county cup (a match report updated through the evening)

const roversOpening = [
  'Saltmarsh Rovers are into the semi-finals of the Wrenshire Senior Cup for the first time in 31 years after a 2–1 win over Carrow Athletic at a packed Marsh Lane on Saturday.',
  'A crowd of 1,140, the ground’s biggest since its main stand was rebuilt, saw the home side come from behind. Carrow took the lead after 19 minutes when Tobiah Reece headed in a corner that the Rovers goalkeeeper, Kit Abernethy, had come for and missed.',
  'Rovers were level before half-time. Their captain, Ruairí Dunne, won the ball in midfield and played in Marcus Fenn, who finished low past the keeper from the edge of the area.',
  'The winner came with nine minutes left. The substitute Josh Penberthy, 18, who stepped up from the club’s under-18s only last month, turned his marker on the touchline and crossed for Fenn to score his second at the far post.',
  'Carrow pressed hard in the closing minutes, and Abernethy made amends for his early error with a diving save from Reece in stoppage time.',
];
const roversHistory =
  'Rovers, who are fourth in the Wrenshire Combination League, last reached the last four of the county cup in 1995, when they lost the final to Lindwick Town.';
const roversManager =
  'The Rovers manager, Shona Pritchard, said the result belonged to the town. “We had people on the fence at the river end who I haven’t seen at a game in years,” she said. “The lads felt that. You could hear it every time we went forward.”';
const roversDraw =
  'The semi-final draw, made on Saturday evening, sends Rovers away to Lindwick Town, the side that beat them in that 1995 final. The tie will be played on 5 December. The club’s reply on social media was brief: “Lindwick away. Of course it is 💙”';
const roversV1 = md(...roversOpening, roversHistory);
const roversV2 = md(...roversOpening, roversManager, roversHistory);
const roversV3 = md(...roversOpening, roversManager, roversHistory, roversDraw);
const roversV4 = swap(roversV3, 'goalkeeeper', 'goalkeeper');

const roversCupRun: DemoArticle = {
  slug: 'rovers-reach-cup-semi-finals',
  section: 'Sport',
  byline: 'Dan Okoro-Pike',
  status: 'published',
  firstPublishedAt: '2026-11-07T17:10:00Z',
  versions: [
    {
      headline: 'Rovers beat Carrow to reach Wrenshire Cup semi-finals',
      standfirst: 'A late winner from Marcus Fenn sends Saltmarsh into the last four for the first time in 31 years.',
      body: roversV1,
      changeKind: 'first_publication',
      note: 'Full-time report',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
    {
      headline: 'Fenn double sends Rovers into the Wrenshire Cup semi-finals',
      standfirst: 'A late winner from Marcus Fenn sends Saltmarsh into the last four for the first time in 31 years.',
      body: roversV2,
      changeKind: 'update',
      note: 'Added the manager’s reaction; new headline',
      hoursAfterFirst: 0.75,
      savedBy: PRIYA,
    },
    {
      headline: 'Fenn double sends Rovers into the Wrenshire Cup semi-finals',
      standfirst: 'A late winner from Marcus Fenn sends Saltmarsh into the last four for the first time in 31 years.',
      body: roversV3,
      changeKind: 'update',
      note: 'Added the semi-final draw',
      hoursAfterFirst: 2,
      savedBy: TOMAS,
    },
    {
      headline: 'Fenn double sends Rovers into the Wrenshire Cup semi-finals',
      standfirst: 'A late winner from Marcus Fenn sends Saltmarsh into the last four for the first time in 31 years.',
      body: roversV4,
      changeKind: 'minor_edit',
      note: 'Typo: “goalkeeper”',
      hoursAfterFirst: 3,
      savedBy: TOMAS,
    },
  ],
  corrections: [],
};

// ---------------------------------------------------------------------------------------------
// Culture: the festival (a clarification, as a notice)

const festivalV1 = md(
  'The Tamsey Estuary Festival will open next July with a night of brass bands on Gull Sands and close with a massed choir of 300 voices on the harbour steps, its organisers announced on Tuesday.',
  'The headliners for the three-day festival include the folk singer Maren Øverby, who last played Saltmarsh in 2019, and the Netherby Colliery Band, which is celebrating its 150th year. The Corn Exchange will host a programme of talks, including an evening with the novelist Teodor Quaile, whose book about the great flood of 1953 found a wide readership this spring.',
  'Organisers said demand had been strong since the first names leaked on social media last week, and that tickets for the opening night have sold out.',
  '“We wanted the festival to sound like the town,” said the festival director, Amara Ellory. “Brass, choirs, fiddles in the pubs. It is not meant to be a line-up you could pick up and drop anywhere else.”',
  '## A bigger site',
  'For the first time, the festival will use the whole of the Gull Sands car park as well as the beach, making room for another 2,000 people each day. The harbour board has agreed to close the car park to traffic from the Thursday afternoon until the Monday after the festival.',
  'Some residents of Beach Road have asked for the final night to end earlier than last year’s 11pm. Ellory said the festival would meet them before it submits its licence application next month.',
  'Full details are on the [festival’s website](https://example.org/tamsey-festival). Weekend tickets cost £95, and children under 12 go free.',
);

const festivalLineup: DemoArticle = {
  slug: 'estuary-festival-headliners',
  section: 'Culture',
  byline: 'Zoë Marchetti',
  status: 'published',
  firstPublishedAt: '2026-10-14T10:00:00Z',
  versions: [
    {
      headline: 'Estuary festival names its headliners for next summer',
      standfirst: 'The three-day festival on Gull Sands will open with a night of brass and close with a choir of 300 voices.',
      body: festivalV1,
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
      wording:
        'We said tickets for the festival’s opening night had sold out. Seated tickets for the opening night have sold out; standing tickets are still on sale.',
      claims: [{ version: 1, exact: 'tickets for the opening night have sold out' }],
      status: 'published',
      draftedHoursAfterFirst: 24,
      publishedHoursAfterFirst: 50,
      taxonomy: { errorType: 'fact', errorCause: 'reporting', foundBy: 'reader' },
      draftedBy: PRIYA,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Culture: the exhibition review (a typo fixed, then the run extended)

const reviewV1 = md(
  'There is a moment, about a third of the way round *Low Water*, when you realise that Ásta Vennmark has been painting the same stretch of mud for eleven years.',
  'The exhibition at the Ropewalk Gallery brings together 38 paintings and, on a seperate wall, dozens of small pencil studies, all made on the flats below Netherby Point. Hung in the order they were made, they begin with careful, almost map-like views of channels and broken posts, and end somewhere close to abstraction: fields of grey-green and ochre, split by a single line of light.',
  'Vennmark, who moved to Saltmarsh from the far north of Norway in 2014, paints outdoors in all weathers. Several canvases carry the evidence: a rime of dried salt, a grain of sand caught in the varnish. She has said that she stops when the tide turns, “because then the picture is over whether I like it or not”.',
  'The best room is the second, where five large canvases from the winter of 2022 hang together. They are the darkest works here and the most alive. In *February, Ebb* a heron is reduced to three strokes of the brush, yet you could not mistake it for anything else.',
  'If the show has a weakness it is the final room, where the recent, larger works begin to repeat themselves. The colour is as fine as ever, but the paintings lose the friction (weather, tide, the hurry of failing light) that makes the earlier ones so urgent.',
  'Still, this is the most absorbing exhibition the Ropewalk has staged since it reopened, and a reminder that the estuary on the town’s doorstep is as strange and beautiful as any landscape in the country. Go at low water, then walk down to the Point and look again.',
  '*Low Water* is at the Ropewalk Gallery, Quay Street, until 6 December. Entry is free.',
);
const reviewV2 = swap(reviewV1, 'seperate', 'separate');
const reviewV3 = swap(reviewV2, 'until 6 December. Entry is free.', 'until 10 January, after the gallery extended its run. Entry is free.');

const galleryReview: DemoArticle = {
  slug: 'review-low-water-ropewalk-gallery',
  section: 'Culture',
  byline: 'Hélène Castellan',
  status: 'published',
  firstPublishedAt: '2026-10-30T16:00:00Z',
  versions: [
    {
      headline: 'Review: Low Water, at the Ropewalk Gallery',
      standfirst: 'Ásta Vennmark’s estuary paintings reward slow looking, and a second visit.',
      body: reviewV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
    {
      headline: 'Review: Low Water, at the Ropewalk Gallery',
      standfirst: 'Ásta Vennmark’s estuary paintings reward slow looking, and a second visit.',
      body: reviewV2,
      changeKind: 'minor_edit',
      note: 'Typo: “separate”',
      hoursAfterFirst: 3,
      savedBy: TOMAS,
    },
    {
      headline: 'Review: Low Water, at the Ropewalk Gallery',
      standfirst: 'Ásta Vennmark’s estuary paintings reward slow looking, and a second visit.',
      body: reviewV3,
      changeKind: 'update',
      note: 'The exhibition has been extended to 10 January',
      hoursAfterFirst: 190,
      savedBy: PRIYA,
    },
  ],
  corrections: [],
};

// ---------------------------------------------------------------------------------------------
// Science: the seagrass survey (updated, then a typo fixed)

const seagrassParagraphs = [
  'Seagrass meadows in the Tamsey estuary have more than doubled in area in five years, according to a survey by volunteer divers that will be presented to the harbour board next month.',
  'The survey mapped 41 hectares of seagrass between Gull Sands and the harbour mouth this summer, against 19 hectares when the same stretch was last mapped in 2021. Some of the new growth is on mud flats that divers described as “completely bare” five years ago.',
  'The work was led by the Tamsey Estuary Trust, whose volunteers logged more than 600 dives between May and September. Its science officer, Dr Leif Amundsen-Crane, said the recovery was “one of the most hopeful things I have seen in twenty years of diving this coast”.',
  '## What the divers found',
  'The survey’s main findings are:',
  [
    '- the largest single meadow, off Crab Hole, now covers about 12 hectars;',
    '- seahorses were recorded at four sites, the first confirmed sightings in the estuary since 2009;',
    '- the meadows were thinnest near moorings, where chains drag across the seabed at low water.',
  ].join('\n'),
  'Seagrass shelters young fish, steadies the seabed and stores carbon in the mud beneath it. Meadows around much of the coast were lost in the last century to disease, dredging and pollution.',
  'Amundsen-Crane said the trust would ask the harbour board to trial “eco-moorings”, which hold their chains clear of the seabed, in the outer harbour next year. “The grass is coming back on its own,” he said. “Our job is mostly to stop scraping it off.”',
];
const seagrassReport = 'The trust’s [survey report](https://example.org/tamsey-trust/seagrass-2026) is available online.';
const seagrassV1 = md(...seagrassParagraphs, seagrassReport);
const seagrassV2 = md(
  ...seagrassParagraphs,
  'The harbour board’s chief executive, Hollis Ferrier, said on Friday that the board would “look favourably” on a trial and could fit the first eco-moorings in the spring, if the trust can raise the money.',
  seagrassReport,
);
const seagrassV3 = swap(seagrassV2, 'hectars', 'hectares');

const seagrassSurvey: DemoArticle = {
  slug: 'estuary-seagrass-survey',
  section: 'Science',
  byline: 'Rosalind Teague',
  status: 'published',
  firstPublishedAt: '2026-10-22T11:00:00Z',
  versions: [
    {
      headline: 'Estuary seagrass has doubled in five years, divers find',
      standfirst: 'A volunteer survey counted meadows off Gull Sands where there was bare mud in 2021.',
      body: seagrassV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: PRIYA,
    },
    {
      headline: 'Estuary seagrass has doubled in five years, divers find',
      standfirst: 'A volunteer survey counted meadows off Gull Sands where there was bare mud in 2021.',
      body: seagrassV2,
      changeKind: 'update',
      note: 'Added the harbour board’s response',
      hoursAfterFirst: 26,
      savedBy: PRIYA,
    },
    {
      headline: 'Estuary seagrass has doubled in five years, divers find',
      standfirst: 'A volunteer survey counted meadows off Gull Sands where there was bare mud in 2021.',
      body: seagrassV3,
      changeKind: 'minor_edit',
      note: 'Typo: “hectares”',
      hoursAfterFirst: 27.5,
      savedBy: TOMAS,
    },
  ],
  corrections: [],
};

// ---------------------------------------------------------------------------------------------
// Science: the algae study (a withdrawn article, with its retraction)

const algaeParagraphs = [
  'A green algae bloom that closed two Tamsey estuary beaches in August was fed by drainage from the new housing estate at Upper Netherby, according to a study published this week by researchers at the Wrenshire Coastal Institute.',
  'The study, which has not yet been reviewed by other scientists, compared water samples taken from the Netherby Brook before and after the first 200 homes on the Kestle Homes site were occupied. It reports nitrate levels in the brook more than three times higher in the second set of samples, and concludes that the bloom was caused by drainage from the new estate.',
  '“The timing is very hard to ignore,” said Dr Orla Venning, the study’s lead author. “The brook carries whatever comes off that hillside straight into the shallows at Gull Sands, and the shallows are exactly where the bloom began.”',
  'Residents who campaigned against the development said the findings proved their warnings right. Peter Lusk, chair of the Netherby Valley Society, said the group had written to the county council four times about the estate’s drainage plans. “We were told the ponds would cope. The evidence now says otherwise.”',
  'The beaches at Gull Sands and Crab Hole were closed for eleven days at the height of the summer holidays after several dogs became ill, and the harbour board spent £38,000 clearing rotting weed from the slipways.',
  'Kestle Homes said it had not seen the study and could not comment on its methods. The county council said its drainage engineers would “look carefully” at the findings.',
];
const algaeLink = 'The institute has published a [summary of the study](https://example.org/wci/netherby-brook-2026) on its website.';
const algaeV1 = md(...algaeParagraphs, algaeLink);
const algaeV2 = md(
  ...algaeParagraphs,
  'In a statement on Friday afternoon, Kestle Homes said the estate’s drainage had been inspected and approved in July, and that its own monitoring “shows no discharge of the kind described”. It said it had asked the institute for the study’s raw data.',
  algaeLink,
);

const algaeStudy: DemoArticle = {
  slug: 'netherby-algae-study',
  externalId: 'cms-1044',
  canonicalUrl: 'https://www.saltmarshcourier.example/science/2026/oct/09/netherby-algae-study',
  section: 'Science',
  byline: 'Marcus Eld',
  status: 'withdrawn',
  firstPublishedAt: '2026-10-09T08:00:00Z',
  versions: [
    {
      headline: 'Study links Tamsey algae bloom to drainage from new estate',
      standfirst: 'Researchers say run-off from the Upper Netherby development fed the green tide that closed two beaches in August.',
      body: algaeV1,
      changeKind: 'first_publication',
      note: 'First publication',
      hoursAfterFirst: 0,
      savedBy: TOMAS,
    },
    {
      headline: 'Study links Tamsey algae bloom to drainage from new estate',
      standfirst: 'Researchers say run-off from the Upper Netherby development fed the green tide that closed two beaches in August.',
      body: algaeV2,
      changeKind: 'update',
      note: 'Added the developer’s response',
      hoursAfterFirst: 9,
      savedBy: TOMAS,
    },
  ],
  corrections: [
    {
      kind: 'retraction',
      mode: 'notice',
      wording:
        'This article has been withdrawn. It reported a study linking an algae bloom in the Tamsey estuary to drainage from the Kestle Homes estate at Upper Netherby. The study’s authors have since withdrawn it after finding that water samples had been mislabelled, and its central claim cannot be supported. We should not have reported the conclusion of an unreviewed study as though it were established.',
      claims: [{ version: 2, exact: 'the bloom was caused by drainage from the new estate' }],
      status: 'published',
      // Drafted once the institute confirmed the study was withdrawn (the developer had complained through IPSO).
      draftedHoursAfterFirst: 48,
      publishedHoursAfterFirst: 72,
      taxonomy: { errorType: 'fact', errorCause: 'source', foundBy: 'subject' },
      draftedBy: TOMAS,
      publishedBy: MARGARET,
    },
  ],
};

// ---------------------------------------------------------------------------------------------

export const demoNewsroom: DemoNewsroom = {
  // The demo is set just before this moment: open cases are overdue or due soon against it.
  now: '2026-11-20T00:00:00Z',
  settings: {
    publication: 'The Saltmarsh Courier',
    columnName: 'For the Record',
    contactLine: `Write to the readers’ editor at readers@${DOMAIN} or at The Saltmarsh Courier, Ropewalk House, Quay Street, Saltmarsh.`,
    timeZone: 'Europe/London',
    locale: 'en-GB',
    readersEditorEmail: `readers@${DOMAIN}`,
  },
  users: [
    { email: PRIYA, name: 'Priya Raman', role: 'editor' },
    { email: TOMAS, name: 'Tomás Quinlan', role: 'editor' },
    { email: MARGARET, name: 'Margaret Oyelaran', role: 'standards' },
    { email: HAMISH, name: 'Hamish Dunmore', role: 'standards' },
    { email: DAFYDD, name: 'Dafydd Rhys', role: 'admin' },
  ],
  // Oldest first: the order they are seeded in.
  articles: [
    beachHutRents,
    seaSwim,
    secondHomesLevy,
    stormPetrels,
    boatyardFerryOrder,
    floodGatesTest,
    cinemaReopens,
    algaeStudy,
    tamseyHead,
    festivalLineup,
    canneryJobs,
    harbourWallRepairs,
    seagrassSurvey,
    councilBudgetGap,
    lifeboatAppeal,
    creditUnionBranch,
    galleryReview,
    localElectionsResults,
    countyCouncilCount,
    roversCupRun,
    allotmentWaitingList,
    schoolRoof,
    busRoute,
    tidalLagoon,
    pierCafeLicence,
  ],
  cases: demoCases,
};
