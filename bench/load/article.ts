/**
 * A news-sized article (about 5 KB) written for the load test: quotes, numbers, named sources, loaded
 * words and a short myth/fact passage, so most detector families have work to do. `variant(n)` appends a
 * unique sentence, so every request is a different document (no cache could answer it).
 */
const PARAGRAPHS = [
  'Harbour expansion divides the coast as council prepares final vote',
  'The regional council will vote on Thursday on the expansion of the northern harbour, a project that has split fishing towns, shipping companies and environmental groups for more than two years. Supporters say the new quay would bring 1,200 jobs and double the cargo handled by the port by 2030. Opponents call it a reckless gamble with the bay.',
  '"This is the most important decision the council has taken in a generation," said the council leader, Maria Holm, at a press conference on Monday. "We have listened to every side, and we have changed the plans three times." She added that the final design moves the breakwater 400 metres east to protect the seagrass beds.',
  'Critics are not convinced. The Bay Alliance, a coalition of eleven local groups, says the so-called environmental assessment was written by consultants paid by the port authority. "They want us to believe that dredging two million cubic metres of sediment will change nothing. Everyone knows that is a fairy tale," said its spokesperson, Jonas Berg.',
  'According to the assessment published in March, turbidity in the bay would rise during construction but return to current levels within eighteen months. The environmental agency reviewed the document and asked for additional monitoring stations, which the port authority has agreed to fund.',
  'Myth: The harbour will poison the bay for decades.',
  'Fact: The agency found no lasting change in water quality in comparable projects, according to its 2023 review of six European ports.',
  'Fishing families are worried about something else: access. Boats from the old harbour would have to share a channel with container ships. "We were here first, and now we are told to wait in line like tourists," said Erik Lund, whose family has fished from the town for four generations.',
  'Shipping companies have pressed the council to decide quickly. A letter signed by the three largest operators warns that cargo could move to a competing port across the strait if the vote is delayed again. The port authority estimates that it lost 8 percent of its container traffic last year.',
  'The opposition in the council has demanded an independent review. Its leader accused the majority of rushing the vote "to please a handful of investors" and said the public had been kept in the dark. The majority rejects the charge and points to fourteen public hearings held since 2023.',
  'Residents of the coastal villages are divided. In a survey commissioned by the local newspaper, 46 percent of respondents supported the expansion, 41 percent opposed it and 13 percent were undecided. Support was highest among people under forty and lowest in the fishing towns.',
  'If the council approves the plan, construction would start next spring and last about three years. The European Investment Bank has said it is ready to lend up to half of the estimated cost of 310 million euros, provided the environmental conditions are met.',
  'The port authority insists the timetable is realistic. Its director, Anna Strand, told reporters that the contractors have already reserved dredging vessels for the spring and that any delay would add roughly 12 million euros a year to the cost. "Every month we wait, the project becomes more expensive for the taxpayer," she said.',
  'Environmental groups dispute those figures. They point to a report by the national audit office, published last autumn, which found that large port projects in the country ran on average 27 percent over budget and two years behind schedule. "Nobody is talking about that report," said Berg. "It is inconvenient for them."',
  'Scientists at the coastal research institute have tried to stay out of the political fight. In a statement, the institute said its measurements of seagrass cover and fish stocks would be published every six months during construction, whatever the council decides, and that all raw data would be made available online.',
  'Local businesses are watching closely. Hotel owners fear that construction noise will drive away summer visitors, while builders and transport firms expect new contracts. The chamber of commerce has asked the council to set up a compensation fund for shops along the harbour road, which would be closed for several months.',
  'On social media the tone has been harsher. Posts shared thousands of times claim that the council has already signed secret contracts, that the bay will be closed to swimmers for ten years, and that foreign investors will own the new quay. None of these claims appear in the published plans, and the council has put the full contract drafts on its website.',
  'Whatever the outcome, the debate has left marks. "People who have known each other all their lives no longer speak," said a teacher in one of the villages, who asked not to be named. "I hope that after Thursday we can find a way to live with the decision, whichever it is."',
];

export const ARTICLE = PARAGRAPHS.join('\n\n');

export function variant(n: number): string {
  return `${ARTICLE}\n\nReference ${n}.`;
}
