-- Word index of citizens' cases (issue 12 performance: accent-insensitive search p95 ≤ 50 ms on 5 million cases).
-- The trigram index (petition_case_search) has to intersect long posting lists when every word of the query is
-- common ("nguyễn văn hùng bồi thường": 27 cases of 617,000): 100–190 ms. The words of the folded search text
-- (search_text holds it already without diacritics, lower case: vn-text.ts foldVi) as a tsvector of the 'simple'
-- configuration (no stemming, no stop words), split on every character other than a–z and 0–9, exactly as the
-- repository splits the query (case.repository.ts searchWords), so "44-2025-000123" is the words 44, 2025 and 000123.
-- GIN with province_id first (btree_gin, as the trigram index): a search reads one province; an AND of prefix
-- terms skips along the rarest word's posting list. The column is generated, so every writer keeps it.
alter table petition_case add column search_words tsvector
  generated always as (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g'))) stored;
create index petition_case_words on petition_case using gin (province_id, search_words);
