// Seed, step 4: evidence nodes, linked from the record that holds them
// (SUPPORTED_BY) and to the source they quote (CITES).
CYPHER 5
UNWIND $rows AS row
WITH row, row.owner AS ownerId, row.source AS sourceId
MATCH (owner:Node {id: ownerId})
MATCH (source:Source {id: sourceId})
MERGE (e:Evidence {id: row.id})
SET e.quote = row.quote, e.attribution = row.attribution, e.speaker = row.speaker,
  e.claim = row.claim, e.position = row.position
MERGE (owner)-[:SUPPORTED_BY]->(e)
MERGE (e)-[:CITES]->(source)
RETURN count(e) AS written
