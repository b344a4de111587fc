-- Data generations (SQLite 0045, the validators of answers a server process keeps) are not kept on PostgreSQL: one
-- counter row bumped by every writing transaction would serialise concurrent writers (team mode: many `marsad worker`
-- processes) on that row until they commit. PostgreSQL stores answer every read from the indexed read models
-- (0043, 0044) instead; `dataGeneration` is null there. This file keeps the migration names of both dialects equal.
SELECT 1;
