import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { ZIdParams } from '../common.ts';
import { ZUuidParams } from '../jobs.ts';
import {
  ZSentimentAlertDetail, ZSentimentAlertList, ZSentimentAlertListQuery, ZSentimentAlertMove, ZSentimentAlertNote, ZSentimentList, ZSentimentListQuery,
  ZSentimentMap, ZSentimentPeriodQuery, ZSentimentReceipt, ZSentimentReport, ZSentimentReportInput, ZSentimentRule, ZSentimentRuleChange, ZSentimentRuleInput, ZSentimentRuleQuery, ZSentimentTable, ZSentimentTeam, ZSentimentTeamQuery, ZSentimentTopic,
} from './schemas.ts';

export * from './schemas.ts';

/** Public sentiment (tình hình nhân dân, dư luận xã hội; issue 14 item 3): reports, early-warning alerts, table and map. */
export const sentimentEndpoints = {
  listTopics: endpoint({
    method: 'GET',
    path: '/api/sentiment/topics',
    summary: 'The topics a report may name (configurable list), with those whose text is sensitive',
    response: z.array(ZSentimentTopic),
  }),
  listTeams: endpoint({
    method: 'GET',
    path: '/api/sentiment/teams',
    summary: 'The Tổ dân vận and Khối dân vận of a unit and its children in force today, in scope: who a report may name as its sender',
    query: ZSentimentTeamQuery,
    response: z.array(ZSentimentTeam),
  }),
  listRules: endpoint({
    method: 'GET',
    path: '/api/sentiment/rules',
    summary: 'Early-warning rules that apply to a province in scope (the national default and its own, each saying whether it is in force; a province with active rules of its own no longer has the national default); no province: every province in scope',
    query: ZSentimentRuleQuery,
    response: z.array(ZSentimentRule),
  }),
  createRule: endpoint({
    method: 'POST',
    path: '/api/sentiment/rules',
    summary: 'Add an early-warning rule of the own province (sentiment.configure); its first active rule replaces the national default there. Audited',
    body: ZSentimentRuleInput,
    response: ZSentimentRule,
  }),
  changeRule: endpoint({
    method: 'PATCH',
    path: '/api/sentiment/rules/:id',
    summary: 'Change or deactivate (active false) a rule of the own province from the version seen (409 when stale); a new version is kept, the alerts raised keep the version that raised them. Audited',
    params: ZIdParams,
    body: ZSentimentRuleChange,
    response: ZSentimentRule,
  }),
  createReport: endpoint({
    method: 'POST',
    path: '/api/sentiment/reports',
    summary: 'Send a report under a client-made UUIDv7 (a resend stores nothing new); evaluates the early-warning rules in the same transaction',
    body: ZSentimentReportInput,
    response: ZSentimentReceipt,
  }),
  listReports: endpoint({
    method: 'GET',
    path: '/api/sentiment/reports',
    summary: 'Reports of the units in scope, newest first, by unit subtree, topic, minimum severity and period; sensitive text only with the right (audited)',
    query: ZSentimentListQuery,
    response: ZSentimentList,
  }),
  getReport: endpoint({
    method: 'GET',
    path: '/api/sentiment/reports/:id',
    summary: 'One report; the text of a sensitive topic only with the right (each read audited)',
    params: ZUuidParams,
    response: ZSentimentReport,
  }),
  table: endpoint({
    method: 'GET',
    path: '/api/sentiment/table',
    summary: 'Reports over a period counted by commune × topic, with the high-severity count per commune',
    query: ZSentimentPeriodQuery,
    response: ZSentimentTable,
  }),
  map: endpoint({
    method: 'GET',
    path: '/api/sentiment/map',
    summary: 'Reports over a period as points rounded to 0.01° (grouped) and counts by commune, for the map',
    query: ZSentimentPeriodQuery,
    response: ZSentimentMap,
  }),
  listAlerts: endpoint({
    method: 'GET',
    path: '/api/sentiment/alerts',
    summary: 'Early-warning alerts of the communes in scope, open first',
    query: ZSentimentAlertListQuery,
    response: ZSentimentAlertList,
  }),
  getAlert: endpoint({
    method: 'GET',
    path: '/api/sentiment/alerts/:id',
    summary: 'An alert with its history, follow-up notes, reports and the moves the reader may make',
    params: ZUuidParams,
    response: ZSentimentAlertDetail,
  }),
  moveAlert: endpoint({
    method: 'POST',
    path: '/api/sentiment/alerts/:id/moves',
    summary: 'Acknowledge or close an alert (the addressed province), from the state and version seen',
    params: ZUuidParams,
    body: ZSentimentAlertMove,
    response: ZSentimentAlertDetail,
  }),
  addAlertNote: endpoint({
    method: 'POST',
    path: '/api/sentiment/alerts/:id/notes',
    summary: 'A follow-up note on an acknowledged alert (client-made id: a resend adds nothing)',
    params: ZUuidParams,
    body: ZSentimentAlertNote,
    response: ZSentimentAlertDetail,
  }),
};
