import { SENTIMENT_SEVERITIES, type TSentimentSeverity } from '#contracts/sentiment/api.ts';
import { t } from '../../i18n/i18n.ts';
import { useTopics } from './sentiment.api.ts';

/** The severity's Vietnamese name ("Cao", "Rất cao", …). */
export const severityName = (s: TSentimentSeverity) => t(`sentiment.severity.${s}`);

/** The `<option>`s of the configured topics, after an empty option labelled `empty`. */
export function TopicOptions({ empty }: { empty: string }) {
  const topics = useTopics();
  return (
    <>
      <option value="">{empty}</option>
      {(topics.data ?? []).map((topic) => (
        <option key={topic.code} value={topic.code}>
          {topic.name}
        </option>
      ))}
    </>
  );
}

/** The `<option>`s of the severities in order, after an empty option when `empty` is given. */
export function SeverityOptions({ empty }: { empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {SENTIMENT_SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {severityName(s)}
        </option>
      ))}
    </>
  );
}
