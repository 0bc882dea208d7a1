// Seed, step 5: documents signed at meetings, as (:Meeting)-[:SIGNED]->(:Document)
// with the IDs of their evidence on the relationship.
CYPHER 5
UNWIND $rows AS row
WITH row, row.meeting AS meetingId
MATCH (m:Meeting {id: meetingId})
MERGE (d:Document {id: row.id})
SET d.description = row.description, d.count = row.count
MERGE (m)-[r:SIGNED]->(d)
SET r.position = row.position, r.evidence = row.evidence
RETURN count(r) AS written
