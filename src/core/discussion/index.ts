// The discussion's public API for the doors (adapters, delivery, scheduler, dashboard, cards).

export type { FetchPort } from './ask-model';
export { AUTO_LINK_THRESHOLD, type RankedAmbition } from './classifier';
export { type CommunityDigest, DIGEST_KIND, type DigestPayload, type DueDigest } from './digests';
export type { RenderOptions } from './labels';
export { llmSummariser } from './llm';
export { keyPointLine, summaryMarkdown } from './markdown';
export { type MemberDataExport, memberDataJson } from './personal-data';
export type { DiscussionSettings, MessageRef } from './ports';
export type { MessageAddress, RecordMessageInput } from './record';
export type { SectorReport } from './report';
export { REPORT_FORMATS, type ReportFormat } from './report-formats';
export { extractiveSummariser, type Summariser, withFallback } from './summariser';
export type { AmbitionSummary, KeyPoint, OpenQuestion, SourceRef, SummaryRequest } from './summary';
