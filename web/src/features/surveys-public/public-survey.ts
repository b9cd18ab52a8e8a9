import { useQuery } from '@tanstack/react-query';
import { surveyEndpoints, type ZPublicSurvey } from '#contracts/surveys/api.ts';
import type { z } from 'zod';
import { ApiError, call } from '../../api/client.ts';

export type PublicSurvey = z.infer<typeof ZPublicSurvey>;

const cacheKey = (token: string) => `dvs.survey.${token}`;

/** The copy of the form kept on this device for offline use (null when none or unreadable). */
export function cachedSurvey(token: string): PublicSurvey | null {
  try {
    const text = globalThis.localStorage?.getItem(cacheKey(token));
    return text ? (JSON.parse(text) as PublicSurvey) : null;
  } catch {
    return null;
  }
}

function keep(token: string, survey: PublicSurvey): void {
  try {
    globalThis.localStorage?.setItem(cacheKey(token), JSON.stringify(survey));
  } catch {
    // storage full or private mode: the form works while the page stays open
  }
}

/**
 * The form behind a link: fetched when there is a connection (and kept on the device), else the kept copy. A refusal
 * by the server (unknown or removed link) is shown as such and drops the copy.
 */
export const usePublicSurvey = (token: string) =>
  useQuery({
    queryKey: ['surveys-public', token],
    queryFn: async (): Promise<{ survey: PublicSurvey; offline: boolean }> => {
      try {
        const survey = await call(surveyEndpoints.publicForm, { params: { token } });
        keep(token, survey);
        return { survey, offline: false };
      } catch (error) {
        const cached = cachedSurvey(token);
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          try {
            globalThis.localStorage?.removeItem(cacheKey(token));
          } catch {
            // nothing kept
          }
          throw error;
        }
        if (cached) return { survey: cached, offline: true };
        throw error;
      }
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });
