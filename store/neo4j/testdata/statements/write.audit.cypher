CYPHER 5
MATCH (lock:Curation {id: 'curation'})
SET lock.writes = coalesce(lock.writes, 0) + 1, lock.entries = coalesce(lock.entries, 0) + size($entries)
REMOVE lock.locked
WITH lock.writes AS writeSeq, lock.entries - size($entries) AS base
UNWIND range(0, size($entries) - 1) AS i
WITH writeSeq, base, i, $entries[i] AS entry
CREATE (a:Audit {seq: base + i + 1, writeSeq: writeSeq, at: $at, actor: $actor, action: $action,
  nodeId: entry.nodeId, before: entry.before, after: entry.after})
RETURN count(a) AS written
