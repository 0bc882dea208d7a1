CYPHER 5
UNWIND $rows AS row
MERGE (t:Tombstone {id: row.id})
SET t.survivor = row.survivor
RETURN count(t) AS written
