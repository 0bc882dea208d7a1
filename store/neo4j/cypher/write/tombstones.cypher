// Curation: tombstones. A merged ID gets one with its survivor (Nodes resolves
// it, Create refuses to reuse it); a deleted ID one without, so that seeding
// again does not bring the record back.
CYPHER 5
UNWIND $rows AS row
MERGE (t:Tombstone {id: row.id})
SET t.survivor = row.survivor
RETURN count(t) AS written
