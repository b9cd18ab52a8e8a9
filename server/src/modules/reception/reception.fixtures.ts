import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { attachFixtureFile } from '#server/platform/files/file.fixtures.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertActivity, insertDialogue, insertRecommendations, insertSession } from './reception.repository.ts';

/** One session, dialogue, Front activity and recommendation (with its answer's file) of the unit, for the foreign-scope test. */
export async function receptionScopeFixtures(db: Database, unitId: number, files: BlobStore): Promise<ScopeFixture> {
  const now = new Date();
  const sessionId = uuidv7();
  await insertSession(
    db,
    {
      id: sessionId, unit_id: unitId, schedule_id: null, held_on: '2026-01-05', kind: 'regular', role_kind: 'government_head', leader_person_id: null,
      leader_name: 'Nguyễn Văn Thử', leader_position: 'Chủ tịch UBND', leader_key: 'position:chu tich ubnd', persons_received: 3, notes: null,
      created_by: null, created_at: now,
    },
    [],
  );
  const dialogueId = uuidv7();
  const provinceId = await insertDialogue(db, {
    id: dialogueId, unit_id: unitId, kind: 'dialogue', held_on: '2026-01-10', subject: 'Đối thoại thử', place: null,
    leaders: JSON.stringify([{ personId: null, name: 'Nguyễn Văn Thử', position: 'Bí thư', roleKind: 'party_secretary' }]), by_head: true,
    participant_count: 40, participant_bodies: [], issues: [], notes: null, created_by: null, created_at: now,
  });
  const activityId = uuidv7();
  await insertActivity(db, {
    id: activityId, unit_id: unitId, kind: 'supervision', body: 'mttq', subject: 'Giám sát thử', period_from: '2026-01-01', period_to: '2026-01-20',
    findings: null, created_by: null, created_at: now,
  });
  const recommendationId = uuidv7();
  await insertRecommendations(db, [
    {
      id: recommendationId, province_id: provinceId, unit_id: unitId, dialogue_id: dialogueId, activity_id: null, content: 'Kiến nghị thử',
      addressed_unit_id: null, addressed_body: 'UBND xã', sent_on: '2026-01-10', due_on: '2026-02-10', created_by: null, created_at: now,
    },
  ]);
  const file = await attachFixtureFile(db, files, { type: 'reception_recommendation', id: recommendationId, unitId });
  return {
    '/api/reception/sessions/:id': { id: sessionId },
    '/api/reception/dialogues/:id': { id: dialogueId },
    '/api/reception/front-activities/:id': { id: activityId },
    '/api/reception/recommendations/:id': { id: recommendationId },
    '/api/reception/sessions': { unitId },
    '/api/reception/dialogues': { unitId },
    '/api/reception/front-activities': { unitId },
    '/api/reception/recommendations': { unitId },
    ...file,
  };
}
