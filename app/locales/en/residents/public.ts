import type { Catalogue } from "../../catalogue";
import type * as source from "../../zh-CN/residents/public";

export const publicPage: Catalogue<typeof source.publicPage> = {
  // The page title names the compound in Chinese data; the English title stays in English.
  title: "Compound renovation notice",
  titleFallback: "Compound renovation notice",
  titleSuffix: " renovation notice",
  households_one: "{{count, number}} household",
  households_other: "{{count, number}} households",
  acceptanceTitle: "Acceptance on completion",
  acceptanceNone: "Not yet inspected for acceptance",
  acceptanceStatus: {
    open: "Being signed",
    passed: "Accepted",
    failed: "Not accepted",
    void: "Voided",
  },
  onDate: " ({{date}})",
  progressTitle: "Progress",
  progress: "{{total, number}} inspection lots, {{done, number}} accepted.",
  notStarted: "Inspection not started",
  allAccepted: "All accepted ({{count, number}})",
  someAccepted: "{{accepted, number}} of {{total, number}} accepted",
  defectsTitle: "Defect rectification",
  defects:
    "Inspections found {{found, number}} defects: {{rectified, number}} rectified, {{rectifying, number}} being rectified.",
  phasesTitle: "Schedule",
  ongoing: "ongoing",
  contractorsLabel: "Contractors: ",
  contact: ". For questions, please contact your street office (community).",
  planTitle: "Renovation plan",
  budget: "Budget estimate {{amount, number}} × 10,000 yuan; planned {{start}} to {{end}}.",
  planReviews:
    "Residents’ review: {{total, number}} households responded, {{agree, number}} agree.",
  reviewPlan: "Comment on the renovation plan",
  satisfactionTitle: "Satisfaction on completion",
  satisfaction:
    "{{total, number}} households rated the work: average {{average, number}} (out of 5), {{satisfied, number}} satisfied.",
  noSatisfaction: "No ratings yet.",
  buildingScore: "{{count, number}} households · average {{average, number}}",
  reviewWork: "Rate the finished work",
  opinionsTitle: "Residents’ opinions",
  repairsTitle: "Warranty repairs",
  noRepairs: "No repairs completed yet.",
  repaired: "Repaired",
  route: { contractor: "Contractor’s warranty", management: "Property / community repair" },
};

export const publicReview: Catalogue<typeof source.publicReview> = {
  pageTitle: "Residents’ review",
  topic: { plan: "Renovation plan review", work: "Satisfaction with the finished work" },
  intro:
    "Once per household, with the review code the community handed out. Please do not enter names, telephone numbers or other personal details; opinions are published after moderation by the community.",
  closedPlan: "The renovation plan has not been published yet; reviews are not open.",
  closedWork: "The works have not been accepted on completion yet; ratings are not open.",
  code: "Review code",
  codePlaceholder: "e.g. ABCDE-FGHJK",
  planOpinion: "Your view of the renovation plan",
  agree: "Agree",
  disagree: "Disagree",
  satisfaction: "Satisfaction",
  choose: "Please choose",
  score: "{{label}} ({{score, number}})",
  opinion: "Opinions and suggestions (optional, up to {{max, number}} characters)",
  honeypot: "Website (leave empty)",
  submit: "Submit",
  back: "Back to the compound notice",
  thanks: "Thank you, your opinion has been received!",
  received:
    "Thank you, your opinion has been received and will be published after moderation by the community!",
  validation: {
    topic: "Please choose what to review",
    codeRequired: "Please enter the review code the community gave you",
    codeWrong: "The review code is not correct",
    rating: "Please choose a rating",
    opinionTooLong: "The opinion is at most {{max, number}} characters",
  },
};
